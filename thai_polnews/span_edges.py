"""Span edges that fall inside a Latin-script word: a span must never cut one."""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any, Dict, List, Sequence, Tuple

from .rules.base import RuleMatch, without_overlaps


def is_latin_letter(ch: str) -> bool:
    """True for a letter of the Latin script, Vietnamese letters with diacritics included."""
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def edges_inside_latin_words(text: str, entities: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One dict per span edge with a Latin letter on both sides (``side`` is ``start`` or ``end``).

    ``PhanTanCanh`` cut as ``Phan|TanCanh`` gives one; an edge next to a space,
    a digit or Thai script gives none.
    """
    cuts = []
    for ent in entities:
        for side, at in (("start", ent["start"]), ("end", ent["end"])):
            if 0 < at < len(text) and is_latin_letter(text[at - 1]) and is_latin_letter(text[at]):
                cuts.append({"side": side, "offset": at, "label": ent["label"],
                             "span": text[ent["start"]:ent["end"]]})
    return cuts


def latin_word_edges(text: str, start: int, end: int) -> Tuple[int, int]:
    """``(start, end)`` widened so that neither edge falls inside a Latin-script word."""
    while 0 < start < len(text) and is_latin_letter(text[start - 1]) and is_latin_letter(text[start]):
        start -= 1
    while 0 < end < len(text) and is_latin_letter(text[end - 1]) and is_latin_letter(text[end]):
        end += 1
    return start, end


def snap_to_latin_words(text: str, matches: Sequence[RuleMatch]) -> List[RuleMatch]:
    """``matches`` with every edge moved out of the Latin word it falls in (ANNOTATION.md: a
    span never cuts a Latin word); where two spans then overlap, the earlier (longer) one stays.

    The model reads subword pieces, so ``VOVWORLD`` can come back as ``[VOV]WORLD``; the
    whole word is the entity or none of it is.
    """
    moved = []
    for match in matches:
        start, end = latin_word_edges(text, match.start, match.end)
        moved.append(match if (start, end) == (match.start, match.end) else replace(match, start=start, end=end))
    return without_overlaps(moved)
