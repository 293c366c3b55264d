"""``thai-polnews extract``: documents in, one ANNOTATION.md record per document out."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, List, Optional, Sequence

from tqdm import tqdm

from ..records import InputItem, ReadProblem, dumps, iter_inputs, to_record
from .options import add_pipeline_options, pipeline_from_args

EXIT_SKIPPED = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thai-polnews extract",
        description="Extract entities from .txt files (one document each) and .jsonl files "
        "(one document per line, field 'text', optional 'id' and 'meta').",
    )
    parser.add_argument("inputs", nargs="+", type=Path, help=".txt or .jsonl files")
    parser.add_argument("-o", "--output", type=Path, default=None, help="output JSONL (default: standard output)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_pipeline_options(parser)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the pipeline over the inputs; exit 0, or 3 when any document was skipped."""
    args = build_parser().parse_args(argv)
    if args.batch_size < 1:
        print("thai-polnews extract: --batch-size must be at least 1", file=sys.stderr)
        return 2
    nlp = pipeline_from_args(args)
    items = iter_inputs(args.inputs)
    progress = tqdm(unit="doc", desc="extract", file=sys.stderr, disable=args.quiet)
    counts = {"read": 0, "written": 0, "skipped": 0}
    if args.output is None:
        _run(nlp, items, sys.stdout, args.batch_size, counts, progress)
    else:
        tmp = args.output.with_name(args.output.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            _run(nlp, items, out, args.batch_size, counts, progress)
        os.replace(tmp, args.output)
    progress.close()
    print(
        f"read {counts['read']}, written {counts['written']}, skipped {counts['skipped']}",
        file=sys.stderr,
    )
    return EXIT_SKIPPED if counts["skipped"] else 0


def _run(nlp, items: Iterable[InputItem], out: IO[str], batch_size: int, counts, progress) -> None:
    for batch in _batches(items, batch_size):
        counts["read"] += len(batch)
        good = []
        for item in batch:
            if item.problem is not None:
                _report(item.problem)
                counts["skipped"] += 1
            else:
                good.append(item)
        for item, record in zip(good, _process(nlp, good)):
            if record is None:
                counts["skipped"] += 1
                continue
            out.write(dumps(record) + "\n")
            counts["written"] += 1
        progress.update(len(batch))


def _batches(items: Iterable[InputItem], size: int) -> Iterator[List[InputItem]]:
    batch: List[InputItem] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _process(nlp, items: List[InputItem]) -> List[Optional[dict]]:
    """Records for ``items``; a document that makes the pipeline fail is reported, not lost with its batch."""
    try:
        docs = list(nlp.pipe(item.text for item in items))
    except (ValueError, RuntimeError, IndexError) as err:
        if len(items) == 1:
            _report(ReadProblem(str(items[0].id), None, f"pipeline failed: {err}"))
            return [None]
        return [record for item in items for record in _process(nlp, [item])]
    return [to_record(doc, id=item.id, meta=item.meta) for item, doc in zip(items, docs)]


def _report(problem: ReadProblem) -> None:
    tqdm.write(f"skipped {problem}", file=sys.stderr)
