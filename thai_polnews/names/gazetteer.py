"""Whole-name gazetteer: provinces (old and 2025), districts, regions, well-known officials.

Each entry is indexed by the matching key of every Thai spelling listed for it
and of its rendering in every style, with and without spaces and tone marks, and
by its Latin forms. A gazetteer hit wins over syllable-by-syllable reading.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterator, List, Optional, Tuple

from .styles import style_names
from .tables import read_table, split_list
from .thai_script import clean_thai, loose_key, match_key
from .translit import render_all
from .vietnamese import unaccent

KINDS = {"LOCATION": "place", "PERSON": "person"}


@dataclass(frozen=True)
class Entry:
    """A gazetteer name: its canonical romanisation and kind (place or person)."""

    canonical: str
    kind: str


def title_case(name: str) -> str:
    """``dong bang song Hong`` → ``Dong Bang Song Hong`` (each space-separated word)."""
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def thai_key(text: str) -> str:
    """Matching key of a whole Thai name: spaces, dashes and marks ignored."""
    return match_key(clean_thai(text).replace(" ", "").replace("-", ""))


def thai_loose_key(text: str) -> str:
    """Loose key of a whole Thai name (vowel length and clusters ignored too)."""
    return loose_key(clean_thai(text).replace(" ", "").replace("-", ""))


def latin_key(text: str) -> str:
    """Lower-case unaccented letters only: ``Hà Nội`` and ``Hanoi`` both → ``hanoi``."""
    return "".join(ch for ch in unaccent(text).lower() if ch.isalpha())


@dataclass(frozen=True)
class Gazetteer:
    """Keyed lookups of whole names."""

    thai: Dict[str, Tuple[Entry, ...]]
    loose: Dict[str, Tuple[Entry, ...]]
    latin: Dict[str, Tuple[Entry, ...]]

    def find(self, surface: str, label: Optional[str] = None, *, fuzzy: bool = False) -> Optional[Entry]:
        """The entry ``surface`` names (restricted to ``label``'s kind when given), or None."""
        if any("\u0e00" <= ch <= "\u0e7f" for ch in surface):
            index, probe = (self.loose, thai_loose_key(surface)) if fuzzy else (self.thai, thai_key(surface))
        else:
            index, probe = self.latin, latin_key(surface)
        kind = KINDS.get(label or "")
        for entry in index.get(probe, ()):
            if kind is None or entry.kind == kind:
                return entry
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    thai: Dict[str, Tuple[Entry, ...]] = {}
    loose: Dict[str, Tuple[Entry, ...]] = {}
    latin: Dict[str, Tuple[Entry, ...]] = {}
    for entry, vietnamese, thai_forms, latin_forms in _entries():
        for form in _thai_forms(vietnamese, thai_forms):
            _put(thai, thai_key(form), entry)
            _put(loose, thai_loose_key(form), entry)
        for form in (vietnamese, entry.canonical, *latin_forms):
            _put(latin, latin_key(form), entry)
    return Gazetteer(thai, loose, latin)


@lru_cache(maxsize=1)
def place_forms() -> FrozenSet[str]:
    """Every Thai spelling of a gazetteer place (listed and rendered in each style), spaces removed."""
    forms = set()
    for entry, vietnamese, thai_forms, _ in _entries():
        if entry.kind == "place":
            forms.update(clean_thai(form).replace(" ", "") for form in _thai_forms(vietnamese, thai_forms))
    return frozenset(forms)


def _thai_forms(vietnamese: str, listed: Tuple[str, ...]) -> List[str]:
    """The Thai spellings an entry is known by: those listed, then its rendering in every style."""
    return list(listed) + render_all(vietnamese, list(style_names()))


def _put(index: Dict[str, Tuple[Entry, ...]], key: str, entry: Entry) -> None:
    """Add ``entry`` under ``key`` once; the first entry for a key stays first."""
    if key and entry not in index.get(key, ()):
        index[key] = index.get(key, ()) + (entry,)


def _entries() -> Iterator[Tuple[Entry, str, Tuple[str, ...], Tuple[str, ...]]]:
    """(entry, Vietnamese name, Thai forms, Latin forms) for places, then officials."""
    for row in read_table("places.tsv"):
        entry = Entry(title_case(row["canonical"]), "place")
        yield entry, row["name_vi"], tuple(split_list(row["th_forms"])), tuple(split_list(row["latin_forms"]))
    for row in read_table("officials.tsv"):
        entry = Entry(title_case(row["canonical"]), "person")
        yield entry, row["name_vi"], tuple(split_list(row["th_forms"])), ()
