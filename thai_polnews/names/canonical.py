"""``canonical``: the unaccented romanisation of a Vietnamese person or place name.

Order of evidence: the gazetteer (whole names, any spelling), then Thai-name and
foreign-place negatives, then syllable-by-syllable reading of the Thai spelling
(segmented by ``segment``), each syllable read by frequency for its position
(surname first, given name last). Latin-script names are checked to be
Vietnamese syllables and unaccented.
"""
from __future__ import annotations

from functools import lru_cache
from typing import FrozenSet, List, Optional, Tuple

from .frequency import weight
from .gazetteer import gazetteer, title_case
from .inventory import inventory
from .negatives import is_foreign_place, is_thai_person, thai_words
from .segment import Segmentation, choose, segment
from .tables import read_table
from .thai_script import clean_thai, is_thai
from .vietnamese import has_vietnamese_marks, is_vietnamese_syllable, split_syllables, unaccent

LABELS = (None, "PERSON", "LOCATION")
MAX_MEAN_COST = 4.0
SURNAME_EVIDENCE = 5.0  # surname weight that makes an unlabelled name read as a person
MINORITY_WORD_MAX = 5
NON_VIETNAMESE_LETTERS = frozenset("fjwz")
_TRIM = " \t\n.,;:()[]\"'“”‘’«»"


def canonical(surface: str, label: Optional[str] = None) -> Optional[str]:
    """Unaccented title-case romanisation of a Vietnamese person or place name, or None.

    ``label`` ("PERSON", "LOCATION" or None) restricts the gazetteer and sets how
    syllables are read. None means the name is not (recognisably) Vietnamese:
    Thai words and names, foreign names, unreadable spellings.
    """
    if not isinstance(surface, str):
        raise TypeError(f"canonical expects str, got {type(surface).__name__}")
    if label not in LABELS:
        raise ValueError(f"Unknown label {label!r}; expected one of {LABELS}.")
    return _canonical(surface, label)


@lru_cache(maxsize=8192)
def _canonical(surface: str, label: Optional[str]) -> Optional[str]:
    """:func:`canonical`, memoised: archives name the same people and places again and again."""
    text = clean_thai(surface).strip(_TRIM)
    if not text:
        return None
    if is_thai(text):
        return _from_thai(text, label)
    return _from_latin(text, label)


def readings(surface: str, label: Optional[str] = None, *, margin: float = 0.5) -> Optional[List[Tuple[str, ...]]]:
    """Per syllable, the plausible lower-case readings (best first); None if unreadable.

    A reading is kept when it costs at most ``margin`` more than the piece's
    cheapest; used to compare spellings of one name without committing to one reading.
    """
    found = _readings(surface, label, margin)
    return None if found is None else list(found)


@lru_cache(maxsize=8192)
def _readings(surface: str, label: Optional[str], margin: float) -> Optional[Tuple[Tuple[str, ...], ...]]:
    """:func:`readings`, memoised, as a tuple."""
    text = clean_thai(surface).strip(_TRIM)
    if not text:
        return None
    if not is_thai(text):
        latin = _from_latin(text, label)
        return tuple((s.lower(),) for s in latin.split()) if latin else None
    seg = _segment(text)
    if seg is None:
        return None
    out = []
    for piece, role in zip(seg.pieces, _roles(seg, label)):
        best = unaccent(choose(piece.readings, role)[0])
        cheapest = min(piece.readings.values())
        near = sorted({unaccent(r) for r, c in piece.readings.items() if c <= cheapest + margin} - {best})
        out.append((best, *near))
    return tuple(out)


def _from_thai(text: str, label: Optional[str]) -> Optional[str]:
    table = gazetteer()
    entry = table.find(text, label)
    if entry is not None:
        return entry.canonical
    if _is_negative(text, label):
        return None
    seg = _segment(text)
    if seg is None:
        entry = table.find(text, label, fuzzy=True)
        return entry.canonical if entry else None
    roles = _roles(seg, label)
    return title_case(" ".join(unaccent(choose(p.readings, role)[0]) for p, role in zip(seg.pieces, roles)))


@lru_cache(maxsize=8192)
def _segment(text: str) -> Optional[Segmentation]:
    """Segmentation of ``text`` when confident enough, else None (memoised; shared by canonical and readings)."""
    seg = segment(text, inventory())
    if seg is None or seg.mean_cost > MAX_MEAN_COST:
        return None
    return seg


def _is_negative(text: str, label: Optional[str]) -> bool:
    """Thai person names, foreign places and joined Thai words are not Vietnamese names."""
    if label != "LOCATION" and is_thai_person(text):
        return True
    if label != "PERSON" and is_foreign_place(text):
        return True
    joined = text.replace(" ", "")
    return " " not in text and len(joined) > 4 and joined in thai_words()


def _roles(seg: Segmentation, label: Optional[str]) -> List[str]:
    """Reading role of each syllable: place syllables, or surname … middle … given."""
    n = len(seg.pieces)
    if label == "LOCATION":
        return ["place"] * n
    if label is None:
        first, _ = choose(seg.pieces[0].readings, "surname")
        if n < 2 or weight(first, "surname") < SURNAME_EVIDENCE:
            return ["total"] * n
    if n == 1:
        return ["given"]
    return ["surname"] + ["middle"] * (n - 2) + ["given"]


def _from_latin(text: str, label: Optional[str]) -> Optional[str]:
    """Latin-script name: gazetteer, or every token a Vietnamese syllable (or listed clan name)."""
    entry = gazetteer().find(text, label)
    if entry is not None:
        return entry.canonical
    tokens = split_syllables(text)
    if not tokens or not all(t.isalpha() for t in tokens) or not _looks_vietnamese(tokens, text):
        return None
    return title_case(" ".join(unaccent(t).lower() for t in tokens))


def _looks_vietnamese(tokens: List[str], text: str) -> bool:
    """Vietnamese diacritics, or every token a syllable or listed clan name, or (minority
    names such as ``Y Thanh Ha Nie Kdam``, an Ê Đê name) most tokens syllables and the
    rest short words without f, j, w, z."""
    if has_vietnamese_marks(text):
        return True
    ok = [is_vietnamese_syllable(t) or t.lower() in _clan_names() for t in tokens]
    if all(ok):
        return True
    others = [t for t, good in zip(tokens, ok) if not good]
    return 2 * sum(ok) >= len(tokens) and all(
        len(t) <= MINORITY_WORD_MAX and not set(t.lower()) & NON_VIETNAMESE_LETTERS for t in others
    )


@lru_cache(maxsize=1)
def _clan_names() -> FrozenSet[str]:
    """Lower-case unaccented surnames of surnames.tsv; lets clan names like ``Ksor`` through."""
    return frozenset(unaccent(row["surname_vi"]).lower() for row in read_table("surnames.tsv"))
