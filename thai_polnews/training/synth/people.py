"""Vietnamese (and foreign) persons: sample a name, then write it in one of many scripts.

Names are sampled by surname share, then by the naming pattern of the surname's
group (Kinh family-middle-given, Hmong ``A``, Thái ``Văn``/``Thị``, Ê Đê ``Y``/``H'``
prefix with the clan last, Jarai clan first, ...). A ``Script`` says how a mention
is written: Thai through ``names.to_thai`` in a style with its own spacing and tone
marks, or Latin with or without diacritics. The canonical form is always the
unaccented romanisation of the full name (ANNOTATION: attrs.canonical).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, List, Optional, Tuple

from thai_polnews.names import to_thai, unaccent
from .resources import Weighted, pick, read_table, split_forms

_ASCII_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


@dataclass(frozen=True)
class VietName:
    """A Vietnamese personal name; ``given_len`` trailing syllables may be used alone (0: never)."""

    syllables: Tuple[str, ...]
    gender: str
    group: str
    given_len: int = 1
    th_forms: Tuple[str, ...] = ()

    @property
    def full(self) -> str:
        return " ".join(self.syllables)

    @property
    def given(self) -> str:
        return " ".join(self.syllables[-self.given_len:]) if self.given_len else self.full

    @property
    def canonical(self) -> str:
        return unaccent(self.full)


@dataclass(frozen=True)
class Script:
    """How one mention is written: Thai (style, spacing, tone marks) or Latin (accents)."""

    thai: bool
    style: str = "news"
    spacing: str = "split"
    tones: bool = True
    accents: bool = False


THAI_STYLES = (("news", 4.0), ("mt", 4.0), ("royal", 2.0))
SPACINGS = (("split", 5.5), ("joined", 2.5), ("tail", 1.2), ("head", 0.8))


def random_script(rng: random.Random, latin_share: float) -> Script:
    """A script for a new person; ``latin_share`` is the document's taste for Latin names."""
    if rng.random() < latin_share:
        return Script(thai=False, accents=rng.random() < 0.25)
    return Script(
        thai=True,
        style=pick(rng, THAI_STYLES),
        spacing=pick(rng, SPACINGS),
        tones=rng.random() < 0.8,
    )


def variant_script(rng: random.Random, script: Script) -> Script:
    """Another way of writing the same person: the other script, or another Thai style."""
    if not script.thai or rng.random() < 0.45:
        return random_script(rng, 0.0 if not script.thai else 1.0)
    return Script(thai=True, style=pick(rng, THAI_STYLES), spacing=pick(rng, SPACINGS), tones=rng.random() < 0.7)


@lru_cache(maxsize=200_000)
def _thai_syllables(vietnamese: str, style: str, tones: bool) -> Tuple[str, ...]:
    """Thai syllables of ``vietnamese`` (cached: the same names recur across documents)."""
    return tuple(to_thai(vietnamese, style, spaces=True, tones=tones).split())


def _join(parts: Tuple[str, ...], spacing: str, given_len: int) -> str:
    if len(parts) < 2 or spacing == "split":
        return " ".join(parts)
    if spacing == "joined":
        return "".join(parts)
    cut = len(parts) - max(given_len, 1) if spacing == "tail" else 1
    cut = min(max(cut, 1), len(parts) - 1)
    return "".join(parts[:cut]) + " " + "".join(parts[cut:])


def write_name(name: VietName, script: Script, part: str = "full") -> str:
    """The surface of ``name`` (``part``: ``full``, ``given`` or ``family``) in ``script``.

    A Thai rendering that keeps Latin letters (clan names such as ``Ksor``) falls
    back to Latin script, as MT leaves such names untouched.
    """
    if script.thai:
        parts = _thai_syllables(name.full, script.style, script.tones)
        if parts and not any(_ASCII_LETTER.search(p) for p in parts):
            if len(parts) == len(name.syllables):
                if part == "family":
                    return parts[0]
                if part == "given" and name.given_len:
                    return _join(parts[-name.given_len:], script.spacing, name.given_len)
                return _join(parts, script.spacing, name.given_len)
            if part == "full":
                return " ".join(parts) if script.spacing == "split" else "".join(parts)
    text = name.given if part == "given" else (name.syllables[0] if part == "family" else name.full)
    return text if script.accents else unaccent(text)


class NameSampler:
    """Samples Vietnamese names by surname share and group pattern."""

    def __init__(self) -> None:
        surnames = read_table("surnames")
        self.surnames = Weighted(
            [(r["surname"], r["group"]) for r in surnames], [float(r["weight"]) for r in surnames]
        )
        middles = read_table("middle_names")
        self.middles = {
            g: Weighted(
                [r["name"] for r in middles if r["gender"] in (g, "any")],
                [float(r["weight"]) for r in middles if r["gender"] in (g, "any")],
            )
            for g in ("m", "f")
        }
        grouped: Dict[Tuple[str, str], List[Tuple[str, float]]] = {}
        for row in read_table("given_names"):
            grouped.setdefault((row["group"], row["gender"]), []).append((row["name"], float(row["weight"])))
        self.givens: Dict[Tuple[str, str], Weighted[str]] = {
            k: Weighted([n for n, _ in v], [w for _, w in v]) for k, v in grouped.items()
        }
        self._patterns: Dict[str, Callable[[random.Random, str, str], VietName]] = {
            "kinh": self._kinh,
            "tay": self._kinh,
            "dao": self._dao,
            "thai": self._thai,
            "hmong": self._hmong,
            "ede": self._ede,
            "jarai": self._jarai,
            "khmer": self._khmer,
        }

    def sample(self, rng: random.Random, gender: Optional[str] = None) -> VietName:
        gender = gender or ("f" if rng.random() < 0.28 else "m")
        surname, group = self.surnames.pick(rng)
        return self._patterns[group](rng, surname, gender)

    def _given(self, rng: random.Random, group: str, gender: str) -> str:
        table = self.givens.get((group, gender)) or self.givens[("kinh", gender)]
        return table.pick(rng)

    def _kinh(self, rng: random.Random, surname: str, gender: str) -> VietName:
        parts = [surname]
        if rng.random() < 0.02:
            parts.append(self.surnames.pick(rng)[0])
        n_middle = pick(rng, ((0, 0.05), (1, 0.83), (2, 0.12)))
        for _ in range(n_middle):
            middle = self.middles[gender].pick(rng)
            if middle not in parts:
                parts.append(middle)
        parts.extend(self._given(rng, "kinh", gender).split())
        return VietName(tuple(parts), gender, "kinh")

    def _dao(self, rng: random.Random, surname: str, gender: str) -> VietName:
        middle = "Thị" if gender == "f" else pick(rng, (("Văn", 3), ("Tài", 1), ("Kim", 0.5)))
        return VietName((surname, middle, *self._given(rng, "kinh", gender).split()), gender, "dao")

    def _thai(self, rng: random.Random, surname: str, gender: str) -> VietName:
        middle = "Thị" if gender == "f" else "Văn"
        group = "thai" if rng.random() < 0.6 else "kinh"
        return VietName((surname, middle, *self._given(rng, group, gender).split()), gender, "thai")

    def _hmong(self, rng: random.Random, surname: str, gender: str) -> VietName:
        if gender == "f":
            middle = pick(rng, (("Thị", 4), ("Mí", 1)))
        else:
            middle = pick(rng, (("A", 5), ("Văn", 2), ("Seo", 1), ("Mí", 1)))
        return VietName((surname, middle, *self._given(rng, "hmong", gender).split()), gender, "hmong")

    def _ede(self, rng: random.Random, surname: str, gender: str) -> VietName:
        given = self._given(rng, "ede", gender)
        if gender == "f":
            head = given.split()
            return VietName(("H'" + head[0], *head[1:], surname), gender, "ede", given_len=0)
        return VietName(("Y", *given.split(), surname), gender, "ede", given_len=0)

    def _jarai(self, rng: random.Random, surname: str, gender: str) -> VietName:
        return VietName((*surname.split(), *self._given(rng, "jarai", gender).split()), gender, "jarai", given_len=0)

    def _khmer(self, rng: random.Random, surname: str, gender: str) -> VietName:
        given = self._given(rng, "khmer", gender).split()
        parts = [surname] + ([self.middles[gender].pick(rng)] if len(given) == 1 and rng.random() < 0.4 else []) + given
        return VietName(tuple(parts), gender, "khmer", given_len=1 if len(given) == 1 else 0)


class Leaders:
    """National leaders with their observed Thai spellings."""

    def __init__(self) -> None:
        self.names = [
            VietName(tuple(r["name_vi"].split()), r["gender"], "kinh", 1, split_forms(r["th_forms"]))
            for r in read_table("leaders")
        ]

    def pick(self, rng: random.Random) -> VietName:
        return self.names[int(rng.random() * len(self.names))]


@dataclass(frozen=True)
class Honorific:
    form: str
    gender: str
    glue: float
    script: str


class Honorifics:
    """Forms of address by gender and script, with how often they are glued to a Thai name."""

    def __init__(self) -> None:
        rows = read_table("honorifics")
        self.by_key: Dict[Tuple[str, bool], Weighted[Honorific]] = {}
        for gender in ("m", "f"):
            for thai in (True, False):
                fits = [
                    r for r in rows
                    if r["gender"] in (gender, "any") and r["script"] in ("any", "thai" if thai else "latin")
                ]
                self.by_key[(gender, thai)] = Weighted(
                    [Honorific(r["form"], r["gender"], float(r["glue"]), r["script"]) for r in fits],
                    [float(r["weight"]) for r in fits],
                )

    def pick(self, rng: random.Random, gender: str, thai: bool) -> Honorific:
        return self.by_key[(gender, thai)].pick(rng)


class ForeignNames:
    """Invented foreign names from given and family parts by origin (no canonical)."""

    def __init__(self) -> None:
        self.origins = [
            (r["family_first"] == "yes", split_forms(r["given"]), split_forms(r["family"]))
            for r in read_table("foreign_names")
        ]

    def sample(self, rng: random.Random) -> str:
        family_first, given, family = self.origins[int(rng.random() * len(self.origins))]
        g = given[int(rng.random() * len(given))]
        f = family[int(rng.random() * len(family))]
        return f"{f} {g}" if family_first else f"{g} {f}"
