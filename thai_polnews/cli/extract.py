"""``thai-polnews extract``: documents in, one ANNOTATION.md record per document out."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, List, Optional, Sequence

from tqdm import tqdm

from ..checkpoint import CheckpointedWriter, skip
from ..engines import ENGINES, get_engine
from ..engines.local import ExtractOptions
from ..records import InputItem, iter_inputs
from .options import add_pipeline_options

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
    parser.add_argument("--engine", choices=tuple(ENGINES), default="local", help="where the pipeline runs (default local)")
    parser.add_argument("--workers", type=int, default=None, help="Ray actors (default: CPUs - 1)")
    parser.add_argument(
        "--processes", type=int, default=None,
        help="local engine: worker processes, each with its own pipeline (default: one per usable core on the CPU, 1 on CUDA)",
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
    if args.processes is not None and args.processes < 1:
        print("thai-polnews extract: --processes must be at least 1", file=sys.stderr)
        return 2
    if args.resume and args.output is None:
        print("thai-polnews extract: --resume needs --output", file=sys.stderr)
        return 2
    options = ExtractOptions(
        model=args.model, device=args.device, batch_size=args.batch_size,
        use_model=not args.no_model, workers=args.workers, quantize=args.quantize,
        processes=args.processes,
    )
    engine = get_engine(args.engine)
    counts = {"read": 0, "written": 0, "skipped": 0}
    progress = tqdm(unit="doc", desc="extract", file=sys.stderr, disable=args.quiet)
    items: Iterable[InputItem] = iter_inputs(args.inputs)
    extra = {"paths": list(args.inputs)} if args.engine == "ray" else {}
    if args.output is None:
        engine(items, _write_stdout, options, counts, progress, **extra)
    else:
        try:
            writer = CheckpointedWriter(args.output, resume=args.resume)
        except FileExistsError as err:  # --resume on a finished run: nothing left to do
            print(f"thai-polnews extract: {err}", file=sys.stderr)
            return 0
        if writer.resumed_from:
            tqdm.write(f"resuming after {writer.resumed_from} documents", file=sys.stderr)
            items = skip(items, writer.resumed_from)
            if args.engine == "ray":
                extra["skip"] = writer.resumed_from
        try:
            engine(items, writer.write_batch, options, counts, progress, **extra)
        finally:
            writer.close()
        writer.finish()
    progress.close()
    print(f"read {counts['read']}, written {counts['written']}, skipped {counts['skipped']}", file=sys.stderr)
    return EXIT_SKIPPED if counts["skipped"] else 0


def _write_stdout(lines: List[str], consumed: int) -> None:
    sys.stdout.write("".join(line + "\n" for line in lines))
