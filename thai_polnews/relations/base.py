"""The relation format of docs/ANNOTATION.md ("Relations"): types, roles, order, validation."""
from __future__ import annotations

from typing import Any, Dict, List, Sequence, Tuple

Relation = Dict[str, Any]

ROLE_LABELS: Dict[str, Tuple[str, ...]] = {
    "person": ("PERSON",),
    "position": ("POSITION",),
    "organization": ("ORGANIZATION",),
    "location": ("LOCATION",),
    "doc_code": ("DOC_CODE",),
    "issuer": ("ORGANIZATION", "POSITION"),
    "date": ("DATE",),
}
"""Each role and the entity labels it takes."""

ROLE_ORDER: Tuple[str, ...] = ("person", "position", "organization", "location", "doc_code", "issuer", "date")

TYPE_ROLES: Dict[str, Tuple[Tuple[str, ...], Tuple[str, ...]]] = {
    "holds_position": (("person", "position"), ("organization", "location")),
    "issued_by": (("doc_code", "issuer"), ()),
    "dated": (("doc_code", "date"), ()),
    "event": (("person",), ("position", "organization", "location", "doc_code", "date")),
}
"""Per relation type: (required roles, optional roles)."""

RELATION_TYPES: Tuple[str, ...] = tuple(TYPE_ROLES)
EVENT_TYPES: Tuple[str, ...] = ("appointment", "election", "transfer", "retirement", "discipline")
DISCIPLINE_SUBTYPES: Tuple[str, ...] = ("warning", "reprimand", "dismissal", "expulsion")


def relation_sort_key(relation: Relation) -> Tuple[Any, ...]:
    """Sort key: type, then the role indices in :data:`ROLE_ORDER` (absent roles first), then event."""
    roles = tuple(int(relation[r]) if r in relation else -1 for r in ROLE_ORDER)
    return (str(relation.get("type", "")), roles, str(relation.get("event", "")), str(relation.get("subtype", "")))


def sort_relations(relations: Sequence[Relation]) -> List[Relation]:
    """``relations`` sorted by :func:`relation_sort_key`, duplicates dropped."""
    seen = set()
    out = []
    for rel in sorted(relations, key=relation_sort_key):
        key = relation_sort_key(rel)
        if key not in seen:
            seen.add(key)
            out.append(dict(rel))
    return out


def validate_relations(relations: Any, labels: Sequence[str]) -> List[str]:
    """Problems with a record's ``relations`` given its entity ``labels`` (empty when valid)."""
    if not isinstance(relations, list):
        return ["relations: not a list"]
    problems: List[str] = []
    for i, rel in enumerate(relations):
        where = f"relation {i}"
        if not isinstance(rel, dict):
            problems.append(f"{where}: not an object")
            continue
        kind = rel.get("type")
        if kind not in TYPE_ROLES:
            problems.append(f"{where}: unknown type {kind!r} (known: {', '.join(RELATION_TYPES)})")
            continue
        required, optional = TYPE_ROLES[kind]
        for role in required:
            if role not in rel:
                problems.append(f"{where} {kind}: missing role {role!r}")
        extra = set(rel) - set(required) - set(optional) - {"type", "event", "subtype"}
        for role in sorted(extra):
            problems.append(f"{where} {kind}: unknown key {role!r}")
        for role in (r for r in required + optional if r in rel):
            index = rel[role]
            if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(labels):
                problems.append(f"{where} {kind}: {role} {index!r} is not an entity index")
            elif labels[index] not in ROLE_LABELS[role]:
                problems.append(f"{where} {kind}: {role} is entity {index} ({labels[index]}), not {'/'.join(ROLE_LABELS[role])}")
        if kind == "event":
            if rel.get("event") not in EVENT_TYPES:
                problems.append(f"{where} event: unknown event {rel.get('event')!r} (known: {', '.join(EVENT_TYPES)})")
            if "subtype" in rel and (rel.get("event") != "discipline" or rel["subtype"] not in DISCIPLINE_SUBTYPES):
                problems.append(f"{where} event: subtype {rel['subtype']!r} only for discipline ({', '.join(DISCIPLINE_SUBTYPES)})")
        elif "event" in rel or "subtype" in rel:
            problems.append(f"{where} {kind}: 'event'/'subtype' only on type event")
    return problems
