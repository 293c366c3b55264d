"""Sentence-boundary scores: precision, recall and F1 of sentence starts, overall and inside lines.

A boundary is the start offset of every sentence but the first of a document.
It lies *inside a line* when only spaces (no line break) separate it from the
text before it: the boundaries a model decides, as a line break always ends a
sentence. Records are ANNOTATION.md dicts with ``text`` and ``sentences``.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Sequence, Set, Tuple

from ..scores import prf
from .lines import LINE_BREAK

Record = Mapping[str, Any]


def boundaries(sentences: Sequence[Sequence[int]]) -> Set[int]:
    """The start offset of every sentence but the first."""
    return {int(s[0]) for s in list(sentences)[1:]}


def inside_line(text: str, offset: int) -> bool:
    """True when no line break lies in the whitespace right before ``offset``."""
    j = offset
    while j > 0 and text[j - 1].isspace():
        if LINE_BREAK.match(text[j - 1]):
            return False
        j -= 1
    return j > 0


def boundary_scores(gold: Sequence[Record], pred: Sequence[Record]) -> Dict[str, Dict[str, float]]:
    """``{"overall": prf, "inside_lines": prf}`` summed over paired documents."""
    counts = {"overall": [0, 0, 0], "inside_lines": [0, 0, 0]}
    for g, p in zip(gold, pred):
        text = g.get("text") or p.get("text") or ""
        gb, pb = boundaries(g.get("sentences", [])), boundaries(p.get("sentences", []))
        for key, keep in (("overall", lambda b: True), ("inside_lines", lambda b: inside_line(text, b))):
            gk, pk = {b for b in gb if keep(b)}, {b for b in pb if keep(b)}
            counts[key][0] += len(gk & pk)
            counts[key][1] += len(pk)
            counts[key][2] += len(gk)
    return {key: prf(*c) for key, c in counts.items()}


def boundary_errors(gold: Sequence[Record], pred: Sequence[Record], *, context: int = 30) -> List[Dict[str, Any]]:
    """Missed and spurious boundaries, each with ``id``, ``offset``, ``inside_line`` and
    ``context`` (the text around it, the boundary shown as ``‖``, line breaks as ``⏎``)."""
    errors: List[Dict[str, Any]] = []
    for g, p in zip(gold, pred):
        text = g.get("text") or p.get("text") or ""
        gb, pb = boundaries(g.get("sentences", [])), boundaries(p.get("sentences", []))
        for kind, offsets in (("missed", gb - pb), ("spurious", pb - gb)):
            for b in sorted(offsets):
                around = f"{text[max(0, b - context):b]}‖{text[b:b + context]}"
                errors.append({
                    "kind": kind, "id": g.get("id"), "offset": b, "inside_line": inside_line(text, b),
                    "context": LINE_BREAK.sub("⏎", around),
                })
    return errors


def format_boundary_errors(errors: Sequence[Dict[str, Any]]) -> str:
    """One line per boundary error, misses first."""
    rows = sorted(errors, key=lambda e: (e["kind"], str(e["id"]), e["offset"]))
    return "\n".join(
        f"{e['kind']:<8} {e['id']}@{e['offset']}{'' if e['inside_line'] else ' (line break)'}  {e['context']}"
        for e in rows
    )


def pair_records(gold: Sequence[Record], pred: Sequence[Record]) -> List[Tuple[Record, Record]]:
    """Pairs by ``id`` where every gold id has a prediction, else by position."""
    by_id = {p.get("id"): p for p in pred if p.get("id") is not None}
    if gold and all(g.get("id") in by_id for g in gold):
        return [(g, by_id[g["id"]]) for g in gold]
    return list(zip(gold, pred))
