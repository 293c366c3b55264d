"""``thai-polnews index``: load extract output (JSONL) into the registry database."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Optional, Sequence

from tqdm import tqdm

from ..registry import RegistryError, connect, index_files

DEFAULT_DB = "registry.sqlite"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thai-polnews index",
        description="Load extract output into an SQLite registry: documents, mentions, persons and places "
        "across documents, offices held, cited documents. Records already indexed with the same content are "
        "skipped; a known id with new content replaces its rows.",
    )
    parser.add_argument("inputs", nargs="+", type=Path, help="JSONL files (extract output, ANNOTATION.md format)")
    parser.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=f"registry database (default {DEFAULT_DB}; created if missing)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Exit 0 when every line was indexed, 3 when some were skipped, 2 when the database cannot be used."""
    args = build_parser().parse_args(argv)
    try:
        conn = connect(args.db)
    except RegistryError as err:
        print(f"thai-polnews index: {err}", file=sys.stderr)
        return 2
    bar = tqdm(unit="doc", desc="index", file=sys.stderr, disable=args.quiet)
    try:
        stats = index_files(conn, args.inputs, progress=bar.update)
    except sqlite3.DatabaseError as err:
        print(f"thai-polnews index: {args.db}: {err}", file=sys.stderr)
        return 2
    finally:
        bar.close()
        conn.close()
    for problem in stats.problems:
        print(problem, file=sys.stderr)
    print(stats.summary(), file=sys.stderr)
    return 3 if stats.problems else 0
