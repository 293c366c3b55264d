"""Round trips ``canonical(to_thai(x, ...)) == unaccent(x)`` on real names from the tables.

Accuracy is computed per style and per option (spaces, tone marks) on the
well-known officials and the provinces (old and 2025) of the package tables,
printed with ``-s``, and must reach the threshold below.
"""
from __future__ import annotations

import importlib
from typing import List, Tuple

import pytest

from thai_polnews.names import canonical, to_thai, unaccent
from thai_polnews.names.tables import read_table

THRESHOLD = {"royal": 0.99, "news": 0.99, "mt": 0.99}
SYLLABLE_THRESHOLD = {"royal": 0.8, "news": 0.8, "mt": 0.8}


def _sample() -> List[Tuple[str, str]]:
    """(Vietnamese name, label): officials and provincial-level units, title-case names only."""
    people = [(r["name_vi"], "PERSON") for r in read_table("officials.tsv")]
    places = [
        (r["name_vi"], "LOCATION")
        for r in read_table("places.tsv")
        if r["level"].startswith(("province", "city"))
    ]
    names = people + places
    return [(n, label) for n, label in names if all(w[:1].isupper() and w.isalpha() for w in n.split())]


SAMPLE = _sample()


def test_sample_is_large_enough() -> None:
    assert len(SAMPLE) >= 60


@pytest.mark.parametrize("tones", [True, False], ids=["tones", "no-tones"])
@pytest.mark.parametrize("spaces", [True, False], ids=["spaces", "joined"])
@pytest.mark.parametrize("style", sorted(THRESHOLD))
def test_round_trip_accuracy(style: str, spaces: bool, tones: bool) -> None:
    misses = []
    for name, label in SAMPLE:
        thai = to_thai(name, style, spaces=spaces, tones=tones)
        got = canonical(thai, label)
        if got != unaccent(name):
            misses.append((name, thai, got))
    accuracy = 1 - len(misses) / len(SAMPLE)
    print(f"\nround trip {style} spaces={spaces} tones={tones}: {accuracy:.3f} ({len(SAMPLE)} names); misses {misses[:5]}")
    assert accuracy >= THRESHOLD[style], misses


@pytest.fixture
def no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Empty the whole-name gazetteer so that only syllable-level reading is tested."""
    from thai_polnews.names.gazetteer import Gazetteer

    module = importlib.import_module("thai_polnews.names.canonical")
    monkeypatch.setattr(module, "gazetteer", lambda: Gazetteer({}, {}, {}))


@pytest.mark.parametrize("tones", [True, False], ids=["tones", "no-tones"])
@pytest.mark.parametrize("spaces", [True, False], ids=["spaces", "joined"])
@pytest.mark.parametrize("style", sorted(SYLLABLE_THRESHOLD))
def test_round_trip_without_gazetteer(style: str, spaces: bool, tones: bool, no_gazetteer: None) -> None:
    """Syllable-level back-transliteration alone (the path unseen names take)."""
    misses = []
    for name, label in SAMPLE:
        thai = to_thai(name, style, spaces=spaces, tones=tones)
        got = canonical(thai, label)
        if got != unaccent(name):
            misses.append((name, thai, got))
    accuracy = 1 - len(misses) / len(SAMPLE)
    print(f"\nsyllables only {style} spaces={spaces} tones={tones}: {accuracy:.3f}; misses {misses[:6]}")
    assert accuracy >= SYLLABLE_THRESHOLD[style], misses
