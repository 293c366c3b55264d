"""``thai-polnews train-sentences``: train the sentence-boundary model and score it.

    thai-polnews train-sentences [--train annotations/train/*.jsonl] [--synth 0]
        [--kind crf|logreg] [--select annotations/seeds.jsonl annotations/dev.jsonl]
        [--c1 0.5] [--c2 0.1] [--bias 0.5] [--cv]
        [--out thai_polnews/data/sentences/boundary.crfsuite]

Trains with python-crfsuite (L-BFGS, elastic net; deterministic for the same
data and settings) on the gaps of the training files and of synthetic
documents, then scores boundary P/R/F1 of the full sentence splitter with the
new model on the selection files (never trained on) and writes the settings and
scores next to the model as JSON. ``--kind logreg`` trains on each gap alone
(no transitions): a logistic regression in the same file format. ``--cv`` also
trains once per training file with that file held out (synthetic documents stay
in every fold) and scores it: the cross-validated figures the defaults were
chosen by.
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
    parser.add_argument("--synth", type=int, default=0,
                        help="synthetic documents to add (default 0: 100, 300 and 1,000 of them lowered "
                             "cross-validated F1 and the seeds' F1)")
    parser.add_argument("--synth-seed", type=int, default=11, help="stream of the synthetic generator (default 11)")
    parser.add_argument("--select", nargs="*", default=None,
                        help="files scored after training, never trained on (default: annotations/seeds.jsonl annotations/dev.jsonl)")
    parser.add_argument("--kind", choices=("crf", "logreg"), default="crf", help="a CRF over each line's gaps, or gaps one at a time")
    parser.add_argument("--c1", type=float, default=0.5, help="L1 weight (default 0.5)")
    parser.add_argument("--c2", type=float, default=0.1, help="L2 weight (default 0.1)")
    parser.add_argument("--max-iterations", type=int, default=300, help="L-BFGS iterations (default 300)")
    parser.add_argument("--min-freq", type=float, default=1, help="drop features seen fewer times (default 1)")
    parser.add_argument("--bias", type=float, default=0.5, help="added to every cut score when decoding (default 0.5)")
    parser.add_argument("--cv", action="store_true", help="also score each training file with a model trained without it")
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
    synthetic = list(synthetic_records(args.synth, args.synth_seed)) if args.synth > 0 else []
    records += synthetic
    if not records:
        print("thai-polnews train-sentences: no training documents", file=sys.stderr)
        return 2
    sequences = corpus_sequences(records)
    if args.kind == "logreg":
        sequences = one_gap_sequences(sequences)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations, "feature.minfreq": args.min_freq,
              "feature.possible_transitions": True}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    fit(pycrfsuite, sequences, params, args.out)
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
    if args.cv:
        report["cross_validation"] = cross_validate(pycrfsuite, train_files, synthetic, params, args)
    settings = args.settings or args.out.with_suffix(".json")
    settings.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, result in report["scores"].items():
        o, i = result["overall"], result["inside_lines"]
        print(f"{name}: boundaries P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}; "
              f"inside lines P {i['precision']:.3f} R {i['recall']:.3f} F1 {i['f1']:.3f}")
    if args.cv:
        o, i = report["cross_validation"]["overall"], report["cross_validation"]["inside_lines"]
        print(f"cross-validation ({len(train_files)} files): boundaries P {o['precision']:.3f} R {o['recall']:.3f} "
              f"F1 {o['f1']:.3f}; inside lines P {i['precision']:.3f} R {i['recall']:.3f} F1 {i['f1']:.3f}")
    print(f"wrote {args.out} and {settings}")
    return 0


def fit(pycrfsuite: Any, sequences: Sequence[Any], params: Dict[str, Any], out: Path) -> None:
    """Train a CRFsuite model on ``sequences`` with ``params`` and write it to ``out``."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(out))


def cross_validate(pycrfsuite: Any, train_files: Sequence[str], synthetic: List[Dict[str, Any]],
                   params: Dict[str, Any], args: argparse.Namespace) -> Dict[str, Any]:
    """Leave one training file out: boundary counts of every held-out file summed, then P/R/F1."""
    import tempfile

    from ...scores import prf

    by_file = {str(p): read_records([Path(p)], require=False) for p in train_files}
    counts = {"overall": [0, 0, 0], "inside_lines": [0, 0, 0]}
    with tempfile.TemporaryDirectory() as tmp:
        for held, recs in by_file.items():
            if not recs:
                continue
            train = [r for name, rs in by_file.items() if name != held for r in rs] + synthetic
            sequences = corpus_sequences(train)
            if args.kind == "logreg":
                sequences = one_gap_sequences(sequences)
            path = Path(tmp) / "fold.crfsuite"
            fit(pycrfsuite, sequences, params, path)
            result = score(BoundaryModel.load(path, bias=args.bias), recs)
            for key in counts:
                r = result[key]
                counts[key] = [c + r[k] for c, k in zip(counts[key], ("correct", "predicted", "gold"))]
    return {"files": [str(p) for p in train_files], **{key: prf(*c) for key, c in counts.items()}}


def score(model: BoundaryModel, records: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Boundary scores of the full splitter with ``model`` on ``records``."""
    from ...pipeline.sentences import sentence_spans

    tokenizer = CachedThaiTokenizer(Vocab())
    pred = [{"text": r["text"], "sentences": sentence_spans(r["text"], tokens=tokenizer.words(r["text"]), model=model, method="boundary")}
            for r in records]
    return boundary_scores(records, pred)
