"""Interrupt ``thai-polnews extract`` part-way and resume it: every document comes out exactly once.

    python benchmarks/resume.py [--n 20000] [--kill-after 60] [--signal KILL|INT] [--no-model]

Writes ``n`` synthetic documents as JSONL, starts ``extract`` on them, kills it
after ``kill-after`` seconds (SIGKILL by default: no chance to clean up), then
runs the same command with ``--resume``. Prints how many records the first run
had checkpointed and whether the final output holds each input id exactly once,
in input order. Exits 1 if not.
"""
from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memory import write_corpus  # noqa: E402


def extract(args: List[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "thai_polnews.cli", "extract", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--kill-after", type=float, default=60.0)
    parser.add_argument("--signal", choices=("KILL", "INT"), default="KILL")
    parser.add_argument("--no-model", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        write_corpus(corpus, args.n, seed=11)
        ids = [json.loads(line)["id"] for line in corpus.open(encoding="utf-8")]
        common = [str(corpus), "-o", str(out), "--quiet"] + (["--no-model"] if args.no_model else [])
        start = time.perf_counter()
        first = extract(common)
        time.sleep(args.kill_after)
        first.send_signal(getattr(signal, f"SIG{args.signal}"))
        first.wait()
        partial = sorted(Path(tmp).glob("out.jsonl*"))
        second = extract(common + ["--resume"])
        _, err = second.communicate()
        seconds = time.perf_counter() - start
        resumed = next((line for line in err.splitlines() if line.startswith("resuming after")), "resuming after 0 documents")
        got = [json.loads(line)["id"] for line in out.open(encoding="utf-8")]
    ok = got == ids
    print(f"{args.n} documents; first run killed (SIG{args.signal}) after {args.kill_after:.0f} s; "
          f"files then: {[p.name for p in partial]}; {resumed}")
    print(f"final output: {len(got)} records, {len(set(got))} distinct ids, "
          f"{'each input id once, in order' if ok else 'MISMATCH'}; {seconds:.0f} s in all")
    print(err.strip().splitlines()[-1] if err.strip() else "")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
