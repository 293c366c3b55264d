"""One JSONL record (ANNOTATION.md format, optional ``relations``) turned into registry rows.

Pure: no database. Mentions for every entity (name keys for PERSON and LOCATION),
offices from ``holds_position`` and ``event`` relations, and the document codes the
record cites with their issuer (``issued_by``) and date (``dated``). A record without
``relations`` (older extract output) gives mentions and codes, no offices.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .keys import NAME_LABELS, code_key, date_value, name_key, variant_key

OFFICE_RELATIONS = ("holds_position", "event")
ROLES = ("person", "position", "organization", "location", "doc_code", "date", "issuer")


class RecordError(ValueError):
    """The record cannot be indexed (the message is one line)."""


@dataclass
class Mention:
    entity: int
    start: int
    end: int
    label: str
    surface: str
    canonical: Optional[str]
    name_key: Optional[str]
    variant_key: Optional[str]


@dataclass
class Office:
    relation: int
    kind: str  # holds_position or event
    event: Optional[str]
    subtype: Optional[str]
    person_entity: int
    person_key: str
    position: Optional[str]
    organization: Optional[str]
    location: Optional[str]
    location_key: Optional[str]
    doc_code: Optional[str]
    date: Optional[str]
    date_source: Optional[str]  # "relation", "document" (its first DATE) or None


@dataclass
class DocCode:
    entity: int
    code: str
    code_key: str
    issuer: Optional[str]
    date: Optional[str]


@dataclass
class DocumentRows:
    id: str
    hash: str
    mentions: List[Mention] = field(default_factory=list)
    offices: List[Office] = field(default_factory=list)
    doc_codes: List[DocCode] = field(default_factory=list)
    skipped_relations: int = 0

    def name_keys(self) -> List[Tuple[str, str]]:
        """Distinct ``(label, name_key)`` of the PERSON and LOCATION mentions, sorted."""
        return sorted({(m.label, m.name_key) for m in self.mentions if m.name_key})


def record_hash(record: Dict[str, Any]) -> str:
    """SHA-256 of the record's JSON with sorted keys: the same content gives the same hash."""
    data = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def record_rows(record: Dict[str, Any], default_id: str) -> DocumentRows:
    """All rows of one record; raises :class:`RecordError` when its text or entities are unusable."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise RecordError("no string 'text' field")
    text = record["text"]
    entities = record.get("entities") or []
    if not isinstance(entities, list):
        raise RecordError("'entities' is not a list")
    doc_id = record.get("id")
    rows = DocumentRows(id=str(doc_id) if doc_id is not None else default_id, hash=record_hash(record))
    for index, ent in enumerate(entities):
        rows.mentions.append(_mention(index, ent, text))
    relations = record.get("relations") or []
    if not isinstance(relations, list):
        raise RecordError("'relations' is not a list")
    first_date = next((date_value(e) for e in entities if e.get("label") == "DATE" and date_value(e)), None)
    for number, relation in enumerate(relations):
        roles = _roles(relation, rows.mentions)
        if roles is None:
            rows.skipped_relations += 1
            continue
        kind = relation["type"]
        if kind in OFFICE_RELATIONS and "person" in roles:
            rows.offices.append(_office(number, relation, roles, rows.mentions, entities, first_date))
        elif kind in OFFICE_RELATIONS:
            rows.skipped_relations += 1
    rows.doc_codes = _doc_codes(relations, rows.mentions, entities)
    return rows


def _mention(index: int, ent: Any, text: str) -> Mention:
    if not isinstance(ent, dict):
        raise RecordError(f"entity {index} is not an object")
    start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise RecordError(f"entity {index}: offsets outside the text")
    if not isinstance(label, str):
        raise RecordError(f"entity {index}: no label")
    surface = text[start:end]
    attrs = ent.get("attrs") if isinstance(ent.get("attrs"), dict) else {}
    value = attrs.get("canonical")
    canonical = value if isinstance(value, str) and value.strip() else None
    if label in NAME_LABELS:
        return Mention(index, start, end, label, surface, canonical, name_key(surface, label, canonical), variant_key(surface))
    return Mention(index, start, end, label, surface, canonical, None, None)


def _roles(relation: Any, mentions: List[Mention]) -> Optional[Dict[str, int]]:
    """Role -> entity index, or None when the relation is malformed (unknown type, bad index)."""
    if not isinstance(relation, dict) or not isinstance(relation.get("type"), str):
        return None
    roles = {}
    for role in ROLES:
        if role not in relation:
            continue
        index = relation[role]
        if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(mentions):
            return None
        roles[role] = index
    return roles


def _office(number: int, relation: Dict[str, Any], roles: Dict[str, int], mentions: List[Mention],
            entities: List[Dict[str, Any]], first_date: Optional[str]) -> Office:
    person = mentions[roles["person"]]

    def surface(role: str) -> Optional[str]:
        return mentions[roles[role]].surface if role in roles else None

    date, source = None, None
    if "date" in roles:
        date = date_value(entities[roles["date"]])
        source = "relation" if date else None
    if date is None and first_date is not None:
        date, source = first_date, "document"
    location = mentions[roles["location"]] if "location" in roles else None
    is_event = relation["type"] == "event"
    return Office(
        relation=number,
        kind=relation["type"],
        event=str(relation.get("event")) if is_event and relation.get("event") else None,
        subtype=str(relation.get("subtype")) if is_event and relation.get("subtype") else None,
        person_entity=roles["person"],
        person_key=person.name_key or name_key(person.surface, "PERSON", person.canonical),
        position=surface("position"),
        organization=surface("organization"),
        location=location.surface if location else None,
        location_key=(location.name_key or name_key(location.surface, "LOCATION", location.canonical)) if location else None,
        doc_code=surface("doc_code"),
        date=date,
        date_source=source,
    )


def _doc_codes(relations: List[Any], mentions: List[Mention], entities: List[Dict[str, Any]]) -> List[DocCode]:
    """Every DOC_CODE mention with the first issuer and date its relations give."""
    issuer: Dict[int, str] = {}
    dated: Dict[int, str] = {}
    for relation in relations:
        roles = _roles(relation, mentions)
        if roles is None or "doc_code" not in roles:
            continue
        code = roles["doc_code"]
        if relation["type"] == "issued_by" and "issuer" in roles:
            issuer.setdefault(code, mentions[roles["issuer"]].surface)
        elif relation["type"] == "dated" and "date" in roles:
            dated.setdefault(code, date_value(entities[roles["date"]]) or mentions[roles["date"]].surface)
    return [
        DocCode(m.entity, m.surface, code_key(m.surface), issuer.get(m.entity), dated.get(m.entity))
        for m in mentions
        if m.label == "DOC_CODE"
    ]
