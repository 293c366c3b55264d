"""Accuracy of the shipped pipeline on the real-page stand-off test set.

    python benchmarks/real_pages.py [--standoff annotations/real_pages/test.standoff.jsonl]
                                    [--excerpts annotations/real_pages/excerpts]

The gold keeps no page text: each page's excerpt is read from the excerpts folder
(see annotations/real_pages/README.md for how to obtain it) and checked against
its sha256 before it is scored. A page whose excerpt is missing or differs is
listed and skipped, never scored. Scores are strict and overlap P/R/F1 per label
(``thai_polnews.evaluation``), per source kind, and the number of predicted span
edges that fall inside a Latin word (the target is zero).

    python benchmarks/real_pages.py --build-from MARKUP_DIR

turns the annotator's inline markup files (``<id>.txt``: ``url:``, ``source_kind:``,
``how_to_get:`` header lines, a ``---`` line, then the excerpt with ``⟦LABEL|surface⟧``
and ``¦`` marks) into the stand-off file and the excerpts folder.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "annotations" / "real_pages"


def build(markup_dir: Path, standoff: Path, excerpts: Path) -> int:
    """Write the stand-off file and the excerpts from every ``*.txt`` markup file in ``markup_dir``."""
    from thai_polnews.standoff import build_entry, dumps, read_markup_file

    paths = sorted(markup_dir.glob("*.txt"))
    if not paths:
        print(f"no markup files (*.txt) in {markup_dir}", file=sys.stderr)
        return 1
    lines, texts, failed = [], {}, 0
    for path in paths:
        try:
            fields, marked = read_markup_file(path)
            entry, text = build_entry(path.stem, fields["url"], fields["source_kind"], fields["how_to_get"], marked)
        except (KeyError, ValueError) as err:
            print(f"{path.name}: {err}", file=sys.stderr)
            failed += 1
            continue
        lines.append(dumps(entry))
        texts[entry["id"]] = text
    if failed:
        print(f"{failed} markup file(s) failed; nothing written", file=sys.stderr)
        return 1
    excerpts.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (excerpts / f"{name}.txt").write_bytes(text.encode("utf-8"))
    standoff.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} pages -> {standoff}; excerpts -> {excerpts}")
    return 0


def score(standoff: Path, excerpts: Path, json_out: Optional[Path], model: Optional[str] = None) -> int:
    """Score the pipeline on every page whose excerpt checks out; report the rest."""
    from thai_polnews.standoff import attach_excerpts, read_standoff

    entries, problems = read_standoff(standoff)
    gold, skipped = attach_excerpts(entries, excerpts)
    for item in problems + skipped:
        print(f"skipped {item}", file=sys.stderr)
    if not gold:
        print(f"no page could be scored ({len(entries)} valid entries, excerpts folder {excerpts})", file=sys.stderr)
        return 1

    import thai_polnews
    from thai_polnews.cli.evaluate import predict
    from thai_polnews.evaluation import evaluate, format_report
    from thai_polnews.span_edges import edges_inside_latin_words

    pred = predict(gold, thai_polnews.load(model=model), quiet=True)
    report = evaluate(gold, pred)
    print(format_report(report, title=f"== real pages: {len(gold)} scored, {len(problems) + len(skipped)} skipped"))
    by_kind: Dict[str, dict] = {}
    for kind in sorted({g["meta"]["source_kind"] for g in gold}):
        pairs = [(g, p) for g, p in zip(gold, pred) if g["meta"]["source_kind"] == kind]
        sub = evaluate([g for g, _ in pairs], [p for _, p in pairs])
        by_kind[kind] = {"documents": len(pairs), "micro": sub["entities"]["micro"]}
        s, o = sub["entities"]["micro"]["strict"], sub["entities"]["micro"]["partial"]
        print(f"{kind:<16} docs {len(pairs):>3}   strict micro F1 {s['f1']:.3f}   overlap micro F1 {o['f1']:.3f}")
    cuts: List[dict] = []
    for g, p in zip(gold, pred):
        cuts += [dict(c, id=g["id"]) for c in edges_inside_latin_words(g["text"], p.get("entities", []))]
    gold_cuts = sum(len(edges_inside_latin_words(g["text"], g["entities"])) for g in gold)
    print(f"predicted span edges inside a Latin word: {len(cuts)} (gold: {gold_cuts})")
    for c in cuts:
        print(f"  {c['id']} {c['label']} {c['side']} {c['span']!r}")
    if json_out is not None:
        out = {
            "scored": [g["id"] for g in gold],
            "skipped": [str(s).replace(f"{ROOT}/", "") for s in problems + skipped],  # paths inside the repository
            "report": report, "by_source_kind": by_kind,
            "latin_word_edges": cuts,
        }
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--standoff", type=Path, default=GOLD_DIR / "test.standoff.jsonl")
    parser.add_argument("--excerpts", type=Path, default=GOLD_DIR / "excerpts")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "real_pages.json",
                        help="write the full report here")
    parser.add_argument("--model", default=None, help="checkpoint folder (default: the installed model)")
    parser.add_argument("--build-from", type=Path, default=None, metavar="MARKUP_DIR",
                        help="build the stand-off file and excerpts from inline markup instead of scoring")
    args = parser.parse_args(argv)
    if args.build_from is not None:
        return build(args.build_from, args.standoff, args.excerpts)
    return score(args.standoff, args.excerpts, args.json, args.model)


if __name__ == "__main__":
    sys.exit(main())
