"""Accuracy of the shipped pipeline and of pythainlp's ThaiNER 1.5 CRF on the gold files.

    python benchmarks/accuracy.py [--test] [--json benchmarks/results/accuracy.json] [GOLD.jsonl ...]

By default the gold files are ``annotations/seeds.jsonl`` and
``annotations/dev.jsonl``. ``annotations/test.jsonl`` is the held-out test set:
it is scored only with ``--test`` (or when named), and every such scoring
belongs in the model card's log of test-set runs.

Two tables per file:

* thai_polnews vs ThaiNER on the labels both have (PERSON, LOCATION,
  ORGANIZATION, DATE), per label and micro, ``strict`` (same start, end and
  label) and ``overlap`` (same label and at least one character in common;
  each gold and each predicted entity is matched at most once);
* thai_polnews alone on its six labels (``thai_polnews.evaluation.evaluate``:
  strict, and nervaluate's ``partial``, where an overlap counts half).

ThaiNER has no POSITION and no DOC_CODE, so it is never scored on them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from thainer_baseline import LABELS as THAINER_LABELS, load_thainer, thainer_entities  # noqa: E402

SHARED: Tuple[str, ...] = tuple(THAINER_LABELS.values())
DEFAULT_GOLD = (ROOT / "annotations" / "seeds.jsonl", ROOT / "annotations" / "dev.jsonl")
TEST_GOLD = ROOT / "annotations" / "test.jsonl"


def thainer_records(gold: List[dict]) -> List[dict]:
    tagger = load_thainer()
    return [
        {"id": g.get("id"), "text": g["text"], "sentences": [],
         "entities": [{"start": s, "end": e, "label": l} for s, e, l in thainer_entities(tagger, g["text"])]}
        for g in gold
    ]


def _prf(correct: int, predicted: int, gold: int) -> Dict[str, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "correct": correct, "predicted": predicted, "gold": gold}


def _matches(gold: Sequence[Tuple[int, int]], pred: Sequence[Tuple[int, int]], overlap: bool) -> int:
    """One-to-one matches between gold and predicted spans of one label in one document."""
    if not overlap:
        return len(set(gold) & set(pred))
    used = set()
    found = 0
    for ps, pe in sorted(pred):
        for i, (gs, ge) in enumerate(sorted(gold)):
            if i not in used and ps < ge and gs < pe:
                used.add(i)
                found += 1
                break
    return found


def shared_scores(gold: List[dict], pred: List[dict], labels: Sequence[str] = SHARED) -> Dict[str, Dict]:
    """Strict and overlap P/R/F1 per label and micro, on ``labels`` only (documents paired by id)."""
    by_id = {p["id"]: p for p in pred}
    counts = {kind: {l: [0, 0, 0] for l in labels} for kind in ("strict", "overlap")}
    for g in gold:
        p = by_id[g["id"]]
        for label in labels:
            gs = [(e["start"], e["end"]) for e in g.get("entities", []) if e["label"] == label]
            ps = [(e["start"], e["end"]) for e in p.get("entities", []) if e["label"] == label]
            for kind in counts:
                c = counts[kind][label]
                c[0] += _matches(gs, ps, kind == "overlap")
                c[1] += len(ps)
                c[2] += len(gs)
    out: Dict[str, Dict] = {}
    for kind, per in counts.items():
        total = [sum(c[i] for c in per.values()) for i in range(3)]
        out[kind] = {"per_label": {l: _prf(*c) for l, c in per.items()}, "micro": _prf(*total)}
    return out


def format_shared(ours: Dict, theirs: Dict, title: str) -> str:
    lines = [title, f"{'label':<14}{'gold':>5}  {'thai_polnews strict P/R/F1':<28}{'ThaiNER strict P/R/F1':<24}"
                    f"{'thai_polnews overlap F1':>24}{'ThaiNER overlap F1':>20}"]
    def prf(s: Dict) -> str:
        return f"{s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}"
    for label in list(SHARED) + ["micro"]:
        pick = (lambda d, k: d[k]["micro"]) if label == "micro" else (lambda d, k, l=label: d[k]["per_label"][l])
        lines.append(f"{label:<14}{pick(ours, 'strict')['gold']:>5}  {prf(pick(ours, 'strict')):<28}"
                     f"{prf(pick(theirs, 'strict')):<24}{pick(ours, 'overlap')['f1']:>24.3f}{pick(theirs, 'overlap')['f1']:>20.3f}")
    return "\n".join(lines)


def main(argv: List[str] | None = None) -> int:
    import thai_polnews
    from thai_polnews.cli.evaluate import predict
    from thai_polnews.evaluation import evaluate, format_report
    from thai_polnews.records import read_jsonl

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold JSONL files (default: annotations/seeds.jsonl annotations/dev.jsonl)")
    parser.add_argument("--test", action="store_true", help="also score the held-out annotations/test.jsonl (log each such run in the model card)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "accuracy.json")
    args = parser.parse_args(argv)
    paths = list(args.gold or DEFAULT_GOLD) + ([TEST_GOLD] if args.test and TEST_GOLD not in args.gold else [])
    nlp = thai_polnews.load()
    out = {}
    for path in paths:
        gold = read_jsonl(path)
        ours_records = predict(gold, nlp, quiet=True)
        theirs_records = thainer_records(gold)
        ours_shared = shared_scores(gold, ours_records)
        theirs_shared = shared_scores(gold, theirs_records)
        own = evaluate(gold, ours_records)
        print(format_shared(ours_shared, theirs_shared,
                            f"== {path.name} ({len(gold)} documents): shared labels, thai_polnews vs pythainlp ThaiNER 1.5 CRF"))
        print()
        print(format_report(own, title=f"== {path.name}: thai_polnews alone, its six labels"))
        print()
        out[path.name] = {"documents": len(gold), "shared_labels": list(SHARED),
                          "shared": {"thai_polnews": ours_shared, "thainer": theirs_shared},
                          "thai_polnews_six_labels": own}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
