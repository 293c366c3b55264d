"""A registry across documents: extract output loaded into SQLite (standard library).

``thai-polnews index OUT.jsonl... --db registry.sqlite`` loads records (:mod:`.load`);
``thai-polnews who NAME`` and ``thai-polnews mentions NAME`` answer from it
(:mod:`.queries`). Tables (:mod:`.schema`): documents, mentions, persons and places
resolved across documents by canonical name and spelling (:mod:`.keys`), offices
held from ``holds_position`` and ``event`` relations, and the cited document codes
with issuer and date. Two people of one name are kept apart when their offices
conflict: the rule is in :mod:`.resolve`.
"""
from .load import IndexStats, index_files
from .queries import find_persons, find_places, offices, person_mentions, place_mentions
from .resolve import assign_persons
from .schema import SCHEMA, RegistryError, connect

__all__ = [
    "SCHEMA",
    "IndexStats",
    "RegistryError",
    "assign_persons",
    "connect",
    "find_persons",
    "find_places",
    "index_files",
    "offices",
    "person_mentions",
    "place_mentions",
]
