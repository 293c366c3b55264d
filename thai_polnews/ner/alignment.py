"""Between character spans and token tags: BIO labels for training, spans from predictions.

Both directions work on the tokenizer's offset mapping, so they hold for one-character
tokens and for subwords alike; special tokens have empty offsets and are skipped.
"""
from __future__ import annotations

from typing import Iterable, List, Mapping, Optional, Sequence, Tuple

from ..rules.base import RuleMatch
from .labels import split_tag

Offsets = Sequence[Tuple[int, int]]


def char_entity_index(length: int, entities: Iterable[Mapping[str, object]], labels: Sequence[str]) -> List[int]:
    """For each character, the index of the entity (in ``entities`` order) covering it, or -1.

    Entities whose label is not in ``labels`` are left out, so they train as ``O``.
    """
    owner = [-1] * length
    for i, ent in enumerate(entities):
        if ent["label"] in labels:
            for pos in range(int(ent["start"]), min(int(ent["end"]), length)):
                owner[pos] = i
    return owner


def token_tags(text: str, offsets: Offsets, entities: Sequence[Mapping[str, object]], labels: Sequence[str]) -> List[Optional[str]]:
    """The BIO tag of each token (``None`` for special tokens).

    A token is ``B`` when it holds the first character of its entity, ``I`` when it
    starts inside one; a subword that straddles an entity start gets ``B``.
    """
    owner = char_entity_index(len(text), entities, labels)
    tags: List[Optional[str]] = []
    for start, end in offsets:
        if start == end:
            tags.append(None)
            continue
        hit = next((owner[p] for p in range(start, end) if owner[p] >= 0), -1)
        if hit < 0:
            tags.append("O")
            continue
        ent = entities[hit]
        prefix = "I" if int(ent["start"]) < start else "B"
        tags.append(f"{prefix}-{ent['label']}")
    return tags


def decode_spans(text: str, offsets: Offsets, tags: Sequence[str]) -> List[RuleMatch]:
    """Character spans from per-token BIO tags, with whitespace stripped at the edges.

    Whitespace tokens neither open nor close a span, so a name whose parts are
    separated by spaces stays one span when its parts are tagged ``B``/``I``. An ``I``
    without a matching open span starts a new one (lenient decoding).
    """
    spans: List[RuleMatch] = []
    current: Optional[List[object]] = None  # [label, start, end]

    def close() -> None:
        if current is not None:
            match = _stripped(text, int(current[1]), int(current[2]), str(current[0]))
            if match is not None:
                spans.append(match)

    for (start, end), tag in zip(offsets, tags):
        if current is None and tag == "O":
            continue  # most tokens: nothing open, nothing to open
        if start == end or text[start:end].isspace():
            continue
        prefix, label = split_tag(tag)
        if prefix == "I" and current is not None and current[0] == label:
            current[2] = end
            continue
        close()
        current = [label, start, end] if prefix in ("B", "I") else None
    close()
    return spans


def _stripped(text: str, start: int, end: int, label: str) -> Optional[RuleMatch]:
    """``RuleMatch`` for ``text[start:end]`` without edge whitespace, or ``None`` when nothing is left."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    if lead + trail >= len(piece):
        return None
    return RuleMatch(start + lead, end - trail, label)
