"""Custom attributes the pipeline sets on spaCy objects, registered once on import."""
from __future__ import annotations

from typing import Any, Dict, List

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Register ``Span._.attrs``, ``Doc._.clusters`` and ``Doc._.relations`` (idempotent)."""
    if not Span.has_extension("attrs"):
        Span.set_extension("attrs", default=None)
    if not Doc.has_extension("clusters"):
        Doc.set_extension("clusters", default=None)
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", default=None)


def get_attrs(span: Span) -> Dict[str, Any]:
    """The attributes of ``span`` as a fresh dict (never the shared default)."""
    value = span._.attrs
    return dict(value) if value else {}


def set_attrs(span: Span, attrs: Dict[str, Any]) -> None:
    """Store ``attrs`` on ``span``; the value is keyed by the span's offsets and label."""
    span._.attrs = dict(attrs)


def get_clusters(doc: Doc) -> List[Dict[str, Any]]:
    """Name clusters set by the names component, or an empty list."""
    return list(doc._.clusters or [])



def get_relations(doc: Doc) -> List[Dict[str, Any]]:
    """Relations set by the relations component (indices into ``list(doc.ents)``), or an empty list."""
    return [dict(r) for r in (doc._.relations or [])]


register_extensions()
