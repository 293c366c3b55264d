"""Exact character spans on a spaCy Doc: split tokens where a boundary falls inside one.

Rule matchers and the model work on characters; spaCy entities work on tokens.
``char_spans`` makes token boundaries at every requested character offset, so an
entity is never widened to token edges (newmm splits ``27-CT/TW`` into ``27``,
``-CT``, ``/TW`` and may glue ``สหาย`` to a name).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Collection, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
from spacy.tokens import Doc, Span

from .extensions import get_attrs, set_attrs
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
    return list(accumulate(len(w) for w in words))


def clip_words(words: Sequence[str], start: int, end: int, ends: Optional[Sequence[int]] = None) -> List[str]:
    """The parts of ``words`` (joining to a text) that fall in ``[start, end)`` of that text.

    ``ends`` is :func:`word_ends` of ``words``, when the caller clips many ranges.
    """
    ends = word_ends(words) if ends is None else ends
    out = []
    for i in range(bisect_right(ends, start), len(words)):
        b = ends[i]
        a = b - len(words[i])
        if a >= end:
            break
        out.append(words[i][max(a, start) - a : min(b, end) - a])
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


def split_at_offsets(doc: Doc, offsets: Iterable[int]) -> None:
    """Split tokens of ``doc`` in place so that each offset is a token boundary."""
    if not len(doc):
        return
    starts = doc.to_array("IDX").astype(np.int64)
    ends = starts + doc.to_array("LENGTH").astype(np.int64)  # token text, without trailing space
    wanted = np.array(sorted(set(offsets)), dtype=np.int64)
    wanted = wanted[(wanted > 0) & (wanted < ends[-1])]
    if not len(wanted):
        return
    owner = np.searchsorted(starts, wanted, side="right") - 1
    inside = (wanted > starts[owner]) & (wanted < ends[owner])
    cuts: Dict[int, List[int]] = {}
    for i, offset in zip(owner[inside].tolist(), wanted[inside].tolist()):
        cuts.setdefault(i, []).append(offset - int(starts[i]))
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0, *inner, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(token, k) for k in range(len(orths))]
            retokenizer.split(token, orths, heads=heads)


def char_spans(doc: Doc, matches: Sequence[RuleMatch]) -> List[Span]:
    """Spans for ``matches`` with exact offsets, splitting tokens first where needed.

    After the split every offset is a token edge, so the token range of a match is
    found by binary search on the token offsets (``Doc.char_span`` would build
    several Token objects per lookup).
    """
    split_at_offsets(doc, [o for m in matches for o in (m.start, m.end)])
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
    """Add ``matches`` to ``doc.ents`` without overlaps.

    With ``priority`` the new matches replace existing entities they overlap (rules
    win for DOC_CODE and DATE); without it, overlapping new matches are dropped.
    Existing entities labelled with one of ``keep_labels`` are never replaced.
    Attributes of kept entities survive the retokenisation.
    """
    if not matches:
        return doc
    old = [
        RuleMatch(e.start_char, e.end_char, e.label_, get_attrs(e)) for e in doc.ents
    ]
    kept_new = _non_overlapping(matches)
    if keep_labels:
        fixed = _occupied([m for m in old if m.label in keep_labels])
        kept_new = [m for m in kept_new if not _overlaps(m, fixed)]
    if priority:
        taken = _occupied(kept_new)
        merged = kept_new + [m for m in old if not _overlaps(m, taken)]
    else:
        taken = _occupied(old)
        merged = old + [m for m in kept_new if not _overlaps(m, taken)]
    merged.sort(key=lambda m: m.start)
    doc.ents = char_spans(doc, merged)
    return doc


def _non_overlapping(matches: Sequence[RuleMatch]) -> List[RuleMatch]:
    """Greedy longest-first selection of matches that do not overlap."""
    chosen: List[RuleMatch] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _occupied(matches: Sequence[RuleMatch]) -> List[Tuple[int, int]]:
    return [(m.start, m.end) for m in matches]


def _overlaps(m: RuleMatch, taken: Sequence[Tuple[int, int]]) -> bool:
    return any(m.start < end and start < m.end for start, end in taken)
