"""Measure a checkpoint's int8 activation ranges and store them with it (``int8_ranges.json``).

    python -m thai_polnews.ner.calibrate MODEL_DIR

With the ranges stored, ``quantize=True`` gives the same output on every machine and
with every version of the synthetic generator; without them they are measured at load.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Optional

from .int8 import CALIBRATION_DOCS, CALIBRATION_SEED, write_ranges
from .predict import NERPredictor


def main(argv: Optional[Iterable[str]] = None) -> int:
    """``python -m thai_polnews.ner.calibrate MODEL_DIR``: measure the ranges and write them into the folder."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m thai_polnews.ner.calibrate MODEL_DIR", file=sys.stderr)
        return 2
    predictor = NERPredictor.load(args[0], device="cpu")
    ranges = predictor.int8_ranges(stored=False)
    path = write_ranges(Path(args[0]), ranges, f"{CALIBRATION_DOCS} synthetic documents, seed {CALIBRATION_SEED}")
    print(f"wrote {path} ({len(ranges)} layers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
