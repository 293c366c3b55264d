"""Sentence splitting: every line break ends a sentence; inside a line, the
boundary model of this genre proposes and the guards dispose.

Lines: ``thai_polnews.sentences.lines`` (``\n``, ``\r\n``, a lone ``\r``, U+2028,
U+2029, U+0085, vertical tab, form feed). Page furniture lines
(``data/sentences/furniture.tsv``) are sentences of their own. Inside a line,
``thai_polnews.sentences.boundary`` labels the gaps between space-separated
chunks on the Doc's own words (``method="boundary"``), loaded once per component. The guards of
``thai_polnews.sentences.guards`` hold: no cut without whitespace, none inside a document code, a
date, a Latin name run, a bracketed or quoted stretch (reported speech over 200 characters aside)
or a transliterated name, none between a title and its name or place, between a count and its
classifier, or before a word that never starts a sentence; where they allow it, a sentence always
starts at an opener ANNOTATION.md names, at link text and at a photo credit after a caption.

``method="boundary"`` is the default. ``method="crfcut"`` is pythainlp's
CRFCut asked only at whitespace tokens (``thai_polnews.sentences.crfcut``), a cut
kept only between two stretches of at least ``min_chars`` characters and not
before a continuation word, and a discourse opener after a space always
cutting (``data/sentences/cues.tsv``), under the earlier guards only (codes,
dates, Latin runs, name-like gaps); only the line breaks are new there.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, List, Optional, Sequence, Tuple

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..sentences.boundary import BoundaryModel
from ..sentences.crfcut import space_cuts
from ..sentences.features import line_chunks
from ..sentences.guards import (
    bracketed_spans, cue_words, is_bound_gap, is_forced_start, is_name_like_gap, is_title_gap,
    protected_spans,
)
from ..sentences.lines import line_spans
from ..spans import clip_words, split_at_offsets, token_texts, word_ends

Span_ = Tuple[int, int]

SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=1)
def furniture_pattern() -> re.Pattern:
    """One compiled regex of all page-furniture line starts in the data file."""
    text = resources.files("thai_polnews").joinpath("data/sentences/furniture.tsv").read_text("utf-8")
    rows = [line.split("\t")[0] for line in text.splitlines() if line and not line.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in rows[1:]))


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
    model: Optional[BoundaryModel] = None,
    method: str = "boundary",
    max_name_chunk: int = 6,
    min_chars: int = 80,
) -> List[Span_]:
    """Sentence ``(start, end)`` offsets of ``text``, stripped of whitespace.

    Inside a line guarded CRFCut proposes the cuts (``method="crfcut"``), or the
    boundary ``model`` (``method="boundary"``; default: the shipped one) labels the
    gaps, on ``tokens`` (words that join back to ``text``, e.g. a Doc's) or on newmm's; ``cutter``, a
    function proposing cuts in a line, replaces both (``min_chars`` and the cue
    words then filter its cuts, as for CRFCut). The guards hold in every case.
    """
    if method not in ("boundary", "crfcut"):
        raise ValueError(f"sentence method must be 'boundary' or 'crfcut', not {method!r}")
    if cutter is None and tokens is None:
        tokens = newmm_tokens(text)
    if cutter is None and method == "boundary" and model is None:
        model = shipped_model()
    ends = word_ends(tokens) if cutter is None else []
    spans: List[Span_] = []
    for line_start, line_end in line_spans(text):
        line = text[line_start:line_end]
        if not line.strip():
            continue
        if cutter is not None:
            found = _line_sentences(line, cutter, max_name_chunk, min_chars)
        elif method == "boundary":
            found = _model_sentences(line, clip_words(tokens, line_start, line_end, ends), model, max_name_chunk)
        else:
            words = clip_words(tokens, line_start, line_end, ends)
            keep = CutFilter(line, min_chars)
            line_cutter: Callable[[str], Sequence[int]] = lambda _line, w=words, k=keep: space_cuts(w, k, k.accept)
            found = _line_sentences(line, line_cutter, max_name_chunk, min_chars)
        spans.extend((line_start + s, line_start + e) for s, e in found)
    return spans


@lru_cache(maxsize=1)
def shipped_model() -> BoundaryModel:
    """The shipped boundary model, read once per process for callers without a component."""
    return BoundaryModel.load()


def allowed_gaps(line: str, chunks: Sequence[Tuple[int, int, Tuple[str, ...]]], max_name_chunk: int) -> List[bool]:
    """For each gap between ``chunks``, whether the guards let a sentence start after it."""
    protected = protected_spans(line)
    out = []
    for (ls, le, lwords), (rs, re_, rwords) in zip(chunks, chunks[1:]):
        left, right = line[ls:le], line[rs:re_]
        out.append(
            not any(s < rs and le < e for s, e in protected)
            and not is_name_like_gap(line, rs, max_chunk=max_name_chunk)
            and not is_title_gap(lwords, right, left, max_chunk=max_name_chunk)
            and not is_bound_gap(left, lwords, rwords)
        )
    return out


def _model_sentences(line: str, words: Sequence[str], model: BoundaryModel, max_name_chunk: int) -> List[Span_]:
    lead = len(line) - len(line.lstrip())
    stripped = line.strip()
    if furniture_pattern().match(stripped):
        return [(lead, lead + len(stripped))]
    chunks = line_chunks(words)
    allowed = allowed_gaps(line, chunks, max_name_chunk) if len(chunks) > 1 else []
    forced = [ok and is_forced_start(line, c[0]) for ok, c in zip(allowed, chunks[1:])]
    cuts = model.cuts(chunks, len(line), allowed.__getitem__, forced.__getitem__)
    return _pieces(line, cuts)


def _pieces(line: str, cuts: Sequence[int]) -> List[Span_]:
    bounds = [0, *cuts, len(line)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = line[a:b]
        if piece.strip():
            left = a + len(piece) - len(piece.lstrip())
            out.append((left, left + len(piece.strip())))
    return out


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
    # the earlier guards only (codes, dates, Latin runs, name-like gaps): the cuts the NER model was tuned on
    brackets = set(bracketed_spans(line))
    protected = [span for span in protected_spans(line) if span not in brackets]
    cuts = [
        c
        for c in candidate_cuts(line, cutter, min_chars=min_chars)
        if line[c - 1 : c].isspace()
        and not any(s < c < e for s, e in protected)
        and not is_name_like_gap(line, c, max_chunk=max_name_chunk)
    ]
    return _pieces(line, cuts)


class SentenceSplitter:
    """Sets ``token.is_sent_start`` from :func:`sentence_spans`; the boundary model is read once, here."""

    def __init__(
        self, name: str, *, max_name_chunk: int, min_chars: int, method: str = "boundary",
        model_path: Optional[str] = None,
    ) -> None:
        if method not in ("boundary", "crfcut"):
            raise ValueError(f"sentence method must be 'boundary' or 'crfcut', not {method!r}")
        self.name = name
        self.max_name_chunk = max_name_chunk
        self.min_chars = min_chars
        self.method = method
        self.model = BoundaryModel.load(model_path) if method == "boundary" else None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        words = token_texts(doc)
        spans = sentence_spans(
            "".join(words), tokens=words, model=self.model, method=self.method,
            max_name_chunk=self.max_name_chunk, min_chars=self.min_chars,
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
    default_config={"max_name_chunk": 6, "min_chars": 80, "method": "boundary", "model_path": None},
)
def make_sentence_splitter(
    nlp: Language, name: str, *, max_name_chunk: int, min_chars: int, method: str, model_path: Optional[str]
) -> SentenceSplitter:
    """Sentence splitter: line breaks, then the boundary model or guarded CRFCut (see module docstring).

    The default is ``method="boundary"``: it finds sentences better than guarded CRFCut (boundary F1
    0.911 on seeds, 0.900 on dev and 0.969 on relations_dev against 0.862, 0.812 and 0.849), and the
    NER model, which reads one sentence at a time, finds entities at least as well in its sentences
    (entity micro F1 over seeds, dev and relations_dev together 0.955 against 0.952).
    ``model_path``: another boundary model file.
    """
    return SentenceSplitter(
        name, max_name_chunk=max_name_chunk, min_chars=min_chars, method=method, model_path=model_path
    )
