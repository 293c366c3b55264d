"""``thai-polnews extract``: documents in, one ANNOTATION.md record per document out."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Union

from tqdm import tqdm

from ..checkpoint import CheckpointedWriter, skip
from ..engines import ENGINES, get_engine
from ..engines.local import ExtractOptions
from ..engines.processes import WorkerError
from ..ner.errors import ModelError
from ..records import STDIN, InputItem, expand_inputs, iter_inputs
from .options import add_pipeline_options

EXIT_SKIPPED = 3
STDOUT = "-"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thai-polnews extract",
        description="Extract entities from .txt files (one document each), .jsonl files "
        "(one document per line, field 'text', optional 'id' and 'meta'), folders of such files "
        "(read recursively, in path order) and '-' (JSON Lines on standard input).",
    )
    parser.add_argument("inputs", nargs="+", help=".txt or .jsonl files, folders, or - for standard input")
    parser.add_argument("-o", "--output", default=STDOUT, help="output JSONL, or - for standard output (the default)")
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


class UsageError(ValueError):
    """A problem with the command line, found before any work: one line, exit status 2."""


def check_arguments(args: argparse.Namespace) -> List[Union[str, Path]]:
    """The expanded inputs, after every check that needs no model; raises :class:`UsageError`."""
    if args.batch_size < 1:
        raise UsageError("--batch-size must be at least 1")
    if args.processes is not None and args.processes < 1:
        raise UsageError("--processes must be at least 1")
    to_stdout = args.output == STDOUT
    if args.resume and to_stdout:
        raise UsageError("--resume needs --output FILE")
    try:
        inputs = expand_inputs(args.inputs)
    except FileNotFoundError as err:
        raise UsageError(str(err)) from None
    if args.engine == "ray" and STDIN in inputs:
        raise UsageError("the ray engine reads files; standard input (-) needs --engine local")
    if inputs.count(STDIN) > 1:
        raise UsageError("standard input (-) can be given once")
    if not to_stdout:
        check_output(Path(args.output), [p for p in inputs if p != STDIN])
    return inputs


def check_output(output: Path, inputs: Sequence[Path]) -> None:
    """Refuse an output that is a folder, is in a missing or unwritable folder, or is one of the inputs."""
    if output.is_dir():
        raise UsageError(f"--output {str(output)!r} is a folder; give a file name")
    folder = output.parent
    if not folder.exists():
        raise UsageError(f"the folder of --output {str(output)!r} does not exist")
    if not folder.is_dir():
        raise UsageError(f"the folder of --output {str(output)!r} is not a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{output.name}.", suffix=".probe"):
            pass
    except OSError as err:
        raise UsageError(f"cannot write in the folder of --output {str(output)!r}: {err.strerror}") from None
    resolved = output.resolve()
    for path in inputs:
        if path.resolve() == resolved or (output.exists() and os.path.samefile(path, output)):
            raise UsageError(f"--output {str(output)!r} is also an input; it would be overwritten")


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the pipeline over the inputs; exit 0, 3 when any document was skipped, 2 on a usage
    error (before any work), 1 when the run was stopped (its checkpoint kept for ``--resume``)."""
    args = build_parser().parse_args(argv)
    try:
        inputs = check_arguments(args)
    except UsageError as err:
        print(f"thai-polnews extract: {err}", file=sys.stderr)
        return 2
    options = ExtractOptions(
        model=args.model, device=args.device, batch_size=args.batch_size,
        use_model=not args.no_model, workers=args.workers, quantize=args.quantize,
        processes=args.processes,
    )
    if options.use_model:
        from ..pipeline.ner import resolve_model

        resolve_model(options.model)  # a missing model fails here, once, before any worker starts
    engine = get_engine(args.engine)
    counts = {"read": 0, "written": 0, "skipped": 0}
    progress = tqdm(unit="doc", desc="extract", file=sys.stderr, disable=args.quiet)
    items: Iterable[InputItem] = iter_inputs(inputs)
    extra = {"paths": list(inputs)} if args.engine == "ray" else {}
    if args.output == STDOUT:
        try:
            engine(items, _write_stdout, options, counts, progress, **extra)
        except WorkerError as err:
            return _stopped(err, progress, resumable=False)
    else:
        output = Path(args.output)
        try:
            writer = CheckpointedWriter(output, resume=args.resume)
        except FileExistsError as err:  # --resume on a finished run: nothing left to do
            print(f"thai-polnews extract: {err}", file=sys.stderr)
            return 0
        except FileNotFoundError as err:
            print(f"thai-polnews extract: {err}", file=sys.stderr)
            return 2
        if writer.resumed_from:
            tqdm.write(f"resuming after {writer.resumed_from} documents", file=sys.stderr)
            items = skip(items, writer.resumed_from)
            if args.engine == "ray":
                extra["skip"] = writer.resumed_from
        try:
            engine(items, writer.write_batch, options, counts, progress, **extra)
        except WorkerError as err:
            return _stopped(err, progress, resumable=True)
        finally:
            writer.close()
        writer.finish()
    progress.close()
    print(f"read {counts['read']}, written {counts['written']}, skipped {counts['skipped']}", file=sys.stderr)
    return EXIT_SKIPPED if counts["skipped"] else 0


def _stopped(err: Exception, progress: tqdm, *, resumable: bool) -> int:
    """Report a run stopped by a failed worker; a ``ModelError`` goes on to the CLI's handler."""
    progress.close()
    if isinstance(err, ModelError):
        raise err
    hint = "; run the same command with --resume to continue" if resumable else ""
    print(f"thai-polnews extract: {err}{hint}", file=sys.stderr)
    return 1


def _write_stdout(lines: List[str], consumed: int) -> None:
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stdout.flush()
