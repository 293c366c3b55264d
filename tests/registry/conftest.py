"""Gold records with relations, their JSONL files, and the seeds' extract output (made once per session).

Until the gold files carry gold relations, the records get them from a plain
adjacency rule (``with_relations``), for these tests only: a PERSON directly
followed by POSITION spans (only spaces, commas or "และ" between) holds each of
them; an ORGANIZATION and/or LOCATION right after a POSITION belongs to that
office; a DOC_CODE followed by ``ลงวันที่`` DATE is dated, by ``ของ`` ORGANIZATION
issued by it. Records that already have ``relations`` keep them.
"""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD_FILES = ("annotations/seeds.jsonl", "annotations/dev.jsonl")

GAP = re.compile(r"^[\s,]*(?:และ)?[\s,]*$")


def _gap(text: str, a: dict, b: dict) -> bool:
    return GAP.match(text[a["end"] : b["start"]]) is not None


def with_relations(record: Dict) -> Dict:
    """A copy of ``record`` with ``relations`` (its own when present, else the adjacency rule's)."""
    out = copy.deepcopy(record)
    if out.get("relations"):
        return out
    text, ents = out["text"], out["entities"]
    relations: List[Dict] = []
    for i, ent in enumerate(ents):
        if ent["label"] == "PERSON":
            j = i + 1
            while j < len(ents) and ents[j]["label"] == "POSITION" and _gap(text, ents[j - 1], ents[j]):
                relation = {"type": "holds_position", "person": i, "position": j}
                k = j + 1
                for role, label in (("organization", "ORGANIZATION"), ("location", "LOCATION")):
                    if k < len(ents) and ents[k]["label"] == label and _gap(text, ents[k - 1], ents[k]):
                        relation[role] = k
                        k += 1
                relations.append(relation)
                j = k
        elif ent["label"] == "DOC_CODE":
            if i + 1 < len(ents) and ents[i + 1]["label"] == "DATE" and re.match(r"^\s*ลงวันที่\s*$", text[ent["end"] : ents[i + 1]["start"]]):
                relations.append({"type": "dated", "doc_code": i, "date": i + 1})
                nxt = i + 2
            else:
                nxt = i + 1
            if nxt < len(ents) and ents[nxt]["label"] == "ORGANIZATION" and re.match(r"^\s*ของ\s*$", text[ents[nxt - 1]["end"] : ents[nxt]["start"]]):
                relations.append({"type": "issued_by", "doc_code": i, "issuer": nxt})
    out["relations"] = sorted(relations, key=lambda r: (r["type"], sorted((k, v) for k, v in r.items() if k != "type")))
    return out


def read(path: Path) -> List[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write(records, path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def gold_records() -> List[dict]:
    """Seeds and dev gold records, each with ``relations`` (gold ones when present)."""
    return [with_relations(r) for name in GOLD_FILES for r in read(ROOT / name)]


@pytest.fixture(scope="session")
def gold_files(tmp_path_factory, gold_records) -> List[Path]:
    """The gold records with relations as two JSONL files (seeds, dev)."""
    folder = tmp_path_factory.mktemp("gold")
    seeds = [r for r in gold_records if r["id"].startswith("seed-")]
    dev = [r for r in gold_records if not r["id"].startswith("seed-")]
    assert seeds and dev
    return [write(seeds, folder / "seeds.jsonl"), write(dev, folder / "dev.jsonl")]


@pytest.fixture(scope="session")
def seeds_extract(tmp_path_factory) -> Path:
    """``thai-polnews extract seeds/*.txt`` with the shipped model, run once per session."""
    out = tmp_path_factory.mktemp("extract") / "seeds.jsonl"
    texts = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    done = subprocess.run(
        [sys.executable, "-m", "thai_polnews.cli", "extract", *texts, "-o", str(out), "--quiet"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return out
