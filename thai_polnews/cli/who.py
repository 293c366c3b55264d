"""``thai-polnews who NAME``: a person's offices over time, each with the documents that support it."""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from ..registry.queries import find_persons, format_office, offices, person_documents, person_title
from .registry_query import open_registry, query_parser

MAX_LISTED = 20  # documents listed for a person without offices


def build_parser() -> argparse.ArgumentParser:
    return query_parser(
        "who",
        "Offices a person held over time, from the registry. NAME in any spelling: "
        "Thai or Latin script, with or without diacritics.",
        "the person's name",
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Exit 0 with an answer, 1 for a name the registry does not know, 2 without a usable database."""
    args = build_parser().parse_args(argv)
    conn = open_registry("who", args.db)
    if conn is None:
        return 2
    with conn:
        persons = find_persons(conn, args.name)
        if not persons:
            print(f"thai-polnews who: no person named {args.name!r} in {args.db}", file=sys.stderr)
            return 1
        blocks = []
        for person in persons:
            lines = [person_title(person)]
            held = offices(conn, person)
            lines.extend("  " + format_office(line) for line in held)
            if not held:
                docs = person_documents(conn, person)
                listed = ", ".join(docs[:MAX_LISTED]) + (f" and {len(docs) - MAX_LISTED} more" if len(docs) > MAX_LISTED else "")
                lines.append(f"  no office recorded; named in {listed}")
            blocks.append("\n".join(lines))
    conn.close()
    print("\n\n".join(blocks))
    return 0
