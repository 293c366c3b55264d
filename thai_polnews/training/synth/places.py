"""Places from the gazetteers and the many ways Thai MT text writes them.

Provinces (63 before July 2025, 34 after), districts, communes and wards, named
regions and features, Viet Nam and foreign countries and cities. A Vietnamese
place is written in an observed Thai spelling, through ``names.to_thai`` in any
style, or in Latin script with or without diacritics; its canonical form is the
unaccented romanisation in title case. Foreign places carry no canonical.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from thai_polnews.names import to_thai, unaccent
from thai_polnews.names.tables import read_table as read_names_table
from .resources import Weighted, pick, read_table, split_forms

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")

REFORM_DATE = (2025, 7, 1)


def title_canonical(vietnamese: str) -> str:
    """Unaccented romanisation with each word capitalised (``Cư M'gar`` → ``Cu M'gar``)."""
    return " ".join(w[:1].upper() + w[1:] for w in unaccent(vietnamese).split())


@dataclass(frozen=True)
class Place:
    """A named place; ``canonical`` is None for foreign places (ANNOTATION rule 3)."""

    vi: str
    canonical: Optional[str]
    th_forms: Tuple[str, ...] = ()
    kind: str = "province"
    head: str = ""
    province: str = ""


@lru_cache(maxsize=50_000)
def _thai_place(vietnamese: str, style: str, spaces: bool, tones: bool) -> str:
    return to_thai(vietnamese, style, spaces=spaces, tones=tones)


def write_place(rng: random.Random, place: Place) -> str:
    """One surface of a Vietnamese place: observed Thai, a to_thai style, or Latin."""
    r = rng.random()
    if place.th_forms and r < 0.5:
        return place.th_forms[int(rng.random() * len(place.th_forms))]
    if r < 0.8:
        style = pick(rng, (("news", 4), ("mt", 4), ("royal", 2)))
        text = _thai_place(place.vi, style, rng.random() < 0.12, rng.random() < 0.85)
        if not _LATIN.search(text):
            return text
    return place.vi if rng.random() < 0.35 else unaccent(place.vi)


class Gazetteer:
    """All places the generator can name, grouped by kind and era."""

    def __init__(self) -> None:
        self.provinces: Dict[str, Place] = {}
        self.by_era: Dict[str, List[Place]] = {"old": [], "new": []}
        for row in read_table("provinces"):
            place = Place(row["name_vi"], row["canonical"], split_forms(row["th_forms"]), row["kind"])
            self.provinces[row["name_vi"]] = place
            for era in ("old", "new"):
                if row["era"] in (era, "both"):
                    self.by_era[era].append(place)
        self.districts: List[Place] = []
        self.districts_of: Dict[str, List[Place]] = {}
        for row in read_table("districts"):
            place = Place(row["name_vi"], title_canonical(row["name_vi"]), split_forms(row["th_forms"]),
                          row["level"], province=row["province"])
            self.districts.append(place)
            self.districts_of.setdefault(row["province"], []).append(place)
        self.communes = [Place(r["name_vi"], title_canonical(r["name_vi"]), (), "commune") for r in read_table("communes")]
        regions = [
            Place(r["name_vi"], r["canonical"], split_forms(r["th_forms"]), "region", r["head"])
            for r in read_table("regions")
        ]
        self.regions = [p for p in regions if not p.head]
        self.features = [p for p in regions if p.head]
        countries = read_table("countries")
        self.countries = Weighted(
            [(r["th"], r["official"], r["latin"]) for r in countries], [float(r["weight"]) for r in countries]
        )
        self.foreign_cities = [(r["th"], r["prefix"]) for r in read_names_table("foreign_places.tsv")]

    def era_of(self, year: int, month: int, day: int) -> str:
        return "new" if (year, month, day) >= REFORM_DATE else "old"

    def province(self, rng: random.Random, era: str, avoid: Optional[Place] = None) -> Place:
        pool = self.by_era[era]
        for _ in range(4):
            place = pool[int(rng.random() * len(pool))]
            if place is not avoid:
                return place
        return place

    def district(self, rng: random.Random, province: Place) -> Place:
        local = self.districts_of.get(province.vi)
        if local and rng.random() < 0.75:
            return local[int(rng.random() * len(local))]
        return self.districts[int(rng.random() * len(self.districts))]

    def commune(self, rng: random.Random) -> Place:
        return self.communes[int(rng.random() * len(self.communes))]

    def region(self, rng: random.Random) -> Place:
        return self.regions[int(rng.random() * len(self.regions))]

    def feature(self, rng: random.Random) -> Place:
        return self.features[int(rng.random() * len(self.features))]

    def country(self, rng: random.Random) -> str:
        th, official, latin = self.countries.pick(rng)
        r = rng.random()
        if official and r < 0.12:
            return official
        if r > 0.95:
            return latin
        return th

    def foreign_city(self, rng: random.Random) -> Tuple[str, str]:
        return self.foreign_cities[int(rng.random() * len(self.foreign_cities))]


VIET_NAM = Place("Việt Nam", "Viet Nam", ("เวียดนาม",), "country")


def write_viet_nam(rng: random.Random) -> str:
    return pick(rng, (("เวียดนาม", 80), ("สาธารณรัฐสังคมนิยมเวียดนาม", 7), ("Việt Nam", 4), ("Viet Nam", 4), ("Vietnam", 5)))


def unit_word(place: Place, rng: random.Random) -> str:
    """The generic unit word for a province-level place (outside the span)."""
    if place.kind == "city":
        if place.vi == "Hà Nội":
            return pick(rng, (("กรุง", 3), ("นคร", 2), ("เมือง", 1)))
        return pick(rng, (("นคร", 3), ("เมือง", 3)))
    return "จังหวัด"


def prefix_for(place: Place, rng: random.Random) -> str:
    """A generic prefix before a province name as MT writes it (may be empty or a slip)."""
    word = pick(rng, ((unit_word(place, rng), 86), ("", 8), ("เทศบาล", 3), ("มณฑล", 2)))
    if word and rng.random() < 0.12:
        word += " "
    return word
