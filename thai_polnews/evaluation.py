"""Scores of predicted records against gold records (ANNOTATION.md JSONL).

Entity figures come from nervaluate: ``strict`` (exact start, end and label) and
``partial`` (overlap counts half). Sentence figures compare boundary offsets;
attribute accuracy is measured on strictly matched entities.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, List, Optional, Sequence, Tuple

from nervaluate import Evaluator

from .records import LABELS, Record
from .scores import prf
from .sentences.scoring import boundaries, boundary_scores
from .relations.scoring import format_relation_report, relation_report

Report = Dict[str, Any]


def evaluate(
    gold: Sequence[Record], pred: Sequence[Record], *, labels: Sequence[str] = LABELS
) -> Report:
    """Compare ``pred`` with ``gold`` (matched by ``id``, else by position).

    Returns ``{"documents", "entities": {"per_label", "micro", "macro"},
    "sentences", "attributes"}``, and ``"relations"`` (given gold entities and end to
    end) where the gold records have relations; every score is a plain float.
    """
    pairs = _pair_documents(gold, pred)
    entities = _entity_scores(pairs, labels)
    report = {
        "documents": len(pairs),
        "entities": entities,
        "sentences": sentence_scores([g for g, _ in pairs], [p for _, p in pairs]),
        "sentence_boundaries": boundary_scores([g for g, _ in pairs], [p for _, p in pairs]),
        "attributes": attribute_accuracy(pairs),
    }
    if any("relations" in g for g, _ in pairs):
        report["relations"] = relation_report(pairs)
    return report


def _pair_documents(gold: Sequence[Record], pred: Sequence[Record]) -> List[Tuple[Record, Record]]:
    by_id = {p.get("id"): p for p in pred if p.get("id") is not None}
    if all(g.get("id") in by_id for g in gold):
        pairs = [(g, by_id[g["id"]]) for g in gold]
    elif len(gold) == len(pred):
        pairs = list(zip(gold, pred))
    else:
        missing = [g.get("id") for g in gold if g.get("id") not in by_id]
        raise ValueError(
            f"{len(missing)} gold document(s) have no prediction with the same id "
            f"(first: {missing[:3]}), and the files differ in length ({len(gold)} vs {len(pred)})."
        )
    for g, p in pairs:
        if g.get("text") is not None and p.get("text") is not None and g["text"] != p["text"]:
            raise ValueError(f"document {g.get('id')!r}: predicted text differs from gold text")
    return pairs


def _spans(record: Record, labels: Sequence[str]) -> List[Dict[str, Any]]:
    """nervaluate's span dicts; its ends are inclusive."""
    return [
        {"label": e["label"], "start": e["start"], "end": e["end"] - 1}
        for e in record.get("entities", [])
        if e["label"] in labels
    ]


def _entity_scores(pairs: Sequence[Tuple[Record, Record]], labels: Sequence[str]) -> Dict[str, Any]:
    true = [_spans(g, labels) for g, _ in pairs]
    pred = [_spans(p, labels) for _, p in pairs]
    results = Evaluator(true, pred, tags=list(labels)).evaluate()
    per_label = {}
    for label in labels:
        scores = results["entities"].get(label)
        support = sum(1 for doc in true for s in doc if s["label"] == label)
        per_label[label] = {
            "strict": _as_prf(scores["strict"]) if scores else _empty(),
            "partial": _as_prf(scores["partial"]) if scores else _empty(),
            "support": support,
        }
    present = [l for l in labels if per_label[l]["support"] > 0]
    macro = {
        kind: {
            m: _mean([per_label[l][kind][m] for l in present]) for m in ("precision", "recall", "f1")
        }
        for kind in ("strict", "partial")
    }
    micro = {kind: _as_prf(results["overall"][kind]) for kind in ("strict", "partial")}
    return {"per_label": per_label, "micro": micro, "macro": macro}


def _as_prf(result: Any) -> Dict[str, float]:
    return {
        "precision": float(result.precision),
        "recall": float(result.recall),
        "f1": float(result.f1),
        "correct": int(result.correct),
        "predicted": int(result.actual),
        "gold": int(result.possible),
    }


def _empty() -> Dict[str, float]:
    return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "correct": 0, "predicted": 0, "gold": 0}


def _mean(values: Sequence[float]) -> float:
    return float(sum(values) / len(values)) if values else 0.0


def entity_errors(
    gold: Sequence[Record], pred: Sequence[Record], *, labels: Sequence[str] = LABELS, context: int = 20
) -> List[Dict[str, Any]]:
    """Strict misses and false alarms, one dict each, for error analysis.

    Each has ``kind`` (``missed`` or ``spurious``), ``id``, ``label``, ``start``,
    ``end``, ``text`` and ``context`` (the text around it, the span in brackets);
    a missed entity also names any predicted span that overlaps it (``overlaps``).
    """
    errors: List[Dict[str, Any]] = []
    for g, p in _pair_documents(gold, pred):
        text = g.get("text") or p.get("text") or ""
        gold_set = {(e["start"], e["end"], e["label"]) for e in g.get("entities", []) if e["label"] in labels}
        pred_set = {(e["start"], e["end"], e["label"]) for e in p.get("entities", []) if e["label"] in labels}
        for kind, own, other in (("missed", gold_set, pred_set), ("spurious", pred_set, gold_set)):
            for start, end, label in sorted(own - other):
                overlaps = [
                    f"{l}:{text[s:e]}" for s, e, l in sorted(other) if s < end and start < e
                ]
                errors.append({
                    "kind": kind, "id": g.get("id"), "label": label, "start": start, "end": end,
                    "text": text[start:end], "overlaps": overlaps,
                    "context": f"{text[max(0, start - context):start]}[{text[start:end]}]{text[end:end + context]}".replace("\n", " "),
                })
    return errors


def format_errors(errors: Sequence[Dict[str, Any]]) -> str:
    """One line per error, grouped by label then kind."""
    lines = []
    for e in sorted(errors, key=lambda e: (e["label"], e["kind"], e["id"] or "", e["start"])):
        also = f"  (pred/gold: {'; '.join(e['overlaps'])})" if e["overlaps"] else ""
        lines.append(f"{e['label']:<13} {e['kind']:<8} {e['text']!r}{also}\n    {e['context']}")
    return "\n".join(lines)


def sentence_scores(gold: Sequence[Record], pred: Sequence[Record]) -> Dict[str, float]:
    """Boundary precision, recall and F1, summed over documents."""
    correct = predicted = expected = 0
    for g, p in zip(gold, pred):
        gb, pb = boundaries(g.get("sentences", [])), boundaries(p.get("sentences", []))
        correct += len(gb & pb)
        predicted += len(pb)
        expected += len(gb)
    return prf(correct, predicted, expected)


def attribute_accuracy(pairs: Sequence[Tuple[Record, Record]]) -> Dict[str, Dict[str, Any]]:
    """Per ``LABEL.key``: share of strictly matched entities whose attribute value is right."""
    counts: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
    for g, p in pairs:
        predicted = {(e["start"], e["end"], e["label"]): e.get("attrs") or {} for e in p.get("entities", [])}
        for e in g.get("entities", []):
            key = (e["start"], e["end"], e["label"])
            if key not in predicted:
                continue
            for name, value in (e.get("attrs") or {}).items():
                tally = counts[f"{e['label']}.{name}"]
                tally[1] += 1
                tally[0] += int(predicted[key].get(name) == value)
    return {
        k: {"accuracy": c / n if n else 0.0, "correct": c, "total": n} for k, (c, n) in sorted(counts.items())
    }


def format_report(report: Report, *, title: Optional[str] = None) -> str:
    """A plain-text table of ``report`` for the terminal."""
    lines = [title] if title else []
    lines.append(f"documents: {report['documents']}")
    lines.append(f"{'label':<14}{'P':>7}{'R':>7}{'F1':>7}   {'pP':>6}{'pR':>6}{'pF1':>6}{'gold':>7}{'pred':>7}")
    ents = report["entities"]
    rows = list(ents["per_label"].items()) + [("micro", ents["micro"]), ("macro", ents["macro"])]
    for name, row in rows:
        s, p = row["strict"], row["partial"]
        gold = s.get("gold", "")
        pred = s.get("predicted", "")
        lines.append(
            f"{name:<14}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}   "
            f"{p['precision']:6.3f}{p['recall']:6.3f}{p['f1']:6.3f}{gold!s:>7}{pred!s:>7}"
        )
    lines.append("(P/R/F1 strict: exact start, end and label; pP/pR/pF1 partial overlap)")
    for name, s in _sentence_rows(report):
        lines.append(f"{name}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    if report["attributes"]:
        lines.append("attribute accuracy on strictly matched entities:")
        for key, a in report["attributes"].items():
            lines.append(f"  {key:<22}{a['accuracy']:7.3f}  ({a['correct']}/{a['total']})")
    if "relations" in report:
        lines.append(format_relation_report(report["relations"]))
    return "\n".join(lines)


def _sentence_rows(report: Report) -> List[Tuple[str, Dict[str, float]]]:
    rows = [("sentence boundaries", report["sentences"])]
    if "sentence_boundaries" in report:
        rows.append(("sentence boundaries inside lines", report["sentence_boundaries"]["inside_lines"]))
    if "sentences_baseline" in report:
        rows.append(("sentence boundaries, raw crfcut", report["sentences_baseline"]))
    return rows
