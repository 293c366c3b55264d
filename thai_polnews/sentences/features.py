"""Features of the gaps of a line, for the sentence-boundary model.

A gap is a whitespace run between two space-separated chunks of one line; a
sentence may start right after it. Its features come from the Doc's own words
(newmm tokens): the words either side (two or three on each side), their
classes (digits, Latin, Thai, punctuation, and the word classes of
``data/sentences/word_classes.tsv`` and ``cues.tsv``), the function words
(``marker`` class) among the six words either side, the shapes, word counts and
lengths of the two chunks, the shape of the chunks beyond them (and the first
word of the chunk after the right one) and where the gap sits in the line.
Training (``thai_polnews.training.sentences``) and inference call the same
functions.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

from .guards import chunk_prefixes, cue_words, word_classes

Chunk = Tuple[int, int, Tuple[str, ...]]  # start, end (in the line), words

NUMBER = re.compile(r"[0-9๐-๙][0-9๐-๙.,/%-]*")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
THAI = re.compile(r"[\u0e00-\u0e7f]")
WORD_CLASSES = ("honorific", "unit", "particle", "saying")
CHUNK_CLASSES = ("position", "credit")


def line_chunks(words: Sequence[str]) -> List[Chunk]:
    """The space-separated chunks of a line given as words that join to it."""
    chunks: List[Chunk] = []
    offset, start, current = 0, -1, []
    for word in words:
        if word.isspace():
            if current:
                chunks.append((start, offset, tuple(current)))
                current = []
        elif word:
            if not current:
                start = offset
            current.append(word)
        offset += len(word)
    if current:
        chunks.append((start, offset, tuple(current)))
    return chunks


@lru_cache(maxsize=1)
def _word_class_map() -> Dict[str, str]:
    classes = word_classes()
    return {w: kind for kind in WORD_CLASSES for w in classes.get(kind, ())}


@lru_cache(maxsize=65536)
def word_shape(word: str) -> str:
    """A coarse class of ``word``: its word class, else num, Lat/lat, th, or the punctuation itself."""
    kind = _word_class_map().get(word)
    if kind is not None:
        return kind
    if NUMBER.fullmatch(word):
        return "num"
    if LATIN.match(word):
        return "Lat" if word[0].isupper() else "lat"
    if THAI.match(word):
        return "th"
    return "p" + word[:2]


def _length(n: int) -> str:
    return "1" if n <= 2 else "s" if n <= 6 else "m" if n <= 15 else "l" if n <= 40 else "x"


def _chars(n: int) -> str:
    """A finer length class of a chunk in characters (sentence-long chunks are common)."""
    return "a" if n < 20 else "b" if n < 40 else "c" if n < 70 else "d" if n < 110 else "e" if n < 170 else "f"


def _count(n: int) -> str:
    return "1" if n < 2 else "2" if n < 4 else "4" if n < 8 else "8" if n < 16 else "x"


@lru_cache(maxsize=1)
def _markers() -> frozenset:
    return word_classes().get("marker", frozenset())


def _distance(n: int) -> str:
    return "0" if n < 20 else "1" if n < 50 else "2" if n < 100 else "3" if n < 200 else "4"


@lru_cache(maxsize=65536)
def chunk_features(chunk: Tuple[str, ...], side: str) -> Tuple[str, ...]:
    """Features of one chunk as the left (``l``) or right (``r``) neighbour of a gap."""
    text = "".join(chunk)
    if side == "l":
        w1, w2 = chunk[-1], chunk[-2] if len(chunk) > 1 else "^"
    else:
        w1, w2 = chunk[0], chunk[1] if len(chunk) > 1 else "$"
    s1, s2 = word_shape(w1), word_shape(w2)
    out = [
        f"{side}1={w1}", f"{side}12={w1}|{w2}", f"{side}s1={s1}", f"{side}s12={s1}|{s2}",
        f"{side}len={_length(len(text))}", f"{side}n={min(len(chunk), 4)}",
    ]
    if side == "r":
        cues = cue_words()
        if text.startswith(cues["opener"]):
            out.append("r:opener")
        if text.startswith(cues["continuation"]):
            out.append("r:continuation")
        for kind in CHUNK_CLASSES:
            if text.startswith(chunk_prefixes(kind)):
                out.append(f"r:{kind}")
    else:
        last = text[-1]
        out.append("lend=th" if THAI.match(last) else "lend=a" if last.isalnum() else f"lend={last}")
    near = chunk[:6] if side == "r" else chunk[-6:]
    markers = _markers()
    out.extend(sorted({f"{side}has={w}" for w in near if w in markers}))
    if side == "r":
        out.extend(f"r{i + 1}={chunk[i]}" for i in (1, 2) if len(chunk) > i)
    elif len(chunk) > 2:
        out.append(f"l3={chunk[-3]}")
    out.append(f"{side}N={_count(len(chunk))}")
    out.append(f"{side}L={_chars(len(text))}")
    return tuple(out)


def gap_features(chunks: Sequence[Chunk], k: int, line_length: int) -> List[str]:
    """Features of the gap between ``chunks[k]`` and ``chunks[k + 1]``."""
    left, right = chunks[k], chunks[k + 1]
    lf = chunk_features(left[2], "l")
    rf = chunk_features(right[2], "r")
    out = [
        "bias",
        *lf,
        *rf,
        f"lr={lf[2][4:]}|{rf[2][4:]}",
        f"lw|rw={left[2][-1]}|{right[2][0]}",
        f"from={_distance(right[0])}",
        f"to={_distance(line_length - left[1])}",
        f"gap={'1' if right[0] - left[1] == 1 else 'n'}",
        f"LR={_chars(left[1] - left[0])}|{_chars(right[1] - right[0])}",
    ]
    if k + 2 < len(chunks):
        after = chunks[k + 2]
        out.append(f"r2s={word_shape(after[2][0])}")
        out.append(f"r2w={after[2][0]}")
        out.append(f"r2len={_length(after[1] - after[0])}")
    else:
        out.append("r2=END")
    out.append(f"l2s={word_shape(chunks[k - 1][2][-1])}" if k > 0 else "l2=START")
    return out
