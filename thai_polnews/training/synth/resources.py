"""Read the generator's data files and draw weighted samples from them.

Lexicons (names, places, codes) live in ``data/synth/lexicon/*.tsv`` and the slot
grammar in ``data/synth/grammar/*.tsv``; nothing here knows what the rows mean.
"""
from __future__ import annotations

import bisect
import random
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Generic, List, Sequence, Tuple, TypeVar

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "synth"
LEXICON_DIR = DATA_DIR / "lexicon"
GRAMMAR_DIR = DATA_DIR / "grammar"

T = TypeVar("T")


@lru_cache(maxsize=None)
def read_table(name: str) -> Tuple[Dict[str, str], ...]:
    """Rows of ``lexicon/<name>.tsv`` as dicts keyed by the header (NFC, ``#`` lines skipped)."""
    path = LEXICON_DIR / f"{name}.tsv"
    lines = [
        unicodedata.normalize("NFC", line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    if not lines:
        raise ValueError(f"{path}: no header row")
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) > len(header):
            raise ValueError(f"{path}: row {number} has {len(cols)} columns, header has {len(header)}")
        cols += [""] * (len(header) - len(cols))
        rows.append(dict(zip(header, cols)))
    return tuple(rows)


def split_forms(cell: str) -> Tuple[str, ...]:
    """``a|b|c`` → ``("a", "b", "c")``; an empty cell gives ``()``."""
    return tuple(part for part in (p.strip() for p in cell.split("|")) if part)


class Weighted(Generic[T]):
    """Items with weights; ``pick`` draws one with a given ``random.Random``."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if not items or len(items) != len(weights):
            raise ValueError("Weighted needs as many weights as items, and at least one item")
        self.items: List[T] = list(items)
        self.cum: List[float] = []
        total = 0.0
        for w in weights:
            if w < 0:
                raise ValueError(f"negative weight {w}")
            total += w
            self.cum.append(total)
        self.total = total

    def pick(self, rng: random.Random) -> T:
        i = bisect.bisect_right(self.cum, rng.random() * self.total)
        return self.items[min(i, len(self.items) - 1)]

    def __len__(self) -> int:
        return len(self.items)


def pick(rng: random.Random, options: Sequence[Tuple[T, float]]) -> T:
    """One of ``(item, weight)`` pairs, for small inline tables."""
    total = sum(w for _, w in options)
    r = rng.random() * total
    for item, w in options:
        r -= w
        if r < 0:
            return item
    return options[-1][0]
