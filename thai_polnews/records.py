"""The JSONL record of ANNOTATION.md: build it from a Doc, validate it, read and write it."""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from spacy.tokens import Doc

from .extensions import get_attrs, get_clusters, get_relations
from .spans import doc_text, sentence_char_spans

LABELS = ("PERSON", "LOCATION", "ORGANIZATION", "POSITION", "DOC_CODE", "DATE")

Record = Dict[str, Any]


def to_record(doc: Doc, id: Optional[str] = None, *, meta: Optional[Dict[str, Any]] = None) -> Record:
    """Turn a processed Doc into the JSONL record of ANNOTATION.md.

    Sentences are trimmed of surrounding whitespace and empty ones dropped;
    entity offsets are character offsets into ``doc.text``.
    """
    text = doc_text(doc)
    record: Record = {"id": id, "text": text, "sentences": sentence_offsets(doc)}
    record["entities"] = [
        {
            "start": ent.start_char,
            "end": ent.end_char,
            "label": ent.label_,
            "text": text[ent.start_char : ent.end_char],
            "attrs": get_attrs(ent),
        }
        for ent in doc.ents
    ]
    clusters = get_clusters(doc)
    if clusters:
        record["clusters"] = clusters
    if doc.has_extension("relations") and doc._.relations is not None:
        record["relations"] = get_relations(doc)
    if meta:
        record["meta"] = meta
    return record


def sentence_offsets(doc: Doc) -> List[List[int]]:
    """``[start, end]`` of each sentence with leading and trailing whitespace excluded."""
    text = doc_text(doc)
    if not doc.has_annotation("SENT_START"):
        spans = [(0, len(text))] if text.strip() else []
    else:
        spans = sentence_char_spans(doc)
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append([start + lead, start + lead + len(stripped)])
    return out


def validate_record(record: Record) -> List[str]:
    """Problems that make ``record`` break the ANNOTATION.md contract (empty when valid)."""
    problems: List[str] = []
    text = record.get("text")
    if not isinstance(text, str):
        return ["missing or non-string 'text'"]
    previous_end = -1
    for i, ent in enumerate(record.get("entities", [])):
        start, end, label = ent.get("start"), ent.get("end"), ent.get("label")
        where = f"entity {i} {label} [{start}, {end})"
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: offsets outside text or empty")
            continue
        if label not in LABELS:
            problems.append(f"{where}: unknown label (known: {', '.join(LABELS)})")
        if "text" in ent and ent["text"] != text[start:end]:
            problems.append(f"{where}: text {ent['text']!r} != {text[start:end]!r}")
        if text[start:end] != text[start:end].strip():
            problems.append(f"{where}: span has leading or trailing whitespace")
        if start < previous_end:
            problems.append(f"{where}: overlaps or is out of order with the previous entity")
        previous_end = max(previous_end, end)
    previous_end = 0
    for i, sent in enumerate(record.get("sentences", [])):
        if not (isinstance(sent, (list, tuple)) and len(sent) == 2):
            problems.append(f"sentence {i}: not a [start, end] pair")
            continue
        start, end = sent
        if not (0 <= start < end <= len(text)):
            problems.append(f"sentence {i} [{start}, {end}): offsets outside text or empty")
            continue
        if start < previous_end:
            problems.append(f"sentence {i} [{start}, {end}): overlaps or is out of order")
        if text[start:end] != text[start:end].strip():
            problems.append(f"sentence {i} [{start}, {end}): not stripped of whitespace")
        if "\n" in text[start:end]:
            problems.append(f"sentence {i} [{start}, {end}): crosses a newline")
        previous_end = end
    if "relations" in record:
        from .relations.base import validate_relations

        labels = [e.get("label") for e in record.get("entities", [])]
        problems.extend(validate_relations(record["relations"], labels))
    return problems


@dataclass
class ReadProblem:
    """A line or file that could not be read; reported, never silently dropped."""

    path: str
    line: Optional[int]
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass
class InputItem:
    """One document to process, or the problem that kept it from being read."""

    id: Optional[str]
    text: Optional[str]
    meta: Optional[Dict[str, Any]] = None
    problem: Optional[ReadProblem] = None


STDIN = "-"
"""The input name that reads JSON Lines from standard input."""

INPUT_SUFFIXES = (".txt", ".jsonl", ".ndjson")
"""Files of these kinds are read from a folder given as input."""

JSONL_SUFFIXES = (".jsonl", ".ndjson")

BOM = "\ufeff"


def expand_inputs(paths: Iterable[Union[str, Path]]) -> List[Union[str, Path]]:
    """The files ``paths`` name, in order: a folder gives its ``.txt``/``.jsonl``/``.ndjson``
    files (recursively, sorted by path), ``-`` stays standard input.

    Raises ``FileNotFoundError`` naming the first path that does not exist, before
    anything is read, so that a typo costs no model load.
    """
    out: List[Union[str, Path]] = []
    for raw in paths:
        if str(raw) == STDIN:
            out.append(STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
        elif path.exists():
            out.append(path)
        else:
            raise FileNotFoundError(f"input {str(path)!r} does not exist")
    return out


def iter_inputs(paths: Iterable[Union[str, Path]]) -> Iterator[InputItem]:
    """Stream documents from ``.txt`` files (one document each), ``.jsonl`` files and ``-``
    (JSON Lines on standard input); folders are read as :func:`expand_inputs` says.

    Broken UTF-8, invalid JSON, JSONL lines without a string ``text`` and lone
    surrogates yield an item with ``problem`` set, so that the caller can report and
    count them while the rest of the batch goes on. A UTF-8 byte-order mark at the
    start of a file is dropped.
    """
    for path in expand_inputs(paths):
        if path == STDIN:
            yield from _iter_jsonl_lines(sys.stdin.buffer, "<stdin>")
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from _iter_jsonl(path)
        else:
            yield _read_txt(path)


def _read_txt(path: Path) -> InputItem:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as err:
        return InputItem(path.stem, None, problem=ReadProblem(str(path), None, f"cannot read: {err.strerror}"))
    except UnicodeDecodeError as err:
        return InputItem(path.stem, None, problem=ReadProblem(str(path), None, f"invalid UTF-8 at byte {err.start}"))
    return InputItem(path.stem, text[1:] if text.startswith(BOM) else text, meta={"source": str(path)})


def _iter_jsonl(path: Path) -> Iterator[InputItem]:
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputItem(None, None, problem=ReadProblem(str(path), None, f"cannot read: {err.strerror}"))
        return
    with handle:
        yield from _iter_jsonl_lines(handle, str(path), stem=path.stem)


def _iter_jsonl_lines(handle: Iterable[bytes], name: str, *, stem: str = "stdin") -> Iterator[InputItem]:
    """One item per non-blank line of a JSON Lines byte stream named ``name`` in reports."""
    for number, raw in enumerate(handle, start=1):
        if number == 1 and raw.startswith(BOM.encode("utf-8")):
            raw = raw[3:]
        if not raw.strip():
            continue
        default_id = f"{stem}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield InputItem(default_id, None, problem=ReadProblem(name, number, f"invalid UTF-8 at byte {err.start}"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputItem(default_id, None, problem=ReadProblem(name, number, f"invalid JSON: {err.msg}"))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputItem(default_id, None, problem=ReadProblem(name, number, "no string 'text' field"))
            continue
        surrogate = _lone_surrogate(obj)
        if surrogate is not None:
            yield InputItem(default_id, None, problem=ReadProblem(name, number, surrogate))
            continue
        doc_id = obj.get("id")
        yield InputItem(str(doc_id) if doc_id is not None else default_id, obj["text"], meta=obj.get("meta"))


def _lone_surrogate(obj: Dict[str, Any]) -> Optional[str]:
    """Why ``obj`` cannot be written back as UTF-8 (a lone surrogate from a ``\\ud800`` escape), or None."""
    try:
        obj["text"].encode("utf-8")
    except UnicodeEncodeError as err:
        return f"lone surrogate U+{ord(obj['text'][err.start]):04X} at character {err.start} of 'text'"
    rest = {k: v for k, v in obj.items() if k != "text"}
    try:
        json.dumps(rest, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return "lone surrogate in 'id' or 'meta'"
    return None


def read_jsonl(path: Union[str, Path]) -> List[Record]:
    """All records of a JSONL file; raises ``ValueError`` naming the first bad line."""
    records = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: invalid JSON: {err.msg}") from err
    return records


def write_jsonl(records: Iterable[Record], path: Union[str, Path]) -> int:
    """Write records one per line (UTF-8, not ASCII-escaped); returns the count."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(dumps(record) + "\n")
            count += 1
    return count


def dumps(record: Record) -> str:
    """One JSONL line for ``record``."""
    return json.dumps(record, ensure_ascii=False)
