"""Training sequences for the sentence-boundary model, from ANNOTATION.md records.

One sequence per line with at least two space-separated chunks: the features of
each gap (``thai_polnews.sentences.features``) on the pipeline tokenizer's
words, labelled ``B`` where a gold sentence starts right after the gap, else
``O``. Gold boundaries without whitespace before them cannot be learnt (the
guards never cut there) and are left out.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Sequence, Tuple

from spacy.vocab import Vocab

from ...sentences.boundary import CUT, KEEP
from ...sentences.features import gap_features, line_chunks
from ...sentences.lines import line_spans
from ...spans import clip_words, word_ends
from ...tokenizer import CachedThaiTokenizer

Sequence_ = Tuple[List[List[str]], List[str]]


def read_records(paths: Iterable[Path], *, require: bool = True) -> List[Dict[str, Any]]:
    """Records with ``sentences`` from JSONL files; a record without them is an error
    (``require``) or left out."""
    out = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                if "sentences" not in record:
                    if not require:
                        continue
                    raise ValueError(f"{path}:{number}: record {record.get('id')!r} has no 'sentences'")
                out.append(record)
    return out


def synthetic_records(n: int, seed: int) -> Iterator[Dict[str, Any]]:
    """``n`` documents of the synthetic generator's stream ``seed``."""
    from ..synth import generate

    return generate(n, seed=seed)


def record_sequences(record: Dict[str, Any], tokenizer: CachedThaiTokenizer) -> List[Sequence_]:
    """The gap sequences of one record, one per line with a gap."""
    text = record["text"]
    starts = {int(s) for s, _ in record["sentences"]}
    words = tokenizer.words(text)
    ends = word_ends(words)
    out = []
    for line_start, line_end in line_spans(text):
        chunks = line_chunks(clip_words(words, line_start, line_end, ends))
        if len(chunks) < 2:
            continue
        length = line_end - line_start
        features = [gap_features(chunks, k, length) for k in range(len(chunks) - 1)]
        labels = [CUT if line_start + chunks[k + 1][0] in starts else KEEP for k in range(len(chunks) - 1)]
        out.append((features, labels))
    return out


def corpus_sequences(records: Iterable[Dict[str, Any]]) -> List[Sequence_]:
    """The gap sequences of all ``records``, in order."""
    tokenizer = CachedThaiTokenizer(Vocab())
    return [seq for record in records for seq in record_sequences(record, tokenizer)]


def one_gap_sequences(sequences: Sequence[Sequence_]) -> List[Sequence_]:
    """Every gap as a sequence of its own: the CRF then trains a logistic regression."""
    return [([f], [y]) for features, labels in sequences for f, y in zip(features, labels)]
