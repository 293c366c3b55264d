"""The registry on the project's gold sets (seeds, dev): indexed, queried, re-indexed, split."""
import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from thai_polnews.cli import main
from thai_polnews.registry import connect, index_files
from thai_polnews.registry.keys import fold

ROOT = Path(__file__).resolve().parents[2]


def run(args, capsys):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def dump(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def build(db: Path, files) -> None:
    conn = connect(db)
    stats = index_files(conn, files)
    conn.close()
    assert not stats.problems


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory, gold_files) -> Path:
    db = tmp_path_factory.mktemp("db") / "registry.sqlite"
    build(db, gold_files)
    return db


def surface(record, index):
    ent = record["entities"][index]
    return record["text"][ent["start"]:ent["end"]]


def test_gold_sets_indexed_row_for_row(gold_db, gold_records):
    conn = sqlite3.connect(gold_db)
    count = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert count("SELECT COUNT(*) FROM documents") == len(gold_records)
    assert count("SELECT COUNT(*) FROM mentions") == sum(len(r["entities"]) for r in gold_records)
    offices = [rel for r in gold_records for rel in r["relations"] if rel["type"] in ("holds_position", "event")]
    assert offices and count("SELECT COUNT(*) FROM offices") == len(offices)
    expected = {}
    for r in gold_records:
        for rel in r["relations"]:
            if rel["type"] == "issued_by":
                expected.setdefault((r["id"], rel["doc_code"]), {})["issuer"] = surface(r, rel["issuer"])
    rows = conn.execute("SELECT document_id, entity, issuer FROM doc_codes WHERE issuer IS NOT NULL").fetchall()
    assert expected and {(d, e): {"issuer": i} for d, e, i in rows} == expected
    # every place name in the gold sets is one place, whatever its spelling
    canon = {e["attrs"]["canonical"] for r in gold_records for e in r["entities"]
             if e["label"] == "LOCATION" and e.get("attrs", {}).get("canonical")}
    keys = {row[0] for row in conn.execute("SELECT name_key FROM places")}
    assert {fold(c) for c in canon} <= keys
    conn.close()


def test_who_lists_every_gold_office_with_its_document(gold_db, gold_records, capsys):
    checked = 0
    for record in gold_records:
        for rel in record["relations"]:
            if rel["type"] != "holds_position":
                continue
            code, out, _ = run(["who", surface(record, rel["person"]), "--db", gold_db], capsys)
            assert code == 0
            lines = [line for line in out.splitlines() if surface(record, rel["position"]) in line]
            assert any(record["id"] in line for line in lines), (record["id"], out)
            checked += 1
    assert checked >= 50


def test_who_any_spelling_gives_the_same_answer(gold_db, gold_records, capsys):
    spellings = defaultdict(set)
    for record in gold_records:
        for ent in record["entities"]:
            canonical = ent.get("attrs", {}).get("canonical")
            if ent["label"] == "PERSON" and canonical and len(canonical.split()) >= 3:
                spellings[canonical].add(record["text"][ent["start"]:ent["end"]])
    compared = 0
    for canonical, surfaces in sorted(spellings.items()):
        answers = {run(["who", s, "--db", gold_db], capsys)[1] for s in [canonical.upper(), canonical.lower(), *surfaces]}
        assert len(answers) == 1, (canonical, surfaces)
        compared += len(surfaces) > 1 or any(not s.isascii() for s in surfaces)
    assert compared >= 10
    # Thai spellings of one name (ANNOTATION.md) and its accented romanisation
    a = run(["who", "เหงียน เตี๊ยน ถันห์", "--db", gold_db], capsys)[1]
    assert a == run(["who", "Nguyễn Tiến Thành", "--db", gold_db], capsys)[1]
    assert "seed-004" in a and "ประธานสภาประชาชนจังหวัด" in a


def test_mentions_of_a_place_are_its_gold_spans(gold_db, gold_records, capsys):
    expected = defaultdict(list)
    for record in gold_records:
        for ent in record["entities"]:
            canonical = ent.get("attrs", {}).get("canonical")
            if ent["label"] == "LOCATION" and canonical:
                expected[canonical].append(f"{record['id']}\t{ent['start']}-{ent['end']}\t{surface(record, record['entities'].index(ent))}")
    assert len(expected) >= 20
    for canonical, lines in expected.items():
        code, out, _ = run(["mentions", canonical, "--db", gold_db], capsys)
        assert code == 0
        block = [b for b in out.split("\n\n") if b.startswith("LOCATION ")]
        assert len(block) == 1 and block[0].splitlines()[1:] == sorted(lines, key=lambda l: (l.split("\t")[0], int(l.split("\t")[1].split("-")[0])))


def test_reindexing_changes_nothing_and_increments_match_one_run(tmp_path, gold_files, capsys):
    once = tmp_path / "once.sqlite"
    build(once, gold_files)
    before = dump(once)
    code, _, err = run(["index", *gold_files, "--db", once, "--quiet"], capsys)
    assert code == 0 and "0 added, 0 replaced" in err
    assert dump(once) == before
    # dev first, then seeds in a second run: the same database
    steps = tmp_path / "steps.sqlite"
    build(steps, [gold_files[1]])
    build(steps, [gold_files[0]])
    conn_a, conn_b = sqlite3.connect(once), sqlite3.connect(steps)
    for table in ("mentions", "persons", "person_documents", "places", "offices", "doc_codes"):
        query = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert conn_a.execute(query).fetchall() == conn_b.execute(query).fetchall(), table


def write(records, path: Path) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_changed_record_replaces_its_rows(tmp_path, gold_records, capsys):
    db = tmp_path / "r.sqlite"
    first = write(gold_records, tmp_path / "a.jsonl")
    build(db, [first])
    target = next(r for r in gold_records if r["id"] == "dev-001")
    person = next(i for i, e in enumerate(target["entities"]) if e["label"] == "PERSON")
    name = surface(target, person)
    assert "dev-001" in run(["who", name, "--db", db], capsys)[1]
    changed = json.loads(json.dumps(target))
    canonical = target["entities"][person]["attrs"]["canonical"]
    changed["entities"] = [e for e in changed["entities"] if e.get("attrs", {}).get("canonical") != canonical]
    changed["relations"] = []
    code, _, err = run(["index", write([changed], tmp_path / "b.jsonl"), "--db", db, "--quiet"], capsys)
    assert code == 0 and "0 added, 1 replaced" in err
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM mentions WHERE document_id = 'dev-001'").fetchone()[0] == len(changed["entities"])
    assert conn.execute("SELECT COUNT(*) FROM offices WHERE document_id = 'dev-001'").fetchone()[0] == 0
    conn.close()
    code, out, _ = run(["who", name, "--db", db], capsys)
    assert code == 1 or "dev-001" not in out


def test_records_without_relations_still_index(tmp_path, gold_records, capsys):
    plain = [{k: v for k, v in r.items() if k != "relations"} for r in gold_records]
    db = tmp_path / "plain.sqlite"
    build(db, [write(plain, tmp_path / "plain.jsonl")])
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM offices").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == sum(len(r["entities"]) for r in plain)
    conn.close()
    code, out, _ = run(["who", "Tran Duc Thang", "--db", db], capsys)
    assert code == 0 and "no office recorded" in out and "seed-003" in out


def _article(doc_id, person, position, place, year, *, event=None):
    """A short record: person, position, party committee, place, a year; offsets computed."""
    pieces = [("สหาย ", None), (person, "PERSON"), (" ", None), (position, "POSITION"), (" ", None),
              ("คณะกรรมการพรรคจังหวัด", "ORGANIZATION"), (" ", None), (place, "LOCATION"), (" ปี ", None), (year, "DATE")]
    text, entities = "", []
    for piece, label in pieces:
        if label:
            attrs = {"value": year} if label == "DATE" else {}
            entities.append({"start": len(text), "end": len(text) + len(piece), "label": label, "attrs": attrs})
        text += piece
    relation = {"type": "holds_position", "person": 0, "position": 1, "organization": 2, "location": 3}
    if event:
        relation = {"type": "event", "event": event, "person": 0, "position": 1, "organization": 2, "location": 3, "date": 4}
    return {"id": doc_id, "text": text, "entities": entities, "relations": [relation]}


def test_one_name_in_two_provinces_at_once_is_two_people(tmp_path, capsys):
    records = [
        _article("a", "เหงียน วัน อาน", "เลขาธิการ", "ไห่เซือง", "2024"),
        _article("b", "Nguyễn Văn An", "ประธาน", "ไทบิ่ญ", "2024", event="appointment"),
        _article("c", "เหงียน วัน อาน", "รองเลขาธิการ", "ไห่เซือง", "2020"),
    ]
    forward, backward = tmp_path / "f.sqlite", tmp_path / "b.sqlite"
    build(forward, [write(records, tmp_path / "f.jsonl")])
    build(backward, [write(records[::-1], tmp_path / "b.jsonl")])
    code, out, _ = run(["who", "nguyen van an", "--db", forward], capsys)
    assert code == 0
    assert out == run(["who", "เหงียน วัน อาน", "--db", backward], capsys)[1]
    first, second = out.split("\n\n")
    assert first.startswith("Nguyen Van An #1") and second.startswith("Nguyen Van An #2")
    # person 1: Hai Duong from 2020 (two offices, in time order); person 2: Thai Binh in 2024
    assert "[c]" in first and "[a]" in first and first.index("[c]") < first.index("[a]") and "ไทบิ่ญ" not in first
    assert "appointment" in second and "ไทบิ่ญ" in second and "[b]" in second and "ไห่เซือง" not in second
    # the same name moving to Thai Binh later (no overlap) stays one person
    moved = tmp_path / "m.sqlite"
    build(moved, [write([records[2], _article("d", "เหงียน วัน อาน", "ประธาน", "ไทบิ่ญ", "2024")], tmp_path / "m.jsonl")])
    out = run(["who", "Nguyen Van An", "--db", moved], capsys)[1]
    assert "#" not in out.splitlines()[0] and "[c]" in out and "[d]" in out
    code, out, _ = run(["mentions", "Nguyen Van An", "--db", forward], capsys)
    assert code == 0 and out.count("PERSON Nguyen Van An #") == 2


def test_errors_are_one_line_with_exit_codes(tmp_path, gold_db, capsys):
    code, out, err = run(["who", "Nobody Known Here", "--db", gold_db], capsys)
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    code, _, err = run(["mentions", "Nobody Known Here", "--db", gold_db], capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1
    missing = tmp_path / "missing.sqlite"
    for command in ("who", "mentions"):
        code, _, err = run([command, "Tran Duc Thang", "--db", missing], capsys)
        assert code == 2 and len(err.strip().splitlines()) == 1 and not missing.exists()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    code, _, err = run(["who", "Tran Duc Thang", "--db", junk], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "abc", "entities": []}\n{broken\n{"id": "x"}\n', encoding="utf-8")
    code, _, err = run(["index", bad, tmp_path / "nope.jsonl", "--db", tmp_path / "new.sqlite", "--quiet"], capsys)
    assert code == 3
    assert "bad.jsonl:2: invalid JSON" in err and "bad.jsonl:3: no string 'text'" in err and "nope.jsonl: cannot read" in err
    assert "1 added" in err


def test_refresh_in_small_chunks_gives_the_same_persons(tmp_path, gold_files):
    from thai_polnews.registry.load import refresh_pending

    db = tmp_path / "chunks.sqlite"
    build(db, gold_files)
    before = dump(db)
    conn = connect(db)
    conn.execute("UPDATE person_documents SET disambiguator = 7")
    conn.execute("DELETE FROM persons")
    conn.execute("DELETE FROM places")
    conn.execute("INSERT INTO pending_names SELECT DISTINCT label, name_key FROM mentions WHERE name_key IS NOT NULL")
    refresh_pending(conn, chunk=3)
    conn.commit()
    conn.close()
    assert dump(db) == before
