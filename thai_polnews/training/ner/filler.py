"""Open-vocabulary filler: real Thai words, labelled O, put into training chunks.

The generator's non-entity text comes from a closed set of templates, so a model
trained on it alone learns that any word it has not seen is a name: real articles
then light up with false PERSON and LOCATION spans on ordinary words (`ครบถ้วน`,
`เจาะจง`). Clauses of words drawn from a Thai word-frequency list (pythainlp's
Thai National Corpus list by default) teach it that unseen Thai words are
usually not entities. Words that occur inside any training entity are left out,
so the filler never contradicts a label.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Sequence

from .corpus import source_path


@dataclass(frozen=True)
class FillerWords:
    """Thai words and their sampling weights (square root of corpus frequency)."""

    words: Sequence[str]
    cumulative: Sequence[float]

    def sample(self, rng: random.Random, k: int) -> List[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=k)


def is_thai_word(word: str) -> bool:
    """Two or more characters, all Thai letters or marks."""
    return len(word) >= 2 and all("\u0e01" <= ch <= "\u0e4e" for ch in word)


def load_filler_words(spec: str, limit: int, entity_texts: Iterable[str]) -> FillerWords:
    """The ``limit`` most frequent Thai words of ``spec`` (``word<TAB>count`` lines) not inside any entity."""
    inside = "\n".join(sorted(set(entity_texts)))
    words: List[str] = []
    cumulative: List[float] = []
    total = 0.0
    with source_path(spec).open(encoding="utf-8") as handle:
        for line in handle:
            word, _, count = line.rstrip("\n").partition("\t")
            if not is_thai_word(word) or word in inside:
                continue
            total += math.sqrt(float(count or 1))
            words.append(word)
            cumulative.append(total)
            if len(words) >= limit:
                break
    if not words:
        raise ValueError(f"No filler words in {spec!r}: expected 'word<TAB>count' lines of Thai words.")
    return FillerWords(tuple(words), tuple(cumulative))


def filler_clause(rng: random.Random, words: FillerWords, max_words: int) -> str:
    """A run of 2 to ``max_words`` words, mostly written together as Thai is, with a space now and then."""
    parts = words.sample(rng, rng.randint(2, max(2, max_words)))
    out = parts[0]
    for word in parts[1:]:
        out += (" " if rng.random() < 0.15 else "") + word
    return out


def insert_filler(record: Mapping[str, Any], rng: random.Random, words: FillerWords, max_words: int) -> Dict[str, Any]:
    """A copy of ``record`` with one filler clause at a space outside every entity (or at an end)."""
    text: str = record["text"]
    ents = list(record.get("entities", []))
    covered = [False] * (len(text) + 1)
    for e in ents:
        for p in range(e["start"], e["end"] + 1):
            covered[p] = True
    spots = [0, len(text)] + [p for p, ch in enumerate(text) if ch == " " and not covered[p] and not covered[p + 1]]
    at = rng.choice(spots)
    clause = filler_clause(rng, words, max_words)
    piece = clause + " " if at == 0 else " " + clause
    shift = len(piece)
    entities = [dict(e, start=e["start"] + shift, end=e["end"] + shift) if e["start"] >= at else dict(e) for e in ents]
    sentences = [[a + shift if a > at else a, b + shift if b >= at else b] for a, b in record.get("sentences") or []]
    return {"text": text[:at] + piece + text[at:], "entities": entities, "sentences": sentences}
