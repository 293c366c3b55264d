"""Hand-made documents for the relation tests: text pieces, some labelled."""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import spacy
from spacy.tokens import Doc

Piece = Tuple[str, Optional[str]]


def build(pieces: Sequence[Piece]) -> Tuple[str, List[Tuple[int, int, str]], List[List[int]]]:
    """Text, entities and sentences from pieces; a piece ``("\\n", None)`` ends a sentence."""
    text, ents, sentences, start = "", [], [], 0
    for piece, label in pieces:
        if label:
            ents.append((len(text), len(text) + len(piece), label))
        text += piece
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            sentences.append([pos + lead, pos + len(line.rstrip())])
        pos += len(line) + 1
    return text, ents, sentences


def make_doc(pieces: Sequence[Piece]) -> Doc:
    """A Doc whose tokens are the pieces, entities the labelled ones, one sentence per line."""
    nlp = spacy.blank("xx")
    words = [p for p, _ in pieces]
    doc = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    spans, start_after_newline = [], True
    for i, (piece, label) in enumerate(pieces):
        doc[i].is_sent_start = start_after_newline
        start_after_newline = piece.endswith("\n")
        if label:
            spans.append(doc[i : i + 1])
    doc.ents = [doc.char_span(s.start_char, s.end_char, label=lab) for s, (_, lab) in zip(spans, [p for p in pieces if p[1]])]
    return doc


def names(text: str, ents, relations) -> List[Tuple]:
    """Relations with entity texts in place of indices, for readable assertions."""
    out = []
    for r in relations:
        out.append(tuple([r["type"], r.get("event", "")] + [f"{k}={text[ents[v][0]:ents[v][1]]}" for k, v in r.items() if isinstance(v, int)]))
    return out
