"""The registry on the seeds' extract output (shipped model), the form an archive is indexed in."""
import json
import sqlite3
from collections import defaultdict

import pytest

from thai_polnews.cli import main


def run(args, capsys):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def extract_db(tmp_path_factory, seeds_extract):
    db = tmp_path_factory.mktemp("extract-db") / "registry.sqlite"
    assert main(["index", str(seeds_extract), "--db", str(db), "--quiet"]) == 0
    return db


def test_every_named_person_is_found_with_its_mentions(extract_db, seeds_extract, capsys):
    records = [json.loads(line) for line in seeds_extract.read_text(encoding="utf-8").splitlines()]
    by_name = defaultdict(set)
    for record in records:
        for ent in record["entities"]:
            if ent["label"] == "PERSON" and ent["attrs"].get("canonical"):
                by_name[ent["attrs"]["canonical"]].add((record["id"], ent["start"], ent["end"], ent["text"]))
    assert len(by_name) >= 10
    for canonical, spans in by_name.items():
        code, out, _ = run(["who", canonical, "--db", extract_db], capsys)
        assert code == 0 and all(doc in out for doc, *_ in spans), canonical
        code, out, _ = run(["mentions", canonical.lower(), "--db", extract_db], capsys)
        assert code == 0
        listed = set()
        for block in out.split("\n\n"):
            if block.startswith("PERSON "):
                for line in block.splitlines()[1:]:
                    doc, offsets, text = line.split("\t")
                    start, end = map(int, offsets.split("-"))
                    listed.add((doc, start, end, text))
        assert spans <= listed, canonical


def test_offices_come_from_relations_when_extract_gives_them(extract_db, seeds_extract):
    records = [json.loads(line) for line in seeds_extract.read_text(encoding="utf-8").splitlines()]
    expected = sum(1 for r in records for rel in r.get("relations", []) if rel.get("type") in ("holds_position", "event"))
    conn = sqlite3.connect(extract_db)
    assert conn.execute("SELECT COUNT(*) FROM offices").fetchone()[0] == expected
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(records)
    conn.close()


def test_indexing_extract_output_again_changes_nothing(extract_db, seeds_extract, capsys):
    conn = sqlite3.connect(extract_db)
    before = list(conn.iterdump())
    conn.close()
    code, _, err = run(["index", seeds_extract, "--db", extract_db, "--quiet"], capsys)
    assert code == 0 and "0 added, 0 replaced, 5 unchanged" in err
    conn = sqlite3.connect(extract_db)
    assert list(conn.iterdump()) == before
    conn.close()
