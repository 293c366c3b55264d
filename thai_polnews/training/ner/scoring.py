"""Strict span scores (exact start, end and label) per label, for model selection.

The project's ``thai_polnews.evaluation`` is the reporting tool; this is the small
in-loop scorer training uses to pick checkpoints on the dev set.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, Sequence, Set, Tuple

SpanKey = Tuple[int, int, int, str]  # (document, start, end, label)


def span_keys(doc_spans: Iterable[Iterable[Tuple[int, int, str]]], labels: Sequence[str]) -> Set[SpanKey]:
    """A set of keyed spans of ``labels`` over a list of documents."""
    return {(d, s, e, lab) for d, spans in enumerate(doc_spans) for s, e, lab in spans if lab in labels}


def strict_scores(gold: Set[SpanKey], pred: Set[SpanKey], labels: Sequence[str]) -> Dict[str, Dict[str, float]]:
    """Precision, recall, F1 and support per label, plus ``micro`` over ``labels``."""
    tp = Counter(k[3] for k in gold & pred)
    n_gold = Counter(k[3] for k in gold)
    n_pred = Counter(k[3] for k in pred)
    out = {lab: _prf(tp[lab], n_pred[lab], n_gold[lab]) for lab in labels}
    out["micro"] = _prf(sum(tp[l] for l in labels), sum(n_pred[l] for l in labels), sum(n_gold[l] for l in labels))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> Dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": float(n_gold)}


def format_scores(scores: Dict[str, Dict[str, float]]) -> str:
    """A small fixed-width table of the scores."""
    lines = [f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"]
    for lab, s in scores.items():
        lines.append(f"{lab:<14}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{int(s['support']):6d}")
    return "\n".join(lines)
