"""The value every rule matcher returns: a character span with a label and attributes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Sequence


@dataclass(frozen=True)
class RuleMatch:
    """A labelled character span ``text[start:end]`` with normalised attributes."""

    start: int
    end: int
    label: str
    attrs: Dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


def without_overlaps(spans: Sequence[RuleMatch]) -> List[RuleMatch]:
    """Spans in order of start, dropping any that overlaps one kept before it (the longer wins a tie)."""
    out: List[RuleMatch] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not out or span.start >= out[-1].end:
            out.append(span)
    return out
