"""``thai-polnews train-sentences``: train the sentence-boundary model and score it.

    thai-polnews train-sentences [--train annotations/train/*.jsonl] [--synth 2000]
        [--kind crf|logreg] [--select annotations/seeds.jsonl annotations/dev.jsonl]
        [--out thai_polnews/data/sentences/boundary.crfsuite]

Trains with python-crfsuite (L-BFGS, elastic net; deterministic for the same
data and settings) on the gaps of the training files and of synthetic
documents, then scores boundary P/R/F1 of the full sentence splitter with the
new model on the selection files (never trained on) and writes the settings and
scores next to the model as JSON. ``--kind logreg`` trains on each gap alone
(no transitions): a logistic regression in the same file format.
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from spacy.vocab import Vocab

from ...sentences.boundary import MODEL_FILE, BoundaryModel
from ...sentences.scoring import boundary_scores
from ...tokenizer import CachedThaiTokenizer
from .data import corpus_sequences, one_gap_sequences, read_records, synthetic_records

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thai-polnews train-sentences", description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", nargs="*", default=None,
                        help="training JSONL files with sentences (default: annotations/train/*.jsonl)")
    parser.add_argument("--synth", type=int, default=2000, help="synthetic documents to add (default 2000)")
    parser.add_argument("--synth-seed", type=int, default=11, help="stream of the synthetic generator (default 11)")
    parser.add_argument("--select", nargs="*", default=None,
                        help="files scored after training, never trained on (default: annotations/seeds.jsonl annotations/dev.jsonl)")
    parser.add_argument("--kind", choices=("crf", "logreg"), default="crf", help="a CRF over each line's gaps, or gaps one at a time")
    parser.add_argument("--c1", type=float, default=0.05, help="L1 weight (default 0.05)")
    parser.add_argument("--c2", type=float, default=0.01, help="L2 weight (default 0.01)")
    parser.add_argument("--max-iterations", type=int, default=300, help="L-BFGS iterations (default 300)")
    parser.add_argument("--min-freq", type=float, default=1, help="drop features seen fewer times (default 1)")
    parser.add_argument("--bias", type=float, default=0.0, help="added to every cut score when decoding (default 0)")
    parser.add_argument("--out", type=Path, default=PACKAGE_ROOT / MODEL_FILE, help="model file to write")
    parser.add_argument("--settings", type=Path, default=None, help="JSON of settings and scores (default: --out with .json)")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    train_files = sorted(glob.glob("annotations/train/*.jsonl")) if args.train is None else list(args.train)
    select_files = ["annotations/seeds.jsonl", "annotations/dev.jsonl"] if args.select is None else list(args.select)
    try:
        import pycrfsuite

        records = read_records((Path(p) for p in train_files), require=False)
        selection = {Path(p).name: read_records([Path(p)]) for p in select_files}
    except (OSError, ValueError, ImportError) as err:
        print(f"thai-polnews train-sentences: {err}", file=sys.stderr)
        return 2
    if args.synth > 0:
        records += list(synthetic_records(args.synth, args.synth_seed))
    if not records:
        print("thai-polnews train-sentences: no training documents", file=sys.stderr)
        return 2
    sequences = corpus_sequences(records)
    if args.kind == "logreg":
        sequences = one_gap_sequences(sequences)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations, "feature.minfreq": args.min_freq,
              "feature.possible_transitions": True}
    trainer.set_params(params)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    trainer.train(str(args.out))
    seconds = time.perf_counter() - start
    model = BoundaryModel.load(args.out, bias=args.bias)
    gaps = sum(len(labels) for _, labels in sequences)
    report: Dict[str, Any] = {
        "model": args.out.name,
        "kind": args.kind,
        "training": {
            "files": [str(p) for p in train_files],
            "synthetic": {"documents": args.synth, "seed": args.synth_seed},
            "documents": len(records),
            "sequences": len(sequences),
            "gaps": gaps,
            "boundaries": sum(labels.count("B") for _, labels in sequences),
            "seconds": round(seconds, 1),
        },
        "params": params,
        "decoding": {"bias": args.bias},
        "scores": {name: score(model, recs) for name, recs in selection.items()},
    }
    settings = args.settings or args.out.with_suffix(".json")
    settings.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, result in report["scores"].items():
        o, i = result["overall"], result["inside_lines"]
        print(f"{name}: boundaries P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}; "
              f"inside lines P {i['precision']:.3f} R {i['recall']:.3f} F1 {i['f1']:.3f}")
    print(f"wrote {args.out} and {settings}")
    return 0


def score(model: BoundaryModel, records: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Boundary scores of the full splitter with ``model`` on ``records``."""
    from ...pipeline.sentences import sentence_spans

    tokenizer = CachedThaiTokenizer(Vocab())
    pred = [{"text": r["text"], "sentences": sentence_spans(r["text"], tokens=tokenizer.words(r["text"]), model=model)}
            for r in records]
    return boundary_scores(records, pred)
