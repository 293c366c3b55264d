"""``to_thai``: write a Vietnamese name in Thai script in one of the registered styles.

Each syllable is analysed (initial, rhyme, tone) and spelled by the style's rules,
or by wunsen for the Royal Institute style. Names written without diacritics get
their most frequent accented reading first (``Tran Duc Thang`` → ``Trần Đức
Thắng``), so every style can render them.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Callable, Dict, List

from .frequency import accented_form
from .styles import Style, get_style
from .thai_script import spell, strip_tone_marks
from .vietnamese import (
    DEFAULT_NUCLEUS,
    NUCLEI,
    QU_GLIDES,
    Syllable,
    has_vietnamese_marks,
    nucleus_fits,
    parse_syllable,
    split_syllables,
    unaccent,
)


def to_thai(vietnamese: str, style: str = "news", *, spaces: bool = True, tones: bool = True) -> str:
    """Render a Vietnamese name (with or without diacritics) in Thai script.

    ``style`` is one of ``style_names()`` ("royal", "news", "mt"); ``spaces``
    separates syllables; ``tones=False`` drops the Thai tone marks, as MT often does.
    Tokens that are not Vietnamese syllables (``Ksor``) are kept as written.
    """
    if not isinstance(vietnamese, str):
        raise TypeError(f"to_thai expects str, got {type(vietnamese).__name__}")
    name = unicodedata.normalize("NFC", " ".join(vietnamese.split()))
    syllables = split_syllables(name)
    if not has_vietnamese_marks(name):
        syllables = [accented_form(s) for s in syllables]
    return render(syllables, style, spaces=spaces, tones=tones)


def render(syllables: List[str], style: str, *, spaces: bool = True, tones: bool = True) -> str:
    """Render syllables exactly as spelled (no accent restoration: ``Huynh`` stays toneless)."""
    chosen = get_style(style)
    established = chosen.names.get(" ".join(syllables).lower())
    if established is not None:
        text = established
    else:
        text = (" " if spaces else "").join(_ENGINES[chosen.engine](chosen, s) for s in syllables)
    return text if tones else strip_tone_marks(text)


def _by_rules(style: Style, syllable: str) -> str:
    """One syllable by the style's rule tables, or the syllable itself if not Vietnamese."""
    conventional = style.syllables.get(syllable.lower())
    if conventional is not None:
        return conventional
    parsed = parse_syllable(syllable)
    if parsed is None:
        return syllable
    return _spell_parsed(style, _accent_nucleus(parsed))


def spell_syllable(syl: Syllable, style: str) -> str:
    """Spell an analysed syllable by a rule-based style (no conventional forms)."""
    return _spell_parsed(get_style(style), _accent_nucleus(syl))


def _spell_parsed(style: Style, syl: Syllable) -> str:
    initial, nucleus = style.rewrites.get((syl.initial, syl.nucleus), (syl.initial, syl.nucleus))
    if initial == "qu" and nucleus in QU_GLIDES:
        initial, nucleus = "c", QU_GLIDES[nucleus]
    onset = style.initials.get(initial, initial)
    rule = style.nuclei[nucleus]
    closed = bool(syl.coda)
    if closed:
        template = style.rhymes.get(nucleus + syl.coda) or rule.closed or rule.open
    else:
        short = style.short.get(nucleus) if syl.tone == "nang" else None
        template = short or rule.open or rule.closed
    glide = rule.glide_closed if closed else rule.glide_open
    coda = style.codas.get(syl.coda, "")
    return spell(onset + glide, template, coda, style.tones[syl.tone], style.tone_spelling)


def _accent_nucleus(syl: Syllable) -> Syllable:
    """Give an unaccented nucleus (``uo`` in ``Duong``) an accented reading that fits the coda."""
    if syl.nucleus in NUCLEI and nucleus_fits(syl.nucleus, syl.coda):
        return syl
    options = [n for n in sorted(NUCLEI) if unaccent(n) == syl.nucleus and nucleus_fits(n, syl.coda)]
    preferred = DEFAULT_NUCLEUS.get(syl.nucleus)
    nucleus = preferred if preferred in options else (options[0] if options else syl.nucleus)
    return Syllable(syl.initial, nucleus, syl.coda, syl.tone)


@lru_cache(maxsize=1)
def _wunsen() -> Callable[[str], str]:
    """wunsen's Vietnamese transcriber (Royal Institute 2012), created once."""
    from wunsen import ThapSap

    return ThapSap("vi").thap


def _by_wunsen(style: Style, syllable: str) -> str:
    """One syllable by wunsen; wunsen leaves non-Vietnamese words as they are."""
    return _wunsen()(syllable)


_ENGINES: Dict[str, Callable[[Style, str], str]] = {"wunsen": _by_wunsen, "rules": _by_rules}


def render_all(vietnamese: str, styles: List[str]) -> List[str]:
    """Every rendering of ``vietnamese`` in ``styles`` × spaces × tones (for inventories and tests)."""
    return [
        to_thai(vietnamese, s, spaces=sp, tones=t)
        for s in styles
        for sp in (True, False)
        for t in (True, False)
    ]
