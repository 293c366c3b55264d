"""Known places right after a place head word: ``แขวง[พงสาลี]``, ``มณฑล[ยูนนาน]``, ``จังหวัด [ห่าซาง]``.

A small model often stops inside a place glued to its head word (``แขวง[พง]สาลี``)
or misses a foreign one it never saw. When a place head word (``span_cues.tsv``)
is followed, glued or after one space, by a place the project knows (a province,
district or region of the gazetteer in any Thai spelling it renders, a country,
a Thai province, or a foreign city or province of ``data/names/foreign_places.tsv``),
that whole name is a LOCATION, provided it ends where a word ends and what
follows is no fragment of a longer name.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, FrozenSet, List, Optional, Sequence

from ..names.gazetteer import place_forms
from ..names.negatives import foreign_places
from ..rules.base import RuleMatch, without_overlaps

MIN_LENGTH = 2


@lru_cache(maxsize=1)
def known_places() -> FrozenSet[str]:
    """Thai spellings (no spaces) of every place the gazetteer and the foreign-place lists know."""
    return frozenset(p for p in place_forms() | foreign_places() if len(p) >= MIN_LENGTH and " " not in p)


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(map(len, known_places()))


def known_place_at(text: str, start: int) -> Optional[int]:
    """End of the longest known place spelled at ``text[start:]``, or None."""
    places = known_places()
    for length in range(min(_longest(), len(text) - start), MIN_LENGTH - 1, -1):
        if text[start : start + length] in places:
            return start + length
    return None


def cue_places(text: str, cues: Sequence[str], ends_word: Callable[[int], bool]) -> List[RuleMatch]:
    """LOCATION spans of known places after a place head word in ``cues``.

    ``ends_word(offset)`` tells whether a name may end at ``offset`` (a word edge
    followed by no name fragment); the caller has the text's words.
    """
    out: List[RuleMatch] = []
    for cue in cues:
        at = text.find(cue)
        while at >= 0:
            start = at + len(cue)
            if start < len(text) and text[start] == " ":
                start += 1
            end = known_place_at(text, start)
            if end is not None and ends_word(end):
                out.append(RuleMatch(start, end, "LOCATION"))
            at = text.find(cue, at + 1)
    return without_overlaps(out)
