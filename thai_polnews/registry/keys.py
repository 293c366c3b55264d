"""Keys that let spellings of one name, one date or one document code meet in the registry.

Pure functions, no database: a name key is the unaccented, case-folded canonical
romanisation (``attrs.canonical`` when the record has one, else the library's own
:func:`thai_polnews.names.canonical`), a Latin surface compared unaccented and
case-folded, and a Thai surface that cannot be read keyed by its letters with
tone marks and letter classes folded (:func:`thai_polnews.names.thai_script.match_key`).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from ..names.thai_script import clean_thai, is_thai
from ..names.vietnamese import unaccent

NAME_LABELS = ("PERSON", "LOCATION")
THAI_KEY_PREFIX = "~"  # keys of unreadable Thai spellings; never a romanisation
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_RANGE = re.compile(r"^(\d{4})/(\d{4})$")


def fold(text: str) -> str:
    """NFC, no zero-width characters, Vietnamese diacritics dropped, case-folded, one space between words."""
    return " ".join(unaccent(clean_thai(text)).casefold().split())


def variant_key(surface: str) -> str:
    """The spelling itself, folded: what a query typed exactly as printed finds."""
    return fold(surface)


def name_key(surface: str, label: Optional[str], canonical: Optional[str] = None) -> str:
    """The key that joins spellings of one person or place across documents.

    ``canonical`` (the record's ``attrs.canonical``) wins; a Thai surface without it is
    read by :func:`thai_polnews.names.canonical`; a Latin one is folded; an unreadable
    Thai one keys by its letters (tone marks and letter classes folded).
    """
    if canonical and canonical.strip():
        return fold(canonical)
    text = clean_thai(surface)
    if not is_thai(text):
        return fold(text)
    from ..names import canonical as read_canonical  # name tables load only when needed

    value = read_canonical(text, label if label in NAME_LABELS else None)
    if value:
        return fold(value)
    return thai_letters_key(text)


def thai_letters_key(text: str) -> str:
    """Key of a Thai spelling that cannot be read: each word by ``match_key``."""
    from ..names.thai_script import match_key

    return THAI_KEY_PREFIX + " ".join(match_key(word) for word in clean_thai(text).split())


def query_keys(name: str, label: str) -> List[str]:
    """Every key a typed ``name`` may be stored under, as name or as spelling (deduplicated, in order)."""
    text = clean_thai(name)
    if not text:
        return []
    keys = [fold(text)]
    if is_thai(text):
        from ..names import canonical as read_canonical

        for value in (read_canonical(text, label), read_canonical(text)):
            if value:
                keys.append(fold(value))
        keys.append(thai_letters_key(text))
    return list(dict.fromkeys(keys))


def code_key(code: str) -> str:
    """A document code compared without spaces, case or Vietnamese marks (``137-QĐ/TW`` = ``137-qd/tw``)."""
    return "".join(unaccent(clean_thai(code)).upper().split())


def date_value(entity: dict) -> Optional[str]:
    """The ISO value of a DATE entity's ``attrs`` when it carries a year (``2025``, ``2025-07``, ``2020/2025``)."""
    value = (entity.get("attrs") or {}).get("value")
    if isinstance(value, str) and (_YEAR.match(value) or _RANGE.match(value)):
        return value
    return None


def date_interval(value: Optional[str]) -> Optional[Tuple[str, str]]:
    """First and last day an ISO date value covers, as ``YYYY-MM-DD`` strings that sort; None without a year.

    ``2025`` → 2025-01-01..2025-12-31, ``2025-07`` → the month, ``2020/2025`` → both
    years whole. The last day of a month is written 31 (only compared, never shown).
    """
    if not value:
        return None
    found = _RANGE.match(value)
    if found:
        first, last = sorted(found.groups())
        return f"{first}-01-01", f"{last}-12-31"
    found = _YEAR.match(value)
    if not found:
        return None
    year, month, day = found.groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"
