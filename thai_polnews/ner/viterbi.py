"""BIO-consistent decoding: the best tag sequence in which every ``I-X`` follows ``B-X`` or ``I-X``.

Per-token argmax can give ``B-LOCATION I-PERSON`` inside one Latin name, which
then decodes to two fragments with two labels. Viterbi over the token
log-probabilities with the BIO constraint picks one coherent reading instead; it
adds no parameters, so any token-classification checkpoint gets it.
"""
from __future__ import annotations

from typing import Dict, List, Sequence

import numpy as np

from .labels import split_tag


def allowed_transitions(id2tag: Dict[int, str]) -> np.ndarray:
    """``[from, to]`` booleans: ``I-X`` may only follow ``B-X`` or ``I-X``."""
    n = len(id2tag)
    ok = np.ones((n, n), dtype=bool)
    for b in range(n):
        prefix, label = split_tag(id2tag[b])
        if prefix != "I":
            continue
        for a in range(n):
            ok[a, b] = split_tag(id2tag[a])[1] == label and split_tag(id2tag[a])[0] in ("B", "I")
    return ok


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


def decode_batch(log_probs: Sequence[np.ndarray], id2tag: Dict[int, str], continues: Sequence[bool]) -> List[List[int]]:
    """Viterbi for each row; a row that ``continues`` a text cut by a window may begin inside a span."""
    transitions = allowed_transitions(id2tag)
    strict_start = allowed_starts(id2tag)
    anything = np.ones(len(id2tag), dtype=bool)
    return [viterbi(lp, transitions, anything if cont else strict_start) for lp, cont in zip(log_probs, continues)]
