"""The untidiness of real MT pages, applied after a document is written, offsets kept exact.

Spaces between words are doubled, dropped (where a Thai letter is next to them, as
MT glues words), turned into a stray comma or a zero-width space; a stray space
now and then splits a title or a Thai name inside its span (``หัวหน้าคณะผู้ แทนรัฐสภา``,
``มิน ห์``), which gold keeps inside the span. Sentence boundaries are only ever
widened, never glued. Every edit is recorded and entity and sentence offsets are
remapped through them.
"""
from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass
from typing import Dict, List, Tuple

from .builder import Entity
from .resources import pick

_THAI = re.compile("[\u0e00-\u0e7f]")
_SPLIT_BEFORE = frozenset(chr(c) for c in range(0x0E01, 0x0E2F)) | frozenset("เแโใไ")
_NO_SPLIT_AFTER = frozenset("เแโใไ")


@dataclass(frozen=True)
class NoiseProfile:
    """Per-space and per-span rates of one document."""

    double: float = 0.0
    drop: float = 0.0
    comma: float = 0.0
    zero_width: float = 0.0
    split_title: float = 0.0
    split_name: float = 0.0

    @property
    def clean(self) -> bool:
        return not any((self.double, self.drop, self.comma, self.zero_width, self.split_title, self.split_name))


CLEAN = NoiseProfile()
LIGHT = NoiseProfile(double=0.01, drop=0.012, comma=0.003, zero_width=0.0, split_title=0.02, split_name=0.01)
HEAVY = NoiseProfile(double=0.04, drop=0.04, comma=0.01, zero_width=0.003, split_title=0.06, split_name=0.03)


def random_profile(rng: random.Random) -> NoiseProfile:
    return pick(rng, ((CLEAN, 55), (LIGHT, 33), (HEAVY, 12)))


Edit = Tuple[int, int, str]


def apply_noise(
    text: str, entities: List[Entity], sentences: List[List[int]], rng: random.Random, profile: NoiseProfile
) -> Tuple[str, List[Entity], List[List[int]]]:
    """The noisy text with entities and sentences moved to match."""
    if profile.clean:
        return text, entities, sentences
    edits = _space_edits(text, entities, sentences, rng, profile) + _span_edits(text, entities, rng, profile)
    if not edits:
        return text, entities, sentences
    edits.sort()
    new_text = _apply(text, edits)
    remap = _remapper(edits)
    moved = []
    for ent in entities:
        start, end = remap(ent["start"]), remap(ent["end"])
        moved.append({**ent, "start": start, "end": end, "text": new_text[start:end]})
    return new_text, moved, [[remap(s), remap(e)] for s, e in sentences]


def _space_edits(text: str, entities: List[Entity], sentences: List[List[int]], rng: random.Random,
                 profile: NoiseProfile) -> List[Edit]:
    inside = bytearray(len(text))
    for ent in entities:
        inside[ent["start"]:ent["end"]] = b"\x01" * (ent["end"] - ent["start"])
    between = {e for _, e in sentences}
    edits: List[Edit] = []
    for m in re.finditer(" (?! )", text):
        p = m.start()
        if inside[p] or (p > 0 and text[p - 1] == " "):
            continue
        r = rng.random()
        if r < profile.double:
            edits.append((p, 1, "  "))
            continue
        if p in between:
            continue
        r -= profile.double
        left, right = text[p - 1:p], text[p + 1:p + 2]
        if r < profile.drop:
            if (_THAI.match(left) or _THAI.match(right)) and not (left.isdigit() or right.isdigit()):
                edits.append((p, 1, ""))
            continue
        r -= profile.drop
        if r < profile.comma:
            if left not in ",;:(" and right not in ",;:)":
                edits.append((p, 1, ", "))
            continue
        r -= profile.comma
        if r < profile.zero_width and _THAI.match(left) and _THAI.match(right):
            edits.append((p, 1, "\u200b"))
    return edits


def _span_edits(text: str, entities: List[Entity], rng: random.Random, profile: NoiseProfile) -> List[Edit]:
    rates: Dict[str, float] = {
        "ORGANIZATION": profile.split_title,
        "POSITION": profile.split_title,
        "PERSON": profile.split_name,
        "LOCATION": profile.split_name,
    }
    edits: List[Edit] = []
    for ent in entities:
        rate = rates.get(ent["label"], 0.0)
        if not rate or rng.random() >= rate:
            continue
        start, end = ent["start"], ent["end"]
        cuts = [q for q in range(start + 2, end - 1) if _can_split(text, q)]
        if cuts:
            edits.append((cuts[int(rng.random() * len(cuts))], 0, " "))
    return edits


def _can_split(text: str, q: int) -> bool:
    """A space may go before ``text[q]``: a consonant or leading vowel not after a leading vowel."""
    return text[q] in _SPLIT_BEFORE and text[q - 1] not in _NO_SPLIT_AFTER and text[q - 1] != " " and text[q] != " "


def _apply(text: str, edits: List[Edit]) -> str:
    pieces, last = [], 0
    for pos, old_len, new in edits:
        pieces.append(text[last:pos])
        pieces.append(new)
        last = pos + old_len
    pieces.append(text[last:])
    return "".join(pieces)


def _remapper(edits: List[Edit]):
    """Offset map: an offset moves by the size change of every edit that starts before it."""
    positions = [pos for pos, _, _ in edits]
    cumulative, total = [], 0
    for _, old_len, new in edits:
        total += len(new) - old_len
        cumulative.append(total)

    def remap(offset: int) -> int:
        i = bisect.bisect_left(positions, offset)
        return offset + (cumulative[i - 1] if i else 0)

    return remap
