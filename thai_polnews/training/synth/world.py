"""Facts of ``data/world/*.tsv`` (bodies, agencies, foreign leaders and places) for the generator.

The world tables list names seen in real Thai pages with the label ANNOTATION.md gives
them and a source URL per row. This module only reads them: rows labelled ``-`` (venues,
meetings, generic mentions) are kept apart as negatives, Thai-script and Latin forms are
told apart, and nothing here decides a label the table does not give.
"""
from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

from .resources import read_table

WORLD_DIR = Path(__file__).resolve().parents[2] / "data" / "world"
_THAI = re.compile("[\u0e00-\u0e7f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
INTL_KINDS = frozenset({"intergovernmental", "forum", "un-organ", "un-agency", "financial", "international"})

Row = Dict[str, str]


@lru_cache(maxsize=None)
def read_world(name: str) -> Tuple[Row, ...]:
    """Rows of ``data/world/<name>.tsv`` as dicts keyed by the header (NFC, ``#`` lines skipped)."""
    path = WORLD_DIR / f"{name}.tsv"
    lines = [
        unicodedata.normalize("NFC", line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cols = line.split("\t") + [""] * len(header)
        rows.append(dict(zip(header, (c.strip() for c in cols[: len(header)]))))
    return tuple(rows)


def forms(cell: str) -> Tuple[str, ...]:
    """``a | b`` → ``("a", "b")`` (world tables separate forms with `` | ``)."""
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def is_thai(text: str) -> bool:
    return bool(_THAI.search(text))


def is_latin(text: str) -> bool:
    return bool(_LATIN.search(text)) and not is_thai(text)


@dataclass(frozen=True)
class IntlBody:
    """An international body: Thai names (longest first), Thai short names, Latin acronym."""

    thai: Tuple[str, ...]
    short: Tuple[str, ...]
    acronym: str


@dataclass(frozen=True)
class ForeignLeader:
    """A foreign office holder: Thai-script names, Latin names, Thai titles, country in Thai."""

    names: Tuple[str, ...]
    latin: Tuple[str, ...]
    titles: Tuple[str, ...]
    country: str


def _pick(rng: random.Random, items: Tuple[str, ...]) -> str:
    return items[int(rng.random() * len(items))]


class World:
    """Samplers over the world tables (loaded once per process, like the lexicon)."""

    def __init__(self) -> None:
        self.countries = {r["latin"]: r["th"] for r in read_table("countries")}
        self.intl = self._intl_bodies()
        self.agencies_th, self.agencies_latin = self._agencies()
        self.leaders = self._leaders()
        self.places = [
            (th, r["prefix"]) for r in read_world("foreign_places") if r["label"] == "LOCATION"
            for th in forms(r["th"]) if is_thai(th)
        ]
        self.place_names = frozenset(self.countries.values()) | {p for p, _ in self.places} | {"เวียดนาม"}
        bodies = [r for r in read_world("bodies_vn") if r["label"] == "ORGANIZATION"]
        self.bodies_latin = sorted({r["name_vi"] for r in bodies if r["name_vi"] and "/" not in r["name_vi"]
                                    and not r["level"].startswith(("province", "commune"))})
        self.offices = [forms(r["th"]) for r in read_world("offices") if r["label"] == "POSITION" and r["th"]]
        self.provinces = [
            (r["name_vi"], r["canonical"], forms(r["th"])) for r in read_world("provinces_2025") if r["label"] == "LOCATION"
        ]
        self.companies = sorted({f for r in read_world("international_bodies") if r["kind"] == "company"
                                 for f in forms(r["th"]) if is_latin(f)} | {r["name"] for r in read_table("companies")})

    def _intl_bodies(self) -> List[IntlBody]:
        by_acronym: Dict[str, List[str]] = {}
        for r in read_world("international_bodies"):
            if r["label"] != "ORGANIZATION" or r["kind"] not in INTL_KINDS or not r["acronym"]:
                continue
            names = by_acronym.setdefault(r["acronym"], [])
            names.extend(f for f in forms(r["th"]) if is_thai(f) and f not in names)
        bodies = []
        for acronym, names in sorted(by_acronym.items()):
            if not names:
                continue
            ordered = tuple(sorted(names, key=len, reverse=True))
            short = tuple(n for n in ordered[1:] if len(n) <= 8)
            bodies.append(IntlBody(ordered, short, acronym))
        return bodies

    def _agencies(self) -> Tuple[List[str], List[str]]:
        thai, latin = set(), set()
        for r in read_world("news_agencies"):
            if r["label"] != "ORGANIZATION":
                continue
            for f in forms(r["th"]):
                (thai if is_thai(f) else latin).add(f)
        return sorted(thai), sorted(latin)

    def _leaders(self) -> List[ForeignLeader]:
        leaders = []
        for r in read_world("foreign_leaders"):
            if r["label"] != "PERSON":
                continue
            names = forms(r["th"])
            thai = tuple(n for n in names if is_thai(n))
            country = self.countries.get(r["country"], "")
            if not country:
                country = next((p for p, _ in self._country_forms(r["country"])), "")
            if thai:
                leaders.append(ForeignLeader(thai, tuple(n for n in names if is_latin(n)), forms(r["office_th"]), country))
        return leaders

    def _country_forms(self, english: str) -> List[Tuple[str, str]]:
        return [
            (th, r["prefix"]) for r in read_world("foreign_places")
            if r["level"] == "country" and r["country"] == english for th in forms(r["th"]) if is_thai(th)
        ]

    def intl_body(self, rng: random.Random) -> IntlBody:
        return self.intl[int(rng.random() * len(self.intl))]

    def leader(self, rng: random.Random) -> ForeignLeader:
        return self.leaders[int(rng.random() * len(self.leaders))]

    def place(self, rng: random.Random) -> Tuple[str, str]:
        return self.places[int(rng.random() * len(self.places))]

    def agency(self, rng: random.Random, latin: bool) -> str:
        names = self.agencies_latin if latin else self.agencies_th
        return names[int(rng.random() * len(names))]

    def body_latin(self, rng: random.Random) -> str:
        return self.bodies_latin[int(rng.random() * len(self.bodies_latin))]

    def office(self, rng: random.Random) -> str:
        return _pick(rng, self.offices[int(rng.random() * len(self.offices))])

    def province(self, rng: random.Random) -> Tuple[str, str, Tuple[str, ...]]:
        return self.provinces[int(rng.random() * len(self.provinces))]

    def company(self, rng: random.Random) -> str:
        return self.companies[int(rng.random() * len(self.companies))]
