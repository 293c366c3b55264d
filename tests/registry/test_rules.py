"""Pure parts of the registry: keys, rows of a record, and the rule that splits one name into persons."""
import pytest

from thai_polnews.registry.keys import code_key, date_interval, fold, name_key, query_keys
from thai_polnews.registry.resolve import assign_persons
from thai_polnews.registry.rows import RecordError, record_hash, record_rows


def test_fold_latin_unaccented_and_case_folded():
    assert fold("  Nguyễn   Duy Ngọc ") == fold("nguyen duy NGOC") == "nguyen duy ngoc"
    assert fold("Đoàn Minh Khôi") == "doan minh khoi"


def test_name_key_prefers_canonical_then_reads_thai():
    assert name_key("ลัมดอง", "PERSON", "Lâm Đông") == "lam dong"
    # two Thai spellings of Hai Duong (ANNOTATION.md) meet without any attrs
    assert name_key("ไห่ดวง", "LOCATION") == name_key("ไห่เซือง", "LOCATION") == "hai duong"
    assert name_key("Phan Tan Canh", "PERSON") == "phan tan canh"


def test_unreadable_thai_keys_by_letters_and_queries_find_it():
    key = name_key("กวีญ", "PERSON")
    assert key.startswith("~") and key in query_keys("กวีญ", "PERSON")
    assert "nguyen tien thanh" in query_keys("เหงียน เตี๊ยน ถันห์", "PERSON")


def test_date_interval_and_code_key():
    assert date_interval("2024") == ("2024-01-01", "2024-12-31")
    assert date_interval("2024-03") == ("2024-03-01", "2024-03-31")
    assert date_interval("2020/2025") == ("2020-01-01", "2025-12-31")
    assert date_interval("--10-14") is None and date_interval(None) is None
    assert code_key("137-QĐ/TW") == code_key("137-qd/tw") == code_key("1 37-QD/TW")


def test_same_name_in_two_places_at_once_is_two_people():
    found = assign_persons([("a", "hai duong", "2024"), ("b", "thai binh", "2024-06"), ("c", "hai duong", None)])
    assert found == {"a": 1, "b": 2, "c": 1}
    # numbered by the earliest office: Thai Binh (all of 2024) starts before Hai Duong (March)
    found = assign_persons([("a", "hai duong", "2024-03-01"), ("b", "thai binh", "2024"), ("c", "hai duong", None)])
    assert found == {"a": 2, "b": 1, "c": 2}


def test_moving_between_places_over_time_is_one_person():
    found = assign_persons([("a", "hai duong", "2019"), ("b", "thai binh", "2024-05"), ("c", "hai duong", "2020")])
    assert found == {"a": 1, "b": 1, "c": 1}


def test_undated_place_never_splits_and_order_does_not_matter():
    rows = [("a", "hai duong", "2024"), ("b", "thai binh", None), ("c", "ha giang", "2024-06"), ("d", "thai binh", "2025")]
    assert assign_persons(rows) == assign_persons(list(reversed(rows))) == {"a": 1, "b": 1, "c": 2, "d": 1}


def _record(relations=None):
    text = "สหาย เหงียน วัน อาน เลขาธิการ คณะกรรมการพรรคจังหวัด ไห่เซือง ปี 2024 ตามมติ 27-NQ/TU ลงวันที่ 4 ธันวาคม 2023"
    spans = [("เหงียน วัน อาน", "PERSON"), ("เลขาธิการ", "POSITION"), ("คณะกรรมการพรรคจังหวัด", "ORGANIZATION"),
             ("ไห่เซือง", "LOCATION"), ("2024", "DATE"), ("27-NQ/TU", "DOC_CODE"), ("4 ธันวาคม 2023", "DATE")]
    values = {"2024": "2024", "4 ธันวาคม 2023": "2023-12-04"}
    entities = []
    for surface, label in spans:
        start = text.index(surface)
        attrs = {"value": values[surface]} if label == "DATE" else {}
        entities.append({"start": start, "end": start + len(surface), "label": label, "attrs": attrs})
    record = {"id": "r1", "text": text, "entities": entities}
    if relations is not None:
        record["relations"] = relations
    return record


def test_rows_offices_dates_and_document_facts():
    rows = record_rows(_record([
        {"type": "dated", "doc_code": 5, "date": 6},
        {"type": "event", "event": "appointment", "person": 0, "position": 1, "doc_code": 5, "date": 6},
        {"type": "holds_position", "person": 0, "position": 1, "organization": 2, "location": 3},
        {"type": "issued_by", "doc_code": 5, "issuer": 2},
    ]), "x:1")
    assert [m.label for m in rows.mentions] == ["PERSON", "POSITION", "ORGANIZATION", "LOCATION", "DATE", "DOC_CODE", "DATE"]
    event, holds = rows.offices
    assert (event.kind, event.event, event.date, event.date_source, event.doc_code) == ("event", "appointment", "2023-12-04", "relation", "27-NQ/TU")
    # no date in the relation: the document's first DATE
    assert (holds.location, holds.location_key, holds.date, holds.date_source) == ("ไห่เซือง", "hai duong", "2024", "document")
    assert [(c.code, c.issuer, c.date) for c in rows.doc_codes] == [("27-NQ/TU", "คณะกรรมการพรรคจังหวัด", "2023-12-04")]


def test_rows_without_relations_and_with_bad_ones():
    plain = record_rows(_record(), "x:1")
    assert plain.offices == [] and len(plain.mentions) == 7 and plain.doc_codes[0].issuer is None
    bad = record_rows(_record([{"type": "holds_position", "person": 99, "position": 1}, {"type": "holds_position", "position": 1}]), "x:1")
    assert bad.offices == [] and bad.skipped_relations == 2
    with pytest.raises(RecordError):
        record_rows({"id": "y", "entities": []}, "y:1")
    with pytest.raises(RecordError):
        record_rows({"id": "y", "text": "abc", "entities": [{"start": 2, "end": 9, "label": "PERSON"}]}, "y:1")


def test_hash_ignores_key_order_only():
    a = _record()
    b = dict(reversed(list(a.items())))
    assert record_hash(a) == record_hash(b)
    b["text"] = b["text"] + " "
    assert record_hash(a) != record_hash(b)
