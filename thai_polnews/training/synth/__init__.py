"""Synthetic training documents: Thai MT news about Vietnamese politics with gold spans.

A compositional slot grammar (``data/synth/grammar/*.tsv``) writes documents in
the genre; Python producers fill the entity slots with sampled Vietnamese names
(through ``thai_polnews.names.to_thai``), places, bodies, document codes and
dates, always recording exact offsets and attrs. Records follow ANNOTATION.md.
Bodies, agencies, foreign leaders, foreign places, offices and 2025 provinces of
real pages come from ``data/world/*.tsv`` (``world.py``, ``world_producers.py``);
``phenomena.py`` counts how often each phenomenon of real pages occurs.

    >>> from thai_polnews.training.synth import generate, to_dataset
    >>> records = list(generate(10, seed=0))
    >>> ds = to_dataset(records)
"""
from .cli import main
from .dataset import record_from_row, to_dataset, write_jsonl
from .generate import generate

__all__ = ["generate", "main", "record_from_row", "to_dataset", "write_jsonl"]
