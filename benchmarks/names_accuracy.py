"""Canonical-name accuracy on the PERSON and LOCATION spans of a gold JSONL file.

    python benchmarks/names_accuracy.py [annotations/seeds.jsonl ...] [--plain]

Gold entities are put on a blank Thai doc exactly as annotated and the names
component runs on it, so the score isolates normalisation (with in-document
clustering) from span detection. A span whose gold ``attrs`` has no
``canonical`` (foreign names) is right when the prediction has none either.
``--plain`` scores ``canonical(text, label)`` alone, without clustering.
The gold files are a development set: use them to measure, never to fill tables.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("PERSON", "LOCATION")

Miss = Tuple[str, str, str, Optional[str], Optional[str]]


def read_gold(paths: List[Path]) -> List[dict]:
    """Documents of all ``paths`` (JSON Lines)."""
    docs = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            docs.extend(json.loads(line) for line in handle if line.strip())
    return docs


def predict(doc_json: dict, plain: bool) -> Dict[Tuple[int, int], Optional[str]]:
    """Predicted canonical per gold (start, end) PERSON/LOCATION span."""
    from thai_polnews.names import canonical

    ents = [e for e in doc_json["entities"] if e["label"] in LABELS]
    if plain:
        return {(e["start"], e["end"]): canonical(doc_json["text"][e["start"]:e["end"]], e["label"]) for e in ents}
    import spacy

    from thai_polnews.extensions import get_attrs
    from thai_polnews.pipeline.names import make_name_normaliser

    from thai_polnews.spans import split_at_offsets

    nlp = spacy.blank("th")
    component = make_name_normaliser(nlp, "names", labels=list(LABELS), overwrite=True)
    doc = nlp.make_doc(doc_json["text"])
    split_at_offsets(doc, [o for e in doc_json["entities"] for o in (e["start"], e["end"])])
    spans = [doc.char_span(e["start"], e["end"], label=e["label"]) for e in doc_json["entities"]]
    doc.ents = _non_overlapping([s for s in spans if s is not None])
    doc = component(doc)
    return {
        (e.start_char, e.end_char): get_attrs(e).get("canonical")
        for e in doc.ents
        if e.label_ in LABELS
    }


def _non_overlapping(spans):
    """Gold spans never overlap; this only guards against a malformed file."""
    kept, end = [], -1
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start >= end:
            kept.append(span)
            end = span.end
    return kept


def score(docs: List[dict], plain: bool) -> Tuple[Dict[str, List[int]], List[Miss]]:
    """Per label [right, total], and the misses (doc id, label, text, gold, predicted)."""
    counts = {label: [0, 0] for label in LABELS}
    misses: List[Miss] = []
    for doc_json in docs:
        predicted = predict(doc_json, plain)
        for e in doc_json["entities"]:
            if e["label"] not in LABELS:
                continue
            gold = (e.get("attrs") or {}).get("canonical")
            guess = predicted.get((e["start"], e["end"]))
            counts[e["label"]][1] += 1
            if guess == gold:
                counts[e["label"]][0] += 1
            else:
                text = doc_json["text"][e["start"]:e["end"]]
                misses.append((doc_json.get("id", "?"), e["label"], text, gold, guess))
    return counts, misses


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=[ROOT / "annotations" / "seeds.jsonl"])
    parser.add_argument("--plain", action="store_true", help="canonical() alone, no clustering")
    args = parser.parse_args(argv)
    counts, misses = score(read_gold(args.gold), args.plain)
    right = sum(r for r, _ in counts.values())
    total = sum(t for _, t in counts.values())
    for label, (r, t) in counts.items():
        print(f"{label:9s} {r:4d}/{t:<4d} {r / t if t else 0.0:.3f}")
    print(f"{'all':9s} {right:4d}/{total:<4d} {right / total if total else 0.0:.3f}")
    for doc_id, label, text, gold, guess in misses:
        print(f"MISS {doc_id} {label} {text!r}: gold={gold!r} predicted={guess!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
