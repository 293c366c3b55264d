"""Precision, recall and F1 from counts: the one formula every scorer of the package uses."""
from __future__ import annotations

from typing import Dict


def prf(correct: int, predicted: int, gold: int) -> Dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined), with the counts."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "correct": correct, "predicted": predicted, "gold": gold}
