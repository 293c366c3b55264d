"""Numbers that are no entity: counts, money, scores, percentages and code look-alikes.

They teach the model (and test the rule matchers) that ``13/15 เป้าหมาย``,
``31,200 คน``, ``มติที่ 18``, ``12,5%``, ``29A-123.45`` or ``ISO 9001:2015`` are not
DOC_CODE or DATE.
"""
from __future__ import annotations

import random
from typing import Callable, Dict

from .resources import pick


def _grouped(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep)


def _count(rng: random.Random) -> str:
    value = int(10 ** (2 + rng.random() * 4))
    if value >= 1000 and rng.random() < 0.3:
        value = value // 100 * 100
    return _grouped(value, pick(rng, ((",", 6), (".", 3), ("", 1))))


def _money(rng: random.Random) -> str:
    value = int(10 ** (1 + rng.random() * 5))
    return _grouped(value, pick(rng, ((",", 5), (".", 4), ("", 1))))


def _decimal(rng: random.Random) -> str:
    value = 1 + rng.random() * 99
    return f"{value:.{pick(rng, ((1, 3), (2, 1)))}f}".replace(".", pick(rng, ((".", 3), (",", 1))))


def _pct(rng: random.Random) -> str:
    value = rng.random() * 100
    text = str(int(value)) if rng.random() < 0.5 else f"{value:.1f}".replace(".", pick(rng, ((".", 3), (",", 1))))
    return text + pick(rng, (("%", 8), (" %", 1), (" เปอร์เซ็นต์", 1)))


def _frac(rng: random.Random) -> str:
    total = 5 + int(rng.random() * 30)
    return f"{max(1, total - int(rng.random() * 6))}/{total}"


def _phone(rng: random.Random) -> str:
    return pick(rng, (("09", 2), ("08", 1), ("03", 1))) + f"{int(rng.random() * 100):02d} {int(rng.random() * 1000):03d} {int(rng.random() * 1000):03d}"


def _plate(rng: random.Random) -> str:
    return f"{10 + int(rng.random() * 89)}{chr(65 + int(rng.random() * 12))}-{int(rng.random() * 1000):03d}.{int(rng.random() * 100):02d}"


def _std(rng: random.Random) -> str:
    return pick(rng, (("ISO 9001:2015", 3), ("TCVN ISO 9001:2015", 2), (f"TCVN {5000 + int(rng.random() * 5000)}:20{10 + int(rng.random() * 15)}", 3)))


def _issue(rng: random.Random) -> str:
    return f"{1 + int(rng.random() * 300)} ({int(rng.random() * 9)}.{int(rng.random() * 1000):03d})"


NUMBER_FORMS: Dict[str, Callable[[random.Random], str]] = {
    "ord": lambda rng: str(1 + int(rng.random() ** 1.5 * 20)),
    "small": lambda rng: str(2 + int(rng.random() ** 1.5 * 40)),
    "q": lambda rng: str(1 + int(rng.random() * 4)),
    "bare": lambda rng: str(1 + int(rng.random() * 99)),
    "big": lambda rng: str(10 + int(rng.random() ** 2 * 990)),
    "count": _count,
    "money": _money,
    "dec": _decimal,
    "pct": _pct,
    "frac": _frac,
    "phone": _phone,
    "plate": _plate,
    "std": _std,
    "issue": _issue,
    "comments": lambda rng: pick(rng, (("0", 20), ("1", 2), ("2", 1), (str(int(rng.random() * 40)), 1))),
}
