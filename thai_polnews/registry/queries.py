"""Questions to the registry: who holds which office (``who``) and where a name occurs (``mentions``).

A typed name is looked up under every key it may be stored as (:func:`.keys.query_keys`):
its folded spelling (Latin names unaccented and case-folded), and for Thai script its
canonical romanisation and its letter key; stored spellings match too. Every answer is
sorted, so the same database always prints the same lines.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from .keys import date_interval, query_keys


@dataclass(frozen=True)
class Person:
    name_key: str
    disambiguator: int
    name: str
    persons_of_name: int  # how many persons share the name key


@dataclass(frozen=True)
class OfficeLine:
    """One office (or event) of a person, with every document that supports it."""

    date: Optional[str]
    date_source: Optional[str]
    kind: str
    event: Optional[str]
    subtype: Optional[str]
    position: Optional[str]
    organization: Optional[str]
    location: Optional[str]
    doc_code: Optional[str]
    documents: Tuple[str, ...]


@dataclass(frozen=True)
class MentionRow:
    document_id: str
    start: int
    end: int
    surface: str


def _keys_of(conn: sqlite3.Connection, name: str, label: str) -> List[str]:
    keys = query_keys(name, label)
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    found = {
        row[0]
        for row in conn.execute(
            f"SELECT DISTINCT name_key FROM mentions WHERE label = ? AND name_key IN ({marks}) "
            f"UNION SELECT DISTINCT name_key FROM mentions WHERE label = ? AND variant_key IN ({marks})",
            (label, *keys, label, *keys),
        )
    }
    if label == "PERSON":
        found |= {row[0] for row in conn.execute(f"SELECT name_key FROM persons WHERE name_key IN ({marks})", keys)}
    return sorted(found)


def find_persons(conn: sqlite3.Connection, name: str) -> List[Person]:
    """The persons ``name`` (any spelling) may refer to, by key and disambiguator."""
    out = []
    for key in _keys_of(conn, name, "PERSON"):
        rows = conn.execute(
            "SELECT disambiguator, name FROM persons WHERE name_key = ? ORDER BY disambiguator", (key,)
        ).fetchall()
        out.extend(Person(key, number, person_name, len(rows)) for number, person_name in rows)
    return out


def find_places(conn: sqlite3.Connection, name: str) -> List[Tuple[str, str]]:
    """``(name_key, name)`` of the places ``name`` (any spelling) may refer to."""
    keys = _keys_of(conn, name, "LOCATION")
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    return conn.execute(f"SELECT name_key, name FROM places WHERE name_key IN ({marks}) ORDER BY name_key", keys).fetchall()


def offices(conn: sqlite3.Connection, person: Person) -> List[OfficeLine]:
    """The person's offices and events over time: dated lines first (earliest first), then undated."""
    rows = conn.execute(
        "SELECT o.date, o.date_source, o.kind, o.event, o.subtype, o.position, o.organization, o.location, "
        "o.doc_code, o.document_id FROM offices o JOIN person_documents pd "
        "ON pd.name_key = o.person_key AND pd.document_id = o.document_id "
        "WHERE o.person_key = ? AND pd.disambiguator = ?",
        (person.name_key, person.disambiguator),
    )
    grouped: dict = {}
    for *fields, document_id in rows:
        grouped.setdefault(tuple(fields), set()).add(document_id)
    lines = [OfficeLine(*fields, documents=tuple(sorted(docs))) for fields, docs in grouped.items()]
    return sorted(lines, key=_office_order)


def _office_order(line: OfficeLine) -> tuple:
    interval = date_interval(line.date)
    return (
        interval is None,
        interval or ("", ""),
        line.date or "",
        line.date_source or "",
        *(value or "" for value in (line.kind, line.event, line.subtype, line.position, line.organization, line.location, line.doc_code)),
    )


def person_documents(conn: sqlite3.Connection, person: Person) -> List[str]:
    """Ids of the documents that name the person, sorted."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT document_id FROM person_documents WHERE name_key = ? AND disambiguator = ? ORDER BY document_id",
            (person.name_key, person.disambiguator),
        )
    ]


def person_mentions(conn: sqlite3.Connection, person: Person) -> List[MentionRow]:
    """Where the person is named: document, offsets, surface, in document and text order."""
    rows = conn.execute(
        "SELECT m.document_id, m.start_char, m.end_char, m.surface FROM mentions m JOIN person_documents pd "
        "ON pd.name_key = m.name_key AND pd.document_id = m.document_id "
        "WHERE m.label = 'PERSON' AND m.name_key = ? AND pd.disambiguator = ? ORDER BY m.document_id, m.start_char",
        (person.name_key, person.disambiguator),
    )
    return [MentionRow(*row) for row in rows]


def place_mentions(conn: sqlite3.Connection, name_key: str) -> List[MentionRow]:
    """Where the place is named, in document and text order."""
    rows = conn.execute(
        "SELECT document_id, start_char, end_char, surface FROM mentions WHERE label = 'LOCATION' AND name_key = ? "
        "ORDER BY document_id, start_char",
        (name_key,),
    )
    return [MentionRow(*row) for row in rows]


def person_title(person: Person) -> str:
    """The person's name, with ``#n`` when several persons share it."""
    return f"{person.name} #{person.disambiguator}" if person.persons_of_name > 1 else person.name


def format_office(line: OfficeLine) -> str:
    """``date  what  office · body · place · code  [documents]`` on one line."""
    date = line.date or "undated"
    if line.date and line.date_source == "document":
        date += " (document date)"
    what = "holds" if line.kind == "holds_position" else (line.event or "event")
    if line.subtype:
        what += f" ({line.subtype})"
    office = " · ".join(v for v in (line.position, line.organization, line.location) if v) or "-"
    code = f"  by {line.doc_code}" if line.doc_code else ""
    return f"{date}  {what}  {office}{code}  [{', '.join(line.documents)}]"


def format_mentions(rows: Sequence[MentionRow]) -> List[str]:
    """One ``document  start-end  surface`` line per mention."""
    return [f"{row.document_id}\t{row.start}-{row.end}\t{row.surface}" for row in rows]
