"""The registry's tables, as plain SQL, and opening a database file.

The DDL uses only portable types (TEXT, INTEGER) and plain indexes, so the same
statements create the schema on a server database (README: PostgreSQL). SQLite-only
settings (``PRAGMA``) are applied in :func:`connect`, outside the schema.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Union

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS registry_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- one row per indexed record; a new hash for a known id replaces the record's rows
CREATE TABLE IF NOT EXISTS documents (
    id     TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    line   INTEGER,
    hash   TEXT NOT NULL
);
-- every entity of every record; name_key / variant_key only for PERSON and LOCATION
CREATE TABLE IF NOT EXISTS mentions (
    document_id TEXT NOT NULL REFERENCES documents (id),
    entity      INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    surface     TEXT NOT NULL,
    canonical   TEXT,
    name_key    TEXT,
    variant_key TEXT,
    PRIMARY KEY (document_id, entity)
);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions (label, name_key) WHERE name_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS mentions_variant ON mentions (label, variant_key) WHERE variant_key IS NOT NULL;
-- persons: name key + disambiguator (1, 2, ... when one name holds conflicting offices)
CREATE TABLE IF NOT EXISTS persons (
    name_key      TEXT NOT NULL,
    disambiguator INTEGER NOT NULL,
    name          TEXT NOT NULL,
    PRIMARY KEY (name_key, disambiguator)
);
-- which person a document's mentions of a name are
CREATE TABLE IF NOT EXISTS person_documents (
    name_key      TEXT NOT NULL,
    document_id   TEXT NOT NULL REFERENCES documents (id),
    disambiguator INTEGER NOT NULL,
    PRIMARY KEY (name_key, document_id)
);
CREATE INDEX IF NOT EXISTS person_documents_document ON person_documents (document_id);
CREATE TABLE IF NOT EXISTS places (
    name_key TEXT PRIMARY KEY,
    name     TEXT NOT NULL
);
-- offices held, from holds_position and event relations
CREATE TABLE IF NOT EXISTS offices (
    document_id   TEXT NOT NULL REFERENCES documents (id),
    relation      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    event         TEXT,
    subtype       TEXT,
    person_entity INTEGER NOT NULL,
    person_key    TEXT NOT NULL,
    position      TEXT,
    organization  TEXT,
    location      TEXT,
    location_key  TEXT,
    doc_code      TEXT,
    date          TEXT,
    date_source   TEXT,
    PRIMARY KEY (document_id, relation)
);
CREATE INDEX IF NOT EXISTS offices_person ON offices (person_key);
-- names whose persons or places must be recomputed (emptied at the end of each index run)
CREATE TABLE IF NOT EXISTS pending_names (
    label    TEXT NOT NULL,
    name_key TEXT NOT NULL,
    PRIMARY KEY (label, name_key)
);
-- the documents (DOC_CODE) the records cite, with issuer and date from their relations
CREATE TABLE IF NOT EXISTS doc_codes (
    document_id TEXT NOT NULL REFERENCES documents (id),
    entity      INTEGER NOT NULL,
    code        TEXT NOT NULL,
    code_key    TEXT NOT NULL,
    issuer      TEXT,
    date        TEXT,
    PRIMARY KEY (document_id, entity)
);
CREATE INDEX IF NOT EXISTS doc_codes_code ON doc_codes (code_key);
"""

TABLES = ("documents", "mentions", "persons", "person_documents", "places", "offices", "doc_codes", "pending_names")


class RegistryError(Exception):
    """The database is missing or is not a registry (the message is one line)."""


def connect(path: Union[str, Path], *, create: bool = True) -> sqlite3.Connection:
    """Open the registry at ``path``; create its tables when ``create``, else it must exist.

    Raises :class:`RegistryError` for a missing file (``create=False``) or a file that
    is not an SQLite registry.
    """
    path = Path(path)
    if not create and not path.is_file():
        raise RegistryError(f"no registry database at {path} (build one with 'thai-polnews index')")
    try:
        conn = sqlite3.connect(str(path))
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")  # 64 MiB of page cache; sorts spill to temp files: memory stays flat
        if create:
            conn.executescript(SCHEMA)
            conn.execute(
                "INSERT OR IGNORE INTO registry_meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            conn.commit()
        found = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as err:
        raise RegistryError(f"{path} is not a registry database: {err}") from None
    missing = [t for t in TABLES if t not in found]
    if missing:
        conn.close()
        raise RegistryError(f"{path} is not a registry database (no table {missing[0]})")
    return conn
