"""Dates in the forms the genre prints, each with its ISO attrs.

A ``DateStyle`` is drawn per document (CE or BE years, how often พ.ศ. is written,
Thai digits); every form returns ``(surface, iso_value)``: ``YYYY-MM-DD``,
``--MM-DD`` without a year, ``YYYY-MM``, ``--MM``, ``YYYY`` or ``YYYY/YYYY``.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Tuple

from .resources import pick, read_table

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
BE_OFFSET = 543
DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

Dated = Tuple[str, str]


@dataclass(frozen=True)
class DateStyle:
    """How one document writes years and digits."""

    be: float
    era_marker: float
    thai_digits: float


def random_style(rng: random.Random) -> DateStyle:
    return DateStyle(
        be=pick(rng, ((0.05, 3), (0.5, 2), (0.95, 4))),
        era_marker=pick(rng, ((0.1, 3), (0.4, 2))),
        thai_digits=pick(rng, ((0.0, 90), (0.3, 6), (1.0, 4))),
    )


class DateWriter:
    """Writes dates in one document's style."""

    def __init__(self, rng: random.Random, style: DateStyle) -> None:
        self.rng = rng
        self.style = style
        months = read_table("months")
        self.full = {int(r["month"]): r["full"] for r in months}
        self.abbr = {int(r["month"]): r["abbr"] for r in months}

    def _digits(self, text: str) -> str:
        return text.translate(THAI_DIGITS) if self.rng.random() < self.style.thai_digits else text

    def _year(self, year: int, marker_ok: bool = True) -> str:
        r = self.rng.random()
        if r < self.style.be:
            text = str(year + BE_OFFSET)
            if marker_ok and self.rng.random() < self.style.era_marker:
                text = "พ.ศ. " + text
            return text
        if marker_ok and self.rng.random() < 0.03:
            return "ค.ศ. " + str(year)
        return str(year)

    def full_date(self, y: int, m: int, d: int) -> Dated:
        r = self.rng.random()
        if r < 0.04 and 2500 <= y + BE_OFFSET < 2600:
            text = f"{d} {self.abbr[m]} {str(y + BE_OFFSET)[-2:]}"
        elif r < 0.07:
            text = f"{d} {self.abbr[m]} {self._year(y, marker_ok=False)}"
        else:
            text = f"{d} {self.full[m]} {self._year(y)}"
        return self._digits(text), f"{y:04d}-{m:02d}-{d:02d}"

    def day_month(self, m: int, d: int) -> Dated:
        month = self.abbr[m] if self.rng.random() < 0.03 else self.full[m]
        return self._digits(f"{d} {month}"), f"--{m:02d}-{d:02d}"

    def month_year(self, y: int, m: int) -> Dated:
        return self._digits(f"{self.full[m]} {self._year(y)}"), f"{y:04d}-{m:02d}"

    def month(self, m: int) -> Dated:
        return self.full[m], f"--{m:02d}"

    def year(self, y: int) -> Dated:
        return self._digits(self._year(y)), f"{y:04d}"

    def year_range(self, y1: int, y2: int, be_marker: bool = False) -> Dated:
        be = self.rng.random() < self.style.be
        a, b = (y1 + BE_OFFSET, y2 + BE_OFFSET) if be else (y1, y2)
        dash = pick(self.rng, (("-", 8), (" - ", 2), ("\u2013", 0.5)))
        text = f"{a}{dash}{b}"
        if be and (be_marker or self.rng.random() < self.style.era_marker):
            text = "พ.ศ. " + text
        return self._digits(text), f"{y1:04d}/{y2:04d}"

    def numeric(self, y: int, m: int, d: int) -> Dated:
        if self.rng.random() < 0.5:
            text = f"{d:02d}/{m:02d}/{y}"
        else:
            text = f"{d}/{m}/{y}"
        return self._digits(text), f"{y:04d}-{m:02d}-{d:02d}"


def random_day(rng: random.Random, year: int) -> Tuple[int, int, int]:
    month = 1 + int(rng.random() * 12)
    day = 1 + int(rng.random() * DAYS_IN_MONTH[month - 1])
    return year, month, day
