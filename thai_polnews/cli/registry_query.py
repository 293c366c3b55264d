"""What ``who`` and ``mentions`` share: a NAME and ``--db`` parser, and opening the registry."""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import Optional

from ..registry import RegistryError, connect
from .index import DEFAULT_DB


def query_parser(command: str, description: str, name_help: str) -> argparse.ArgumentParser:
    """The parser of ``thai-polnews COMMAND NAME [--db FILE]``."""
    parser = argparse.ArgumentParser(prog=f"thai-polnews {command}", description=description)
    parser.add_argument("name", help=name_help)
    parser.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=f"registry database (default {DEFAULT_DB})")
    return parser


def open_registry(command: str, db: Path) -> Optional[sqlite3.Connection]:
    """The registry at ``db``, or None after one line on stderr saying why it cannot be used."""
    try:
        return connect(db, create=False)
    except RegistryError as err:
        print(f"thai-polnews {command}: {err}", file=sys.stderr)
        return None
