"""Sentence splitting: pythainlp's CRFCut inside lines, with guards.

CRFCut is asked only at whitespace tokens, on the Doc's own tokens
(``thai_polnews.sentences.crfcut``), which gives CRFCut's cuts at a fraction of
its cost.

Guards (all from ANNOTATION.md): a newline always ends a sentence; page furniture
lines are sentences of their own; no cut falls inside a document code, a date, a
Latin-script name run or a run of short space-separated Thai chunks (the shape of
a transliterated Vietnamese name such as ``เหงียน กวาง ตรัง``).

CRFCut, trained on TED talks, cuts MT news far too often (boundary F1 about 0.2 on
the gold seeds). A CRFCut cut is therefore kept only between two stretches of at
least ``min_chars`` characters and not before a word that continues the clause
(``และ``, ``เพื่อ``, ``โดย``…); a discourse opener (``ดังนั้น``, ``นอกจากนี้``…) after
a space always starts a sentence. Both word lists live in ``data/sentences/cues.tsv``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..names.vietnamese import LATIN_NAME_RUN
from ..rules.dates import find_dates
from ..rules.doc_codes import find_doc_codes
from ..sentences.crfcut import space_cuts
from ..spans import clip_words, split_at_offsets, token_texts, word_ends

Span_ = Tuple[int, int]

THAI_CHUNK = re.compile(r"[\u0e00-\u0e7f]+")
SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=1)
def furniture_pattern() -> re.Pattern:
    """One compiled regex of all page-furniture line starts in the data file."""
    text = resources.files("thai_polnews").joinpath("data/sentences/furniture.tsv").read_text("utf-8")
    rows = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in rows[1:]))


@lru_cache(maxsize=1)
def cue_words() -> Dict[str, Tuple[str, ...]]:
    """Opener and continuation words from the data file, longest first."""
    text = resources.files("thai_polnews").joinpath("data/sentences/cues.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    words: Dict[str, List[str]] = {"opener": [], "continuation": []}
    for word, kind in rows[1:]:
        words[kind.strip()].append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in words.items()}


def crfcut_starts(line: str) -> List[int]:
    """Offsets in ``line`` where pythainlp's CRFCut starts a new sentence."""
    return list(_crfcut_starts_cached(line))


@lru_cache(maxsize=4096)
def _crfcut_starts_cached(line: str) -> Tuple[int, ...]:
    from pythainlp.tokenize import sent_tokenize

    starts, cursor = [], 0
    for piece in sent_tokenize(line, engine="crfcut"):
        found = line.find(piece, cursor)
        if found < 0:
            continue
        if found > 0:
            starts.append(found)
        cursor = found + len(piece)
    return tuple(starts)


def newmm_tokens(text: str) -> List[str]:
    """pythainlp's newmm words of ``text``, whitespace kept (they join back to ``text``)."""
    from ..newmm import segment

    return segment(text)


def crfcut_spans(text: str) -> List[Span_]:
    """Raw CRFCut over the whole text, stripped of whitespace: the baseline the guards improve on."""
    bounds = [0, *crfcut_starts(text), len(text)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a:b]
        if piece.strip():
            left = a + len(piece) - len(piece.lstrip())
            out.append((left, left + len(piece.strip())))
    return out


def protected_spans(line: str) -> List[Span_]:
    """Character spans of ``line`` that a sentence boundary must not cut."""
    spans = [(m.start, m.end) for m in find_doc_codes(line)]
    spans += [(m.start, m.end) for m in find_dates(line)]
    spans += [m.span() for m in LATIN_NAME_RUN.finditer(line)]
    return spans


def is_name_like_gap(line: str, offset: int, *, max_chunk: int) -> bool:
    """True when the whitespace before ``offset`` sits between two short Thai chunks.

    Transliterated Vietnamese names are runs of short syllable groups separated by
    single spaces; CRFCut readily cuts there.
    """
    left = line[:offset].rstrip().rsplit(None, 1)
    right = line[offset:].split(None, 1)
    if not left or not right:
        return False
    before, after = left[-1], right[0]
    return all(
        THAI_CHUNK.fullmatch(chunk) is not None and len(chunk) <= max_chunk
        for chunk in (before, after)
    )


def candidate_cuts(
    line: str, cutter: Callable[[str], Sequence[int]], *, min_chars: int
) -> List[int]:
    """Cuts proposed by ``cutter`` that pass the length and continuation filters,
    plus every space followed by a discourse opener."""
    cues = cue_words()
    cuts = {m.end() for m in SPACE_RUN.finditer(line) if line.startswith(cues["opener"], m.end())}
    previous = 0
    for cut in cutter(line):
        if line.startswith(cues["continuation"], cut):
            continue
        if cut - previous < min_chars or len(line) - cut < min_chars:
            continue
        cuts.add(cut)
        previous = cut
    return sorted(c for c in cuts if 0 < c < len(line))


def sentence_spans(
    text: str,
    *,
    cutter: Optional[Callable[[str], Sequence[int]]] = None,
    tokens: Optional[Sequence[str]] = None,
    max_name_chunk: int = 6,
    min_chars: int = 80,
) -> List[Span_]:
    """Sentence ``(start, end)`` offsets of ``text``, stripped of whitespace.

    ``cutter`` proposes cuts in a line; by default CRFCut at whitespace tokens, on
    ``tokens`` (words that join back to ``text``, e.g. a Doc's) or on newmm's.
    """
    if cutter is None and tokens is None:
        tokens = newmm_tokens(text)
    ends = word_ends(tokens) if cutter is None else []
    spans: List[Span_] = []
    line_start = 0
    for line in text.split("\n"):
        if cutter is None:
            words = clip_words(tokens, line_start, line_start + len(line), ends)
            keep = CutFilter(line, min_chars)
            line_cutter: Callable[[str], Sequence[int]] = lambda _line, w=words, k=keep: space_cuts(w, k, k.accept)
        else:
            line_cutter = cutter
        spans.extend(
            (line_start + s, line_start + e)
            for s, e in _line_sentences(line, line_cutter, max_name_chunk, min_chars)
        )
        line_start += len(line) + 1
    return spans


class CutFilter:
    """Where :func:`candidate_cuts` would keep a cut: not near the line's ends, not
    within ``min_chars`` of the last kept cut, not before a continuation word.

    Asked before the CRF model is, so the model runs only where its answer counts.
    """

    def __init__(self, line: str, min_chars: int) -> None:
        self.line = line
        self.min_chars = min_chars
        self.previous = 0
        self.continuation = cue_words()["continuation"]

    def __call__(self, cut: int) -> bool:
        return (
            cut - self.previous >= self.min_chars
            and len(self.line) - cut >= self.min_chars
            and not self.line.startswith(self.continuation, cut)
        )

    def accept(self, cut: int) -> None:
        """A cut was made at ``cut`` (it passed this filter): later ones are measured from it."""
        self.previous = cut


def _line_sentences(
    line: str,
    cutter: Callable[[str], Sequence[int]],
    max_name_chunk: int,
    min_chars: int,
) -> List[Span_]:
    stripped = line.strip()
    if not stripped:
        return []
    lead = len(line) - len(line.lstrip())
    if furniture_pattern().match(stripped):
        return [(lead, lead + len(stripped))]
    protected = protected_spans(line)
    cuts = [
        c
        for c in candidate_cuts(line, cutter, min_chars=min_chars)
        if line[c - 1 : c].isspace()
        and not any(s < c < e for s, e in protected)
        and not is_name_like_gap(line, c, max_chunk=max_name_chunk)
    ]
    bounds = [0, *cuts, len(line)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = line[a:b]
        if piece.strip():
            left = a + len(piece) - len(piece.lstrip())
            out.append((left, left + len(piece.strip())))
    return out


class SentenceSplitter:
    """Sets ``token.is_sent_start`` from :func:`sentence_spans`."""

    def __init__(self, name: str, *, max_name_chunk: int, min_chars: int) -> None:
        self.name = name
        self.max_name_chunk = max_name_chunk
        self.min_chars = min_chars

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        words = token_texts(doc)
        spans = sentence_spans(
            "".join(words), tokens=words, max_name_chunk=self.max_name_chunk, min_chars=self.min_chars
        )
        starts = {s for s, _ in spans}
        doc = split_at_offsets(doc, starts)
        flags = numpy.where(numpy.isin(doc.to_array("IDX"), sorted(starts)), 1, -1).astype("int64")
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))  # one call, not a check per token
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "thai_polnews_sentences_v1",
    assigns=["token.is_sent_start"],
    default_config={"max_name_chunk": 6, "min_chars": 80},
)
def make_sentence_splitter(
    nlp: Language, name: str, *, max_name_chunk: int, min_chars: int
) -> SentenceSplitter:
    """Guarded CRFCut sentence splitter (see module docstring)."""
    return SentenceSplitter(name, max_name_chunk=max_name_chunk, min_chars=min_chars)
