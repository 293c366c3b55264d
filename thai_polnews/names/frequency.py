"""Syllable weights from ``syllable_freq.tsv``: restoring accents and ranking readings.

An unaccented syllable (``Tran``) gets its most frequent accented form
(``Trần``); a Thai syllable with several readings picks the most frequent one
for its position in the name.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Tuple

from .tables import read_table

ROLES = ("surname", "middle", "given", "place")


@lru_cache(maxsize=1)
def _accented_index() -> Dict[str, str]:
    """Lower-case ascii syllable → its heaviest accented form."""
    best: Dict[str, Tuple[float, str]] = {}
    for row in read_table("syllable_freq.tsv"):
        key = row["syllable_ascii"].lower()
        total = float(row["total"])
        if key not in best or total > best[key][0]:
            best[key] = (total, row["syllable_vi"])
    return {k: v for k, (_, v) in best.items()}


@lru_cache(maxsize=1)
def _weights() -> Dict[str, Dict[str, float]]:
    """Lower-case syllable, accented (``trăng``) and ascii (``trang``), → {role: weight}.

    Accented keys hold that spelling's weight; ascii keys the sum over its accented forms.
    """
    weights: Dict[str, Dict[str, float]] = {}
    for row in read_table("syllable_freq.tsv"):
        for key in {row["syllable_vi"].lower(), row["syllable_ascii"].lower()}:
            entry = weights.setdefault(key, dict.fromkeys((*ROLES, "total"), 0.0))
            for role in (*ROLES, "total"):
                entry[role] += float(row[role])
    return weights


def accented_form(syllable: str) -> str:
    """The most frequent accented spelling of an unaccented syllable, in the input's case."""
    accented = _accented_index().get(syllable.lower())
    if accented is None:
        return syllable
    if syllable[:1].isupper():
        return accented[:1].upper() + accented[1:].lower()
    return accented.lower()


def known(syllable: str) -> bool:
    """True when the table lists the syllable (accented, or ascii for any accented form)."""
    return syllable.lower() in _weights()


def weight(syllable: str, role: str = "total") -> float:
    """Weight of ``syllable`` (accented or ascii) in ``role`` (surname, middle, given, place or total)."""
    entry = _weights().get(syllable.lower())
    return entry[role] if entry else 0.0
