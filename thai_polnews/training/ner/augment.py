"""Label-preserving noise on annotated records, so the model does not learn template spacing.

Real machine-translated articles glue honorifics to names (``สหายลัมดอง``), drop or
keep Vietnamese diacritics in Latin names, and put stray spaces inside titles
(``หัวหน้าคณะผู้ แทนรัฐสภา``). Each edit keeps the entity offsets exact.
"""
from __future__ import annotations

import random
import unicodedata
from typing import Any, Dict, List, Mapping, Sequence

from .config import DataSettings

_DIACRITIC_FREE = {"đ": "d", "Đ": "D"}


def plain_latin(ch: str) -> str:
    """``ch`` without Vietnamese diacritics when it is a Latin letter, one character for one."""
    if ch in _DIACRITIC_FREE:
        return _DIACRITIC_FREE[ch]
    if ch.isascii() or not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
        return ch
    return unicodedata.normalize("NFD", ch)[0]


def augment_record(record: Mapping[str, Any], rng: random.Random, settings: DataSettings) -> Dict[str, Any]:
    """A noisy copy of ``record`` (``text`` and ``entities``); the input is not changed."""
    chars: List[str] = list(record["text"])
    owner = [-1] * len(chars)
    ents = sorted(record.get("entities", []), key=lambda e: e["start"])
    for i, e in enumerate(ents):
        for p in range(e["start"], e["end"]):
            owner[p] = i
    if rng.random() < settings.strip_diacritics_prob:
        chars = [plain_latin(c) for c in chars]
    keep = [True] * len(chars)
    extra = [""] * len(chars)
    for i, e in enumerate(ents):
        before = e["start"] - 1
        if before >= 1 and chars[before] == " " and owner[before - 1] < 0 and not chars[before - 1].isspace():
            if rng.random() < settings.glue_prob:
                keep[before] = False
        inner = [p for p in range(e["start"] + 1, e["end"]) if chars[p] != " " and chars[p - 1] != " "]
        if inner and rng.random() < settings.space_in_entity_prob:
            extra[rng.choice(inner)] = " "
    return _rebuild(chars, owner, keep, extra, ents, record.get("sentences") or [])


def _rebuild(chars: List[str], owner: List[int], keep: List[bool], extra: List[str], ents: List[Mapping[str, Any]],
             sentences: Sequence[Sequence[int]] = ()) -> Dict[str, Any]:
    """Text, entity and sentence offsets after dropping characters and inserting spaces before others."""
    new_pos = [-1] * len(chars)
    out: List[str] = []
    starts: Dict[int, int] = {}
    ends: Dict[int, int] = {}
    for p, ch in enumerate(chars):
        if extra[p]:
            out.append(extra[p])
        if not keep[p]:
            continue
        new_pos[p] = len(out)
        if owner[p] >= 0:
            starts.setdefault(owner[p], len(out))
            ends[owner[p]] = len(out) + 1
        out.append(ch)
    entities = [
        {"start": starts[i], "end": ends[i], "label": e["label"]} for i, e in enumerate(ents) if i in starts
    ]
    moved = []
    for start, end in sentences:
        kept = [new_pos[p] for p in range(start, end) if new_pos[p] >= 0]
        if kept:
            moved.append([kept[0], kept[-1] + 1])
    return {"text": "".join(out), "entities": entities, "sentences": moved}
