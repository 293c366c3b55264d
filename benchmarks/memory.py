"""Peak memory of ``thai-polnews extract`` as the corpus grows: streaming means it stays flat.

    python benchmarks/memory.py [--sizes 1000 5000] [--no-model] [--model PATH] [--processes N]

For each size a synthetic JSONL corpus is written, ``thai-polnews extract`` runs
over it in a child process, and the child's peak resident memory (``wait4``
rusage: the largest of the extract process and its worker processes) is
printed with its wall time. A corpus held in memory would show peak memory
growing with the size; a streaming one shows the same figure.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[1]


def write_corpus(path: Path, n: int, seed: int) -> int:
    """``n`` synthetic documents as extract input (``id``, ``text``); returns the characters written."""
    from thai_polnews.training.synth import generate

    chars = 0
    with path.open("w", encoding="utf-8") as out:
        for record in generate(n, seed=seed):
            chars += len(record["text"])
            out.write(json.dumps({"id": record["id"], "text": record["text"]}, ensure_ascii=False) + "\n")
    return chars


def run_extract(args: List[str]) -> tuple:
    """Wall seconds and peak RSS (MB) of one ``thai-polnews extract`` child."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "thai_polnews.cli", "extract", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"extract failed with status {status}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--no-model", action="store_true", help="rules and sentences only (faster)")
    parser.add_argument("--model", default=None, help="NER checkpoint (default: the shipped one)")
    parser.add_argument("--processes", type=int, default=None, help="extract worker processes (default: extract's)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "memory.json")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus, out = Path(tmp) / f"in-{n}.jsonl", Path(tmp) / f"out-{n}.jsonl"
            chars = write_corpus(corpus, n, seed=5)
            extra = ["--no-model"] if args.no_model else []
            extra += ["--model", args.model] if args.model else []
            extra += ["--processes", str(args.processes)] if args.processes else []
            seconds, peak = run_extract([str(corpus), "-o", str(out), "--quiet", *extra])
            lines = sum(1 for _ in out.open(encoding="utf-8"))
            rows.append({"docs": n, "chars": chars, "written": lines, "seconds": seconds, "peak_rss_mb": peak})
            print(f"{n:>8} docs  {chars:>12,} chars  written {lines:>8}  {seconds:8.1f} s  peak RSS {peak:8.0f} MB")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"model": None if args.no_model else (args.model or "shipped"), "processes": args.processes, "runs": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
