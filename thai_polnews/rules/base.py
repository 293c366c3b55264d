"""The value every rule matcher returns: a character span with a label and attributes."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict


@dataclass(frozen=True)
class RuleMatch:
    """A labelled character span ``text[start:end]`` with normalised attributes."""

    start: int
    end: int
    label: str
    attrs: Dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
