"""Relations between the entities of one document (docs/ANNOTATION.md, "Relations").

Pure functions over the entity sequence and the words between entities:
:func:`extract_relations` returns ``holds_position``, ``issued_by``, ``dated`` and
``event`` relations as dicts of indices into the entity list.
"""
from .base import (  # noqa: F401
    EVENT_TYPES,
    RELATION_TYPES,
    relation_sort_key,
    sort_relations,
    validate_relations,
)
from .extract import Ent, document_facts, events, extract_relations, holds_positions  # noqa: F401
