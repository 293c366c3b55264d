"""The relation rules on hand-made entity sequences."""
from __future__ import annotations

from thai_polnews.relations import extract_relations

from .helpers import build, names

P, POS, ORG, LOC, DOC, DATE = "PERSON", "POSITION", "ORGANIZATION", "LOCATION", "DOC_CODE", "DATE"


def run(pieces):
    text, ents, sentences = build(pieces)
    return names(text, ents, extract_relations(text, ents, sentences))


def test_titles_listed_after_a_name_all_belong_to_it_with_body_and_place():
    got = run([("สหาย", None), ("เหงียน วัน อาน", P), (" ", None), ("สมาชิกคณะกรรมการกลางพรรค", POS), (" ", None),
               ("เลขาธิการ", POS), ("คณะกรรมการพรรคจังหวัด", ORG), ("ไห่เซือง", LOC), (" กล่าวว่า", None)])
    assert got == [
        ("holds_position", "", "person=เหงียน วัน อาน", "position=สมาชิกคณะกรรมการกลางพรรค"),
        ("holds_position", "", "person=เหงียน วัน อาน", "position=เลขาธิการ", "organization=คณะกรรมการพรรคจังหวัด", "location=ไห่เซือง"),
    ]


def test_the_next_name_starts_its_own_run():
    got = run([("ได้แก่ ", None), ("A", P), (" ", None), ("x", POS), (" ", None), ("B", P), (" ", None), ("y", POS)])
    assert got == [("holds_position", "", "person=A", "position=x"), ("holds_position", "", "person=B", "position=y")]


def test_title_before_the_name_with_a_form_of_address_between():
    got = run([("ท่าน", None), ("กงสุลใหญ่", POS), ("ประจำ", None), ("ปากเซ", LOC), (" นาย ", None), ("ตวน", P), (" กล่าว", None)])
    assert got == [("holds_position", "", "person=ตวน", "position=กงสุลใหญ่", "location=ปากเซ")]


def test_former_titles_and_bare_titles_give_nothing():
    assert run([("สหาย", None), ("A", P), (" อดีต", None), ("x", POS), (" และ", None), ("y", POS)]) == []
    assert run([("y", POS), ("ขอให้", None), ("z", ORG), ("ดำเนินการ", None)]) == []


def test_a_body_the_title_already_names_is_no_role():
    got = run([("สหาย ", None), ("A", P), (" ", None), ("ประธานคณะกรรมการตรวจสอบกลาง", POS), (" ", None),
               ("คณะกรรมการตรวจสอบกลาง", ORG), ("ได้จัดการประชุม", None)])
    assert got == [("holds_position", "", "person=A", "position=ประธานคณะกรรมการตรวจสอบกลาง")]


def test_relations_stay_inside_a_sentence():
    assert run([("สหาย", None), ("A", P), ("\n", None), ("x", POS), (" กล่าว", None)]) == []


def test_issuer_and_date_after_the_code():
    got = run([("คำสั่งหมายเลข ", None), ("27-CT/TW", DOC), (" ลงวันที่ ", None), ("25 ธันวาคม 2023", DATE),
               (" ของ ", None), ("โปลิตบูโร", ORG), ("เกี่ยวกับ", None)])
    assert sorted(got) == [
        ("dated", "", "doc_code=27-CT/TW", "date=25 ธันวาคม 2023"),
        ("issued_by", "", "doc_code=27-CT/TW", "issuer=โปลิตบูโร"),
    ]


def test_issuer_shared_along_a_list_only_with_the_same_symbol():
    same = run([("มติที่ ", None), ("66-NQ/TW", DOC), (" และมติที่ ", None), ("68-NQ/TW", DOC), (" ของ", None), ("กรมการเมือง", ORG)])
    assert len(same) == 2
    other = run([("ข้อสรุปหมายเลข ", None), ("09-KL/TW", DOC), (" และคำสั่ง ", None), ("11-CT/TU", DOC), (" ของ", None), ("คณะกรรมการถาวร", ORG)])
    assert other == [("issued_by", "", "doc_code=11-CT/TU", "issuer=คณะกรรมการถาวร")]


def test_issuer_before_the_code_with_an_issuing_verb_and_the_body_before_its_abbreviation():
    got = run([("คณะกรรมการตรวจสอบ", ORG), (" (", None), ("UBKT", ORG), (") ได้ออกแผนหมายเลข ", None), ("15-KH/UBKTTU", DOC)])
    assert got == [("issued_by", "", "doc_code=15-KH/UBKTTU", "issuer=คณะกรรมการตรวจสอบ")]
    assert run([("คณะกรรมการประชาชนจังหวัด", ORG), ("ได้ดำเนินการตามแผน ", None), ("03/KH-UBND", DOC)]) == []


def test_codes_joined_by_and_share_their_date():
    got = run([("คำสั่งหมายเลข ", None), ("312-QĐ/TU", DOC), (" และ ", None), ("313-QĐ/TU", DOC), (" ลงวันที่ ", None), ("1/8/2025", DATE)])
    assert got == [("dated", "", "doc_code=312-QĐ/TU", "date=1/8/2025"), ("dated", "", "doc_code=313-QĐ/TU", "date=1/8/2025")]


def test_active_appointment_with_body_decision_and_date():
    got = run([("ผู้แทนได้อ่านคำสั่งหมายเลข ", None), ("2287-QĐNS/TW", DOC), (" ลงวันที่ ", None), ("20/3/2025", DATE),
               (" ของ", None), ("โปลิตบูโร", ORG), (" ที่แต่งตั้งสหาย", None), ("บ๋าว", P), (" ", None), ("รองประธาน", POS),
               (" ให้ดำรงตำแหน่ง", None), ("เลขาธิการคณะกรรมการพรรคจังหวัด", POS), ("กว๋างนิญ", LOC)])
    events = [r for r in got if r[0] == "event"]
    assert events == [("event", "appointment", "person=บ๋าว", "position=เลขาธิการคณะกรรมการพรรคจังหวัด",
                       "organization=โปลิตบูโร", "location=กว๋างนิญ", "doc_code=2287-QĐNS/TW", "date=20/3/2025")]
    assert ("holds_position", "", "person=บ๋าว", "position=รองประธาน") in got


def test_passive_appointment_gives_one_event_per_office():
    got = run([("นาย", None), ("เอียน", P), (" ได้รับแต่งตั้งเป็น", None), ("เลขาธิการ", POS), (" ควบตำแหน่ง", None), ("ประธาน", POS)])
    assert got == [("event", "appointment", "person=เอียน", "position=เลขาธิการ"), ("event", "appointment", "person=เอียน", "position=ประธาน")]


def test_proposals_topics_and_appointments_without_an_office_are_no_events():
    assert run([("ที่ประชุมเสนอให้", None), ("สำนักเลขาธิการ", ORG), ("พิจารณาลงโทษนาย", None), ("วิญ", P)]) == []
    assert run([("ข้อบังคับ ว่าด้วยการลงโทษ ", None), ("คณะกรรมการ", ORG), (" นาย", None), ("วิญ", P)]) == []
    assert run([("สหาย", None), ("เลิม", P), (" ได้มอบหมายให้", None), ("คณะกรรมการประชาชนจังหวัด", ORG), ("ดำเนินการ", None)]) == []
    assert run([("นาง", None), ("เหียน", P), ("เคยเป็น", None), ("ประธาน", POS), (" แต่งตั้ง", None)]) == []


def test_discipline_with_subtype_and_deciding_body():
    got = run([("คณะกรรมการตรวจสอบกลาง", ORG), ("ได้ตัดสินใจลงโทษด้วยการตักเตือนต่อนาย", None), ("ทัญ", P),
               (" และลงโทษด้วยการตำหนิต่อนาย ", None), ("ถวน", P)])
    assert [(r[1], r[2], r[3]) for r in got] == [
        ("discipline", "person=ทัญ", "organization=คณะกรรมการตรวจสอบกลาง"),
        ("discipline", "person=ถวน", "organization=คณะกรรมการตรวจสอบกลาง"),
    ]
    text, ents, sentences = build([("คณะกรรมการ", ORG), ("ลงโทษด้วยการตำหนิต่อนาย", None), ("ถวน", P)])
    assert extract_relations(text, ents, sentences)[0]["subtype"] == "reprimand"


def test_bad_input_gives_an_empty_result():
    assert extract_relations("", []) == []
    assert extract_relations("ไม่มีชื่อ", [(0, 3, "DATE")], None) == []


def test_the_same_input_gives_the_same_sorted_output():
    text, ents, sentences = build([("สหาย", None), ("A", P), (" ", None), ("y", POS), (" ", None), ("x", POS)])
    first = extract_relations(text, ents, sentences)
    assert first == extract_relations(text, list(reversed(list(reversed(ents)))), sentences)
    assert [r["position"] for r in first] == [2, 3] or [r["position"] for r in first] == [1, 2]
