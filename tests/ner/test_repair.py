"""Repair of model spans (thai_polnews.ner.repair)."""
from __future__ import annotations

from typing import List, Tuple

import pytest

from thai_polnews.ner.repair import (
    cue_label,
    merge_touching,
    person_shape,
    repair_spans,
    snap_latin_runs,
)
from thai_polnews.rules.base import RuleMatch


def spans_of(text: str, parts: List[Tuple[str, str]]) -> List[RuleMatch]:
    """RuleMatches for each ``(surface, label)``, found left to right."""
    out, cursor = [], 0
    for surface, label in parts:
        start = text.index(surface, cursor)
        out.append(RuleMatch(start, start + len(surface), label))
        cursor = start + len(surface)
    return out


def surfaces(text: str, spans: List[RuleMatch]) -> List[Tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


def test_touching_pieces_of_one_label_join():
    text = "คณะกรรมการพรรคแขวงดุยเติน"
    spans = spans_of(text, [("ดุย", "LOCATION"), ("เติน", "LOCATION")])
    assert surfaces(text, merge_touching(spans)) == [("ดุยเติน", "LOCATION")]


def test_touching_pieces_of_two_labels_stay_apart():
    text = "ประธานไห่เซือง"
    spans = spans_of(text, [("ประธาน", "POSITION"), ("ไห่เซือง", "LOCATION")])
    assert surfaces(text, merge_touching(spans)) == [("ประธาน", "POSITION"), ("ไห่เซือง", "LOCATION")]


def test_spaced_pieces_are_not_joined_by_merge_touching():
    text = "ไห่เซือง ไฮฟอง"
    spans = spans_of(text, [("ไห่เซือง", "LOCATION"), ("ไฮฟอง", "LOCATION")])
    assert len(merge_touching(spans)) == 2


def test_latin_run_becomes_one_span_with_majority_label():
    text = "และ Kinh Monn Thanh เลขาธิการ"
    spans = spans_of(text, [("Kinh", "PERSON"), ("Monn Thanh", "LOCATION")])
    assert surfaces(text, snap_latin_runs(text, spans)) == [("Kinh Monn Thanh", "LOCATION")]


def test_latin_run_with_a_non_name_label_inside_is_left_alone():
    text = "คณะกรรมการ Duy Tan"
    spans = spans_of(text, [("คณะกรรมการ Duy", "ORGANIZATION"), ("Tan", "LOCATION")])
    assert snap_latin_runs(text, spans) == spans


def test_latin_run_without_model_spans_gets_none():
    text = "ภาพ: Quang Vinh"
    assert snap_latin_runs(text, []) == []


def test_person_shape_needs_a_surname_and_three_syllables():
    assert person_shape("Pham Van Tuyen")
    assert person_shape("เหงียน ซี กวน")
    assert not person_shape("Gia Loc")
    assert not person_shape("Xyz Van Tuyen")


def test_glued_and_spaced_head_words():
    text = "แขวงดุยเติน และเมือง Chi Linh สหายลัมดอง"
    assert cue_label(text, text.index("ดุยเติน"), spaced=False) == "LOCATION"
    assert cue_label(text, text.index("Chi Linh"), spaced=False) is None
    assert cue_label(text, text.index("Chi Linh")) == "LOCATION"
    assert cue_label(text, text.index("ลัมดอง")) == "PERSON"
    assert cue_label(text, text.index("และ")) is None


def test_repair_relabels_by_head_word_and_person_shape():
    text = "คณะกรรมการพรรคเมือง Chi Linh; Dao Quang Thoi เลขาธิการ แห่งจังหวัด เหงียน ซี กวน สมาชิก"
    spans = spans_of(
        text,
        [("Chi Linh", "PERSON"), ("Dao", "LOCATION"), ("Quang", "LOCATION"), ("Thoi", "LOCATION"),
         ("เหงียน ซี กวน", "LOCATION")],
    )
    assert surfaces(text, repair_spans(text, spans)) == [
        ("Chi Linh", "LOCATION"),
        ("Dao Quang Thoi", "PERSON"),
        ("เหงียน ซี กวน", "PERSON"),
    ]


def test_repair_drops_a_lone_common_word_but_keeps_names_and_countries():
    text = "ที่ขึ้นตรงต่อ ประเทศลาว และไห่เซือง"
    spans = spans_of(text, [("ตรง", "LOCATION"), ("ลาว", "LOCATION"), ("ไห่เซือง", "LOCATION")])
    assert surfaces(text, repair_spans(text, spans)) == [("ลาว", "LOCATION"), ("ไห่เซือง", "LOCATION")]


def test_repair_leaves_other_labels_alone():
    text = "สหายคณะกรรมการพรรค"
    spans = spans_of(text, [("คณะกรรมการพรรค", "ORGANIZATION")])
    assert repair_spans(text, spans) == spans


SNAPS = [
    # (text, words, span start at, span end before, label, expected surface)
    ("ที่อำเภอบ๋าวเอียน ทำให้", ["ที่", "อำเภอ", "บ๋าว", "เอียน", " ", "ทำให้"], "อบ๋าว", " ", "LOCATION", "บ๋าวเอียน"),
    ("อำเภอลุกเอียน สหาย", ["อำเภอ", "ลุก", "เอียน", " ", "สหาย"], "กเอียน", " ", "LOCATION", "ลุกเอียน"),
    ("นำโดยท่านคำเพ็ด สีหาราช กรรมการ", ["นำ", "โดย", "ท่าน", "คำ", "เพ็ด", " ", "สี", "หาราช", " ", "กรรมการ"],
     "คำเพ็ด", "หาราช", "PERSON", "คำเพ็ด สีหาราช"),
    ("ด่ง นางหวู ถิ เฮือง ประธาน", ["ด่ง", " ", "นาง", "หวู", " ", "ถิ", " ", "เฮือง", " ", "ประธาน"],
     "ถิ", " ประธาน", "PERSON", "หวู ถิ เฮือง"),
    ("ด่ง นางหวู ถิ เฮือง ประธาน", ["ด่ง", " ", "นาง", "หวู", " ", "ถิ", " ", "เฮือง", " ", "ประธาน"],
     "ถิ", " ประธาน", "LOCATION", "ถิ เฮือง"),
    ("นครเกิ่นเทอกับจังหวัด", ["นคร", "เกิ่น", "เทอ", "กับ", "จังหวัด"], "เกิ่น", "กับ", "LOCATION", "เกิ่นเทอ"),
]


@pytest.mark.parametrize("text, words, first, stop, label, expected", SNAPS)
def test_snap_to_words(text, words, first, stop, label, expected):
    from thai_polnews.ner.repair import snap_to_words

    span = RuleMatch(text.index(first), text.index(stop, text.index(first)), label)
    snapped = snap_to_words(text, span, words)
    assert text[snapped.start : snapped.end] == expected


def test_edge_inside_a_following_thai_word_moves_back():
    from thai_polnews.ner.repair import snap_to_words

    text = "นครเกิ่นเทอกับจังหวัด"
    words = ["นคร", "เกิ่น", "เทอ", "กับ", "จังหวัด"]
    span = RuleMatch(3, text.index("กับ") + 1, "LOCATION")
    snapped = snap_to_words(text, span, words)
    assert text[snapped.start : snapped.end] == "เกิ่นเทอ"


def test_edges_next_to_punctuation_or_latin_do_not_move():
    from thai_polnews.ner.repair import snap_to_words

    text = "เขต (Kinh Mon) และ"
    words = ["เขต", " ", "(Kinh", " ", "Mon)", " ", "และ"]
    span = RuleMatch(text.index("Kinh"), text.index(")"), "LOCATION")
    assert snap_to_words(text, span, words) == span


def test_repair_uses_newmm_words_when_none_are_given():
    text = "ผู้แทนจากอำเภอบ๋าวเอียน ทำให้"
    span = RuleMatch(text.index("อบ๋าว"), text.index(" "), "LOCATION")
    assert [text[s.start : s.end] for s in repair_spans(text, [span])] == ["บ๋าวเอียน"]


def test_snapped_spans_never_end_in_whitespace():
    from thai_polnews.ner.repair import snap_to_words

    text = "ของนายเกียง อา จู ใน"
    words = ["ของ", "นาย", "เกียง", " ", "อา", " ", "จู", " ", "ใน"]
    span = RuleMatch(text.index("เกียง"), text.index("จู") + 1, "PERSON")
    snapped = snap_to_words(text, span, words)
    assert text[snapped.start : snapped.end] == text[snapped.start : snapped.end].strip()
    assert text[snapped.start : snapped.end] == "เกียง อา จู"


def test_country_after_a_people_noun_is_a_nationality_word():
    text = "นักลงทุนจีน และวิสาหกิจเวียดนาม เยือนประเทศลาว"
    spans = spans_of(text, [("จีน", "LOCATION"), ("เวียดนาม", "LOCATION"), ("ลาว", "LOCATION")])
    assert surfaces(text, repair_spans(text, spans)) == [("ลาว", "LOCATION")]


def _person_surfaces(text, spans):
    return [(text[s.start : s.end], s.label) for s in spans]


def test_glued_function_word_leaves_the_name():
    from thai_polnews.ner.repair import repair_spans

    text = "สหายเลขาธิการ นางฮวายังได้ขอให้คณะกรรมการ"
    at = text.index("ฮวา")
    found = repair_spans(text, [RuleMatch(at, at + len("ฮวายัง"), "PERSON")])
    assert _person_surfaces(text, found) == [("ฮวา", "PERSON")]


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("และนายอี ควาง เอบัน จากตำบลลัก", "อี ควาง", "อี ควาง เอบัน"),
        ("นางสาวทัก ถิ ซา เร็ต รองเลขาธิการ", "ทัก ถิ ซา", "ทัก ถิ ซา เร็ต"),
        ("นายเหงียน วัน อาน ประธานคณะกรรมการ", "เหงียน วัน อาน", "เหงียน วัน อาน"),
        ("นายเหงียน วัน อาน นางลาน", "เหงียน วัน อาน", "เหงียน วัน อาน"),
        ("สหายอาน ฮุง กล่าวว่า", "อาน", "อาน"),
    ],
)
def test_last_syllable_after_a_space_is_taken_in(text, name, expected):
    from thai_polnews.ner.repair import extend_over_last_syllable

    at = text.index(name)
    span = extend_over_last_syllable(text, RuleMatch(at, at + len(name), "PERSON"))
    assert text[span.start : span.end] == expected


def test_two_credited_names_glued_together_are_split():
    from thai_polnews.ner.repair import split_glued_names

    text = "ภาพโดย: เดียม ไมอัน ตุง แหล่งที่มา"
    at = text.index("เดียม")
    parts = split_glued_names(text, RuleMatch(at, at + len("เดียม ไมอัน ตุง"), "PERSON"))
    assert [text[p.start : p.end] for p in parts] == ["เดียม ไม", "อัน ตุง"]
    whole = "นายเหงียน ซวนฟอง กล่าว"
    at = whole.index("เหงียน")
    assert len(split_glued_names(whole, RuleMatch(at, at + len("เหงียน ซวนฟอง"), "PERSON"))) == 1


def test_a_person_listed_among_places_becomes_a_location():
    from thai_polnews.ner.repair import relabel_listed_places

    text = "ตำบลกวางจาว เอียนฟอง และวันจุง ตามรายงาน"
    spans = [RuleMatch(text.index(w), text.index(w) + len(w), label)
             for w, label in (("กวางจาว", "LOCATION"), ("เอียนฟอง", "LOCATION"), ("วันจุง", "PERSON"))]
    assert [s.label for s in relabel_listed_places(text, spans)] == ["LOCATION"] * 3
    people = "นายอาน และนางลาน และฮานอย"
    spans = [RuleMatch(people.index(w), people.index(w) + len(w), label)
             for w, label in (("อาน", "PERSON"), ("ลาน", "PERSON"), ("ฮานอย", "LOCATION"))]
    assert [s.label for s in relabel_listed_places(people, spans)] == ["PERSON", "PERSON", "LOCATION"]


def test_a_chunk_made_of_dictionary_words_is_not_a_syllable():
    from thai_polnews.ner.repair import WordBounds, extend_over_last_syllable

    text = "นายกรัฐมนตรี ฝ่าม มินห์ จิ๋ง พบกับ โปลิตบูโร"
    at = text.index("ฝ่าม")
    span = RuleMatch(at, at + len("ฝ่าม มินห์ จิ๋ง"), "PERSON")
    words = ["นายกรัฐมนตรี", " ", "ฝ่าม", " ", "มินห์", " ", "จิ๋ง", " ", "พบ", "กับ", " ", "โปลิตบูโร"]
    assert extend_over_last_syllable(text, span, WordBounds(words)) == span


def test_clipped_word_bounds_equal_the_bounds_of_clipped_words():
    import random

    from thai_polnews.ner.repair import WordBounds
    from thai_polnews.spans import clip_words, word_ends

    rng = random.Random(5)
    for _ in range(300):
        words = ["x" * rng.randint(1, 6) for _ in range(rng.randint(1, 30))]
        ends = word_ends(words)
        starts = [e - len(w) for w, e in zip(words, ends)]
        start = rng.randint(0, ends[-1] - 1)
        end = rng.randint(start + 1, ends[-1])
        expected = WordBounds(clip_words(words, start, end, ends))
        got = WordBounds.clipped(starts, ends, start, end)
        assert (got.starts, got.ends) == (expected.starts, expected.ends)
