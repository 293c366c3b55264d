"""Thai words and names that are not Vietnamese names, from pythainlp's offline corpus.

Thai person names, family names, country names and Thai province names often
segment into plausible Vietnamese syllables (``สมชาย`` → ``Xom Chai``); these
lists let ``canonical`` say None for them instead.
"""
from __future__ import annotations

from functools import lru_cache
from typing import FrozenSet

from .tables import read_table
from .thai_script import clean_thai

VIETNAM_TH = frozenset({"เวียดนาม", "ประเทศเวียดนาม"})


@lru_cache(maxsize=1)
def thai_given_names() -> FrozenSet[str]:
    """Thai first names (male and female) from pythainlp."""
    from pythainlp.corpus import thai_female_names, thai_male_names

    return frozenset(thai_male_names()) | frozenset(thai_female_names())


@lru_cache(maxsize=1)
def thai_family_names() -> FrozenSet[str]:
    """Thai family names from pythainlp."""
    from pythainlp.corpus import thai_family_names as family

    return frozenset(family())


@lru_cache(maxsize=1)
def foreign_places() -> FrozenSet[str]:
    """Countries (but Viet Nam) and Thai provinces in Thai script, from pythainlp, and the foreign
    cities and provinces (Lao, Cambodian, Chinese, ...) of ``data/names/foreign_places.tsv``."""
    from pythainlp.corpus import countries, provinces

    listed = {row["th"] for row in read_table("foreign_places.tsv") if row["th"]}
    return frozenset((set(countries()) | set(provinces()) | listed) - VIETNAM_TH)


@lru_cache(maxsize=1)
def thai_words() -> FrozenSet[str]:
    """The pythainlp Thai word list (used only for multi-syllable joined words)."""
    from pythainlp.corpus import thai_words as words

    return frozenset(words())


def is_thai_person(text: str) -> bool:
    """A Thai first name alone, or a first name followed by a Thai family name."""
    tokens = clean_thai(text).split()
    if not tokens:
        return False
    given, family = thai_given_names(), thai_family_names()
    if len(tokens) == 1:
        return tokens[0] in given or tokens[0] in family
    return tokens[0] in given and tokens[-1] in family


def is_foreign_place(text: str) -> bool:
    """A country other than Viet Nam, or a Thai province."""
    return clean_thai(text).replace(" ", "") in foreign_places()
