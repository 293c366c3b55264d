"""Where a sentence boundary may never fall inside a line (ANNOTATION.md).

The boundary model only proposes; these rules have the last word. A cut needs
whitespace before it, and never falls inside a document code, a date, a run of
capitalised Latin words, a bracketed or quoted stretch, a transliterated
Vietnamese name (short Thai chunks in a row), between a form of address or a
unit word and the name or place after it, between a name and the office
title after it, between a count and its classifier (``สหาย 4 ท่าน``), nor
before a word that never starts a sentence (``และ``, ``ซึ่ง``, ``กล่าวว่า``) nor after one
that never ends a sentence (``ว่า``, ``ที่``, ``:``).
Word lists live in ``data/sentences/word_classes.tsv``.

A few starts are the other way round and always cut where the guards allow
(:func:`is_forced_start`): an opener ANNOTATION.md names (``ดังนั้น``,
``พร้อมกันนี้``, kind ``always`` in ``data/sentences/cues.tsv``), link text
(``ดูรายชื่อได้ ที่นี่``) and a photo credit after a caption.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Dict, FrozenSet, List, Sequence, Tuple

from ..names.vietnamese import LATIN_NAME_RUN
from ..rules.dates import find_dates
from ..rules.doc_codes import find_doc_codes

Span_ = Tuple[int, int]

THAI_CHUNK = re.compile(r"[\u0e00-\u0e7f]+")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff'.\-]*")
PAIRS = {"(": ")", "[": "]", "{": "}", "\u201c": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019", "\u300c": "\u300d"}
CLOSERS = {v: k for k, v in PAIRS.items()}
# quoted titles and slogans run to 150 characters in the annotated files; reported speech is longer
LONG_QUOTE = 200
# a photo credit after a caption on the same line (a credit line of its own, ข่าว: … / ภาพ: …, stays whole)
CREDIT = re.compile(r"ภาพ(?:ถ่าย|โดย)?\s*[:：]")
# a count: up to three digits, thousands groups, a decimal part (not a year such as 2025)
COUNT = re.compile(r"[0-9๐-๙]{1,3}(?:[.,][0-9๐-๙]{3})*(?:[.,][0-9๐-๙]+)?")


@lru_cache(maxsize=1)
def word_classes() -> Dict[str, FrozenSet[str]]:
    """Class name -> words, from ``data/sentences/word_classes.tsv``."""
    text = resources.files("thai_polnews").joinpath("data/sentences/word_classes.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    classes: Dict[str, set] = {}
    for word, kind in rows[1:]:
        classes.setdefault(kind.strip(), set()).add(word)
    return {k: frozenset(v) for k, v in classes.items()}


@lru_cache(maxsize=1)
def cue_words() -> Dict[str, Tuple[str, ...]]:
    """Opener, continuation and always-cut words from ``data/sentences/cues.tsv``, longest first."""
    text = resources.files("thai_polnews").joinpath("data/sentences/cues.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    words: Dict[str, List[str]] = {"opener": [], "continuation": [], "always": []}
    for word, kind in rows[1:]:
        words.setdefault(kind.strip(), []).append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in words.items()}


@lru_cache(maxsize=8)
def chunk_prefixes(kind: str) -> Tuple[str, ...]:
    """Words of ``kind`` as ``str.startswith`` prefixes, longest first."""
    return tuple(sorted(word_classes().get(kind, ()), key=len, reverse=True))


def bracketed_spans(line: str) -> List[Span_]:
    """Spans from an opening bracket or quote to its closing partner (both included).

    ASCII double quotes pair up in order; an opener without a partner in the line
    protects nothing (MT text drops closers now and then).
    """
    spans: List[Span_] = []
    stack: List[Tuple[str, int]] = []
    quote = -1
    for i, ch in enumerate(line):
        if ch in PAIRS:
            stack.append((ch, i))
        elif ch in CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == CLOSERS[ch]:
                    spans.append((stack[depth][1], i + 1))
                    del stack[depth:]
                    break
        elif ch == '"':
            if quote < 0:
                quote = i
            else:
                spans.append((quote, i + 1))
                quote = -1
    return spans


def protected_spans(line: str) -> List[Span_]:
    """Character spans of ``line`` that a sentence boundary must not cut.

    A bracketed or quoted stretch longer than ``LONG_QUOTE`` characters is reported
    speech of several sentences (seed-002), not a title or a slogan, and protects nothing.
    """
    spans = [(m.start, m.end) for m in find_doc_codes(line)]
    spans += [(m.start, m.end) for m in find_dates(line)]
    spans += [m.span() for m in LATIN_NAME_RUN.finditer(line)]
    spans += [(s, e) for s, e in bracketed_spans(line) if e - s <= LONG_QUOTE]
    return spans


def is_name_like(chunk: str, max_chunk: int) -> bool:
    """A short Thai-script chunk: the shape of one syllable group of a transliterated name."""
    return THAI_CHUNK.fullmatch(chunk) is not None and len(chunk) <= max_chunk


def is_name_like_gap(line: str, offset: int, *, max_chunk: int) -> bool:
    """True when the whitespace before ``offset`` sits between two short Thai chunks.

    Transliterated Vietnamese names are runs of short syllable groups separated by
    single spaces (``เหงียน กวาง ตรัง``).
    """
    left = line[:offset].rstrip().rsplit(None, 1)
    right = line[offset:].split(None, 1)
    if not left or not right:
        return False
    return is_name_like(left[-1], max_chunk) and is_name_like(right[0], max_chunk)


def is_title_gap(left_words: Sequence[str], right_chunk: str, left_chunk: str, *, max_chunk: int) -> bool:
    """True when the gap separates a title from its name or place, or a name from its title.

    ``left_words`` are the words of the chunk before the gap (its last one
    counts), ``right_chunk`` and ``left_chunk`` the chunks either side. After a
    form of address (``สหาย``, ``นาย``) a name follows; after a unit word
    (``จังหวัด``, ``แขวง``) a Latin-script place; before an office title (``รองประธาน…``) a name
    keeps its title (a short Thai or Latin chunk on the left).
    """
    classes = word_classes()
    last = left_words[-1] if left_words else ""
    if last in classes.get("honorific", ()):
        return True
    if last in classes.get("unit", ()) and _looks_like_name(right_chunk, max_chunk):
        return True
    if right_chunk.startswith(chunk_prefixes("position")):
        return is_name_like(left_chunk, max_chunk) or LATIN_WORD.fullmatch(left_chunk) is not None
    return False


def _looks_like_name(chunk: str, max_chunk: int) -> bool:
    """A chunk that is surely a place name after a unit word: capitalised Latin (Thai-script
    places after a unit word are left to the model, which sees the unit word)."""
    return chunk[:1].isupper()


def is_bound_gap(left_chunk: str, left_words: Sequence[str], right_words: Sequence[str]) -> bool:
    """True when no sentence can end at the gap.

    The last word before it never ends one (class ``nonender``: ``กล่าวว่า``, ``ที่``, ``:``),
    the first word after it never starts one (class ``nonstarter``), or that word is a classifier
    (class ``classifier``) after a count that ends the chunk before the gap
    (``สหาย 4 ท่าน``; not after a year, ``ปี 2025 ท่านได้…``, nor after a
    Latin code such as ``G77``).
    """
    if not left_words or not right_words:
        return False
    classes = word_classes()
    first = right_words[0]
    if first in classes.get("nonstarter", ()) or left_words[-1] in classes.get("nonender", ()):
        return True
    if first not in classes.get("classifier", ()):
        return False
    last = left_words[-1]
    if COUNT.fullmatch(last) is None:
        return False
    before = left_chunk[: len(left_chunk) - len(last)]
    return not (before and (before[-1].isalpha() and before[-1].isascii() or before[-1].isdigit()))


def is_forced_start(line: str, offset: int) -> bool:
    """True when a sentence always starts at ``offset`` (after whitespace) of ``line``.

    An always-cut cue word starts there, or a photo credit (``ภาพโดย: …``) after
    at least 20 characters of caption without a colon (``ข่าว: X / ภาพ: Y`` is one
    credit line and stays whole).
    """
    if line.startswith(cue_words()["always"], offset):
        return True
    if CREDIT.match(line, offset):
        before = line[:offset].strip()
        return len(before) >= 20 and ":" not in before and "：" not in before
    return False

