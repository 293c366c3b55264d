"""``thai-polnews synth``: write N synthetic documents as JSONL (and optionally a Dataset)."""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from typing import Iterable, Iterator, List, Optional

from tqdm import tqdm

from .dataset import Record, to_dataset, write_jsonl
from .generate import generate


def build_parser(parser: Optional[argparse.ArgumentParser] = None) -> argparse.ArgumentParser:
    """Options of the subcommand (pass a subparser to attach them to it)."""
    parser = parser or argparse.ArgumentParser(
        prog="thai-polnews synth",
        description="Generate synthetic Thai MT news about Vietnamese politics with gold entity spans.",
    )
    parser.add_argument("--n", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="stream seed; same seed, same documents (default 0)")
    parser.add_argument("--start", type=int, default=0, help="index of the first document, to cut a stream into shards")
    parser.add_argument("-o", "--output", default="synth.jsonl", help="JSONL output path, '-' for stdout")
    parser.add_argument("--dataset", default=None, help="also save a datasets.Dataset to this directory")
    parser.add_argument("--quiet", dest="progress", action="store_false", help="no progress bar")
    return parser


def _counting(records: Iterable[Record], counts: Counter, bar: tqdm) -> Iterator[Record]:
    for record in records:
        counts.update(e["label"] for e in record["entities"])
        counts["_documents"] += 1
        bar.update(1)
        yield record


def run(args: argparse.Namespace) -> int:
    """Generate, write, report label counts and wall time."""
    if args.n < 0:
        raise SystemExit(f"--n must be 0 or more, got {args.n}")
    report = sys.stderr if args.output == "-" else sys.stdout
    counts: Counter = Counter()
    began = time.perf_counter()
    with tqdm(total=args.n, file=sys.stderr, disable=not args.progress, unit="doc", desc="synth") as bar:
        written = write_jsonl(_counting(generate(args.n, args.seed, start=args.start), counts, bar), args.output)
    elapsed = time.perf_counter() - began
    if args.dataset:
        to_dataset(args.output).save_to_disk(args.dataset)
    docs = counts.pop("_documents", 0)
    print(f"wrote {written} documents to {args.output}", file=report)
    for label, count in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {label:<13} {count:>9}  ({count / max(docs, 1):.1f}/doc)", file=report)
    print(f"wall time {elapsed:.1f} s ({1000 * elapsed / max(docs, 1):.2f} ms/doc)", file=report)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """Entry point of ``thai-polnews synth`` and ``python -m thai_polnews.training.synth``."""
    return run(build_parser().parse_args(argv))
