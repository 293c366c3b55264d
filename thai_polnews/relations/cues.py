"""The word tables the relation rules read (``data/relations/*.tsv``)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Tuple


@dataclass(frozen=True)
class EventCue:
    """A word that states a personnel event, or a discipline form (``kind == "subtype"``)."""

    cue: str
    kind: str
    event: str
    subtype: str
    voice: str


def _rows(name: str) -> List[List[str]]:
    text = resources.files("thai_polnews").joinpath(f"data/relations/{name}").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]


@lru_cache(maxsize=1)
def event_cues() -> Tuple[EventCue, ...]:
    """Event words, longest first (so ``ได้รับการแต่งตั้ง`` is found before ``แต่งตั้ง``)."""
    cues = [EventCue(r[0], r[1], r[2], r[3], r[4]) for r in _rows("event_cues.tsv")]
    return tuple(sorted(cues, key=lambda c: -len(c.cue)))


@lru_cache(maxsize=1)
def link_words() -> Dict[str, Tuple[str, ...]]:
    """Linker words by kind (``honorific``, ``office_link``, ``former``, ...), longest first."""
    out: Dict[str, List[str]] = {}
    for word, kind in (r[:2] for r in _rows("link_words.tsv")):
        out.setdefault(kind, []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}
