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
from .translit import render, spell_syllable
from .vietnamese import CODAS, INITIALS, NUCLEI, Syllable, initial_fits as _initial_fits, nucleus_fits, parse_syllable, unaccent

SOURCE_COST = {"observed": 0.0, "style": 0.0, "error": 0.3, "variant": 0.3, "generic": 1.5}
GENERIC_STYLES = ("news", "mt")
MATCH_COST = {"exact": 0.0, "key": 0.6, "loose": 1.8}

Readings = Dict[str, float]  # lower-case accented syllable (``trăng``) → cost


@dataclass(frozen=True, eq=False)
class Inventory:
    """Three indexes from Thai spelling to Vietnamese readings with costs."""

    exact: Dict[str, Readings]
    key: Dict[str, Readings]
    loose: Dict[str, Readings]
    max_len: int

    def lookup(self, piece: str) -> Readings:
        """Readings of a Thai piece with the cheapest cost over the three indexes.

        Every spelling is in all three indexes under its own keys, and the loose key
        is a function of the match key, so a piece missing from the loose index is
        missing from all three (most pieces a segmentation tries are).
        """
        loose = loose_key(piece)
        if loose not in self.loose:
            return {}
        found: Readings = {}
        for index, probe, extra in (
            (self.exact, piece, MATCH_COST["exact"]),
            (self.key, match_key(piece), MATCH_COST["key"]),
            (self.loose, loose, MATCH_COST["loose"]),
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
    """(Thai spelling, lower-case accented reading, source kind) for every known spelling."""
    for row in read_table("syllables_th.tsv"):
        kind = "error" if "error" in row["note"].lower() else "observed"
        yield row["th"], row["syllable_vi"].lower(), kind
    styles = style_names()
    for row in read_table("syllable_freq.tsv"):
        syllable = row["syllable_vi"]
        reading = syllable.lower()
        for style in styles:
            for tones in (True, False):
                yield render([syllable], style, tones=tones), reading, "style"
        yield from _variants(syllable, reading)
    for syllable in _generic_syllables():
        reading = syllable.initial + syllable.rhyme
        if not known(unaccent(reading)):
            for style in GENERIC_STYLES:
                yield strip_tone_marks(spell_syllable(syllable, style)), reading, "generic"


def _variants(syllable: str, reading: str) -> Iterable[Tuple[str, str, str]]:
    """Secondary MT spellings (``variant`` rows of translit_rules.tsv) of one syllable."""
    parsed = parse_syllable(syllable)
    if parsed is None:
        return
    for style in style_names():
        rules = get_style(style)
        onset = rules.initials.get(parsed.initial, parsed.initial)
        for template in rules.variants.get(parsed.rhyme, ()):
            yield spell(onset, template, "", 0, rules.tone_spelling), reading, "variant"


def _generic_syllables() -> Iterator[Syllable]:
    """Every well-formed toneless syllable (initial × nucleus × coda) the spelling rules allow."""
    for initial in INITIALS:
        for nucleus in sorted(NUCLEI):
            for coda in CODAS:
                if nucleus_fits(nucleus, coda) and _initial_fits(initial, nucleus):
                    yield Syllable(initial, nucleus, coda, "ngang")
