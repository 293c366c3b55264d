"""Time and peak memory of ``thai-polnews index`` as the archive grows: streaming keeps memory flat.

    python benchmarks/registry.py [--sizes 10000 100000] [--source FILE.jsonl ...]

For each size N a JSONL archive of N records is written by repeating the source
records (default: the gold sets ``annotations/seeds.jsonl`` and ``dev.jsonl``)
under new ids. Every repetition gives the persons new canonical names (a numbered
given name), so the registry resolves tens of thousands of distinct people, as a
real archive would. Records without ``relations`` get them from a plain adjacency
rule (a PERSON followed by POSITION spans holds them, with an ORGANIZATION and
LOCATION right after), so offices and the person-splitting rule are timed too.
``thai-polnews index`` then runs in a child process into a new database, and again
over the same file (nothing changes); the child's wall time and peak resident
memory (``wait4`` rusage) are printed, with the database size and one ``who`` query.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, Iterator, List

ROOT = Path(__file__).resolve().parents[1]
GAP = re.compile(r"^[\s,]*(?:และ)?[\s,]*$")


def adjacency_relations(record: Dict) -> List[Dict]:
    """``holds_position`` relations of PERSON + POSITION runs (for timing only, not an extractor)."""
    text, ents = record["text"], record["entities"]
    near = lambda a, b: GAP.match(text[ents[a]["end"]:ents[b]["start"]]) is not None  # noqa: E731
    out = []
    for i, ent in enumerate(ents):
        if ent["label"] != "PERSON":
            continue
        j = i + 1
        while j < len(ents) and ents[j]["label"] == "POSITION" and near(j - 1, j):
            relation = {"type": "holds_position", "person": i, "position": j}
            k = j + 1
            for role, label in (("organization", "ORGANIZATION"), ("location", "LOCATION")):
                if k < len(ents) and ents[k]["label"] == label and near(k - 1, k):
                    relation[role] = k
                    k += 1
            out.append(relation)
            j = k
    return out


def archive(sources: List[Dict], n: int) -> Iterator[Dict]:
    """``n`` records: the sources repeated with new ids and, per repetition, new person names."""
    for i in range(n):
        record = copy.deepcopy(sources[i % len(sources)])
        round_ = i // len(sources)
        record["id"] = f"bench-{i:07d}"
        for ent in record["entities"]:
            canonical = (ent.get("attrs") or {}).get("canonical")
            if ent["label"] == "PERSON" and canonical:
                ent["attrs"]["canonical"] = f"{canonical} {round_}"
        yield record


def write_archive(path: Path, sources: List[Dict], n: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in archive(sources, n):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def run_child(args: List[str]) -> tuple:
    """Wall seconds, peak RSS (MB) and exit code of one ``thai-polnews`` child."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "thai_polnews.cli", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    child.stderr.close()
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def _shown(path: Path) -> str:
    """A source path as written in the results: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--source", type=Path, nargs="+",
                        default=[ROOT / "annotations" / "seeds.jsonl", ROOT / "annotations" / "dev.jsonl"])
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "registry.json")
    args = parser.parse_args(argv)
    sources = []
    for path in args.source:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                record.setdefault("relations", adjacency_relations(record))
                sources.append(record)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            data, db = Path(tmp) / f"archive-{n}.jsonl", Path(tmp) / f"registry-{n}.sqlite"
            write_archive(data, sources, n)
            seconds, rss, code = run_child(["index", str(data), "--db", str(db), "--quiet"])
            again, rss_again, code_again = run_child(["index", str(data), "--db", str(db), "--quiet"])
            query, _, code_query = run_child(["who", "Tran Duc Thang 0", "--db", str(db)])
            row = {
                "records": n,
                "input_mb": round(data.stat().st_size / 2**20, 1),
                "index_seconds": round(seconds, 1),
                "index_peak_rss_mb": round(rss, 1),
                "reindex_seconds": round(again, 1),
                "reindex_peak_rss_mb": round(rss_again, 1),
                "db_mb": round(db.stat().st_size / 2**20, 1),
                "who_seconds": round(query, 2),
                "exit_codes": [code, code_again, code_query],
            }
            print(json.dumps(row), flush=True)
            rows.append(row)
            data.unlink()
            db.unlink()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"sources": [_shown(p) for p in args.source], "runs": rows}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
