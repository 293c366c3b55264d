"""BIO-consistent decoding: the best tag sequence in which every ``I-X`` follows ``B-X`` or ``I-X``.

Per-token argmax can give ``B-LOCATION I-PERSON`` inside one Latin name, which
then decodes to two fragments with two labels. Viterbi over the token
log-probabilities with the BIO constraint picks one coherent reading instead; it
adds no parameters, so any token-classification checkpoint gets it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Sequence

import numpy as np

from .labels import split_tag


def allowed_transitions(id2tag: Dict[int, str]) -> np.ndarray:
    """``[from, to]`` booleans: ``I-X`` may only follow ``B-X`` or ``I-X``."""
    tags = [split_tag(id2tag[i]) for i in range(len(id2tag))]
    return np.array([[to[0] != "I" or (fro[0] != "O" and fro[1] == to[1]) for to in tags] for fro in tags], dtype=bool)


def allowed_starts(id2tag: Dict[int, str]) -> np.ndarray:
    """Tags a text may begin with: anything but ``I-X``."""
    return np.array([split_tag(id2tag[i])[0] != "I" for i in range(len(id2tag))], dtype=bool)


def viterbi(log_probs: np.ndarray, transitions: np.ndarray, starts: np.ndarray) -> List[int]:
    """The highest-scoring tag ids for ``log_probs`` ``[tokens, tags]`` under the allowed moves."""
    if len(log_probs) == 0:
        return []
    blocked = np.float32(-1e9)
    penalty = np.where(transitions, np.float32(0.0), blocked)
    score = log_probs[0] + np.where(starts, np.float32(0.0), blocked)
    back: List[np.ndarray] = []
    for t in range(1, len(log_probs)):
        total = score[:, None] + penalty
        best_from = total.argmax(axis=0)
        back.append(best_from)
        score = total[best_from, np.arange(total.shape[1])] + log_probs[t]
    path = [int(score.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


@dataclass(frozen=True)
class BIOConstraints:
    """The allowed moves of one tag set, built once per model."""

    transitions: np.ndarray
    starts: np.ndarray
    anything: np.ndarray

    @classmethod
    def of(cls, id2tag: Dict[int, str]) -> "BIOConstraints":
        return cls(allowed_transitions(id2tag), allowed_starts(id2tag), np.ones(len(id2tag), dtype=bool))


def viterbi_batch(log_probs: np.ndarray, lengths: Sequence[int], transitions: np.ndarray, starts: np.ndarray) -> List[List[int]]:
    """:func:`viterbi` for every row of ``log_probs`` ``[rows, steps, tags]`` at once.

    Row ``r`` uses its first ``lengths[r]`` steps and the start mask ``starts[r]``;
    past its end its score is frozen and its back-pointers point to themselves, so
    each path equals the one :func:`viterbi` finds for that row alone.
    """
    rows, steps, tags = log_probs.shape
    if rows == 0:
        return []
    blocked = np.float32(-1e9)
    lengths_ = np.asarray(lengths)
    penalty = np.where(transitions, np.float32(0.0), blocked)[None]
    score = log_probs[:, 0] + np.where(starts, np.float32(0.0), blocked)
    same = np.broadcast_to(np.arange(tags), (rows, tags))
    back = np.empty((steps, rows, tags), dtype=np.int64)
    for t in range(1, steps):
        total = score[:, :, None] + penalty
        best_from = total.argmax(axis=1)
        moved = np.take_along_axis(total, best_from[:, None, :], axis=1)[:, 0] + log_probs[:, t]
        active = (t < lengths_)[:, None]
        score = np.where(active, moved, score)
        back[t] = np.where(active, best_from, same)
    path = np.empty((rows, steps), dtype=np.int64)
    path[:, steps - 1] = score.argmax(axis=1)
    index = np.arange(rows)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[t][index, path[:, t]]
    return [path[r, : lengths_[r]].tolist() for r in range(rows)]


def decode_batch(log_probs: Sequence[np.ndarray], constraints: BIOConstraints, continues: Sequence[bool]) -> List[List[int]]:
    """Viterbi for each row; a row that ``continues`` a text cut by a window may begin inside a span."""
    c = constraints
    if not log_probs:
        return []
    lengths = [len(lp) for lp in log_probs]
    width, tags = max(lengths), len(c.starts)
    if width == 0:
        return [[] for _ in log_probs]
    padded = np.zeros((len(log_probs), width, tags), dtype=np.float32)
    for r, lp in enumerate(log_probs):
        padded[r, : len(lp)] = lp
    starts = np.stack([c.anything if cont else c.starts for cont in continues])
    paths = viterbi_batch(padded, lengths, c.transitions, starts)
    return [path if n else [] for path, n in zip(paths, lengths)]
