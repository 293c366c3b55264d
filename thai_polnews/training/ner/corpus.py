"""Unlabelled Thai text for MLM pretraining from files that installed packages ship.

A source is ``pythainlp:NAME`` (a file of pythainlp's corpus folder, one item a line,
``#`` lines skipped) or a path to a UTF-8 text file.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import List


def source_path(spec: str) -> Path:
    """The file a source spec names; raises ``FileNotFoundError`` with the spec when absent."""
    if spec.startswith("pythainlp:"):
        import pythainlp

        path = Path(pythainlp.__file__).parent / "corpus" / spec.split(":", 1)[1]
    else:
        path = Path(spec)
    if not path.is_file():
        raise FileNotFoundError(f"Unlabelled corpus {spec!r} not found at {path}; check pretrain.corpora in the config.")
    return path


def sample_lines(spec: str, limit: int, seed: int) -> List[str]:
    """Up to ``limit`` non-comment lines of the source, a seeded sample in file order."""
    with source_path(spec).open(encoding="utf-8") as handle:
        lines = [line.strip() for line in handle if line.strip() and not line.startswith("#")]
    if len(lines) <= limit:
        return lines
    keep = sorted(random.Random(seed).sample(range(len(lines)), limit))
    return [lines[i] for i in keep]
