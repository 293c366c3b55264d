"""The relations component, ``doc._.relations`` and the JSONL record round trip."""
from __future__ import annotations

import json

import pytest
import spacy

from thai_polnews.pipeline.relations import RelationExtractor  # noqa: F401  (registers the factory)
from thai_polnews.records import to_record, validate_record

from .helpers import make_doc

PIECES = [
    ("สหาย", None), ("ฟาม คะจวน", "PERSON"), (" ", None), ("สมาชิกคณะกรรมการถาวร", "POSITION"), (" ", None),
    ("หัวหน้าคณะกรรมการจัดระเบียบ", "POSITION"), (" ได้อ่านคำสั่งหมายเลข ", None), ("27-CT/TW", "DOC_CODE"),
    (" ลงวันที่ ", None), ("25 ธันวาคม 2023", "DATE"), (" ของ", None), ("โปลิตบูโร", "ORGANIZATION"), ("\n", None),
    ("นาย", None), ("ถั่น", "PERSON"), (" ได้รับแต่งตั้งเป็น", None), ("เลขาธิการคณะกรรมการพรรคจังหวัด", "POSITION"),
]


def component(**config):
    nlp = spacy.blank("xx")
    return nlp, nlp.add_pipe("thai_polnews_relations_v1", name="relations", config=config)


def test_component_sets_sorted_relations_with_indices_into_doc_ents():
    _, extractor = component()
    doc = extractor(make_doc(PIECES))
    ents = list(doc.ents)
    got = [(r["type"], r.get("event"), {k: ents[v].text for k, v in r.items() if isinstance(v, int)}) for r in doc._.relations]
    assert got == [
        ("dated", None, {"doc_code": "27-CT/TW", "date": "25 ธันวาคม 2023"}),
        ("event", "appointment", {"person": "ถั่น", "position": "เลขาธิการคณะกรรมการพรรคจังหวัด"}),
        ("holds_position", None, {"person": "ฟาม คะจวน", "position": "สมาชิกคณะกรรมการถาวร"}),
        ("holds_position", None, {"person": "ฟาม คะจวน", "position": "หัวหน้าคณะกรรมการจัดระเบียบ"}),
        ("issued_by", None, {"doc_code": "27-CT/TW", "issuer": "โปลิตบูโร"}),
    ]


def test_types_config_keeps_only_some_types_and_rejects_unknown_ones():
    _, extractor = component(types=["event"])
    assert {r["type"] for r in extractor(make_doc(PIECES))._.relations} == {"event"}
    with pytest.raises(ValueError, match="unknown relation type"):
        component(types=["married_to"])


def test_doc_without_entities_gets_an_empty_list():
    _, extractor = component()
    assert extractor(make_doc([("ไม่มีชื่อใด ๆ", None)]))._.relations == []


def test_record_round_trip_keeps_relations_valid():
    _, extractor = component()
    doc = extractor(make_doc(PIECES))
    record = json.loads(json.dumps(to_record(doc, id="x"), ensure_ascii=False))
    assert record["relations"] == doc._.relations and len(record["relations"]) == 5
    assert validate_record(record) == []


def test_validate_record_reports_bad_relations():
    _, extractor = component()
    record = to_record(extractor(make_doc(PIECES)), id="x")
    bad = dict(record, relations=[
        {"type": "holds_position", "person": 2, "position": 1},
        {"type": "dated", "doc_code": 3, "date": 99},
        {"type": "spouse", "person": 0},
        {"type": "event", "event": "promotion", "person": 0},
        {"type": "event", "event": "appointment", "subtype": "warning", "person": 0},
        {"type": "issued_by", "doc_code": 3},
    ])
    problems = validate_record(bad)
    assert len(problems) == 6, problems
    assert any("person is entity 2 (POSITION)" in p for p in problems)
    assert any("99 is not an entity index" in p for p in problems)
    assert any("unknown type 'spouse'" in p for p in problems)
    assert any("missing role 'issuer'" in p for p in problems)


def test_gold_files_have_valid_relations(root):
    for name in ("seeds", "dev", "test", "relations_dev"):
        for line in (root / "annotations" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert "relations" in record
            assert validate_record(record) == [], record["id"]
