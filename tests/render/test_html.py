"""The HTML page: every entity in its label colour, escaped text, sentences, clusters, hover text."""
from __future__ import annotations

import json

import pytest

import thai_polnews
from thai_polnews.records import LABELS
from thai_polnews.view import COLORS, render
from thai_polnews.view.segments import cluster_surfaces, hover_text, record_clusters, sentence_segments


def test_six_distinct_colours():
    assert set(COLORS) == set(LABELS)
    assert len(set(COLORS.values())) == len(LABELS)


def test_every_entity_drawn_once_in_its_label_colour(record, parse_page):
    page = parse_page(render(record))
    entities = record["entities"]
    assert [m["data-label"] for m in page.marks] == [e["label"] for e in entities]
    assert [m["text"] for m in page.marks] == [e["text"] for e in entities]
    for mark in page.marks:
        assert f"background: {COLORS[mark['data-label']]}" in mark["style"]


def test_text_is_escaped(record):
    record["id"] = "<script>alert(1)</script>"
    page = render(record, title='a "title" <i>')
    assert "<script" not in page and "<A&B>" not in page and "<i>" not in page
    assert "คณะกรรมการ &lt;A&amp;B&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_self_contained(record):
    page = render(record)
    for needle in ("<script", "src=", "href=", "@import", "url(", "<link"):
        assert needle not in page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="th">' in page and '<meta charset="utf-8">' in page


def test_hover_shows_canonical_attributes_and_cluster(record, parse_page):
    marks = parse_page(render(record)).marks
    person, doc_code, date = marks[0], marks[3], marks[4]
    assert "canonical: Nguyen Tien Thanh" in person["title"]
    assert "cluster: Nguyen Tien Thanh (2 mentions)" in person["title"]
    assert person["data-cluster"] == marks[5]["data-cluster"] != ""
    assert "number: 27" in doc_code["title"] and "issuer: TW" in doc_code["title"] and "year" not in doc_code["title"]
    assert "value: 2023-12-25" in date["title"]
    assert marks[1]["data-cluster"] == ""


def test_sentences_are_numbered_rows(record, parse_page):
    rows = parse_page(render(record)).sentences
    assert [r["data-sent"] for r in rows] == ["1", "2"]
    first, second = (s for s in record["sentences"])
    assert rows[0]["text"] == record["text"][first[0] : first[1]]
    assert rows[1]["text"] == record["text"][second[0] : second[1]]


def test_clusters_listed_with_every_spelling(record, parse_page):
    clusters = parse_page(render(record)).clusters
    assert len(clusters) == 2
    person = next(c for c in clusters if "Nguyen Tien Thanh" in c["text"])
    place = next(c for c in clusters if "Hai Duong" in c["text"])
    for spelling in ("เหงียน เตี่ยน ถั่น", "เหงียน เตี๊ยน ถันห์"):
        assert spelling in person["text"]
    assert "ไห่เซือง" in place["text"] and "ไห่ดวง" in place["text"]
    assert "variants" in person["class"]


def test_clusters_of_the_record_win_over_canonical_attrs(record):
    text = record["text"]
    record["clusters"] = [{"canonical": "Someone Else", "label": "PERSON", "mentions": [[record["entities"][0]["start"], record["entities"][0]["end"]]]}]
    assert [c["canonical"] for c in record_clusters(record)] == ["Someone Else"]
    assert cluster_surfaces(text, record["clusters"][0]) == [("เหงียน เตี่ยน ถั่น", 1)]


def test_sentence_segments_cover_the_text_and_never_cut_an_entity():
    text = "abc def. ghi jkl"
    assert sentence_segments(text, [[0, 8], [9, 16]], []) == [(0, 9), (9, 16)]
    assert sentence_segments(text, [], []) == [(0, 16)]
    crossing = [{"start": 4, "end": 12, "label": "ORGANIZATION"}]
    assert sentence_segments(text, [[0, 8], [9, 16]], crossing) == [(0, 16)]
    assert sentence_segments("", [], []) == []


def test_hover_text_lists_non_empty_attrs():
    entity = {"label": "DOC_CODE", "attrs": {"number": "30", "type": "ND", "issuer": "CP", "year": "2020"}}
    assert hover_text(entity).splitlines() == ["DOC_CODE", "number: 30", "type: ND", "issuer: CP", "year: 2020"]


def test_bad_records_raise_one_line_errors(record):
    record["entities"][0]["end"] = len(record["text"]) + 5
    with pytest.raises(ValueError, match="offsets outside text") as err:
        render(record)
    assert "\n" not in str(err.value)
    with pytest.raises(ValueError, match="expected a spaCy Doc"):
        render([42])
    with pytest.raises(ValueError, match="unknown label"):
        render({"text": "abc", "entities": [{"start": 0, "end": 3, "label": "THING"}]})


def test_empty_documents_render():
    page = render([{"id": "empty", "text": "", "sentences": [], "entities": []}])
    assert "0 entities" in page and "0 sentences" in page


def test_gold_seeds_render_every_entity(root, parse_page):
    records = [json.loads(line) for line in (root / "annotations" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    page = parse_page(render(records))
    expected = [(r["text"][e["start"] : e["end"]], e["label"]) for r in records for e in sorted(r["entities"], key=lambda e: e["start"])]
    assert [(m["text"], m["data-label"]) for m in page.marks] == expected


def test_render_from_a_doc(rules_nlp, parse_page):
    doc = rules_nlp("ตามคำสั่งหมายเลข 27-CT/TW ลงวันที่ 25 ธันวาคม 2023")
    assert thai_polnews.render is render
    marks = parse_page(render(doc)).marks
    assert [(m["text"], m["data-label"]) for m in marks] == [(e.text, e.label_) for e in doc.ents]
    assert {"DOC_CODE", "DATE"} <= {m["data-label"] for m in marks}
