"""Exact character spans on a spaCy Doc: split tokens where a boundary falls inside one.

Rule matchers and the model work on characters; spaCy entities work on tokens.
``char_spans`` makes token boundaries at every requested character offset, so an
entity is never widened to token edges (newmm splits ``27-CT/TW`` into ``27``,
``-CT``, ``/TW`` and may glue ``สหาย`` to a name).
"""
from __future__ import annotations

from typing import Collection, Dict, Iterable, List, Sequence, Tuple

from spacy.tokens import Doc, Span

from .extensions import get_attrs, set_attrs
from .rules.base import RuleMatch


def split_at_offsets(doc: Doc, offsets: Iterable[int]) -> None:
    """Split tokens of ``doc`` in place so that each offset is a token boundary."""
    cuts: Dict[int, List[int]] = {}
    if not len(doc):
        return
    length = doc[-1].idx + len(doc[-1].text_with_ws)  # Doc.text would join every token
    for offset in sorted(set(offsets)):
        if offset <= 0 or offset >= length:
            continue
        token = _token_containing(doc, offset)
        if token is None or offset == token.idx:
            continue
        if offset >= token.idx + len(token.text):
            continue  # inside the trailing whitespace of a token: already a boundary
        cuts.setdefault(token.i, []).append(offset - token.idx)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0, *inner, len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            heads = [(token, k) for k in range(len(orths))]
            retokenizer.split(token, orths, heads=heads)


def _token_containing(doc: Doc, offset: int):
    """The token whose text or trailing space covers character ``offset``."""
    lo, hi = 0, len(doc) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        token = doc[mid]
        if offset < token.idx:
            hi = mid - 1
        elif offset >= token.idx + len(token.text_with_ws):
            lo = mid + 1
        else:
            return token
    return None


def char_spans(doc: Doc, matches: Sequence[RuleMatch]) -> List[Span]:
    """Spans for ``matches`` with exact offsets, splitting tokens first where needed."""
    split_at_offsets(doc, [o for m in matches for o in (m.start, m.end)])
    spans = []
    for m in matches:
        span = doc.char_span(m.start, m.end, label=m.label)
        if span is None:
            raise ValueError(
                f"Cannot align {m.label} span [{m.start}, {m.end}) "
                f"{doc.text[m.start:m.end]!r} to tokens after splitting."
            )
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
