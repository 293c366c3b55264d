"""Accuracy of the shipped pipeline and of pythainlp's ThaiNER 1.5 CRF on the gold files.

    python benchmarks/accuracy.py [annotations/seeds.jsonl annotations/test.jsonl]

Both are scored with ``thai_polnews.evaluation.evaluate`` (strict and partial
P/R/F1 per label). ThaiNER's PERSON/LOCATION/ORGANIZATION/DATE map to ours; it
has no POSITION or DOC_CODE, which therefore count as missed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from thainer_baseline import load_thainer, thainer_entities  # noqa: E402


def thainer_records(gold: List[dict]) -> List[dict]:
    tagger = load_thainer()
    return [
        {"id": g.get("id"), "text": g["text"], "sentences": [],
         "entities": [{"start": s, "end": e, "label": l} for s, e, l in thainer_entities(tagger, g["text"])]}
        for g in gold
    ]


def main(argv: List[str] | None = None) -> int:
    import thai_polnews
    from thai_polnews.cli.evaluate import predict
    from thai_polnews.evaluation import evaluate, format_report
    from thai_polnews.records import read_jsonl

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=sorted((ROOT / "annotations").glob("*.jsonl")))
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "accuracy.json")
    args = parser.parse_args(argv)
    nlp = thai_polnews.load()
    out = {}
    for path in args.gold:
        gold = read_jsonl(path)
        ours = evaluate(gold, predict(gold, nlp, quiet=True))
        theirs = evaluate(gold, thainer_records(gold))
        print(format_report(ours, title=f"== {path.name}: thai_polnews"))
        print()
        print(format_report(theirs, title=f"== {path.name}: pythainlp ThaiNER 1.5 CRF"))
        print()
        out[path.name] = {"thai_polnews": ours, "thainer": theirs}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
