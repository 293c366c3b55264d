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


def decode_batch(log_probs: Sequence[np.ndarray], constraints: BIOConstraints, continues: Sequence[bool]) -> List[List[int]]:
    """Viterbi for each row; a row that ``continues`` a text cut by a window may begin inside a span."""
    c = constraints
    return [viterbi(lp, c.transitions, c.anything if cont else c.starts) for lp, cont in zip(log_probs, continues)]
