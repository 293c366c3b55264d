"""One self-contained HTML page of entities, sentences and name clusters, drawn by spaCy's displaCy."""
from __future__ import annotations

import html
import re
from typing import Any, Dict, Iterable, List, Union

from spacy import displacy
from spacy.tokens import Doc

from ..records import LABELS, to_record, validate_record
from .segments import cluster_index, cluster_surfaces, hover_text, record_clusters, sentence_segments

Record = Dict[str, Any]

COLORS: Dict[str, str] = {
    "PERSON": "#aa9cfc",
    "LOCATION": "#ff9561",
    "ORGANIZATION": "#7aecec",
    "POSITION": "#feca74",
    "DOC_CODE": "#f4a6c9",
    "DATE": "#9be38a",
}
"""Background colour of each label; an unknown label is drawn grey (``OTHER_COLOR``)."""

OTHER_COLOR = "#dddddd"

ENT_TEMPLATE = (
    '<mark class="entity ent-{css}" data-label="{label}" data-cluster="{cluster}" title="{info}" '
    'style="background: {bg}; padding: 0.2em 0.35em; margin: 0 0.15em; line-height: 1; border-radius: 0.35em;">'
    "{text}"
    '<span class="ent-label">{label}</span>'
    "</mark>"
)
"""displaCy ``ent`` template: ``info`` is the hover text, ``cluster`` the number of the name cluster."""

STYLE = """
body { font-family: "Noto Sans Thai", "Leelawadee UI", Tahoma, Loma, Garuda, Waree, "DejaVu Sans", sans-serif;
       font-size: 17px; color: #222; margin: 0; padding: 1.5rem 2rem; background: #fafafa; }
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.3rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.legend mark, .swatch { border-radius: 0.35em; padding: 0.1em 0.45em; margin-right: 0.4em; font-size: 0.85em; font-weight: bold; }
.help, .counts { color: #555; font-size: 0.9em; margin: 0.3rem 0; }
.doc { background: #fff; border: 1px solid #ddd; border-radius: 0.5rem; padding: 1rem 1.2rem; margin: 1rem 0; }
.sent { display: flex; gap: 0.6em; border-left: 3px solid #c9c9c9; padding: 0.1em 0 0.1em 0.6em; margin: 0.35em 0; }
.sent:nth-child(even) { background: #f6f6f9; }
.sent-no { flex: none; min-width: 2em; color: #888; font-size: 0.75em; font-family: monospace; padding-top: 0.9em; text-align: right; }
.sent .entities { flex: 1; line-height: 2.2 !important; }
mark.entity { color: #111; }
mark.entity:hover { outline: 2px solid #333; cursor: help; }
.ent-label { font-size: 0.62em; font-weight: bold; margin-left: 0.35em; vertical-align: middle; color: #333; }
ul.clusters { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
              gap: 0.2em 1.2em; font-size: 0.9em; }
li.cluster { padding: 0.15em 0; border-bottom: 1px solid #eee; }
li.variants { background: #fffbe6; }
.count { color: #777; font-size: 0.85em; }
""".strip()

DocLike = Union[Doc, Record]


def render(docs: Union[DocLike, Iterable[DocLike]], *, title: str = "thai_polnews entities") -> str:
    """One self-contained HTML page (no scripts, fonts or styles from the network) for ``docs``.

    ``docs`` is a processed Doc, an ANNOTATION.md record (``text``, ``sentences``,
    ``entities`` with optional ``attrs``, optional ``clusters``), or an iterable of
    them. Each entity is coloured by its label and shows its label, canonical name and
    attributes on hover; sentences are numbered rows; above its text each document
    lists its clusters of name spellings. Raises ``ValueError`` (one line) for a
    record that breaks the ANNOTATION.md contract.
    """
    if isinstance(docs, (Doc, dict)):
        docs = [docs]
    records = [as_record(d, i) for i, d in enumerate(docs, start=1)]
    body = "\n".join(document_html(r, number) for number, r in enumerate(records, start=1))
    return page_html(body, title=title, n_docs=len(records))


def as_record(doc: DocLike, number: int = 1) -> Record:
    """A Doc as its record, or a record checked against the contract."""
    if isinstance(doc, Doc):
        return to_record(doc, id=doc.user_data.get("id") or f"doc {number}")
    if not isinstance(doc, dict):
        raise ValueError(f"document {number}: expected a spaCy Doc or a record dict, got {type(doc).__name__}")
    problem = record_problem(doc)
    if problem:
        raise ValueError(f"document {doc.get('id', number)}: {problem}")
    return doc


def record_problem(record: Record) -> str:
    """The first reason ``record`` cannot be drawn (one line), or ``""`` when it can."""
    if not isinstance(record.get("entities", []), list) or not isinstance(record.get("sentences", []), list):
        return "'entities' and 'sentences' must be lists"
    for i, ent in enumerate(record.get("entities", [])):
        if not (isinstance(ent, dict) and _is_int(ent.get("start")) and _is_int(ent.get("end")) and isinstance(ent.get("label"), str)):
            return f"entity {i}: needs integer 'start' and 'end' and a string 'label'"
        if ent.get("attrs") is not None and not isinstance(ent["attrs"], dict):
            return f"entity {i}: 'attrs' must be an object"
    for i, sent in enumerate(record.get("sentences", [])):
        if not (isinstance(sent, (list, tuple)) and len(sent) == 2 and all(_is_int(x) for x in sent)):
            return f"sentence {i}: not a [start, end] pair of integers"
    clusters = record.get("clusters", [])
    if not isinstance(clusters, list) or not all(
        isinstance(c, dict) and isinstance(c.get("mentions", []), list)
        and all(isinstance(m, (list, tuple)) and len(m) == 2 and all(_is_int(x) for x in m) for m in c.get("mentions", []))
        for c in clusters
    ):
        return "'clusters' must be a list of objects with 'mentions' as [start, end] pairs of integers"
    problems = validate_record(record)
    if not problems:
        return ""
    return problems[0] + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")


def document_html(record: Record, number: int = 1) -> str:
    """The ``<section>`` of one record: heading, label counts, name clusters, numbered sentences."""
    text = record["text"]
    entities = sorted(record.get("entities", []), key=lambda e: (e["start"], e["end"]))
    clusters = record_clusters(record)
    in_cluster = cluster_index(clusters)
    rows: List[str] = []
    for start, end in sentence_segments(text, record.get("sentences", []), entities):
        chunk = text[start:end].rstrip()
        if not chunk.strip():
            continue
        n = len(rows) + 1
        ents = [e for e in entities if start <= e["start"] and e["end"] <= start + len(chunk)]
        markup = displacy.render(
            {"text": chunk, "ents": [_displacy_ent(e, start, in_cluster, clusters) for e in ents]},
            style="ent",
            manual=True,
            jupyter=False,
            options={"colors": COLORS, "template": ENT_TEMPLATE},
        )
        rows.append(f'<div class="sent" data-sent="{n}"><span class="sent-no">{n}</span>{markup}</div>')
    doc_id = record.get("id")
    heading = html.escape(str(doc_id) if doc_id is not None else f"document {number}")
    counts = ", ".join(
        f"{html.escape(label)} {sum(e['label'] == label for e in entities)}"
        for label in _labels_of(entities)
    )
    return (
        f'<section class="doc" id="doc-{number}">\n<h2>{heading}</h2>\n'
        f'<p class="counts">{len(entities)} entities{" (" + counts + ")" if counts else ""} · '
        f"{len(rows)} sentences</p>\n"
        + clusters_html(text, clusters)
        + '<h3>Text</h3>\n<div class="sentences">\n' + "\n".join(rows) + "\n</div>\n</section>"
    )


def clusters_html(text: str, clusters: List[Record]) -> str:
    """A document's name clusters: label, canonical name, and each spelling with its count."""
    if not clusters:
        return '<h3>Name clusters</h3>\n<p class="help">none</p>\n'
    items = []
    for number, cluster in enumerate(clusters):
        label = str(cluster.get("label", ""))
        surfaces = cluster_surfaces(text, cluster)
        spellings = " · ".join(f'{html.escape(s)} <span class="count">×{c}</span>' for s, c in surfaces)
        css = "cluster variants" if len(surfaces) > 1 else "cluster"
        items.append(
            f'<li class="{css}" data-cluster="{number}"><span class="swatch" style="background: {_color(label)}">'
            f'{html.escape(label)}</span><b>{html.escape(str(cluster.get("canonical", "")))}</b>: {spellings}</li>'
        )
    n_variants = sum(len(cluster_surfaces(text, c)) > 1 for c in clusters)
    return (
        f"<h3>Name clusters: {len(clusters)}, {n_variants} with more than one spelling</h3>\n"
        '<ul class="clusters">\n' + "\n".join(items) + "\n</ul>\n"
    )


def page_html(body: str, *, title: str, n_docs: int) -> str:
    """The page around the documents: title, colour legend, inline style."""
    legend = "".join(
        f'<mark class="ent-{label}" style="background: {color}">{label}</mark>' for label, color in COLORS.items()
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="th">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{html.escape(title)}</h1>\n"
        f'<div class="legend">{legend}</div>\n'
        f'<p class="help">{n_docs} document{"s" if n_docs != 1 else ""}. Hover over an entity for its '
        "canonical name and attributes; each numbered row is one sentence.</p>\n</header>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _displacy_ent(entity: Record, offset: int, in_cluster: Dict, clusters: List[Record]) -> Record:
    label = str(entity["label"])
    number = in_cluster.get((entity["start"], entity["end"]))
    cluster = clusters[number] if number is not None else None
    return {
        "start": entity["start"] - offset,
        "end": entity["end"] - offset,
        "label": label,
        "params": {
            "label": html.escape(label),
            "css": re.sub(r"[^A-Za-z0-9_-]", "_", label),
            "cluster": "" if number is None else str(number),
            "info": html.escape(hover_text(entity, cluster), quote=True),
            "bg": _color(label),
        },
    }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _color(label: str) -> str:
    return COLORS.get(label, OTHER_COLOR)


def _labels_of(entities: List[Record]) -> List[str]:
    present = {e["label"] for e in entities}
    return [label for label in LABELS if label in present] + sorted(present - set(LABELS))
