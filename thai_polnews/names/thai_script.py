"""Thai orthography: spelling a syllable with the right tone mark, and matching keys.

Thai writes tone by consonant class plus mark, so one target tone needs different
marks (or a different consonant, ท→ถ, or a silent ห before ง) depending on the
onset. ``spell`` does that; ``match_key`` and ``loose_key`` erase the differences
real transliterations disagree on so that variants compare equal.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Mapping, Optional

MID = frozenset("กจฎฏดตบปอ")
HIGH = frozenset("ขฃฉฐถผฝศษสห")
SONORANTS = frozenset("งญณนมยรลวฬ")
TO_HIGH: Mapping[str, str] = {"ค": "ข", "ฆ": "ข", "ช": "ฉ", "ซ": "ส", "ท": "ถ", "ธ": "ถ", "พ": "ผ", "ฟ": "ฝ", "ฮ": "ห"}
TO_LOW: Mapping[str, str] = {"ข": "ค", "ฉ": "ช", "ส": "ซ", "ถ": "ท", "ผ": "พ", "ฝ": "ฟ", "ห": "ฮ"}
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
MAI_EK, MAI_THO, MAI_TRI, MAI_CHATTAWA = TONE_MARKS
MAITAIKHU = "\u0e47"
ABOVE_BELOW = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47"  # ั ิ ี ึ ื ุ ู ็
STOP_FINALS = frozenset("กขคจชซดตถทบปพฟ")
SHORT_OPEN_ENDS = frozenset("\u0e30\u0e34\u0e36\u0e38")  # ะ ิ ึ ุ at the end of an open syllable
SHORT_SIGNS = frozenset("\u0e30\u0e31\u0e34\u0e36\u0e38\u0e47")  # ะ ั ิ ึ ุ ็
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
THAI_CHAR = re.compile("[\u0e00-\u0e7f]")

_LIVE_MID = {0: "", 1: MAI_EK, 2: MAI_THO, 3: MAI_TRI, 4: MAI_CHATTAWA}
_DEAD_MID = {0: "", 1: "", 2: MAI_THO, 3: MAI_TRI, 4: MAI_CHATTAWA}
_LIVE_HIGH = {4: "", 1: MAI_EK, 2: MAI_THO}
_DEAD_HIGH = {1: "", 2: MAI_THO}


@dataclass(frozen=True)
class ToneSpelling:
    """How a style may reach a tone: silent ห before sonorants, high-class partners."""

    ho_lead: bool = True
    high_pairs: bool = True


def spell(cluster: str, template: str, coda: str, tone: int, how: ToneSpelling) -> str:
    """Spell one Thai syllable.

    ``cluster`` is the onset (one consonant, optionally a glide: ``กว``),
    ``template`` the vowel with ``-`` where the onset goes (``เ-ีย``), ``coda`` the
    final letters, ``tone`` the Thai tone 0–4 wanted.
    """
    dead = _is_dead(template, coda)
    short = any(ch in SHORT_SIGNS for ch in template)
    first, rest = cluster[0], cluster[1:]
    first, lead, mark = _tone_spelling(first, tone, dead, short, how)
    onset = lead + first + rest
    pos = template.index("-")
    text = template[:pos] + onset + template[pos + 1:] + coda
    return _place_mark(text, pos + len(onset), mark)


def _is_dead(template: str, coda: str) -> bool:
    """Dead syllable: stop final, or a short open vowel (``-ะ``, ``เ-าะ``, ``-ิ``)."""
    if coda:
        return coda[0] in STOP_FINALS
    return template[-1] in SHORT_OPEN_ENDS


def _tone_spelling(first: str, tone: int, dead: bool, short: bool, how: ToneSpelling) -> tuple[str, str, str]:
    """(onset consonant, leading ห or '', tone mark) that give ``tone`` on ``first``."""
    if first in MID:
        return first, "", (_DEAD_MID if dead else _LIVE_MID)[tone]
    if first in HIGH:
        table = _DEAD_HIGH if dead else _LIVE_HIGH
        if tone in table:
            return first, "", table[tone]
        low = TO_LOW.get(first)
        if low is not None and how.high_pairs:
            return _tone_spelling(low, tone, dead, short, how)
        return first, "", MAI_THO if tone == 3 else ""
    return _low_class(first, tone, dead, short, how)


def _low_class(first: str, tone: int, dead: bool, short: bool, how: ToneSpelling) -> tuple[str, str, str]:
    """Low-class onset: marks directly, or via ห / a high-class partner for low and rising."""
    if dead:
        table = {3: "", 2: MAI_EK, 0: ""} if short else {2: "", 3: MAI_THO, 0: ""}
    else:
        table = {0: "", 2: MAI_EK, 3: MAI_THO}
    if tone in table:
        return first, "", table[tone]
    high_mark = (_DEAD_HIGH if dead else _LIVE_HIGH).get(tone, "")
    if first in SONORANTS and how.ho_lead:
        return first, "ห", high_mark
    partner = TO_HIGH.get(first)
    if partner is not None and how.high_pairs:
        return partner, "", high_mark
    return first, "", MAI_EK if tone == 1 else ""


def _place_mark(text: str, after_onset: int, mark: str) -> str:
    """Put ``mark`` after the onset and any above/below vowel; it replaces ็."""
    if not mark:
        return text
    i = after_onset
    while i < len(text) and text[i] in ABOVE_BELOW:
        i += 1
    head, tail = text[:i], text[i:]
    if head.endswith(MAITAIKHU):
        head = head[:-1]
    return head + mark + tail


def strip_tone_marks(text: str) -> str:
    """Remove the four tone marks (not ็ or ์)."""
    return "".join(ch for ch in text if ch not in TONE_MARKS)


def is_thai(text: str) -> bool:
    """True when ``text`` contains a Thai character."""
    return THAI_CHAR.search(text) is not None


def clean_thai(text: str) -> str:
    """NFC without zero-width characters; whitespace runs become one space."""
    text = ZERO_WIDTH.sub("", unicodedata.normalize("NFC", text))
    return " ".join(text.split())


_KEY_DROP = frozenset(TONE_MARKS + MAITAIKHU + "\u0e4c\u0e3a")  # tone marks, ็, ์, ฺ
_KEY_CLASSES: Dict[str, str] = {
    "ฝ": "ฟ", "ถ": "ท", "ธ": "ท", "ฐ": "ท", "ส": "ซ", "ศ": "ซ", "ษ": "ซ",
    "ข": "ค", "ฆ": "ค", "ช": "จ", "ฉ": "จ", "ฎ": "ด", "ผ": "พ", "ฮ": "ห",
}
_KEY_TABLE = str.maketrans({**_KEY_CLASSES, **{ch: None for ch in _KEY_DROP}})
_HO_LEAD = re.compile("ห(?=[งนมลยญร])")  # not before ว: หว is also /hw/ (หวง Hoàng)
_HO_WA = re.compile("ห(?=ว)")
_FINAL_NH = re.compile("(นห์|งห์|ญ)$")
_LOOSE_VOWELS: Dict[str, str] = {"า": "ั", "ี": "ิ", "ู": "ุ", "ื": "ึ", "ร": "", "ะ": "", "อ": ""}
_LOOSE_TABLE = str.maketrans({ch: (to or None) for ch, to in _LOOSE_VOWELS.items()})


@lru_cache(maxsize=16384)
def match_key(syllable: str) -> str:
    """Matching key of one Thai syllable: no marks, no silent ห, letter classes folded, -นห์/-งห์/-ญ → -น.

    ห before ว stays: it is often a real /h/ (หวง Hoàng, ฮวิญ Huỳnh ~ หวิญ).
    """
    text = clean_thai(syllable).replace(" ", "")
    text = _FINAL_NH.sub("น", text).translate(_KEY_TABLE)
    return _HO_LEAD.sub("", text)


@lru_cache(maxsize=16384)
def loose_key(syllable: str) -> str:
    """A coarser key that also ignores vowel length, ร in clusters, ะ and อ: for fuzzy matches."""
    key = _HO_WA.sub("", match_key(syllable))
    if not key:
        return key
    head, body = key[0], key[1:]
    return head + body.translate(_LOOSE_TABLE)


_THAI_BLOCK = re.compile("[\u0e01-\u0e5b]*")


def _skeleton_letter(ch: str) -> str:
    folded = _KEY_CLASSES.get(ch, ch)
    if folded in _KEY_DROP or folded in "หระอ":
        return ""
    folded = _LOOSE_VOWELS.get(folded, folded)
    return "น" if folded in "ญง" else folded


_SKELETON_LETTERS: Dict[str, str] = {chr(c): _skeleton_letter(chr(c)) for c in range(0x0E01, 0x0E5C)}
_SKELETON_TABLE = str.maketrans({ch: (to or None) for ch, to in _SKELETON_LETTERS.items()})


def skeleton_letters(text: str) -> Optional[List[str]]:
    """:func:`skeleton` of each character of ``text`` (``""`` for one it drops), or ``None``."""
    if _THAI_BLOCK.fullmatch(text) is None:
        return None
    return [_SKELETON_LETTERS[ch] for ch in text]


def skeleton(text: str) -> Optional[str]:
    """What :func:`loose_key` can never change in a Thai-only ``text``, letter by letter: letter
    classes folded, marks, ห, ร, ะ and อ dropped, vowel length ignored, ญ and ง read as น; ``None``
    when ``text`` has a character outside the Thai block (Thai letters, vowels, marks and digits).

    ``skeleton(loose_key(s)) == skeleton(s)`` for every Thai-only ``s``, and the skeleton of a
    longer text extends the skeleton of its start, so a piece whose skeleton starts no loose key's
    skeleton has no loose key in the inventory, and neither has any longer piece from the same start
    (``segment`` skips those pieces without looking them up).
    """
    if _THAI_BLOCK.fullmatch(text) is None:
        return None
    return text.translate(_SKELETON_TABLE)
