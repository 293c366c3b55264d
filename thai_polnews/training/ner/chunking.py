"""Training examples from documents: lines packed into chunks that fit the model's window.

Inference runs on sentences (or windows of whole texts), so training shows the model
single lines as well as runs of lines. Cuts fall on newlines, else on spaces outside
entities, so an entity is split only when a line has no other place to cut.
"""
from __future__ import annotations

import random
from typing import Any, Dict, List, Mapping, Sequence, Tuple

Span = Tuple[int, int]


def line_spans(text: str) -> List[Span]:
    """``[start, end)`` of each non-blank line, newline excluded."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def piece_spans(record: Mapping[str, Any]) -> List[Span]:
    """The record's gold sentences when it has them (ANNOTATION.md: inside lines), else its lines.

    Inference runs on the sentences the splitter finds, so single sentences cut out of a
    longer line are training inputs too; :func:`pack` still joins neighbours into longer chunks.
    """
    text = record["text"]
    lines = line_spans(text)
    sentences = sorted((int(a), int(b)) for a, b in record.get("sentences") or [])
    if not sentences or any(not (0 <= a < b <= len(text)) or "\n" in text[a:b] for a, b in sentences):
        return lines
    return [(a, b) for a, b in sentences if text[a:b].strip()]


def cut_long(text: str, span: Span, inside: Sequence[bool], max_chars: int) -> List[Span]:
    """Split ``span`` into pieces of at most ``max_chars``, preferring spaces outside entities."""
    pieces = []
    start, end = span
    while end - start > max_chars:
        limit = start + max_chars
        cut = next((p for p in range(limit, start, -1) if text[p - 1] == " " and not inside[p]), None)
        if cut is None:
            cut = next((p for p in range(limit, start, -1) if not inside[p]), limit)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def inside_mask(length: int, entities: Sequence[Mapping[str, Any]]) -> List[bool]:
    """``inside[p]`` is true when a cut before character ``p`` would split an entity."""
    inside = [False] * (length + 1)
    for ent in entities:
        for p in range(int(ent["start"]) + 1, int(ent["end"])):
            inside[p] = True
    return inside


def split_at_random_space(text: str, span: Span, inside: Sequence[bool], rng: random.Random) -> List[Span]:
    """``span`` cut in two at a random space outside entities, or unchanged when there is none."""
    start, end = span
    spaces = [p for p in range(start + 1, end) if text[p - 1] == " " and not inside[p]]
    if not spaces:
        return [span]
    cut = rng.choice(spaces)
    return [(start, cut), (cut, end)]


def pack(pieces: Sequence[Span], max_chars: int, rng: random.Random) -> List[Span]:
    """Join consecutive pieces into chunks up to a random target length (1 to ``max_chars``)."""
    chunks: List[Span] = []
    i = 0
    while i < len(pieces):
        target = rng.randint(1, max_chars)
        start, end = pieces[i]
        i += 1
        while i < len(pieces) and pieces[i][1] - start <= target:
            end = pieces[i][1]
            i += 1
        chunks.append((start, end))
    return chunks


def chunk_record(record: Mapping[str, Any], max_chars: int, rng: random.Random, split_prob: float = 0.0) -> List[Dict[str, Any]]:
    """``{"text", "entities"}`` chunks of ``record``; entities cut by a forced split are dropped.

    With ``split_prob`` a line is also cut at a random space, so that chunks sometimes
    start or end inside a sentence, as windows over long unsplit texts do.
    """
    text = record["text"]
    entities = sorted(record.get("entities", []), key=lambda e: e["start"])
    inside = inside_mask(len(text), entities)
    pieces = []
    for span in piece_spans(record):
        for piece in cut_long(text, span, inside, max_chars):
            split = rng.random() < split_prob
            pieces += split_at_random_space(text, piece, inside, rng) if split else [piece]
    out = []
    for start, end in pack(pieces, max_chars, rng):
        while text[start].isspace():
            start += 1
        ents = [
            {"start": e["start"] - start, "end": e["end"] - start, "label": e["label"]}
            for e in entities
            if start <= e["start"] and e["end"] <= end
        ]
        out.append({"text": text[start:end], "entities": ents})
    return out
