"""The sentence-boundary model of this genre: which gaps of a line start a sentence.

The model is a CRFsuite file (``data/sentences/boundary.crfsuite``, trained by
``thai-polnews train-sentences``) over the gaps of a line, labelled ``B`` (a
sentence starts after the gap) or ``O``. Its weights are read once into memory
(``crf_weights``) and decoded here: each gap's label scores are sums of state
weights of :func:`~thai_polnews.sentences.features.gap_features`, and Viterbi
over the line with the label transitions gives the cuts. Gaps the guards forbid
are held at ``O`` during decoding, so no cut ever falls there and the model's
features are not even computed for them; gaps where a sentence always starts
(``guards.is_forced_start``) are held at ``B`` the same way. A model trained on gaps one at a time
(logistic regression) has no transition weights and decodes the same way.
"""
from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Union

from .crf_weights import CRFWeights, read_crfsuite_model
from .features import Chunk, gap_features

MODEL_FILE = "data/sentences/boundary.crfsuite"
SETTINGS_FILE = "data/sentences/boundary.json"
CUT, KEEP = "B", "O"
FORCED = math.inf  # the margin of a gap held at B (compared by identity in the Viterbi pass)


class BoundaryModel:
    """Gap labels of one line from a CRFsuite model's weights (see module docstring)."""

    def __init__(self, weights: CRFWeights, *, bias: float = 0.0) -> None:
        if set(weights.labels) != {CUT, KEEP}:
            raise ValueError(f"a sentence-boundary model has labels B and O, not {weights.labels}")
        cut, keep = weights.labels.index(CUT), weights.labels.index(KEEP)
        self.cut_weights = weights.state[cut]
        self.keep_weights = weights.state[keep]
        t = weights.transitions
        # transition[previous label][label], 0 = KEEP, 1 = CUT
        self.transition = ((t[keep][keep], t[keep][cut]), (t[cut][keep], t[cut][cut]))
        self.bias = bias

    @classmethod
    def load(cls, path: Optional[Union[str, Path]] = None, *, bias: Optional[float] = None) -> "BoundaryModel":
        """The model at ``path`` (default: the shipped one); ``bias`` (default: its settings file's)
        is added to every cut score."""
        if path is None:
            with resources.as_file(resources.files("thai_polnews").joinpath(MODEL_FILE)) as shipped:
                weights = read_crfsuite_model(shipped)
            settings = shipped_settings()
        else:
            weights = read_crfsuite_model(path)
            settings = {}
        if bias is None:
            bias = float(settings.get("decoding", {}).get("bias", 0.0))
        return cls(weights, bias=bias)

    def margin(self, features: Sequence[str]) -> float:
        """Cut score minus keep score of one gap, transitions aside."""
        cut, keep = self.cut_weights, self.keep_weights
        return sum(cut.get(f, 0.0) - keep.get(f, 0.0) for f in features) + self.bias

    def cuts(
        self, chunks: Sequence[Chunk], line_length: int, allowed: Callable[[int], bool],
        forced: Optional[Callable[[int], bool]] = None,
    ) -> List[int]:
        """Line offsets where sentences start: the start of ``chunks[k + 1]`` for each gap ``k`` labelled B.

        ``allowed(k)`` False holds gap ``k`` at O; ``forced(k)`` True (on an allowed gap) holds it at B.
        """
        n = len(chunks) - 1
        if n <= 0:
            return []
        margins: List[Optional[float]] = [
            (FORCED if forced is not None and forced(k) else self.margin(gap_features(chunks, k, line_length)))
            if allowed(k) else None
            for k in range(n)
        ]
        if not any(m is not None for m in margins):
            return []
        (kk, kc), (ck, cc) = self.transition
        # scores relative to KEEP's state score (a constant per gap cancels out of the argmax)
        keep, cut = 0.0, margins[0] if margins[0] is not None else -math.inf
        if margins[0] is FORCED:
            keep, cut = -math.inf, 0.0
        back: List[tuple] = []
        for m in margins[1:]:
            from_keep = (keep + kk, cut + ck)
            from_cut = (keep + kc, cut + cc)
            k_prev = 0 if from_keep[0] >= from_keep[1] else 1
            c_prev = 0 if from_cut[0] >= from_cut[1] else 1
            back.append((k_prev, c_prev))
            keep = from_keep[k_prev] if m is not FORCED else -math.inf
            cut = from_cut[c_prev] + (0.0 if m is FORCED else m) if m is not None else -math.inf
        label = 1 if cut > keep else 0
        labels = [label]
        for k_prev, c_prev in reversed(back):
            label = c_prev if label == 1 else k_prev
            labels.append(label)
        labels.reverse()
        return [chunks[k + 1][0] for k, label in enumerate(labels) if label == 1]


def shipped_settings() -> Dict[str, Any]:
    """The training settings and scores of the shipped model (``data/sentences/boundary.json``)."""
    path = resources.files("thai_polnews").joinpath(SETTINGS_FILE)
    if not path.is_file():
        return {}
    return json.loads(path.read_text("utf-8"))
