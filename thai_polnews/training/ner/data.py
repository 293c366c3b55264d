"""Datasets for training: annotated JSONL to token-tagged examples, unlabelled text to MLM inputs.

Everything goes through HF ``datasets``; documents are chunked and (for training
only) augmented before tokenisation, with one seeded RNG so runs repeat exactly.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Sequence, Union

from datasets import Dataset, Features, Value
from transformers import PreTrainedTokenizerBase

from thai_polnews.records import read_jsonl
from thai_polnews.ner.alignment import token_tags
from .augment import augment_record
from .chunking import chunk_record, cut_long, line_spans
from .config import DataSettings
from .filler import insert_filler, load_filler_words

RECORD_FEATURES = Features(
    {
        "text": Value("string"),
        "entities": [{"start": Value("int64"), "end": Value("int64"), "label": Value("string")}],
    }
)


def project(record: Dict[str, Any]) -> Dict[str, Any]:
    """Only ``text`` and the ``start``/``end``/``label`` of entities (attrs vary in type)."""
    ents = [{"start": int(e["start"]), "end": int(e["end"]), "label": str(e["label"])} for e in record.get("entities", [])]
    return {"text": record["text"], "entities": ents}


def load_annotated(paths: Sequence[Union[str, Path]]) -> Dataset:
    """Annotated documents from JSONL files in the ANNOTATION.md schema."""
    records = [project(r) for path in paths for r in read_jsonl(path)]
    return Dataset.from_list(records, features=RECORD_FEATURES)


def training_chunks(docs: Dataset, max_chars: int, seed: int, settings: DataSettings, *, augment: bool) -> Dataset:
    """Documents cut into chunks of at most ``max_chars``, augmented when ``augment`` is set.

    Augmentation is the label-preserving noise of ``augment`` plus, at
    ``settings.filler_rate`` clauses per line, open-vocabulary filler (``filler``).
    """
    rng = random.Random(seed)
    words = None
    if augment and settings.filler_rate > 0:
        surfaces = (r["text"][e["start"] : e["end"]] for r in docs for e in r["entities"])
        words = load_filler_words(settings.filler_source, settings.filler_words, surfaces)
    chunks: List[Dict[str, Any]] = []
    for record in docs:
        source = augment_record(record, rng, settings) if augment else record
        if words is not None:
            lines = source["text"].count("\n") + 1
            for _ in range(sum(rng.random() < settings.filler_rate for _ in range(lines))):
                source = insert_filler(source, rng, words, settings.filler_max_words)
        chunks.extend(chunk_record(source, max_chars, rng, settings.split_prob))
    return Dataset.from_list(chunks, features=RECORD_FEATURES)


def tag_dataset(chunks: Dataset, tokenizer: PreTrainedTokenizerBase, tag2id: Dict[str, int], labels: Sequence[str], max_length: int) -> Dataset:
    """``input_ids`` and per-token ``labels`` (-100 on special tokens) for each chunk."""

    def encode(batch: Dict[str, List[Any]]) -> Dict[str, List[Any]]:
        enc = tokenizer(batch["text"], truncation=True, max_length=max_length, return_offsets_mapping=True)
        all_labels = []
        for text, offsets, ents in zip(batch["text"], enc["offset_mapping"], batch["entities"]):
            tags = token_tags(text, offsets, ents, labels)
            all_labels.append([-100 if t is None else tag2id[t] for t in tags])
        return {"input_ids": enc["input_ids"], "labels": all_labels}

    return chunks.map(encode, batched=True, remove_columns=chunks.column_names)


def text_pieces(texts: Iterable[str], max_chars: int) -> Iterator[str]:
    """Lines of ``texts`` cut to at most ``max_chars`` (unlabelled, so cuts fall on spaces)."""
    for text in texts:
        inside = [False] * (len(text) + 1)
        for span in line_spans(text):
            for start, end in cut_long(text, span, inside, max_chars):
                piece = text[start:end].strip()
                if piece:
                    yield piece


def pack_lines(lines: Iterable[str], max_chars: int, sep: str = " ") -> Iterator[str]:
    """Short lines (such as titles) joined with ``sep`` into texts of at most ``max_chars``."""
    buffer = ""
    for line in lines:
        line = line.strip()[:max_chars]
        if not line:
            continue
        if buffer and len(buffer) + len(sep) + len(line) > max_chars:
            yield buffer
            buffer = ""
        buffer = f"{buffer}{sep}{line}" if buffer else line
    if buffer:
        yield buffer


def mlm_dataset(texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, max_length: int) -> Dataset:
    """Token ids of unlabelled texts for masked-language-model pretraining."""
    ds = Dataset.from_dict({"text": list(texts)})

    def encode(batch: Dict[str, List[Any]]) -> Dict[str, List[Any]]:
        return {"input_ids": tokenizer(batch["text"], truncation=True, max_length=max_length)["input_ids"]}

    return ds.map(encode, batched=True, remove_columns=["text"])
