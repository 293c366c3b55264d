"""The weights of a CRFsuite model file, read exactly, so that CRFCut can be scored without the tagger.

CRFsuite's first-order model (``FOMC``) keeps its features as a ``FEAT`` chunk
of ``(type, source, target, float64 weight)`` records (type 0: attribute →
label, type 1: label → label) and its label and attribute strings in two CQDB
string tables. This module reads those three parts with ``struct`` and nothing
else; :func:`thai_polnews.sentences.crfcut.ends_sentence` sums the state weights
of a token's features and compares the label paths itself, and asks the
tagger only when two paths score within rounding of each other.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple, Union

HEADER = struct.Struct("<4sI4sIIIIIIIII")  # magic, size, type, version, features, labels, attrs, offsets (5)
FEATURE = struct.Struct("<IIId")


@dataclass(frozen=True)
class CRFWeights:
    """Labels, label → label transition weights and, per label, attribute → state weight."""

    labels: Tuple[str, ...]
    transitions: Tuple[Tuple[float, ...], ...]
    state: Tuple[Dict[str, float], ...]


def read_crfsuite_model(path: Union[str, Path]) -> CRFWeights:
    """The weights of the CRFsuite ``FOMC`` model at ``path``."""
    data = Path(path).read_bytes()
    magic, _, kind, _, _, n_labels, n_attrs, off_features, off_labels, off_attrs, _, _ = HEADER.unpack_from(data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path} is not a CRFsuite first-order model (magic {magic!r}, type {kind!r})")
    labels = _strings(data, off_labels, n_labels)
    attrs = _strings(data, off_attrs, n_attrs)
    chunk, _, count = struct.unpack_from("<4sII", data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no FEAT chunk at {off_features:#x}")
    transitions = [[0.0] * n_labels for _ in range(n_labels)]
    state: Tuple[Dict[str, float], ...] = tuple({} for _ in range(n_labels))
    for kind_, source, target, weight in FEATURE.iter_unpack(data[off_features + 12 : off_features + 12 + count * FEATURE.size]):
        if kind_ == 0:
            state[target][attrs[source]] = state[target].get(attrs[source], 0.0) + weight
        elif kind_ == 1:
            transitions[source][target] += weight
    return CRFWeights(tuple(labels), tuple(map(tuple, transitions)), state)


def _strings(data: bytes, offset: int, count: int) -> List[str]:
    """The ``count`` strings of the CQDB table at ``offset``, by id (its backward array)."""
    chunk, _, _, _, bwd_size, bwd_offset = struct.unpack_from("<4sIIIII", data, offset)
    if chunk != b"CQDB":
        raise ValueError(f"no CQDB string table at {offset:#x}")
    refs = struct.unpack_from(f"<{bwd_size}I", data, offset + bwd_offset)
    out = []
    for i in range(count):
        record = offset + refs[i]
        _, size = struct.unpack_from("<II", data, record)
        out.append(data[record + 8 : record + 8 + size - 1].decode("utf-8"))
    return out
