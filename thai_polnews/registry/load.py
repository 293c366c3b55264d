"""Streaming JSONL records into the registry: upsert by id and content hash, in batched transactions.

A record whose id is known with the same hash is skipped (indexing the same output
twice changes nothing); with another hash its old rows are deleted and the new ones
written. Persons and places of the names touched are recomputed at the end
(:func:`refresh_pending`, in chunks of names); until then the names wait in table ``pending_names``,
so that a run cut short is completed by the next one. Memory does not grow with
the number of records: lines are read one at a time.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, Optional, Tuple, Union

from .resolve import refresh
from .rows import DocumentRows, RecordError, record_rows

BATCH = 2000  # records per transaction
REFRESH_CHUNK = 2000  # names recomputed per step of the final refresh
CHILD_TABLES = ("mentions", "offices", "doc_codes", "person_documents")


@dataclass
class IndexStats:
    """What one indexing run did; ``problems`` are one-line ``path:line: reason`` messages."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped_relations: int = 0
    problems: List[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.added + self.replaced + self.unchanged + len(self.problems)

    def summary(self) -> str:
        text = (
            f"read {self.read}: {self.added} added, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {len(self.problems)} skipped"
        )
        if self.skipped_relations:
            text += f"; {self.skipped_relations} malformed relations ignored"
        return text


def iter_records(paths: Iterable[Union[str, Path]], problems: List[str]) -> Iterator[Tuple[str, int, str, dict]]:
    """``(source, line number, default id, record)`` of each JSONL line, streamed.

    Unreadable files and lines are appended to ``problems`` and skipped.
    """
    for path in map(Path, paths):
        try:
            handle = path.open("rb")
        except OSError as err:
            problems.append(f"{path}: cannot read: {err.strerror}")
            continue
        with handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw.decode("utf-8"))
                except UnicodeDecodeError as err:
                    problems.append(f"{path}:{number}: invalid UTF-8 at byte {err.start}")
                    continue
                except json.JSONDecodeError as err:
                    problems.append(f"{path}:{number}: invalid JSON: {err.msg}")
                    continue
                yield str(path), number, f"{path.stem}:{number}", record


def index_files(
    conn: sqlite3.Connection,
    paths: Iterable[Union[str, Path]],
    *,
    batch: int = BATCH,
    progress: Optional[Callable[[int], None]] = None,
) -> IndexStats:
    """Index the JSONL files ``paths`` into the registry ``conn`` (see the module docstring)."""
    stats = IndexStats()
    pending = 0
    try:
        for source, line, default_id, record in iter_records(paths, stats.problems):
            try:
                rows = record_rows(record, default_id)
            except RecordError as err:
                stats.problems.append(f"{source}:{line}: {err}")
                continue
            _upsert(conn, rows, source, line, stats)
            pending += 1
            if pending >= batch:
                conn.commit()
                if progress:
                    progress(pending)
                pending = 0
        refresh_pending(conn)
        conn.commit()
        if progress and pending:
            progress(pending)
    except BaseException:
        conn.rollback()
        raise
    return stats


def refresh_pending(conn: sqlite3.Connection, chunk: int = REFRESH_CHUNK) -> None:
    """Recompute the persons and places of ``pending_names``, ``chunk`` names at a time, then empty it.

    Chunks keep SQLite's sorts small, so memory does not grow with the archive.
    """
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS refresh_chunk (label TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (label, name_key))"
    )
    last = ("", "")
    while True:
        rows = conn.execute(
            "SELECT label, name_key FROM pending_names WHERE label > ? OR (label = ? AND name_key > ?) "
            "ORDER BY label, name_key LIMIT ?",
            (last[0], last[0], last[1], chunk),
        ).fetchall()
        if not rows:
            break
        conn.execute("DELETE FROM refresh_chunk")
        conn.executemany("INSERT INTO refresh_chunk (label, name_key) VALUES (?, ?)", rows)
        refresh(conn, "refresh_chunk")
        last = rows[-1]
    conn.execute("DELETE FROM refresh_chunk")
    conn.execute("DELETE FROM pending_names")


def _upsert(conn: sqlite3.Connection, rows: DocumentRows, source: str, line: int, stats: IndexStats) -> None:
    found = conn.execute("SELECT hash FROM documents WHERE id = ?", (rows.id,)).fetchone()
    if found is not None and found[0] == rows.hash:
        stats.unchanged += 1
        return
    if found is not None:
        _delete(conn, rows.id)
        stats.replaced += 1
    else:
        stats.added += 1
    stats.skipped_relations += rows.skipped_relations
    conn.execute("INSERT INTO documents (id, source, line, hash) VALUES (?, ?, ?, ?)", (rows.id, source, line, rows.hash))
    conn.executemany(
        "INSERT INTO mentions (document_id, entity, start_char, end_char, label, surface, canonical, name_key, variant_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(rows.id, m.entity, m.start, m.end, m.label, m.surface, m.canonical, m.name_key, m.variant_key) for m in rows.mentions],
    )
    conn.executemany(
        "INSERT INTO offices (document_id, relation, kind, event, subtype, person_entity, person_key, position, "
        "organization, location, location_key, doc_code, date, date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (rows.id, o.relation, o.kind, o.event, o.subtype, o.person_entity, o.person_key, o.position,
             o.organization, o.location, o.location_key, o.doc_code, o.date, o.date_source)
            for o in rows.offices
        ],
    )
    conn.executemany(
        "INSERT INTO doc_codes (document_id, entity, code, code_key, issuer, date) VALUES (?, ?, ?, ?, ?, ?)",
        [(rows.id, c.entity, c.code, c.code_key, c.issuer, c.date) for c in rows.doc_codes],
    )
    names = rows.name_keys()
    persons = sorted({key for label, key in names if label == "PERSON"} | {o.person_key for o in rows.offices})
    conn.executemany(
        "INSERT INTO person_documents (name_key, document_id, disambiguator) VALUES (?, ?, 1)",
        [(key, rows.id) for key in persons],
    )
    touched = names + [("PERSON", key) for key in persons] + [("LOCATION", o.location_key) for o in rows.offices if o.location_key]
    conn.executemany("INSERT OR IGNORE INTO pending_names (label, name_key) VALUES (?, ?)", touched)


def _delete(conn: sqlite3.Connection, document_id: str) -> None:
    """Remove a document's rows, remembering its names for the refresh."""
    conn.execute(
        "INSERT OR IGNORE INTO pending_names (label, name_key) SELECT DISTINCT label, name_key FROM mentions "
        "WHERE document_id = ? AND name_key IS NOT NULL",
        (document_id,),
    )
    conn.execute(
        "INSERT OR IGNORE INTO pending_names (label, name_key) SELECT DISTINCT 'PERSON', name_key FROM person_documents "
        "WHERE document_id = ?",
        (document_id,),
    )
    for table in CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
