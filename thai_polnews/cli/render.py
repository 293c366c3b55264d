"""``thai-polnews render``: extract output (or plain texts) as one self-contained HTML page."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ..records import to_record
from ..view import render
from ..view.html import record_problem
from .options import add_pipeline_options, pipeline_from_args

Record = Dict[str, Any]
Item = Tuple[str, Union[Record, Tuple[str, str]]]  # ("record", record) or ("text", (id, text))


class InputError(ValueError):
    """An input that cannot be rendered; its message is one line naming the file (and line)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thai-polnews render",
        description="Write one self-contained HTML page (spaCy displaCy) of the entities, sentences and "
        "name clusters of the inputs. JSONL records with 'entities' (extract output, gold files) are drawn "
        "as they are, without the model; .txt files and JSONL lines with only 'text' go through the pipeline first.",
    )
    parser.add_argument("inputs", nargs="+", type=Path, help=".jsonl records or .txt documents")
    parser.add_argument("-o", "--output", type=Path, default=None, help="HTML file to write (default: standard output)")
    parser.add_argument("--title", default=None, help="page title (default: the input file names)")
    add_pipeline_options(parser)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Render the inputs; exit 0, or 2 with a one-line error for bad input."""
    args = build_parser().parse_args(argv)
    try:
        check_output(args.output, args.inputs)
        items = [item for path in args.inputs for item in read_items(path)]
        records = to_records(items, args)
        page = render(records, title=args.title or "thai_polnews: " + ", ".join(p.name for p in args.inputs))
    except (InputError, ValueError) as err:
        print(f"thai-polnews render: {err}", file=sys.stderr)
        return 2
    if args.output is None:
        sys.stdout.write(page)
    else:
        try:
            args.output.write_text(page, encoding="utf-8")
        except OSError as err:
            print(f"thai-polnews render: cannot write {args.output}: {err.strerror}", file=sys.stderr)
            return 2
        print(f"wrote {args.output} ({len(records)} document{'s' if len(records) != 1 else ''})", file=sys.stderr)
    return 0


def check_output(output: Optional[Path], inputs: Sequence[Path]) -> None:
    """Refuse an output path that is one of the inputs."""
    if output is None:
        return
    target = output.resolve()
    for path in inputs:
        if path.resolve() == target:
            raise InputError(f"the output {output} is an input; choose another -o path")


def read_items(path: Path) -> List[Item]:
    """Records (with ``entities``) and plain texts of one input file, in order."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: invalid UTF-8 at byte {err.start}") from None
    if path.suffix.lower() not in {".jsonl", ".ndjson"}:
        return [("text", (path.stem, content))]
    items: List[Item] = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{number}: invalid JSON: {err.msg}") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f"{path}:{number}: no string 'text' field")
        if "entities" in obj:
            problem = record_problem(obj)
            if problem:
                raise InputError(f"{path}:{number}: {problem}")
            items.append(("record", obj))
        else:
            doc_id = obj.get("id")
            items.append(("text", (str(doc_id) if doc_id is not None else f"{path.stem}:{number}", obj["text"])))
    if not items:
        raise InputError(f"{path}: no documents")
    return items


def to_records(items: List[Item], args: argparse.Namespace) -> List[Record]:
    """Records for every item; the pipeline is loaded only when some item is plain text."""
    texts = [payload for kind, payload in items if kind == "text"]
    processed: List[Record] = []
    if texts:
        nlp = pipeline_from_args(args)
        docs = nlp.pipe(text for _, text in texts)
        processed = [to_record(doc, id=doc_id) for (doc_id, _), doc in zip(texts, docs)]
    out, pending = [], iter(processed)
    for kind, payload in items:
        out.append(next(pending) if kind == "text" else payload)
    return out
