"""``thai-polnews evaluate``: gold JSONL against predictions or against the pipeline."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import List, Optional, Sequence

from tqdm import tqdm

from ..evaluation import entity_errors, evaluate, format_errors, format_report, sentence_scores
from ..pipeline.sentences import crfcut_spans
from ..records import Record, read_jsonl, to_record
from ..sentences.scoring import boundary_errors, format_boundary_errors, pair_records
from .options import add_pipeline_options, pipeline_from_args


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thai-polnews evaluate",
        description="Per-label strict and partial P/R/F1, micro and macro averages, "
        "sentence-boundary F1 and attribute accuracy.",
    )
    parser.add_argument("gold", type=Path, help="gold JSONL (ANNOTATION.md format)")
    parser.add_argument("--pred", type=Path, default=None, help="predicted JSONL; without it the pipeline runs on the gold texts")
    parser.add_argument("--json", type=Path, default=None, help="write the full report as JSON here")
    parser.add_argument(
        "--compare-crfcut",
        action="store_true",
        help="also score raw pythainlp crfcut sentence boundaries, the baseline",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--errors", action="store_true", help="also list every strict miss and false alarm, with context")
    add_pipeline_options(parser)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    gold = read_jsonl(args.gold)
    if args.pred is not None:
        pred = read_jsonl(args.pred)
    else:
        pred = predict(gold, pipeline_from_args(args), quiet=args.quiet)
    report = evaluate(gold, pred)
    if args.compare_crfcut:
        report["sentences_baseline"] = sentence_scores(gold, [crfcut_record(g) for g in gold])
    print(format_report(report, title=f"gold: {args.gold}  predictions: {args.pred or 'pipeline'}"))
    if args.errors:
        print("\nerrors (strict):")
        print(format_errors(entity_errors(gold, pred)))
        print("\nsentence boundary errors (‖ marks the boundary):")
        print(format_boundary_errors(boundary_errors(gold, [p for _, p in pair_records(gold, pred)])))
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def predict(gold: List[Record], nlp, *, quiet: bool = False) -> List[Record]:
    """Run ``nlp`` over the gold texts and return records with the gold ids."""
    texts = (g["text"] for g in gold)
    docs = tqdm(nlp.pipe(texts), total=len(gold), unit="doc", desc="evaluate", file=sys.stderr, disable=quiet)
    return [to_record(doc, id=g.get("id")) for g, doc in zip(gold, docs)]


def crfcut_record(gold: Record) -> Record:
    """The gold document re-split by raw crfcut (no guards, newlines ignored)."""
    return {"id": gold.get("id"), "sentences": [list(s) for s in crfcut_spans(gold["text"])]}
