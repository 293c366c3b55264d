"""Records to and from JSONL files and Hugging Face ``datasets``.

In a ``Dataset`` each row has ``id``, ``text``, ``sentences`` (``[[start, end], ...]``),
``entities`` (a list of structs ``start, end, label, text, attrs``) and ``meta``;
``attrs`` and ``meta`` are JSON strings because their keys differ by label, so
``record_from_row`` gives back exactly the record that went in.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, TextIO, Union

from thai_polnews.records import dumps

if TYPE_CHECKING:
    import datasets

Record = Dict[str, Any]
PathLike = Union[str, Path]


def features() -> "datasets.Features":
    """The column types of a synthetic-corpus Dataset."""
    import datasets

    return datasets.Features(
        {
            "id": datasets.Value("string"),
            "text": datasets.Value("string"),
            "sentences": [[datasets.Value("int32")]],
            "entities": [
                {
                    "start": datasets.Value("int32"),
                    "end": datasets.Value("int32"),
                    "label": datasets.Value("string"),
                    "text": datasets.Value("string"),
                    "attrs": datasets.Value("string"),
                }
            ],
            "meta": datasets.Value("string"),
        }
    )


def record_to_row(record: Record) -> Dict[str, Any]:
    """A dataset row for ``record`` (attrs and meta as JSON)."""
    return {
        "id": str(record["id"]),
        "text": record["text"],
        "sentences": [list(s) for s in record.get("sentences", [])],
        "entities": [
            {
                "start": e["start"],
                "end": e["end"],
                "label": e["label"],
                "text": e.get("text", record["text"][e["start"]:e["end"]]),
                "attrs": json.dumps(e.get("attrs", {}), ensure_ascii=False, sort_keys=True),
            }
            for e in record.get("entities", [])
        ],
        "meta": json.dumps(record.get("meta", {}), ensure_ascii=False, sort_keys=True),
    }


def record_from_row(row: Dict[str, Any]) -> Record:
    """The record a dataset row was made from."""
    return {
        "id": row["id"],
        "text": row["text"],
        "sentences": [list(s) for s in row["sentences"]],
        "entities": [
            {"start": e["start"], "end": e["end"], "label": e["label"], "text": e["text"],
             "attrs": json.loads(e["attrs"])}
            for e in row["entities"]
        ],
        "meta": json.loads(row["meta"]),
    }


def _rows_from_jsonl(path: str) -> Iterator[Dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{number}: invalid JSON: {err.msg}") from err
                yield record_to_row(record)


def to_dataset(records_or_path: Union[PathLike, Iterable[Record]]) -> "datasets.Dataset":
    """A ``datasets.Dataset`` from a JSONL path (streamed into Arrow) or from records in memory."""
    import datasets

    if isinstance(records_or_path, (str, Path)):
        path = Path(records_or_path)
        if not path.is_file():
            raise FileNotFoundError(f"No JSONL file at {path}; write one with `thai-polnews synth -o {path}`.")
        return datasets.Dataset.from_generator(
            _rows_from_jsonl, gen_kwargs={"path": str(path)}, features=features()
        )
    if isinstance(records_or_path, dict):
        raise TypeError("to_dataset expects a path or an iterable of records, not one record")
    rows = [record_to_row(r) for r in records_or_path]
    return datasets.Dataset.from_list(rows, features=features())


def write_jsonl(records: Iterable[Record], path: Union[PathLike, TextIO]) -> int:
    """Write records one JSON object per line to ``path`` (``-`` or a stream: that stream).

    Returns how many records were written; records are consumed as they come,
    so a generator of any length streams through.
    """
    if hasattr(path, "write"):
        return _write(records, path)  # type: ignore[arg-type]
    if str(path) == "-":
        return _write(records, sys.stdout)
    with Path(path).open("w", encoding="utf-8") as handle:
        return _write(records, handle)


def _write(records: Iterable[Record], handle: TextIO) -> int:
    count = 0
    for record in records:
        handle.write(dumps(record) + "\n")
        count += 1
    return count
