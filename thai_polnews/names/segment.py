"""Split a Thai-script name into Vietnamese syllables by dynamic programming.

Joined names (``ดังซวนฟอง``) and broken ones (``มิง ห์``) have no reliable
syllable boundaries, so every split into inventory spellings is scored and the
cheapest wins: match cost of each piece, rarity of its best reading, a fixed
cost per syllable (fewer, longer pieces preferred) and a penalty for a piece
that swallows a space.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from .frequency import weight
from .inventory import Inventory, Readings
from .thai_script import skeleton, skeleton_letters

SYLLABLE_COST = 1.0
SPACE_INSIDE_COST = 1.5
RARITY_SCALE = 0.35
TOP_WEIGHT = 500.0


@dataclass(frozen=True)
class Piece:
    """One Thai piece of a name and its possible readings with costs."""

    text: str
    start: int
    end: int
    readings: Readings


@dataclass(frozen=True)
class Segmentation:
    """The cheapest split of a name and its total cost."""

    pieces: Tuple[Piece, ...]
    cost: float

    @property
    def mean_cost(self) -> float:
        """Average cost per syllable (a confidence measure: lower is surer)."""
        return self.cost / max(1, len(self.pieces))


@lru_cache(maxsize=16384)
def rarity(reading: str, role: str = "total") -> float:
    """Cost of a reading from its weight: 0 for the commonest syllables, higher for rare ones."""
    return RARITY_SCALE * (math.log(TOP_WEIGHT) - math.log(0.5 + weight(reading, role) + 0.1 * weight(reading)))


def segment(text: str, inv: Inventory) -> Optional[Segmentation]:
    """Cheapest split of ``text`` (Thai, spaces allowed) into inventory syllables, or None."""
    letters, spaced = _strip_spaces(text)
    n = len(letters)
    best: List[Optional[Tuple[float, int, Readings]]] = [None] * (n + 1)
    best[0] = (0.0, 0, {})
    spaces_before = [0] * (n + 1)  # spaces_before[k]: letters 1..k-1 with a space before them
    for k in range(1, n + 1):
        spaces_before[k] = spaces_before[k - 1] + (spaced[k - 1] if k > 1 else 0)
    known = _known_starts(letters, inv)
    for end in range(1, n + 1):
        for start in known[end] if known is not None else range(max(0, end - inv.max_len), end):
            if best[start] is None:
                continue
            readings, piece_cost = _piece(inv, letters[start:end])
            if not readings:
                continue
            inside = spaces_before[end] - spaces_before[start + 1]
            cost = best[start][0] + SYLLABLE_COST + piece_cost + SPACE_INSIDE_COST * inside
            if best[end] is None or cost < best[end][0]:
                best[end] = (cost, start, readings)
    if best[n] is None or n == 0:
        return None
    return Segmentation(_backtrack(letters, best), best[n][0])


def _known_starts(letters: str, inv: Inventory) -> Optional[List[List[int]]]:
    """For each end offset, in increasing order, the starts of the pieces of ``letters`` ending
    there that may be in ``inv`` (a superset of those :meth:`Inventory.lookup` finds), or ``None``
    when ``letters`` is not Thai-only.

    Most pieces a segmentation tries are in no index; their skeletons (``thai_script.skeleton``)
    rule them out without computing their keys, and the walk from a start stops as soon as no
    inventory skeleton begins with the piece's.
    """
    shape = skeleton_letters(letters)
    if shape is None:
        return None
    whole, prefixes = _skeletons(inv)
    n = len(letters)
    starts: List[List[int]] = [[] for _ in range(n + 1)]
    for start in range(n):
        prefix = ""
        for end in range(start + 1, min(n, start + inv.max_len) + 1):
            prefix += shape[end - 1]
            if prefix not in prefixes:
                break
            if prefix in whole:
                starts[end].append(start)
    return starts


@lru_cache(maxsize=4)
def _skeletons(inv: Inventory) -> Tuple[frozenset, frozenset]:
    """Skeletons of the inventory's loose keys, and every start of them (the empty one included)."""
    whole = frozenset(s for s in map(skeleton, inv.loose) if s is not None)
    return whole, frozenset(s[:i] for s in whole for i in range(len(s) + 1))


@lru_cache(maxsize=16384)
def _piece(inv: Inventory, text: str) -> Tuple[Readings, float]:
    """Readings of a piece and the cost of its best reading (cached: pieces recur across names)."""
    readings = inv.lookup(text)
    if not readings:
        return readings, 0.0
    return readings, min(c + rarity(r) for r, c in readings.items())


def _strip_spaces(text: str) -> Tuple[str, List[bool]]:
    """Letters without spaces, and for each letter whether a space preceded it."""
    letters: List[str] = []
    spaced: List[bool] = []
    pending = False
    for ch in text:
        if ch.isspace():
            pending = bool(letters)
            continue
        letters.append(ch)
        spaced.append(pending)
        pending = False
    spaced.append(False)
    return "".join(letters), spaced


def _backtrack(letters: str, best: List[Optional[Tuple[float, int, Readings]]]) -> Tuple[Piece, ...]:
    pieces: List[Piece] = []
    end = len(letters)
    while end > 0:
        _, start, readings = best[end]  # type: ignore[misc]
        pieces.append(Piece(letters[start:end], start, end, readings))
        end = start
    return tuple(reversed(pieces))


def choose(readings: Dict[str, float], role: str) -> Tuple[str, float]:
    """Best reading of a piece for ``role`` and its cost."""
    return min(((r, c + rarity(r, role)) for r, c in readings.items()), key=lambda rc: (rc[1], rc[0]))
