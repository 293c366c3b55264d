"""The syllable inventory: every Thai spelling a Vietnamese syllable is known or expected to take.

Sources, cheapest first: spellings observed in real text (``syllables_th.tsv``),
renderings of every syllable of ``syllable_freq.tsv`` by every style with and
without tone marks, secondary MT readings (``variants``), and a generic sweep of
all well-formed syllables for names no table lists. Each spelling is indexed
three ways (as written, by ``match_key``, by ``loose_key``) so a lookup can say
how far a Thai piece is from each Vietnamese reading.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, Iterable, Iterator, Tuple

from .frequency import known
from .styles import get_style, style_names
from .tables import read_table
from .thai_script import loose_key, match_key, spell, strip_tone_marks
from .translit import spell_syllable, to_thai
from .vietnamese import INITIALS, NUCLEI, CODAS, Syllable, nucleus_fits, parse_syllable, unaccent

SOURCE_COST = {"observed": 0.0, "style": 0.0, "variant": 0.8, "generic": 1.5}
MATCH_COST = {"exact": 0.0, "key": 0.4, "loose": 1.4}

Readings = Dict[str, float]  # lower-case ascii syllable → cost


@dataclass(frozen=True)
class Inventory:
    """Three indexes from Thai spelling to Vietnamese readings with costs."""

    exact: Dict[str, Readings]
    key: Dict[str, Readings]
    loose: Dict[str, Readings]
    max_len: int

    def lookup(self, piece: str) -> Readings:
        """Readings of a Thai piece with the cheapest cost over the three indexes."""
        found: Readings = {}
        for index, probe, extra in (
            (self.exact, piece, MATCH_COST["exact"]),
            (self.key, match_key(piece), MATCH_COST["key"]),
            (self.loose, loose_key(piece), MATCH_COST["loose"]),
        ):
            for reading, cost in index.get(probe, {}).items():
                total = cost + extra
                if total < found.get(reading, float("inf")):
                    found[reading] = total
        return found


@lru_cache(maxsize=1)
def inventory() -> Inventory:
    """The inventory, built once per process."""
    exact: Dict[str, Readings] = defaultdict(dict)
    key: Dict[str, Readings] = defaultdict(dict)
    loose: Dict[str, Readings] = defaultdict(dict)
    max_len = 0
    for thai, reading, source in _spellings():
        thai = thai.replace(" ", "")
        if not thai:
            continue
        cost = SOURCE_COST[source]
        max_len = max(max_len, len(thai))
        for index, probe in ((exact, thai), (key, match_key(thai)), (loose, loose_key(thai))):
            if cost < index[probe].get(reading, float("inf")):
                index[probe][reading] = cost
    return Inventory(dict(exact), dict(key), dict(loose), max_len)


def _spellings() -> Iterator[Tuple[str, str, str]]:
    """(Thai spelling, lower-case ascii reading, source kind) for every known spelling."""
    for row in read_table("syllables_th.tsv"):
        yield row["th"], row["syllable_ascii"].lower(), "observed"
    styles = style_names()
    for row in read_table("syllable_freq.tsv"):
        syllable, reading = row["syllable_vi"], row["syllable_ascii"].lower()
        for style in styles:
            for tones in (True, False):
                yield to_thai(syllable, style, tones=tones), reading, "style"
        yield from _variants(syllable, reading)
    for syllable in _generic_syllables():
        reading = unaccent(syllable)
        if not known(reading):
            for style in ("news", "mt"):
                yield strip_tone_marks(to_thai(syllable, style)), reading, "generic"


def _variants(syllable: str, reading: str) -> Iterable[Tuple[str, str, str]]:
    """Secondary MT spellings (``variant`` rows of translit_rules.tsv) of one syllable."""
    parsed = parse_syllable(syllable)
    if parsed is None:
        return
    for style in style_names():
        rules = get_style(style)
        template = rules.variants.get(parsed.rhyme)
        if template is None:
            continue
        onset = rules.initials.get(parsed.initial, parsed.initial)
        coda = rules.codas.get(parsed.coda, "")
        yield spell(onset, template, coda, 0, rules.tone_spelling), reading, "variant"


@lru_cache(maxsize=1)
def _generic_syllables() -> Tuple[str, ...]:
    """Every well-formed toneless syllable (initial × nucleus × coda) the spelling rules allow."""
    out = []
    for initial in INITIALS:
        for nucleus in sorted(NUCLEI):
            for coda in CODAS:
                if not nucleus_fits(nucleus, coda):
                    continue
                text = initial + nucleus + coda
                parsed = parse_syllable(text)
                if parsed == Syllable(initial, nucleus, coda, "ngang"):
                    out.append(text)
    return tuple(out)


def spellings_of(reading: str) -> Tuple[str, ...]:
    """All inventory keys that can stand for an ascii syllable (for tests and debugging)."""
    inv = inventory()
    return tuple(sorted(k for k, readings in inv.key.items() if reading.lower() in readings))


__all__ = ["Inventory", "inventory", "spellings_of", "spell_syllable"]
