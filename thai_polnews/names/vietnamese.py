"""Vietnamese spelling: unaccenting and splitting a syllable into initial, rhyme and tone.

The Thai renderers and the Latin-script checks both need the same analysis of a
Vietnamese syllable (``nguyễn`` → initial ``ng``, nucleus ``uyê``, coda ``n``, tone
``nga``), so it lives here, free of any Thai or table logic.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import FrozenSet, List, Optional

TONE_MARKS = {
    "\u0300": "huyen",
    "\u0301": "sac",
    "\u0309": "hoi",
    "\u0303": "nga",
    "\u0323": "nang",
}
QUALITY_MARKS = frozenset({"\u0306", "\u0302", "\u031b"})  # breve, circumflex, horn
TONES = ("ngang", "huyen", "sac", "hoi", "nga", "nang")

INITIALS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
CODAS = ("ch", "nh", "ng", "c", "k", "m", "n", "p", "t", "")  # k: Central Highlands names (Đắk Lắk)

NUCLEI: FrozenSet[str] = frozenset(
    """a ă â e ê i o ô ơ u ư y oo ôô ai ao au âu ay ây eo êu ia iê iu oa oă oe oi ôi
    ơi ua ưa uâ uê ui ưi uô uơ ươ ưu uy iêu yêu oai oao oay uây uôi uya uyê uyu ươi
    ươu yê""".split()
)
_OPEN_ONLY = frozenset(
    "ai ao au âu ay ây eo êu ia iu oi ôi ơi ua ưa ui ưi ưu iêu yêu oai oao oay uây "
    "uôi uya uyu ươi ươu".split()
)
_CLOSED_ONLY = frozenset("ă â iê uâ uô ươ yê oă uyê".split())

DEFAULT_NUCLEUS = {"uo": "ươ", "uoi": "ươi", "uou": "ươu", "ie": "iê", "ye": "yê",
                   "uye": "uyê", "ieu": "iêu", "yeu": "yêu"}
"""Accented nucleus assumed for an unaccented one when no table knows the syllable."""

VI_LETTERS = "a-zA-ZđĐ\u00c0-\u1ef9"
_SYLLABLE_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013.·]+")

_LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_UPPER = "A-Z\u00c0-\u00de\u0110\u1ea0-\u1ef8"
LATIN_NAME_RUN = re.compile(rf"[{_UPPER}][{_LATIN}'.]*(?:[ \u00a0]+[{_UPPER}][{_LATIN}'.]*)+")
"""Two or more capitalised Latin words in a row: the shape of a romanised Vietnamese name."""


@dataclass(frozen=True)
class Syllable:
    """One Vietnamese syllable: lower-case initial, nucleus, coda, tone name."""

    initial: str
    nucleus: str
    coda: str
    tone: str

    @property
    def rhyme(self) -> str:
        """Nucleus plus coda, without tone (``uyên``)."""
        return self.nucleus + self.coda


def unaccent(s: str) -> str:
    """Drop Vietnamese diacritics (NFD, no Latin combining marks, Đ→D, đ→d); keep spaces, case and Thai."""
    if not isinstance(s, str):
        raise TypeError(f"unaccent expects str, got {type(s).__name__}")
    return _unaccent(s)


@lru_cache(maxsize=16384)
def _unaccent(s: str) -> str:
    """:func:`unaccent`, memoised: name reading asks for the same few thousand syllables again and again."""
    decomposed = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not ("\u0300" <= ch <= "\u036f"))
    return unicodedata.normalize("NFC", stripped)


def has_vietnamese_marks(s: str) -> bool:
    """True when ``s`` carries any Vietnamese tone or vowel-quality mark or đ."""
    if "đ" in s or "Đ" in s:
        return True
    return any(
        ch in TONE_MARKS or ch in QUALITY_MARKS for ch in unicodedata.normalize("NFD", s)
    )


def split_syllables(name: str) -> List[str]:
    """Split a Latin-script name on spaces, hyphens and dots (``A.Tung`` → ``A``, ``Tung``)."""
    return [part for part in _SYLLABLE_SPLIT.split(name.strip()) if part]


def split_tone(syllable: str) -> tuple[str, str]:
    """Lower-case NFC syllable without its tone mark, and the tone name."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tone = "ngang"
    kept = []
    for ch in decomposed:
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


@lru_cache(maxsize=16384)
def parse_syllable(syllable: str) -> Optional[Syllable]:
    """Analyse one syllable, or None when it is not a well-formed Vietnamese syllable."""
    base, tone = split_tone(syllable)
    if not base or not base.isalpha():
        return None
    for initial in INITIALS:
        if not base.startswith(initial):
            continue
        rest = base[len(initial):]
        if initial == "gi" and not _has_vowel(rest):
            rest = "i" + rest
        if initial == "qu" and not rest:
            continue
        parsed = _parse_rhyme(rest)
        if parsed is not None:
            nucleus, coda = parsed
            if initial in ("c", "g", "gh", "ngh") and not initial_fits(initial, nucleus):
                continue
            return Syllable(initial, nucleus, coda, tone)
    return None


def is_vietnamese_syllable(syllable: str) -> bool:
    """True when ``syllable`` (accented or not) is a well-formed Vietnamese syllable."""
    return parse_syllable(syllable) is not None


def nucleus_fits(nucleus: str, coda: str) -> bool:
    """True when the accented ``nucleus`` may stand with ``coda`` ('' = open syllable)."""
    if nucleus not in NUCLEI:
        return False
    return not (coda and nucleus in _OPEN_ONLY) and not (not coda and nucleus in _CLOSED_ONLY)


def _has_vowel(s: str) -> bool:
    return any(ch in "aăâeêioôơuưy" for ch in s)


GLIDE_NUCLEI = frozenset("oa oă oe oai oao oay uâ uây uê uy uya uyê uyu uơ".split())
"""Nuclei that start with the glide /w/; after a velar it is written qu, never c/k/g + glide."""
QU_GLIDES = {"â": "uâ", "ây": "uây", "ê": "uê", "yê": "uyê", "ô": "uô", "ơ": "uơ"}
"""qu + nucleus read as /k/ + glide nucleus (Quân = k + uân, like Xuân): spelled like the glide nucleus."""


def initial_fits(initial: str, nucleus: str) -> bool:
    """Spelling rules: gh/ngh before front vowels only, c/g/ng before the others (k goes
    anywhere: Bắc Kạn, Kon Tum); no glide after velars."""
    if nucleus in GLIDE_NUCLEI and initial in ("c", "k", "g", "gh", "gi", "qu", "ng", "ngh"):
        return False
    front = nucleus[0] in "eêiy"
    if initial == "ng":
        return not front
    if initial == "gi":
        return nucleus[0] not in "iy"
    if initial in ("gh", "ngh"):
        return front
    if initial == "c":
        return not front
    return True


def _unaccented_only(group: FrozenSet[str]) -> FrozenSet[str]:
    """Unaccented nuclei all of whose accented readings belong to ``group``."""
    plain = {unaccent(n) for n in NUCLEI}
    return frozenset(
        p for p in plain if all(n in group for n in NUCLEI if unaccent(n) == p)
    )


_PLAIN_NUCLEI = frozenset(unaccent(n) for n in NUCLEI)
_PLAIN_OPEN_ONLY = _unaccented_only(_OPEN_ONLY)
_PLAIN_CLOSED_ONLY = _unaccented_only(_CLOSED_ONLY)


def _parse_rhyme(rest: str) -> Optional[tuple[str, str]]:
    """Split ``rest`` into (nucleus, coda) with a known nucleus, longest coda first.

    A nucleus without vowel-quality marks (``uo`` from ``Duong``) is accepted when
    some accented nucleus unaccents to it.
    """
    for coda in CODAS:
        if coda and not rest.endswith(coda):
            continue
        nucleus = rest[: len(rest) - len(coda)] if coda else rest
        if nucleus in _PLAIN_NUCLEI:
            open_only, closed_only = _PLAIN_OPEN_ONLY, _PLAIN_CLOSED_ONLY
        elif nucleus in NUCLEI:
            open_only, closed_only = _OPEN_ONLY, _CLOSED_ONLY
        else:
            continue
        if coda and nucleus in open_only:
            continue
        if not coda and nucleus in closed_only:
            continue
        return nucleus, coda
    return None
