"""``thai-polnews mentions NAME``: where a person or place is named (document, offsets, surface)."""
from __future__ import annotations

import argparse
import sys
from typing import Optional, Sequence

from ..registry.queries import find_persons, find_places, format_mentions, person_mentions, person_title, place_mentions
from .registry_query import open_registry, query_parser


def build_parser() -> argparse.ArgumentParser:
    return query_parser(
        "mentions",
        "Every mention of a person or place in the registry, any spelling, "
        "as 'document<TAB>start-end<TAB>surface' under a PERSON or LOCATION heading.",
        "the person's or place's name",
    )


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Exit 0 with an answer, 1 for a name the registry does not know, 2 without a usable database."""
    args = build_parser().parse_args(argv)
    conn = open_registry("mentions", args.db)
    if conn is None:
        return 2
    with conn:
        blocks = []
        for person in find_persons(conn, args.name):
            rows = person_mentions(conn, person)
            if rows:
                blocks.append("\n".join([f"PERSON {person_title(person)}", *format_mentions(rows)]))
        for key, name in find_places(conn, args.name):
            rows = place_mentions(conn, key)
            if rows:
                blocks.append("\n".join([f"LOCATION {name}", *format_mentions(rows)]))
    conn.close()
    if not blocks:
        print(f"thai-polnews mentions: no person or place named {args.name!r} in {args.db}", file=sys.stderr)
        return 1
    print("\n\n".join(blocks))
    return 0
