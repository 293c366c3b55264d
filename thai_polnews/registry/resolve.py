"""Persons and places across documents, and the rule that keeps two people of one name apart.

Spellings meet by name key (:mod:`.keys`): every PERSON mention with the same key
is, by default, one person, and every LOCATION mention with the same key one place.

**Two people with one name.** A person is ``(name key, disambiguator)``. The
disambiguator comes from the places of the offices the name holds (the
``location`` of its ``holds_position`` and ``event`` relations):

1. The name's located offices are grouped by place; each place gets the time span
   its dated offices cover (first to last day; ``2024`` covers the whole year).
2. Places are taken in order of that span (earliest first, then by place key;
   places with no dated office last). A place joins the first person, numbered
   1, 2, ..., none of whose places has a span overlapping its own; when every
   person already holds an overlapping place, the place starts a new person.
   A place with no dated office cannot conflict and joins person 1.
3. A document's mentions of the name belong to the person of its places (the
   lowest number if a document names the name in places of two persons);
   documents that give the name no located office belong to person 1.

So one name holding offices in two provinces at the same time is two people
(``who`` lists them separately), while the same name moving from one province to
another over time (offices that do not overlap) stays one person. The result
depends only on the database's content, never on the order of indexing.
"""
from __future__ import annotations

import sqlite3
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from ..names.thai_script import is_thai
from ..names.vietnamese import unaccent
from .keys import THAI_KEY_PREFIX, date_interval

Interval = Tuple[str, str]


def assign_persons(offices: Iterable[Tuple[str, str, Optional[str]]]) -> Dict[str, int]:
    """Disambiguator (1, 2, ...) per document from one name's located offices.

    ``offices``: ``(document_id, location_key, date)`` triples, date an ISO value or None.
    """
    spans: Dict[str, Optional[Interval]] = {}
    documents: Dict[str, set] = {}
    for document_id, location, date in offices:
        documents.setdefault(document_id, set()).add(location)
        interval = date_interval(date)
        span = spans.get(location)
        if interval is None:
            spans.setdefault(location, None)
        elif span is None:
            spans[location] = interval
        else:
            spans[location] = (min(span[0], interval[0]), max(span[1], interval[1]))
    order = sorted(spans, key=lambda loc: (spans[loc] is None, spans[loc] or ("", ""), loc))
    persons: List[List[Interval]] = []
    person_of: Dict[str, int] = {}
    for location in order:
        span = spans[location]
        if span is None:
            if not persons:
                persons.append([])
            person_of[location] = 1
            continue
        for number, held in enumerate(persons, start=1):
            if not any(_overlap(span, other) for other in held):
                held.append(span)
                person_of[location] = number
                break
        else:
            persons.append([span])
            person_of[location] = len(persons)
    return {doc: min(person_of[loc] for loc in locs) for doc, locs in sorted(documents.items())}


def _overlap(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def refresh(conn: sqlite3.Connection, touched: str = "pending_names") -> None:
    """Recompute persons and places for the ``(label, name_key)`` rows of table ``touched``.

    Runs inside the caller's transaction.
    """
    persons_touched = f"SELECT name_key FROM {touched} WHERE label = 'PERSON'"
    places_touched = f"SELECT name_key FROM {touched} WHERE label = 'LOCATION'"
    conn.execute(
        f"UPDATE person_documents SET disambiguator = 1 WHERE disambiguator <> 1 AND name_key IN ({persons_touched})"
    )
    split = [
        row[0]
        for row in conn.execute(
            f"SELECT person_key FROM offices WHERE location_key IS NOT NULL AND person_key IN ({persons_touched}) "
            "GROUP BY person_key HAVING COUNT(DISTINCT location_key) > 1 ORDER BY person_key"
        )
    ]
    for key in split:
        rows = conn.execute(
            "SELECT document_id, location_key, date FROM offices WHERE person_key = ? AND location_key IS NOT NULL",
            (key,),
        ).fetchall()
        conn.executemany(
            "UPDATE person_documents SET disambiguator = ? WHERE name_key = ? AND document_id = ?",
            [(number, key, doc) for doc, number in assign_persons(rows).items() if number != 1],
        )
    conn.execute(f"DELETE FROM persons WHERE name_key IN ({persons_touched})")
    names = _best_names(
        conn,
        "SELECT pd.name_key, pd.disambiguator, m.canonical IS NULL, COALESCE(m.canonical, m.surface), COUNT(*) "
        "FROM person_documents pd JOIN mentions m ON m.document_id = pd.document_id "
        "AND m.label = 'PERSON' AND m.name_key = pd.name_key "
        f"WHERE pd.name_key IN ({persons_touched}) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 5 DESC, 4",
        2,
    )
    conn.executemany("INSERT INTO persons (name_key, disambiguator, name) VALUES (?, ?, ?)", names)
    # a person named only as the role of a relation (never a PERSON mention) keeps its key as name
    conn.execute(
        "INSERT OR IGNORE INTO persons (name_key, disambiguator, name) "
        f"SELECT DISTINCT name_key, disambiguator, name_key FROM person_documents WHERE name_key IN ({persons_touched})"
    )
    conn.execute(f"DELETE FROM places WHERE name_key IN ({places_touched})")
    names = _best_names(
        conn,
        "SELECT name_key, canonical IS NULL, COALESCE(canonical, surface), COUNT(*) FROM mentions "
        f"WHERE label = 'LOCATION' AND name_key IN ({places_touched}) GROUP BY 1, 2, 3 ORDER BY 1, 2, 4 DESC, 3",
        1,
    )
    conn.executemany("INSERT INTO places (name_key, name) VALUES (?, ?)", names)


def _best_names(conn: sqlite3.Connection, query: str, width: int) -> Iterator[tuple]:
    """First row per group of the ordered ``query``: the group's ``width`` key columns and its name.

    The name is the most frequent canonical form (a surface only when no mention has one,
    see :func:`display_name`), ties broken alphabetically, so the result never depends on indexing order. Streamed.
    """
    previous = None
    for row in conn.execute(query):
        group = tuple(row[:width])
        if group != previous:
            yield (*group, display_name(row[0], row[width + 1], from_record=not row[width]))
            previous = group


def display_name(key: str, name: str, *, from_record: bool) -> str:
    """``name`` as chosen; without a record's canonical form, a Latin spelling is shown unaccented
    (as ANNOTATION.md canonical forms are) and a Thai one the library could read as its romanisation."""
    if from_record or key.startswith(THAI_KEY_PREFIX):
        return name
    if not is_thai(name):
        return unaccent(name)
    return " ".join(word[:1].upper() + word[1:] for word in key.split())
