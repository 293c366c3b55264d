"""Relation scores: precision, recall and F1 per relation type and per event type.

A predicted relation matches a gold one when the type, the event and subtype, and
every role match, a role matching when both name an entity with the same start,
end and label (so relations are compared across different entity lists: end to
end, a relation whose entity was missed cannot match).
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Dict, Iterable, List, Sequence, Tuple

from ..scores import prf
from .base import EVENT_TYPES, RELATION_TYPES, ROLE_ORDER

Record = Dict[str, Any]
Key = Tuple[Any, ...]

FACT_TYPES = ("issued_by", "dated")


def relation_keys(record: Record) -> List[Tuple[str, str, Key]]:
    """``(type, event, key)`` for each relation of ``record``; ``key`` holds the role entities' offsets."""
    ents = record.get("entities") or []
    out = []
    for rel in record.get("relations") or []:
        roles = []
        ok = True
        for role in ROLE_ORDER:
            if role in rel:
                i = rel[role]
                if not isinstance(i, int) or not 0 <= i < len(ents):
                    ok = False
                    break
                e = ents[i]
                roles.append((role, e["start"], e["end"], e["label"]))
        if not ok:
            continue
        kind = str(rel.get("type"))
        event = str(rel.get("event", "")) if kind == "event" else ""
        out.append((kind, event, (kind, event, str(rel.get("subtype", "")), tuple(roles))))
    return out


def relation_scores(pairs: Iterable[Tuple[Record, Record]]) -> Dict[str, Any]:
    """Scores over ``(gold, predicted)`` record pairs: ``per_type``, ``per_event``, ``facts``
    (issued_by and dated together), ``micro``; each ``{precision, recall, f1, correct, predicted, gold}``."""
    counts: Dict[str, Counter] = {name: Counter() for name in ("gold", "pred", "correct")}
    for gold, pred in pairs:
        g = Counter(relation_keys(gold))
        p = Counter(relation_keys(pred))
        for (kind, event, _), n in g.items():
            counts["gold"][kind] += n
            counts["gold"]["event:" + event] += n if kind == "event" else 0
        for (kind, event, _), n in p.items():
            counts["pred"][kind] += n
            counts["pred"]["event:" + event] += n if kind == "event" else 0
        for key, n in (g & p).items():
            kind, event, _ = key
            counts["correct"][kind] += n
            counts["correct"]["event:" + event] += n if kind == "event" else 0

    def score(names: Sequence[str]) -> Dict[str, Any]:
        return prf(*(sum(counts[c][n] for n in names) for c in ("correct", "pred", "gold")))

    return {
        "per_type": {t: score([t]) for t in RELATION_TYPES},
        "per_event": {e: score(["event:" + e]) for e in EVENT_TYPES},
        "facts": score(FACT_TYPES),
        "micro": score(RELATION_TYPES),
    }


def gold_entity_record(gold: Record, relations: List[Dict[str, Any]]) -> Record:
    """``gold`` with its own entities and ``relations`` in place of the gold ones."""
    out = {k: v for k, v in gold.items() if k != "relations"}
    out["relations"] = relations
    return out


def format_relation_scores(scores: Dict[str, Any], *, title: str = "relations") -> str:
    """A plain-text table of :func:`relation_scores`."""
    lines = [f"{title}:", f"  {'':<16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}"]
    rows = list(scores["per_type"].items()) + [("facts", scores["facts"])]
    rows += [(f"event:{e}", s) for e, s in scores["per_event"].items() if s["gold"] or s["predicted"]]
    rows.append(("micro", scores["micro"]))
    for name, s in rows:
        lines.append(f"  {name:<16}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{s['gold']:>7}{s['predicted']:>7}")
    return "\n".join(lines)


def relation_report(pairs: Sequence[Tuple[Record, Record]]) -> Dict[str, Any]:
    """``given_gold_entities`` (the rules run on each gold record's own entities and sentences)
    and ``end_to_end`` (the predicted records' own ``relations``) scores for ``(gold, pred)`` pairs."""
    from .extract import extract_relations

    given = []
    for gold, _ in pairs:
        ents = [(e["start"], e["end"], e["label"]) for e in gold.get("entities", [])]
        given.append((gold, gold_entity_record(gold, extract_relations(gold["text"], ents, gold.get("sentences")))))
    return {"given_gold_entities": relation_scores(given), "end_to_end": relation_scores(pairs)}


def format_relation_report(report: Dict[str, Any]) -> str:
    """Both tables of :func:`relation_report`."""
    return "\n".join(
        format_relation_scores(report[k], title=f"relations, {k.replace('_', ' ')}")
        for k in ("given_gold_entities", "end_to_end")
    )
