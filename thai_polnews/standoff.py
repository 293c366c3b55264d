"""Stand-off gold: entity offsets into page excerpts that are kept outside the repository.

A stand-off file (JSON Lines) holds, per page, its URL, the sha256 and length of
an excerpt of the page, and the entities and sentences of ANNOTATION.md as
offsets into that excerpt; the excerpt text itself lives in a separate folder
(``<id>.txt``, UTF-8, NFC). :func:`attach_excerpts` joins the two, checks every
hash, and yields ordinary gold records (``thai_polnews.records``) in memory.
Pages whose excerpt is missing or differs are reported, never scored.

The annotator's own inline markup is turned into offsets by :func:`parse_markup`:
``⟦LABEL|surface⟧`` marks an entity (LABEL is a label name or one of the codes
in :data:`MARKUP_CODES`) and ``¦`` marks a sentence boundary inside a line
(a newline always ends a sentence).
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Tuple, Union

from .records import LABELS, Record, validate_record

Entry = Dict[str, Any]

SOURCE_KINDS = ("mt-party-media", "vov", "thai-outlet")
MARKUP_CODES = {
    "P": "PERSON", "L": "LOCATION", "O": "ORGANIZATION",
    "T": "POSITION", "C": "DOC_CODE", "D": "DATE",
}
OPEN, SEP, CLOSE, BREAK = "⟦", "|", "⟧", "¦"
_REQUIRED = {
    "id": str, "url": str, "source_kind": str, "excerpt_sha256": str,
    "excerpt_chars": int, "how_to_get": str, "entities": list, "sentences": list,
}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class Skipped:
    """A page that was not scored, and why (one line)."""

    id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.id}: {self.reason}"


def excerpt_sha256(text: str) -> str:
    """Hex sha256 of the excerpt's UTF-8 bytes (the text as stored, NFC)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_entry(entry: Any) -> List[str]:
    """Problems of one stand-off entry on its own, without its excerpt (empty when valid)."""
    if not isinstance(entry, dict):
        return ["not a JSON object"]
    problems = []
    for key, kind in _REQUIRED.items():
        value = entry.get(key)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append(f"missing or non-{kind.__name__} {key!r}")
    if problems:
        return problems
    if not _ID.match(entry["id"]):
        problems.append(f"id {entry['id']!r} is not a plain file name")
    if entry["source_kind"] not in SOURCE_KINDS:
        problems.append(f"source_kind {entry['source_kind']!r} not one of {', '.join(SOURCE_KINDS)}")
    if not _SHA.match(entry["excerpt_sha256"]):
        problems.append("excerpt_sha256 is not 64 lower-case hex digits")
    size = entry["excerpt_chars"]
    previous_end = -1
    for i, ent in enumerate(entry["entities"]):
        if not isinstance(ent, dict):
            problems.append(f"entity {i}: not an object")
            continue
        start, end, label, surface = ent.get("start"), ent.get("end"), ent.get("label"), ent.get("surface")
        where = f"entity {i} {label} [{start}, {end})"
        if not (_is_int(start) and _is_int(end) and 0 <= start < end <= size):
            problems.append(f"{where}: offsets outside the excerpt ({size} chars) or empty")
            continue
        if label not in LABELS:
            problems.append(f"{where}: unknown label (known: {', '.join(LABELS)})")
        if not isinstance(surface, str) or len(surface) != end - start:
            problems.append(f"{where}: surface missing or not {end - start} characters long")
        if start < previous_end:
            problems.append(f"{where}: overlaps or is out of order")
        previous_end = max(previous_end, end)
    previous_end = 0
    for i, sent in enumerate(entry["sentences"]):
        if not (isinstance(sent, list) and len(sent) == 2 and all(_is_int(x) for x in sent)):
            problems.append(f"sentence {i}: not a [start, end] pair")
            continue
        start, end = sent
        if not (previous_end <= start < end <= size):
            problems.append(f"sentence {i} [{start}, {end}): outside the excerpt, empty or out of order")
        previous_end = max(previous_end, end)
    return problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_standoff(path: Union[str, Path]) -> Tuple[List[Entry], List[Skipped]]:
    """Valid entries of a stand-off JSONL file, and one :class:`Skipped` per bad line or entry."""
    entries: List[Entry] = []
    problems: List[Skipped] = []
    seen = set()
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        return [], [Skipped(str(path), f"cannot read: {err}")]
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(Skipped(f"{path}:{number}", f"invalid JSON: {err.msg}"))
            continue
        found = validate_entry(entry)
        name = entry.get("id") if isinstance(entry, dict) and isinstance(entry.get("id"), str) else f"{path}:{number}"
        if not found and name in seen:
            found = ["duplicate id"]
        if found:
            problems.append(Skipped(name, "; ".join(found)))
            continue
        seen.add(name)
        entries.append(entry)
    return entries, problems


def to_record(entry: Entry, text: str) -> Record:
    """The ordinary gold record (ANNOTATION.md) of ``entry`` over its excerpt ``text``."""
    return {
        "id": entry["id"],
        "text": text,
        "sentences": [list(s) for s in entry["sentences"]],
        "entities": [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in entry["entities"]],
        "meta": {"url": entry["url"], "source_kind": entry["source_kind"]},
    }


def check_excerpt(entry: Entry, text: str) -> List[str]:
    """Why ``text`` is not the excerpt ``entry`` was annotated on, or breaks the contract (empty when fine)."""
    if excerpt_sha256(text) != entry["excerpt_sha256"]:
        return ["excerpt hash differs from excerpt_sha256 (a different or edited copy)"]
    if len(text) != entry["excerpt_chars"]:
        return [f"excerpt has {len(text)} characters, not {entry['excerpt_chars']}"]
    problems = [
        f"entity {i} {e['label']}: surface {e['surface']!r} != {text[e['start']:e['end']]!r}"
        for i, e in enumerate(entry["entities"])
        if text[e["start"]:e["end"]] != e["surface"]
    ]
    return problems + validate_record(to_record(entry, text))


def attach_excerpts(entries: Iterable[Entry], folder: Union[str, Path]) -> Tuple[List[Record], List[Skipped]]:
    """Gold records for the entries whose excerpt ``folder/<id>.txt`` exists and matches.

    Every other entry yields a :class:`Skipped` saying why: the file is missing or
    unreadable, its hash or length differs, or an offset no longer fits.
    """
    folder = Path(folder)
    records: List[Record] = []
    skipped: List[Skipped] = []
    for entry in entries:
        path = folder / f"{entry['id']}.txt"
        try:
            text = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            skipped.append(Skipped(entry["id"], f"excerpt missing ({path}); skipped"))
            continue
        except OSError as err:
            skipped.append(Skipped(entry["id"], f"cannot read {path}: {err.strerror}; skipped"))
            continue
        except UnicodeDecodeError as err:
            skipped.append(Skipped(entry["id"], f"{path}: invalid UTF-8 at byte {err.start}; skipped"))
            continue
        problems = check_excerpt(entry, text)
        if problems:
            skipped.append(Skipped(entry["id"], "; ".join(problems[:3]) + "; skipped"))
            continue
        records.append(to_record(entry, text))
    return records, skipped


def parse_markup(marked: str) -> Tuple[str, List[Dict[str, Any]], List[List[int]]]:
    """Plain text, entities and sentences from the annotator's inline markup.

    Raises ``ValueError`` naming the first malformed mark. Sentences are the
    non-blank stretches between newlines and ``¦`` marks, stripped of whitespace.
    """
    out: List[str] = []
    entities: List[Dict[str, Any]] = []
    breaks: List[int] = []
    pos = 0
    length = 0
    while pos < len(marked):
        ch = marked[pos]
        if ch == BREAK:
            breaks.append(length)
            pos += 1
        elif ch == OPEN:
            sep = marked.find(SEP, pos)
            close = marked.find(CLOSE, pos)
            nested = marked.find(OPEN, pos + 1)
            if sep < 0 or close < 0 or sep > close or 0 <= nested < close:
                raise ValueError(f"malformed mark at character {pos}: {marked[pos:pos + 40]!r}")
            code = marked[pos + 1:sep].strip()
            label = MARKUP_CODES.get(code, code)
            surface = marked[sep + 1:close]
            if label not in LABELS:
                raise ValueError(f"unknown label {code!r} at character {pos}")
            if not surface or surface != surface.strip() or BREAK in surface or "\n" in surface:
                raise ValueError(f"bad surface {surface!r} at character {pos}")
            entities.append({"start": length, "end": length + len(surface), "label": label, "surface": surface})
            out.append(surface)
            length += len(surface)
            pos = close + 1
        elif ch == CLOSE:
            raise ValueError(f"stray {CLOSE!r} at character {pos}")
        else:
            out.append(ch)
            length += 1
            pos += 1
    text = "".join(out)
    return text, entities, _sentences(text, breaks)


def _sentences(text: str, breaks: Sequence[int]) -> List[List[int]]:
    cuts = sorted(set(breaks) | {i for i, ch in enumerate(text) if ch == "\n"} | {i + 1 for i, ch in enumerate(text) if ch == "\n"})
    edges = [0] + cuts + [len(text)]
    sentences = []
    for start, end in zip(edges, edges[1:]):
        chunk = text[start:end]
        if "\n" in chunk or not chunk.strip():
            continue
        lead = len(chunk) - len(chunk.lstrip())
        sentences.append([start + lead, start + lead + len(chunk.strip())])
    return sentences


def build_entry(
    id: str, url: str, source_kind: str, how_to_get: str, marked: str
) -> Tuple[Entry, str]:
    """A stand-off entry and its excerpt text from inline markup; ``ValueError`` if it breaks the contract."""
    text, entities, sentences = parse_markup(marked)
    if unicodedata.normalize("NFC", text) != text:
        raise ValueError(f"{id}: excerpt is not NFC")
    entry = {
        "id": id, "url": url, "source_kind": source_kind,
        "excerpt_sha256": excerpt_sha256(text), "excerpt_chars": len(text),
        "how_to_get": how_to_get, "entities": entities, "sentences": sentences,
    }
    problems = validate_entry(entry) + check_excerpt(entry, text)
    if problems:
        raise ValueError(f"{id}: " + "; ".join(problems[:3]))
    return entry, text


def dumps(entry: Entry) -> str:
    """One JSONL line for ``entry`` (keys in the documented order, UTF-8)."""
    order = ["id", "url", "source_kind", "excerpt_sha256", "excerpt_chars", "how_to_get", "entities", "sentences"]
    return json.dumps({k: entry[k] for k in order}, ensure_ascii=False)


def read_markup_file(path: Union[str, Path]) -> Tuple[Dict[str, str], str]:
    """Header fields (``key: value`` lines) and the marked text after the ``---`` line of a markup file.

    The marked text is everything after the first line ``---``, less one final newline.
    """
    raw = Path(path).read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise ValueError(f"{path}: no '---' line between header and text")
    fields = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    if body.endswith("\n"):
        body = body[:-1]
    return fields, body
