"""Sentence boundaries: guarded CRFCut against the boundary model, accuracy and speed, like with like.

    python benchmarks/sentences.py [--gold annotations/seeds.jsonl annotations/dev.jsonl]
                                   [--n-synth 2000] [--seed 7] [--repeat 2]
                                   [--json benchmarks/results/sentences.json]

Accuracy: boundary precision, recall and F1 (overall and inside lines,
``thai_polnews.sentences.scoring``) of the sentence splitter with
``method="crfcut"`` and ``method="boundary"`` on each gold file, on the
pipeline tokenizer's words; the boundary model's cross-validated figures are
quoted from its settings file (``thai-polnews train-sentences --cv`` wrote
them). Speed: characters per second of the sentence component alone, both
methods on the throughput benchmark's corpus (seed texts plus synthetic
documents), tokenised beforehand, fastest of ``--repeat`` interleaved rounds.
Development files only: the held-out test sets are scored by the release
evaluation, not here.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

METHODS = ("crfcut", "boundary")


def accuracy(paths: List[str]) -> Dict[str, Any]:
    from spacy.vocab import Vocab

    from thai_polnews.pipeline.sentences import sentence_spans
    from thai_polnews.sentences.scoring import boundary_scores
    from thai_polnews.tokenizer import CachedThaiTokenizer

    tokenizer = CachedThaiTokenizer(Vocab())
    out: Dict[str, Any] = {}
    for path in paths:
        gold = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        gold = [g for g in gold if "sentences" in g]
        out[Path(path).name] = {
            method: boundary_scores(gold, [
                {"sentences": sentence_spans(g["text"], tokens=tokenizer.words(g["text"]), method=method)} for g in gold
            ])
            for method in METHODS
        }
    return out


def speed(n_synth: int, seed: int, repeat: int) -> Dict[str, float]:
    from spacy.vocab import Vocab

    from throughput import corpus
    from thai_polnews.pipeline.sentences import SentenceSplitter
    from thai_polnews.tokenizer import CachedThaiTokenizer

    texts = corpus(n_synth, seed)
    tokenizer = CachedThaiTokenizer(Vocab())
    chars = sum(map(len, texts))
    splitters = {m: SentenceSplitter("sentences", max_name_chunk=6, min_chars=80, method=m) for m in METHODS}
    best = {m: float("inf") for m in METHODS}
    for _ in range(max(1, repeat)):
        for method, splitter in splitters.items():
            docs = [tokenizer(t) for t in texts]
            start = time.perf_counter()
            for doc in docs:
                splitter(doc)
            best[method] = min(best[method], time.perf_counter() - start)
    return {m: chars / s for m, s in best.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", nargs="*", default=["annotations/seeds.jsonl", "annotations/dev.jsonl"])
    parser.add_argument("--n-synth", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    from thai_polnews.sentences.boundary import shipped_settings

    report = {
        "accuracy": accuracy(args.gold),
        "boundary_cross_validation": shipped_settings().get("cross_validation"),
        "chars_per_s": speed(args.n_synth, args.seed, args.repeat),
    }
    for name, by_method in report["accuracy"].items():
        for method, s in by_method.items():
            o, i = s["overall"], s["inside_lines"]
            print(f"{name:14s} {method:9s} P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}; "
                  f"inside lines P {i['precision']:.3f} R {i['recall']:.3f} F1 {i['f1']:.3f}")
    cv = report["boundary_cross_validation"]
    if cv:
        print(f"boundary model, cross-validated over {len(cv['files'])} training files: "
              f"F1 {cv['overall']['f1']:.3f}, inside lines F1 {cv['inside_lines']['f1']:.3f}")
    print("sentence component (chars/s):", ", ".join(f"{m} {v:,.0f}" for m, v in report["chars_per_s"].items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
