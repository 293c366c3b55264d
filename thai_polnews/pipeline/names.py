"""Component: canonical romanisation of PERSON and LOCATION entities, and name clusters.

For each PERSON and LOCATION in ``doc.ents`` it sets ``attrs["canonical"]``
(keeping the other attributes) and fills ``doc._.clusters``. Spelling variants
of one name share one canonical form, and a given name used alone gets the full
name of its cluster's longest member (ANNOTATION.md decision 2). Entity
boundaries are never changed. The name tables load once per process.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Dict, List, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import get_attrs, set_attrs
from ..names import canonical, cluster_names
from ..names.canonical import readings
from ..names.coref import is_abbreviated
from ..names.thai_script import is_thai
from ..spans import doc_text

NAME_LABELS = ("PERSON", "LOCATION")


@Language.factory(
    "thai_polnews_names_v1",
    assigns=["span._.attrs", "doc._.clusters"],
    default_config={"labels": list(NAME_LABELS), "overwrite": True},
)
def make_name_normaliser(
    nlp: Language, name: str, *, labels: List[str], overwrite: bool
) -> "NameNormaliser":
    """Name normaliser for the entities whose label is in ``labels`` (PERSON, LOCATION).

    With ``overwrite`` (the default) an existing ``attrs["canonical"]`` is replaced.
    """
    unknown = sorted(set(labels) - set(NAME_LABELS))
    if unknown:
        raise ValueError(f"Labels {unknown} cannot be normalised; choose from {list(NAME_LABELS)}.")
    return NameNormaliser(name, labels=labels, overwrite=overwrite)


class NameNormaliser:
    """Sets ``attrs["canonical"]`` on name entities and ``doc._.clusters``."""

    def __init__(self, name: str, *, labels: Sequence[str], overwrite: bool) -> None:
        self.name = name
        self.labels = tuple(labels)
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        clusters: List[Dict[str, Any]] = []
        text = doc_text(doc)
        every = [(e, e.label_) for e in doc.ents]
        for label in self.labels:
            ents = [e for e, of in every if of == label]
            surfaces = [text[e.start_char : e.end_char] for e in ents]  # ``e.text``, sliced
            for members in _GROUPERS[label](surfaces):
                spans = [ents[i] for i in members]
                value = cluster_canonical([surfaces[i] for i in members], label)
                if value is None:
                    continue
                for span in spans:
                    self._set(span, value)
                clusters.append(
                    {"canonical": value, "label": label, "mentions": [[s.start_char, s.end_char] for s in spans]}
                )
        clusters.sort(key=lambda c: c["mentions"][0][0])
        doc._.clusters = clusters
        return doc

    def _set(self, span: Span, value: str) -> None:
        attrs = get_attrs(span)
        if self.overwrite or "canonical" not in attrs:
            attrs["canonical"] = value
            set_attrs(span, attrs)


def group_places(surfaces: Sequence[str]) -> List[List[int]]:
    """Places group by canonical form only (a one-syllable place is not a short form of another)."""
    groups: Dict[str, List[int]] = {}
    for i, surface in enumerate(surfaces):
        value = canonical(surface, "LOCATION")
        groups.setdefault(value if value is not None else f"\0{i}", []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


_GROUPERS: Dict[str, Callable[[Sequence[str]], List[List[int]]]] = {
    "PERSON": cluster_names,
    "LOCATION": group_places,
}


def cluster_canonical(surfaces: Sequence[str], label: str) -> Optional[str]:
    """Canonical form of a cluster: from its longest unabbreviated members, Latin script
    first (it keeps the Vietnamese letters), then the majority reading."""
    values = [
        (canonical(s, label), (_length(s), not is_abbreviated(s)), not is_thai(s)) for s in surfaces
    ]
    values = [v for v in values if v[0] is not None]
    if not values:
        return None
    best = max(rank for _, rank, _ in values)
    top = [v for v in values if v[1] == best]
    latin = [value for value, _, is_latin in top if is_latin]
    if latin:
        return latin[0]
    return Counter(value for value, _, _ in top).most_common(1)[0][0]


def _length(surface: str) -> int:
    """Number of syllables ``surface`` reads as (0 when unreadable)."""
    parts = readings(surface)
    return len(parts) if parts else 0
