"""Syllable weights from ``syllable_freq.tsv``: restoring accents and ranking readings.

An unaccented syllable (``Tran``) gets its most frequent accented form
(``Trần``); a Thai syllable with several readings picks the most frequent one
for its position in the name.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Dict, Tuple

from .tables import read_table

ROLES = ("surname", "middle", "given", "place")
SMOOTHING = 0.5  # weight of a syllable the table does not list


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
def _ascii_weights() -> Dict[str, Dict[str, float]]:
    """Lower-case ascii syllable → {role: weight, "total": weight}, summed over accented forms."""
    weights: Dict[str, Dict[str, float]] = {}
    for row in read_table("syllable_freq.tsv"):
        entry = weights.setdefault(row["syllable_ascii"].lower(), dict.fromkeys((*ROLES, "total"), 0.0))
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


def known(ascii_syllable: str) -> bool:
    """True when the table lists the syllable."""
    return ascii_syllable.lower() in _ascii_weights()


def weight(ascii_syllable: str, role: str = "total") -> float:
    """Weight of ``ascii_syllable`` in ``role`` (surname, middle, given, place or total)."""
    entry = _ascii_weights().get(ascii_syllable.lower())
    return entry[role] if entry else 0.0


def log_weight(ascii_syllable: str, role: str = "total") -> float:
    """Smoothed log weight: role weight plus a share of the total, so no reading scores -inf."""
    return math.log(SMOOTHING + weight(ascii_syllable, role) + 0.1 * weight(ascii_syllable))
