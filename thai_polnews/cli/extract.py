"""``thai-polnews extract``: documents in, one ANNOTATION.md record per document out."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Sequence

from tqdm import tqdm

from ..checkpoint import CheckpointedWriter, skip
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
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run into the same --output (no record twice, none lost)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    add_pipeline_options(parser)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the pipeline over the inputs; exit 0, or 3 when any document was skipped."""
    args = build_parser().parse_args(argv)
    if args.batch_size < 1:
        print("thai-polnews extract: --batch-size must be at least 1", file=sys.stderr)
        return 2
    if args.resume and args.output is None:
        print("thai-polnews extract: --resume needs --output", file=sys.stderr)
        return 2
    nlp = pipeline_from_args(args)
    counts = {"read": 0, "written": 0, "skipped": 0}
    progress = tqdm(unit="doc", desc="extract", file=sys.stderr, disable=args.quiet)
    items: Iterable[InputItem] = iter_inputs(args.inputs)
    if args.output is None:
        def emit(lines: List[str], consumed: int) -> None:
            sys.stdout.write("".join(line + "\n" for line in lines))

        run(nlp, items, emit, args.batch_size, counts, progress)
    else:
        writer = CheckpointedWriter(args.output, resume=args.resume)
        if writer.resumed_from:
            tqdm.write(f"resuming after {writer.resumed_from} documents", file=sys.stderr)
            items = skip(items, writer.resumed_from)
        try:
            run(nlp, items, writer.write_batch, args.batch_size, counts, progress)
        finally:
            writer.close()
        writer.finish()
    progress.close()
    print(f"read {counts['read']}, written {counts['written']}, skipped {counts['skipped']}", file=sys.stderr)
    return EXIT_SKIPPED if counts["skipped"] else 0


def run(
    nlp,
    items: Iterable[InputItem],
    emit: Callable[[List[str], int], None],
    batch_size: int,
    counts: Dict[str, int],
    progress: tqdm,
) -> None:
    """Process ``items`` in batches; ``emit(lines, consumed)`` receives each batch's records."""
    for batch in batches(items, batch_size):
        counts["read"] += len(batch)
        good = []
        for item in batch:
            if item.problem is not None:
                report(item.problem)
                counts["skipped"] += 1
            else:
                good.append(item)
        lines = []
        for record in process(nlp, good):
            if record is None:
                counts["skipped"] += 1
            else:
                lines.append(dumps(record))
        emit(lines, len(batch))
        counts["written"] += len(lines)
        progress.update(len(batch))


def batches(items: Iterable[InputItem], size: int) -> Iterator[List[InputItem]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    batch: List[InputItem] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def process(nlp, items: List[InputItem]) -> List[Optional[dict]]:
    """Records for ``items``; a document that makes the pipeline fail is reported, not lost with its batch."""
    try:
        docs = list(nlp.pipe(item.text for item in items))
    except (ValueError, RuntimeError, IndexError) as err:
        if len(items) == 1:
            report(ReadProblem(str(items[0].id), None, f"pipeline failed: {err}"))
            return [None]
        return [record for item in items for record in process(nlp, [item])]
    return [to_record(doc, id=item.id, meta=item.meta) for item, doc in zip(items, docs)]


def report(problem: ReadProblem) -> None:
    """One line on stderr per skipped document, above the progress bar."""
    tqdm.write(f"skipped {problem}", file=sys.stderr)
