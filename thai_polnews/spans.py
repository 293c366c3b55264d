"""Exact character spans on a spaCy Doc: split tokens where a boundary falls inside one.

Rule matchers and the model work on characters; spaCy entities work on tokens.
``char_spans`` makes token boundaries at every requested character offset, so an
entity is never widened to token edges (newmm splits ``27-CT/TW`` into ``27``,
``-CT``, ``/TW`` and may glue ``สหาย`` to a name).
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Collection, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from spacy.tokens import Doc, Span

from .extensions import set_attrs
from .rules.base import RuleMatch


TEXT_KEY = "thai_polnews.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy joins every token on each access.

    A Doc's text never changes (splitting and merging tokens keep it), so the
    first result is kept in ``doc.user_data``.
    """
    cached = doc.user_data.get(TEXT_KEY)
    if isinstance(cached, str) and len(doc) and len(cached) == doc[-1].idx + len(doc[-1].text_with_ws):
        return cached
    text = doc.text
    doc.user_data[TEXT_KEY] = text
    return text


def token_texts(doc: Doc) -> List[str]:
    """Each token's ``text_with_ws``, sliced from the text instead of built token by token."""
    if not len(doc):
        return []
    text = doc_text(doc)
    starts = doc.to_array("IDX").tolist()
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


def word_ends(words: Sequence[str]) -> List[int]:
    """The end offset of each word in the text the words join to."""
    return list(accumulate(map(len, words)))


def clip_words(words: Sequence[str], start: int, end: int, ends: Optional[Sequence[int]] = None) -> List[str]:
    """The parts of ``words`` (joining to a text) that fall in ``[start, end)`` of that text.

    ``ends`` is :func:`word_ends` of ``words``, when the caller clips many ranges.
    """
    ends = word_ends(words) if ends is None else ends
    out = []
    for i in range(bisect_right(ends, start), len(words)):
        word = words[i]
        b = ends[i]
        a = b - len(word)
        if a >= end:
            break
        out.append(word if start <= a and b <= end else word[max(a, start) - a : min(b, end) - a])
    return out


def sentence_char_spans(doc: Doc) -> List[Tuple[int, int]]:
    """``(start_char, end_char)`` of each sentence (``Span.start_char``/``end_char`` of ``doc.sents``)."""
    if not len(doc):
        return []
    starts = doc.to_array("IDX").astype(np.int64)
    ends = starts + doc.to_array("LENGTH").astype(np.int64)
    first = np.flatnonzero(doc.to_array("SENT_START").astype(np.int64) == 1).tolist()
    first = [0] + [i for i in first if i > 0]
    last = [i - 1 for i in first[1:]] + [len(doc) - 1]
    return [(int(starts[a]), int(ends[b])) for a, b in zip(first, last)]


REBUILD_ABOVE = 100_000
"""Tokens x cuts above which :func:`split_at_offsets` builds a new Doc instead of splitting in place.

spaCy's retokenizer moves every later token for each cut, so many cuts in a long
document cost time quadratic in its length; one new Doc costs time linear in it.
"""


def split_at_offsets(doc: Doc, offsets: Iterable[int]) -> Doc:
    """``doc`` with a token boundary at each offset; callers go on with the returned Doc.

    Few cuts in a short document are made in place; otherwise a new Doc with the same
    text, sentence starts, entities and ``user_data`` (so every ``._.`` value) is built
    in one pass.
    """
    if not len(doc):
        return doc
    starts = doc.to_array("IDX").astype(np.int64)
    ends = starts + doc.to_array("LENGTH").astype(np.int64)  # token text, without trailing space
    wanted = np.array(sorted(set(offsets)), dtype=np.int64)
    wanted = wanted[(wanted > 0) & (wanted < ends[-1])]
    if not len(wanted):
        return doc
    owner = np.searchsorted(starts, wanted, side="right") - 1
    inside = (wanted > starts[owner]) & (wanted < ends[owner])
    cuts: Dict[int, List[int]] = {}
    for i, offset in zip(owner[inside].tolist(), wanted[inside].tolist()):
        cuts.setdefault(i, []).append(offset - int(starts[i]))
    if not cuts:
        return doc
    if len(doc) * len(cuts) > REBUILD_ABOVE:
        return _rebuilt(doc, cuts)
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0, *inner, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(token, k) for k in range(len(orths))]
            retokenizer.split(token, orths, heads=heads)
    return doc


def _rebuilt(doc: Doc, cuts: Dict[int, List[int]]) -> Doc:
    """A new Doc whose token ``i`` is cut at the inner offsets ``cuts[i]``; everything else kept."""
    text = doc_text(doc)
    starts = doc.to_array("IDX").tolist()
    lengths = doc.to_array("LENGTH").tolist()
    spacy_flags = doc.to_array("SPACY").tolist()
    words: List[str] = []
    spaces: List[bool] = []
    first_piece: List[int] = []  # new index of each old token's first piece
    for i, (start, length, space) in enumerate(zip(starts, lengths, spacy_flags)):
        first_piece.append(len(words))
        inner = cuts.get(i)
        if inner:
            bounds = [0, *inner, length]
            words += [text[start + a : start + b] for a, b in zip(bounds, bounds[1:])]
            spaces += [False] * (len(bounds) - 2) + [bool(space)]
        else:
            words.append(text[start : start + length])
            spaces.append(bool(space))
    first_piece.append(len(words))
    sent_starts = None
    if doc.has_annotation("SENT_START"):
        flags = doc.to_array("SENT_START").tolist()
        sent_starts = [False] * len(words)
        for i, flag in enumerate(flags):
            sent_starts[first_piece[i]] = flag == 1
    new = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=sent_starts, user_data=dict(doc.user_data))
    new.cats = dict(doc.cats)
    if doc.ents:
        new.ents = [Span(new, first_piece[e.start], first_piece[e.end], label=e.label_) for e in doc.ents]
    return new


def char_spans(doc: Doc, matches: Sequence[RuleMatch], *, stored: Collection[int] = ()) -> List[Span]:
    """Spans for ``matches`` with exact offsets, splitting tokens first where needed
    (on the Doc :func:`split_at_offsets` returns: the spans' ``.doc``).

    Each span gets its match's ``attrs``, except the matches whose ``id`` is in ``stored``:
    entities of ``doc`` whose attributes are kept already (they are keyed by the span's
    offsets and label, which neither splitting nor rebuilding the Doc changes).

    After the split every offset is a token edge, so the token range of a match is
    found by binary search on the token offsets (``Doc.char_span`` would build
    several Token objects per lookup).
    """
    doc = split_at_offsets(doc, [o for m in matches for o in (m.start, m.end)])
    starts = doc.to_array("IDX").tolist() if len(doc) else []
    ends = [a + n for a, n in zip(starts, doc.to_array("LENGTH").tolist())] if starts else []
    spans = []
    for m in matches:
        first = bisect_left(starts, m.start)
        last = bisect_left(ends, m.end)
        if first >= len(starts) or last >= len(ends) or starts[first] != m.start or ends[last] != m.end or last < first:
            raise ValueError(
                f"Cannot align {m.label} span [{m.start}, {m.end}) "
                f"{doc_text(doc)[m.start:m.end]!r} to tokens after splitting."
            )
        span = Span(doc, first, last + 1, label=m.label)
        if id(m) not in stored:
            set_attrs(span, m.attrs)
        spans.append(span)
    return spans


def add_entities(
    doc: Doc,
    matches: Sequence[RuleMatch],
    *,
    priority: bool,
    keep_labels: Collection[str] = (),
) -> Doc:
    """Add ``matches`` to ``doc.ents`` without overlaps; returns the Doc to go on with
    (a new one when tokens had to be split in a long document, see :func:`split_at_offsets`).

    With ``priority`` the new matches replace existing entities they overlap (rules
    win for DOC_CODE and DATE); without it, overlapping new matches are dropped.
    Existing entities labelled with one of ``keep_labels`` are never replaced.
    Attributes of kept entities survive the retokenisation (they are stored under the
    span's offsets and label, so they are neither read nor written again here).
    """
    matches = usable_matches(doc_text(doc), matches)
    if not matches:
        return doc
    old = [RuleMatch(e.start_char, e.end_char, e.label_) for e in doc.ents]
    kept_new = _non_overlapping(matches)
    if keep_labels:
        fixed = _occupied([m for m in old if m.label in keep_labels])
        kept_new = [m for m in kept_new if not _overlaps(m, fixed)]
    if priority:
        taken = _occupied(kept_new)
        kept_old = [m for m in old if not _overlaps(m, taken)]
        added = kept_new
    else:
        taken = _occupied(old)
        kept_old = old
        added = [m for m in kept_new if not _overlaps(m, taken)]
    if old and len(kept_old) == len(old) and doc.has_annotation("ENT_IOB", require_complete=True):
        # Every entity stays and every token is annotated already: write the added spans only
        # (their tokens are outside every entity, and the old entities' edges are token edges).
        spans = char_spans(doc, sorted(added, key=lambda m: m.start))
        if spans:
            doc = spans[0].doc
            doc.set_ents(spans, default="unmodified")
        return doc
    merged = sorted(kept_old + added, key=lambda m: m.start)
    spans = char_spans(doc, merged, stored={id(m) for m in old})
    doc = spans[0].doc if spans else doc
    doc.ents = spans
    return doc


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters and the soft hyphen: never the first or last character of an entity."""


def usable_matches(text: str, matches: Sequence[RuleMatch]) -> List[RuleMatch]:
    """``matches`` with invisible characters and whitespace trimmed from their edges, without
    those that hold no letter or digit (combining marks, symbols or invisible characters alone)."""
    out = []
    for m in matches:
        start, end = m.start, m.end
        while start < end and (text[start] in INVISIBLE or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in INVISIBLE or text[end - 1].isspace()):
            end -= 1
        if any(unicodedata.category(c)[0] in "LN" for c in text[start:end]):
            out.append(m if (start, end) == (m.start, m.end) else RuleMatch(start, end, m.label, m.attrs))
    return out


def _non_overlapping(matches: Sequence[RuleMatch]) -> List[RuleMatch]:
    """Greedy longest-first selection of matches that do not overlap."""
    chosen: List[RuleMatch] = []
    taken = _Intervals()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken.overlaps(m.start, m.end):
            taken.add(m.start, m.end)
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


class _Intervals:
    """Disjoint half-open intervals, sorted, with overlap checks by binary search."""

    def __init__(self, intervals: Iterable[Tuple[int, int]] = ()) -> None:
        pairs = sorted(intervals)
        self.starts = [a for a, _ in pairs]
        self.ends = [b for _, b in pairs]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last interval starting before ``end``
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _occupied(matches: Sequence[RuleMatch]) -> "_Intervals":
    return _Intervals((m.start, m.end) for m in matches)


def _overlaps(m: RuleMatch, taken: "_Intervals") -> bool:
    return taken.overlaps(m.start, m.end)
