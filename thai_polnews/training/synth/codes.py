"""Vietnamese document symbols (data/rules/doc_types.tsv and its sources) with the attrs ANNOTATION.md asks for.

Party symbols are ``NUMBER-TYPE/ISSUER``, state symbols ``NUMBER/[YEAR/]TYPE-ISSUER``,
National Assembly resolutions ``NUMBER/YEAR/QHnn`` (attrs type ``NQ``) and state
official letters ``NUMBER/ISSUER-UNIT`` (attrs type ``CV``). MT sometimes folds
``Đ`` to ``D`` and inserts spaces around separators; attrs are always ASCII upper
case, the number as written and the year only when written.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Container, Dict, Optional, Tuple

from thai_polnews.names import unaccent
from .resources import Weighted, pick, read_table, split_forms

NUMBER_RANGES: Dict[str, Tuple[int, int]] = {
    "CT": (1, 60), "NQ": (1, 160), "QĐ": (1, 400), "QĐi": (1, 40), "KL": (1, 220), "HD": (1, 150),
    "KH": (1, 450), "TB": (1, 400), "CTr": (1, 90), "QĐNS": (1000, 3500), "QDNS": (1000, 3500),
    "BC": (1, 700), "CV": (1, 3000), "ĐA": (1, 40), "BS": (1, 99), "NĐ": (1, 400), "TT": (1, 80),
    "TTLT": (1, 40), "CĐ": (1, 150), "QyĐ": (1, 60),
}
STATE_QD_RANGE = (1, 3600)


@dataclass(frozen=True)
class CodeType:
    system: str
    type: str
    cues: Tuple[str, ...]
    issuers: Weighted[str]
    year_prob: float


@dataclass(frozen=True)
class DocCode:
    """One written symbol, its cue word and its attrs."""

    text: str
    cue: str
    issuer: str
    attrs: Dict[str, Optional[str]]


def fold(code: str) -> str:
    """ASCII upper case for attrs: ``QĐi`` → ``QDI``, ``TTg`` → ``TTG``."""
    return unaccent(code).upper()


class CodeMaker:
    """Draws document symbols in every form the rule matchers know."""

    def __init__(self) -> None:
        rows = read_table("doc_codes")
        types = []
        for r in rows:
            issuers = [part.rsplit(":", 1) for part in split_forms(r["issuers"])]
            types.append(
                CodeType(r["system"], r["type"], split_forms(r["cues"]),
                         Weighted([i for i, _ in issuers], [float(w) for _, w in issuers]), float(r["year_prob"]))
            )
        self.types = Weighted(types, [float(r["weight"]) for r in rows])
        self.by_system = {
            s: Weighted([t for t in types if t.system == s],
                        [float(r["weight"]) for r, t in zip(rows, types) if t.system == s])
            for s in {t.system for t in types}
        }

    def make(self, rng: random.Random, year: int, system: Optional[str] = None) -> DocCode:
        kind = (self.by_system[system] if system else self.types).pick(rng)
        issuer = kind.issuers.pick(rng)
        number = self._number(rng, kind)
        year_written = str(year - pick(rng, ((0, 4), (1, 3), (2, 2), (3, 1), (5, 0.5)))) if rng.random() < kind.year_prob else None
        fold_d = rng.random() < 0.45
        t, iss = (unaccent(kind.type), unaccent(issuer)) if fold_d else (kind.type, issuer)
        if kind.system == "party":
            text = f"{number}{_hyphen(rng)}{t}{_slash(rng)}{iss}"
        elif kind.system == "state":
            year_part = f"{year_written}/" if year_written else ""
            text = f"{number}{_slash(rng)}{year_part}{t}-{iss}"
        elif kind.system == "law":
            year_written = year_written or str(year)
            text = f"{number}/{year_written}/{iss}"
        else:
            text = f"{number}/{iss}"
        attrs = {
            "number": number,
            "type": {"law": "NQ", "letter": "CV"}.get(kind.system, fold(kind.type)),
            "issuer": fold(issuer),
            "year": year_written,
        }
        return DocCode(text, kind.cues[int(rng.random() * len(kind.cues))], issuer, attrs)

    def _number(self, rng: random.Random, kind: CodeType) -> str:
        lo, hi = STATE_QD_RANGE if (kind.system == "state" and kind.type == "QĐ") else NUMBER_RANGES.get(kind.type, (1, 300))
        value = lo + int((hi - lo) * rng.random() ** 2)
        if value < 10 and kind.system in ("state", "letter") and rng.random() < 0.5:
            return f"0{value}"
        return str(value)


def _hyphen(rng: random.Random) -> str:
    return pick(rng, (("-", 96), ("\u2013", 1.5), ("\u2011", 1), (" - ", 0.7), ("- ", 0.3)))


def _slash(rng: random.Random) -> str:
    return pick(rng, (("/", 96), (" /", 2), ("/ ", 1), (" / ", 0.7)))


def issuer_symbol(issuer: str, known: Container[str]) -> str:
    """The grammar symbol naming a body that fits ``issuer``: its own ``org.issuer_<code>``
    when the grammar has one, else the symbol of its family."""
    folded = fold(issuer)
    own = f"org.issuer_{folded.lower()}"
    if own in known:
        return own
    if folded.startswith("QH"):
        return "org.issuer_qh"
    if folded == "HDND":
        return "org.issuer_hdnd"
    if folded.startswith(("UBND", "BCD", "SNV")):
        return "org.issuer_ubnd"
    if folded in ("TU", "UBKTTU", "HU", "QU", "DU", "DUK", "DH"):
        return "org.issuer_tu"
    if folded in ("TW", "VPTW", "BTCTW", "UBKTTW", "BTGTW"):
        return "org.issuer_tw"
    return "org.issuer_cp"
