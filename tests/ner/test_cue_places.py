"""Known places after a place head word, and how they mend model spans."""
from __future__ import annotations

import pytest

from thai_polnews.ner.cue_places import cue_places, known_place_at, known_places
from thai_polnews.ner.repair import repair_spans, span_cues
from thai_polnews.rules.base import RuleMatch


def test_known_places_cover_gazetteer_and_foreign_lists():
    places = known_places()
    assert {"พงสาลี", "ยูนนาน", "ตาแก้ว"} <= places  # names/foreign_places.tsv
    assert "ห่าซาง" in places  # a gazetteer province
    assert all(" " not in p and len(p) >= 2 for p in places)


def test_longest_known_place_wins():
    text = "จังหวัดลาวไกได้"
    assert "ลาว" in known_places()
    assert known_place_at(text, len("จังหวัด")) == len("จังหวัดลาวไก")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ผู้แทนแขวงพงสาลีได้เดินทางมา", ["พงสาลี"]),
        ("คณะผู้แทนจากมณฑลยูนนาน จีน", ["ยูนนาน"]),
        ("จังหวัด ห่าซาง มีประชากร", ["ห่าซาง"]),
        ("ในแขวงพงสาลีxx", ["พงสาลี"]),
        ("ไม่มีชื่อสถานที่ในประโยคนี้", []),
    ],
)
def test_cue_places(text, expected):
    found = cue_places(text, span_cues()["place"], lambda offset: True)
    assert [text[m.start : m.end] for m in found] == expected
    assert all(m.label == "LOCATION" for m in found)


def test_a_place_that_runs_on_into_a_fragment_is_left_alone():
    text = "ตำบลห่าซางเหียน"
    found = cue_places(text, span_cues()["place"], lambda offset: offset == len(text))
    assert found == []


def _surfaces(text, spans):
    return [(text[s.start : s.end], s.label) for s in spans]


def test_repair_joins_pieces_of_a_known_place_and_adds_missed_ones():
    text = "ผู้แทนระดับสูงของแขวงพงสาลีได้พบกับคณะผู้แทนจากมณฑลยูนนาน"
    at = text.index("พงสาลี")
    pieces = [RuleMatch(at, at + 2, "LOCATION"), RuleMatch(at + 4, at + 6, "PERSON")]
    assert _surfaces(text, repair_spans(text, pieces)) == [("พงสาลี", "LOCATION"), ("ยูนนาน", "LOCATION")]


def test_repair_keeps_a_longer_location_and_bodies_over_the_place():
    text = "แขวงห่าซาง 1 และคณะกรรมการประชาชนจังหวัดห่าซาง"
    ward = RuleMatch(4, text.index(" และ"), "LOCATION")
    body = RuleMatch(text.index("คณะ"), len(text), "ORGANIZATION")
    assert _surfaces(text, repair_spans(text, [ward, body])) == [("ห่าซาง 1", "LOCATION"), (text[body.start :], "ORGANIZATION")]


def test_a_name_that_is_both_a_place_and_a_person_keeps_the_model_label():
    from thai_polnews.ner.repair import gazetteer_label

    assert gazetteer_label("โฮจิมินห์") is None
    assert gazetteer_label("ห่าซาง") == "LOCATION"
    text = "ศึกษาวิถีชีวิตของโฮจิมินห์ รวมถึง"
    at = text.index("โฮจิมินห์")
    kept = repair_spans(text, [RuleMatch(at, at + len("โฮจิมินห์"), "PERSON")])
    assert _surfaces(text, kept) == [("โฮจิมินห์", "PERSON")]


def test_a_common_word_tagged_person_is_dropped_even_if_it_is_a_thai_given_name():
    text = "การประชุมสมัชชาพรรคในทุกระดับ"
    at = text.index("สมัชชา")
    assert repair_spans(text, [RuleMatch(at, at + len("สมัชชา"), "PERSON")]) == []
    text = "นายสมัชชา ได้กล่าว"
    kept = repair_spans(text, [RuleMatch(3, 3 + len("สมัชชา"), "PERSON")])
    assert _surfaces(text, kept) == [("สมัชชา", "PERSON")]
