"""What one document knows while it is being written: its RNG, output, cast and setting.

The setting (topic, date, province, how names and dates are written) is drawn once
per document so that its sentences agree: the same province recurs in varying
spellings, persons introduced in full come back by their given name.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, List, Optional

from .builder import TextBuilder
from .dates import DateWriter
from .people import Script, VietName
from .places import Place

if TYPE_CHECKING:
    from .lexicon import Lexicon


@dataclass
class CastMember:
    """A person named in the document, the script of their first mention, and where."""

    name: VietName
    script: Script
    sentence: int = 0


@dataclass
class DocState:
    topic: str
    year: int
    month: int
    day: int
    era: str
    province: Place
    province_forms: List[str]
    unit: str
    latin_share: float
    dates: DateWriter
    cast: List[CastMember] = field(default_factory=list)
    last_issuer: str = "TW"
    last_code_year: Optional[int] = None


@dataclass
class Context:
    rng: random.Random
    out: TextBuilder
    lex: "Lexicon"
    doc: Optional[DocState] = None

    def expand(self, symbol: str) -> None:
        """Expand a grammar symbol into the output."""
        self.lex.grammar.symbol(symbol).emit(self)
