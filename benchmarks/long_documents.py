"""Time of the whole pipeline on one very long document, at two lengths: linear time means the
ratio of the times is close to the ratio of the lengths.

    taskset -c 0 python benchmarks/long_documents.py --lengths 1000000 5000000

The document is the seed articles repeated; one torch thread. Prints seconds per length,
the time ratio against the first length, and the entities found in the last article's span.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[1_000_000, 5_000_000])
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args()
    import torch

    import thai_polnews

    torch.set_num_threads(1)
    base = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    nlp = thai_polnews.loading.warm_up(thai_polnews.load(device="cpu"))
    results = []
    for n in args.lengths:
        text = (base * (n // len(base) + 1))[:n]
        began = time.perf_counter()
        doc = nlp(text)
        seconds = time.perf_counter() - began
        tail = sum(e.start_char >= n - len(base) for e in doc.ents)
        results.append({"chars": n, "seconds": round(seconds, 2), "entities": len(doc.ents), "entities_in_last_article": tail})
        ratio = seconds / results[0]["seconds"]
        print(f"{n:>10,} chars  {seconds:7.1f} s  x{ratio:4.2f} time for x{n / args.lengths[0]:.1f} length  "
              f"{len(doc.ents):,} entities ({tail} in the last article)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
