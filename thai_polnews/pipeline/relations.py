"""Component: relations between the entities of a Doc (docs/ANNOTATION.md, "Relations")."""
from __future__ import annotations

from typing import Iterable, List

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..records import sentence_offsets
from ..relations import EVENT_TYPES, RELATION_TYPES, extract_relations
from ..spans import doc_text


class RelationExtractor:
    """Sets ``doc._.relations``: dicts of indices into ``list(doc.ents)``, sorted."""

    def __init__(self, name: str, types: List[str]) -> None:
        unknown = sorted(set(types) - set(RELATION_TYPES))
        if unknown:
            raise ValueError(f"unknown relation type(s) {unknown}; known: {', '.join(RELATION_TYPES)}")
        self.name = name
        self.types = tuple(types)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        relations = extract_relations(doc_text(doc), ents, sentence_offsets(doc)) if ents else []
        doc._.relations = [r for r in relations if r["type"] in self.types]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "thai_polnews_relations_v1",
    assigns=["doc._.relations"],
    requires=["doc.ents"],
    default_config={"types": list(RELATION_TYPES)},
)
def make_relation_extractor(nlp: Language, name: str, *, types: List[str]) -> RelationExtractor:
    """``holds_position``, ``issued_by``, ``dated`` and ``event`` relations (event types:
    appointment, election, transfer, retirement, discipline) by the rules of
    :mod:`thai_polnews.relations`; ``types`` keeps only some relation types."""
    return RelationExtractor(name, types)


__all__ = ["RelationExtractor", "make_relation_extractor", "EVENT_TYPES"]
