import json

import pytest
import spacy

from thai_polnews.records import iter_inputs, read_jsonl, sentence_offsets, to_record, validate_record
from thai_polnews.rules import RuleMatch
from thai_polnews.spans import add_entities


def test_validate_accepts_a_good_record():
    text = "สหาย Phan Tan Canh ได้เข้าใจ\nมติที่ 27-NQ/TU"
    record = {
        "text": text,
        "sentences": [[0, 28], [29, len(text)]],
        "entities": [
            {"start": 5, "end": 18, "label": "PERSON", "text": "Phan Tan Canh"},
            {"start": 36, "end": 44, "label": "DOC_CODE", "text": "27-NQ/TU"},
        ],
    }
    assert validate_record(record) == []


@pytest.mark.parametrize(
    "entities, sentences, fragment",
    [
        ([{"start": 0, "end": 99, "label": "PERSON"}], [], "outside"),
        ([{"start": 0, "end": 3, "label": "PEOPLE"}], [], "unknown label"),
        ([{"start": 0, "end": 3, "label": "PERSON", "text": "xyz"}], [], "!="),
        ([{"start": 0, "end": 4, "label": "PERSON"}, {"start": 2, "end": 5, "label": "DATE"}], [], "overlaps"),
        ([{"start": 3, "end": 5, "label": "PERSON"}], [], "whitespace"),
        ([], [[0, 5], [3, 8]], "overlaps"),
        ([], [[0, 7]], "newline"),
        ([], [[0, 4]], "not stripped"),
    ],
)
def test_validate_reports_each_problem(entities, sentences, fragment):
    record = {"text": "abc de\nfgh", "entities": entities, "sentences": sentences}
    problems = validate_record(record)
    assert problems and any(fragment in p for p in problems), problems


def test_validate_requires_text():
    assert validate_record({"entities": []}) == ["missing or non-string 'text'"]


def test_to_record_has_exact_offsets_and_attrs():
    nlp = spacy.blank("th")
    text = "  ตาม 03/KH-UBND  "
    doc = nlp(text)
    add_entities(doc, [RuleMatch(6, 16, "DOC_CODE", {"number": "03"})], priority=True)
    record = to_record(doc, id="x")
    assert record["id"] == "x" and record["text"] == text
    assert record["entities"] == [
        {"start": 6, "end": 16, "label": "DOC_CODE", "text": "03/KH-UBND", "attrs": {"number": "03"}}
    ]
    assert record["sentences"] == [[2, 16]]
    assert validate_record(record) == []


def test_sentence_offsets_of_empty_and_whitespace_docs():
    nlp = spacy.blank("th")
    assert sentence_offsets(nlp("")) == []
    assert sentence_offsets(nlp("  \n ")) == []


def test_iter_inputs_reports_bad_lines_and_keeps_the_rest(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "ข้อความ"}, ensure_ascii=False).encode(),
        b'{"id": "b"}',
        b"not json",
        b'{"id": "c", "text": "\xff\xfe broken"}',
        b"",
        json.dumps({"text": "อีกหนึ่ง"}, ensure_ascii=False).encode(),
        b'["a list"]',
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(iter_inputs([path]))
    good = [(i.id, i.text) for i in items if i.problem is None]
    bad = [(i.problem.line, i.problem.reason) for i in items if i.problem is not None]
    assert good == [("a", "ข้อความ"), ("in:6", "อีกหนึ่ง")]
    assert [line for line, _ in bad] == [2, 3, 4, 7]
    assert "text" in bad[0][1] and "JSON" in bad[1][1] and "UTF-8" in bad[2][1]


def test_iter_inputs_txt_broken_utf8_and_missing_file(tmp_path):
    good, broken = tmp_path / "good.txt", tmp_path / "broken.txt"
    good.write_text("เวียดนาม", encoding="utf-8")
    broken.write_bytes("เวียดนาม".encode() + b"\xc3")
    items = list(iter_inputs([good, broken]))
    assert items[0].text == "เวียดนาม" and items[0].id == "good"
    assert "UTF-8" in str(items[1].problem) and "broken.txt" in str(items[1].problem)
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        list(iter_inputs([good, tmp_path / "missing.txt"]))


def test_read_jsonl_names_the_bad_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"text": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"g.jsonl:2"):
        read_jsonl(path)
