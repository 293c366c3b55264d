"""Pure functions that prepare one record for display: sentence segments, clusters, hover text."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

Record = Dict[str, Any]


def sentence_segments(text: str, sentences: Sequence[Sequence[int]], entities: Sequence[Record]) -> List[Tuple[int, int]]:
    """Cut ``text`` into display segments, one per sentence, covering the whole text.

    A segment runs from a sentence start to the next sentence start (the first from 0),
    so no character is lost. Segments are joined where an entity would cross a cut.
    Without sentences the text is one segment.
    """
    if not text:
        return []
    cuts = sorted({int(s[0]) for s in sentences if 0 < int(s[0]) < len(text)})
    for ent in entities:
        start, end = int(ent["start"]), int(ent["end"])
        cuts = [c for c in cuts if not start < c < end]
    bounds = [0, *cuts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]


def record_clusters(record: Record) -> List[Record]:
    """The record's name clusters; where it has none, those implied by shared ``canonical`` attrs."""
    clusters = record.get("clusters")
    if isinstance(clusters, list) and clusters:
        return [c for c in clusters if isinstance(c, dict) and c.get("mentions")]
    groups: Dict[Tuple[str, str], List[List[int]]] = {}
    for ent in record.get("entities", []):
        value = (ent.get("attrs") or {}).get("canonical")
        if value:
            groups.setdefault((ent["label"], str(value)), []).append([ent["start"], ent["end"]])
    out = [{"canonical": value, "label": label, "mentions": mentions} for (label, value), mentions in groups.items()]
    return sorted(out, key=lambda c: c["mentions"][0][0])


def cluster_surfaces(text: str, cluster: Record) -> List[Tuple[str, int]]:
    """Distinct spellings of a cluster's mentions with their counts, in order of first mention."""
    counts: Dict[str, int] = {}
    for start, end in cluster.get("mentions", []):
        surface = text[int(start) : int(end)]
        counts[surface] = counts.get(surface, 0) + 1
    return list(counts.items())


def cluster_index(clusters: Sequence[Record]) -> Dict[Tuple[int, int], int]:
    """``(start, end)`` of each mention -> the number of its cluster."""
    index: Dict[Tuple[int, int], int] = {}
    for number, cluster in enumerate(clusters):
        for start, end in cluster.get("mentions", []):
            index[(int(start), int(end))] = number
    return index


def hover_text(entity: Record, cluster: Optional[Record] = None) -> str:
    """What a reader sees on hovering over an entity: label, canonical name, other attributes."""
    lines = [entity["label"]]
    attrs = entity.get("attrs") or {}
    if attrs.get("canonical"):
        lines.append(f"canonical: {attrs['canonical']}")
    for key, value in attrs.items():
        if key != "canonical" and value not in (None, ""):
            lines.append(f"{key}: {value}")
    if cluster is not None:
        mentions = len(cluster.get("mentions", []))
        lines.append(f"cluster: {cluster.get('canonical')} ({mentions} mention{'s' if mentions != 1 else ''})")
    return "\n".join(lines)
