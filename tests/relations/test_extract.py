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


# ---------------------------------------------------------------- patterns from annotations/relations_dev.jsonl

def test_issuer_before_the_code_across_the_place_of_the_body_and_its_abbreviation():
    got = run([("คณะกรรมการประชาชนจังหวัด", ORG), ("ลาวกาย", LOC), ("ได้ออกการตัดสินใจหมายเลข ", None), ("2156/QĐ-UBND", DOC)])
    assert got == [("issued_by", "", "doc_code=2156/QĐ-UBND", "issuer=คณะกรรมการประชาชนจังหวัด")]
    got = run([("คณะกรรมการตรวจสอบ", ORG), ("ดงนาย", LOC), (" (", None), ("UBKT", ORG), (") ได้ออกประกาศเลขที่ ", None), ("318-TB/UBKTTU", DOC)])
    assert got == [("issued_by", "", "doc_code=318-TB/UBKTTU", "issuer=คณะกรรมการตรวจสอบ")]
    assert run([("ทัญฮว้า", LOC), (" ได้ออกแผน ", None), ("03/KH-UBND", DOC)]) == []


def test_codes_listed_after_an_issuing_verb_share_the_issuer():
    got = run([("คณะกรรมการประชาชนจังหวัด", ORG), ("ได้ประกาศการตัดสินใจเลขที่ ", None), ("512/QĐ-UBND", DOC), (" และ ", None),
               ("513/QĐ-UBND", DOC), (" ในการแต่งตั้ง", None)])
    assert got == [("issued_by", "", "doc_code=512/QĐ-UBND", "issuer=คณะกรรมการประชาชนจังหวัด"),
                   ("issued_by", "", "doc_code=513/QĐ-UBND", "issuer=คณะกรรมการประชาชนจังหวัด")]


def test_titles_glued_before_names_in_a_list_belong_to_the_next_name():
    got = run([("ได้พบปะกับ", None), ("ประธานาธิบดีเกาหลี", POS), ("อี แจ-มย็อง", P), (" ", None), ("ประธานาธิบดีจีน", POS),
               ("สี จิ้นผิง", P), (" และ", None), ("ประธานาธิบดีชิลี", POS), ("บอริช", P)])
    assert sorted(got) == sorted([
        ("holds_position", "", "person=อี แจ-มย็อง", "position=ประธานาธิบดีเกาหลี"),
        ("holds_position", "", "person=สี จิ้นผิง", "position=ประธานาธิบดีจีน"),
        ("holds_position", "", "person=บอริช", "position=ประธานาธิบดีชิลี"),
    ])


def test_a_title_glued_before_the_name_and_titles_after_it_all_belong_to_it():
    got = run([("รองรัฐมนตรีว่าการกระทรวงการต่างประเทศ", POS), ("ซาง", P), (" ", None), ("หัวหน้าเจ้าหน้าที่อาวุโสเอเปค", POS),
               ("ของ", None), ("เวียดนาม", LOC), (" กล่าวว่า", None)])
    assert got == [("holds_position", "", "person=ซาง", "position=รองรัฐมนตรีว่าการกระทรวงการต่างประเทศ"),
                   ("holds_position", "", "person=ซาง", "position=หัวหน้าเจ้าหน้าที่อาวุโสเอเปค", "location=เวียดนาม")]
    # a title with only a space before the name stays with the run of titles before it
    got = run([("ได้แก่ ", None), ("x", POS), (" ", None), ("B", P), (" ", None), ("y", POS)])
    assert got == [("holds_position", "", "person=B", "position=y")]


def test_the_title_after_now_is_held_after_former_titles():
    got = run([("นาย", None), ("หลก", P), (" อดีต", None), ("เลขาธิการ", POS), ("บิ่มเซิน", LOC), (" ปัจจุบันเป็น", None),
               ("ผู้อำนวยการกรมการก่อสร้าง", POS), (" นาย", None), ("ห่าย", P)])
    assert got == [("holds_position", "", "person=หลก", "position=ผู้อำนวยการกรมการก่อสร้าง")]


def test_an_office_given_by_an_event_is_not_the_title_of_the_next_name():
    got = run([("คณะกรรมการประชาชนจังหวัด", ORG), ("แต่งตั้งนาย", None), ("คั้ญ", P), (" ให้ดำรงตำแหน่ง", None), ("ผู้อำนวยการกรมการคลัง", POS),
               (" นาง", None), ("หมาย", P), (" เป็น", None), ("ผู้อำนวยการกรมก่อสร้าง", POS)])
    assert [r for r in got if r[0] == "holds_position"] == []
    assert [r[2:4] for r in got] == [("person=คั้ญ", "position=ผู้อำนวยการกรมการคลัง"), ("person=หมาย", "position=ผู้อำนวยการกรมก่อสร้าง")]


def test_discipline_forms_state_the_event_without_a_discipline_verb():
    got = run([("ที่ประชุมจึงตัดสินใจตักเตือนนาย", None), ("ถ่าง", P), (" อดีต", None), ("รองผู้อำนวยการ", POS), (" และภาคทัณฑ์นาย", None),
               ("ซวี", P), (" ", None), ("เลขาธิการคณะกรรมการพรรคตำบล", POS)])
    events = [(r[1], r[2]) for r in got if r[0] == "event"]
    assert events == [("discipline", "person=ถ่าง"), ("discipline", "person=ซวี")]
    text, ents, sentences = build([("ที่ประชุมจึงตัดสินใจตักเตือนนาย", None), ("ถ่าง", P)])
    assert extract_relations(text, ents, sentences)[0]["subtype"] == "warning"
    # with a discipline verb in the sentence the form only names the subtype: one event, not two
    assert len(run([("คณะกรรมการ", ORG), ("ลงโทษด้วยการตักเตือนต่อนาย", None), ("ถวน", P)])) == 1


def test_the_issuer_of_a_regulation_before_the_verb_is_not_the_deciding_body():
    got = run([("ตามระเบียบเลขที่ ", None), ("22-QĐ/TW", DOC), (" ของ", None), ("สำนักเลขาธิการ", ORG),
               (" ที่ประชุมจึงตัดสินใจตักเตือนนาย", None), ("ถ่าง", P)])
    assert ("event", "discipline", "person=ถ่าง") in got


def test_passive_discipline_with_the_decision_after_the_word():
    text, ents, sentences = build([("นาย", None), ("เกือง", P), (" อดีต", None), ("รองประธาน", POS),
                                   (" ถูกขับออกจากพรรคตามการตัดสินใจหมายเลข ", None), ("112-QĐ/UBKTTW", DOC), (" ของ", None),
                                   ("คณะกรรมการตรวจสอบกลาง", ORG)])
    got = [r for r in extract_relations(text, ents, sentences) if r["type"] == "event"]
    assert got == [{"type": "event", "event": "discipline", "person": 0, "subtype": "expulsion", "organization": 3, "doc_code": 2}]
    got = run([("สหาย", None), ("นาม", P), (" อดีต", None), ("เลขาธิการ", POS), (" ถูกลงโทษด้วยการปลดออกจากทุกตำแหน่ง", None)])
    assert got == [("event", "discipline", "person=นาม")]


def test_assigning_without_hai_and_the_office_right_after_the_passive_word():
    got = run([("กรมการเมือง", ORG), ("มอบหมายสหาย", None), ("ดง", P), ("เป็น", None), ("เลขาธิการคณะกรรมการพรรคจังหวัด", POS), ("หวิญลอง", LOC)])
    assert got == [("event", "appointment", "person=ดง", "position=เลขาธิการคณะกรรมการพรรคจังหวัด", "organization=กรมการเมือง", "location=หวิญลอง")]
    got = run([("สหาย", None), ("หง่อย", P), (" ได้รับมอบหมายให้ดำรงตำแหน่ง", None), ("รองเลขาธิการ", POS)])
    assert got == [("event", "appointment", "person=หง่อย", "position=รองเลขาธิการ")]
    got = run([("สหาย", None), ("ดง", P), (" ได้รับมอบหมายให้เข้าร่วม", None), ("คณะกรรมการพรรค", ORG), (" และดำรงตำแหน่ง", None),
               ("เลขาธิการ", POS), ("วาระปี ", None), ("2563-2568", DATE)])
    assert got == [("event", "appointment", "person=ดง", "position=เลขาธิการ")]


def test_two_names_joined_by_and_share_the_office_active_and_passive():
    got = run([("สำนักเลขาธิการ", ORG), ("ยังได้แต่งตั้งสหาย", None), ("ฟวง", P), ("และสหาย", None), ("ฮุง", P), ("ให้ดำรงตำแหน่ง", None),
               ("รองหัวหน้า", POS)])
    assert [r[2:4] for r in got] == [("person=ฟวง", "position=รองหัวหน้า"), ("person=ฮุง", "position=รองหัวหน้า")]
    got = run([("นาย", None), ("ต๊วน", P), ("และนาง", None), ("แหม่", P), ("ได้รับเลือกเป็น", None), ("รองประธาน", POS)])
    assert got == [("event", "election", "person=ต๊วน", "position=รองประธาน"), ("event", "election", "person=แหม่", "position=รองประธาน")]


def test_the_body_that_allows_a_retirement_decides_it():
    got = run([("โปลิตบูโร", ORG), ("อนุญาตให้สหาย", None), ("ถั่ง", P), ("เกษียณอายุ", None)])
    assert got == [("event", "retirement", "person=ถั่ง", "organization=โปลิตบูโร")]
    got = run([("คณะกรรมการถาวร", ORG), ("ได้ประกาศการตัดสินใจให้สหาย", None), ("เฟือง", P), (" ", None), ("รองประธาน", POS),
               (" เกษียณอายุตั้งแต่วันที่ ", None), ("1 มีนาคม 2569", DATE)])
    assert ("event", "retirement", "person=เฟือง", "organization=คณะกรรมการถาวร", "date=1 มีนาคม 2569") in got


def test_sent_to_an_office_is_a_transfer_and_a_named_person_who_retired_retires():
    got = run([("นาย", None), ("กวาง", P), (" อดีต", None), ("รองนายกรัฐมนตรี", POS), (" ถูกส่งไปเป็น", None), ("เลขาธิการพรรค", POS),
               ("โฮจิมินห์", LOC), ("แทนนาย", None), ("เนน", P), ("ที่เกษียณ", None)])
    assert got == [("event", "transfer", "person=กวาง", "position=เลขาธิการพรรค", "location=โฮจิมินห์"),
                   ("event", "retirement", "person=เนน")]


def test_discipline_and_retirement_give_no_position():
    got = run([("คณะกรรมการตรวจสอบ", ORG), ("ได้ตัดสินใจลงโทษนาย", None), ("ห่าย", P), (" ซึ่งเป็น", None), ("รองประธาน", POS)])
    assert got == [("event", "discipline", "person=ห่าย", "organization=คณะกรรมการตรวจสอบ")]


def test_a_sentence_boundary_inside_a_run_of_names_and_titles_is_ignored():
    # a splitter may cut a line between two titles of one name; the run stays one sentence
    text, ents, _ = build([("ตามการตัดสินใจหมายเลข ", None), ("2410-QĐNS/TW", DOC), (" ของ", None), ("โปลิตบูโร", ORG), (" สหาย", None),
                           ("จุง", P), (" ", None), ("สมาชิกคณะกรรมการกลางพรรค", POS), (" ", None), ("ประธาน", POS),
                           (" ได้รับแต่งตั้งให้ดำรงตำแหน่ง", None), ("เลขาธิการ", POS)])
    cut = ents[4][0]
    got = names(text, ents, extract_relations(text, ents, [[0, cut - 1], [cut, len(text)]]))
    assert ("event", "appointment", "person=จุง", "position=เลขาธิการ", "organization=โปลิตบูโร", "doc_code=2410-QĐNS/TW") in got
    assert ("holds_position", "", "person=จุง", "position=ประธาน") in got
    # a boundary after a date, or at a line break, stays
    text, ents, _ = build([("ตามคำตัดสินเลขที่ ", None), ("2298-QĐNS/TW", DOC), (" ให้ดำรงตำแหน่ง", None), ("เลขาธิการ", POS),
                           ("วาระปี ", None), ("2563-2568", DATE), (" สหาย", None), ("หง่อย", P), (" ได้รับมอบหมายให้ดำรงตำแหน่ง", None), ("รองเลขาธิการ", POS)])
    cut = ents[2][1] + 1
    got = extract_relations(text, ents, [[0, cut - 1], [cut, len(text)]])
    assert [r.get("doc_code") for r in got if r["type"] == "event"] == [None]


def test_more_event_words_split_expulsion_entrusted_election_approved_retirement_and_move():
    got = run([("คณะกรรมการตรวจสอบกลาง", ORG), ("ได้ตัดสินใจขับสหาย", None), ("ไห่", P), (" อดีต", None), ("ประธาน", POS), (" ออกจากพรรค", None)])
    assert got == [("event", "discipline", "person=ไห่", "organization=คณะกรรมการตรวจสอบกลาง")]
    got = run([("นาย", None), ("มิญ", P), (" ", None), ("รองเลขาธิการ", POS), (" ได้รับความไว้วางใจเลือกตั้งเป็น", None), ("ประธาน", POS)])
    assert ("event", "election", "person=มิญ", "position=ประธาน") in got
    got = run([("สหาย", None), ("เลนห์", P), (" ", None), ("สมาชิกคณะกรรมการกลางพรรค", POS), (" ได้รับอนุมัติให้เกษียณอายุ", None)])
    assert ("event", "retirement", "person=เลนห์") in got
    got = run([("คณะกรรมการประชาชนนคร", ORG), ("ได้ย้ายนาย", None), ("ต๊วน", P), (" ", None), ("ผู้อำนวยการกรมการท่องเที่ยว", POS),
               (" ไปดำรงตำแหน่ง", None), ("ผู้อำนวยการกรมวัฒนธรรม", POS)])
    assert ("event", "transfer", "person=ต๊วน", "position=ผู้อำนวยการกรมวัฒนธรรม", "organization=คณะกรรมการประชาชนนคร") in got
    # moving house or a body moving is no transfer (no name and office after the word)
    assert run([("ก่อนที่จะย้ายไปทำงานที่ส่วนกลางในปี ", None), ("2022", DATE)]) == []


def test_each_name_takes_the_discipline_form_nearest_before_it():
    text, ents, sentences = build([("คณะกรรมการตรวจสอบ", ORG), ("ได้ลงโทษทางวินัยในรูปแบบการภาคทัณฑ์ต่อนาย", None), ("ต่วน", P),
                                   (" และในรูปแบบการตักเตือนต่อนาง", None), ("เลียน", P)])
    assert [r["subtype"] for r in extract_relations(text, ents, sentences)] == ["reprimand", "warning"]
    text, ents, sentences = build([("คณะกรรมการตรวจสอบ", ORG), ("จึงตัดสินใจลงโทษนาย", None), ("ห่าย", P), ("และนางสาว", None), ("เทา", P),
                                   ("ด้วยการตักเตือน", None)])
    assert [r["subtype"] for r in extract_relations(text, ents, sentences)] == ["warning", "warning"]


def test_a_title_after_of_is_not_the_title_of_the_name_after_it_unless_glued():
    got = run([("ตามการตัดสินใจของ", None), ("นายกรัฐมนตรี", POS), (" พลตรี", None), ("เตวียน", P), (" ", None), ("ผู้บัญชาการ", POS),
               (" ได้รับการโยกย้าย", None)])
    assert got == [("holds_position", "", "person=เตวียน", "position=ผู้บัญชาการ")]
    got = run([("สะท้อนอำนาจของ", None), ("เลขาธิการใหญ่", POS), ("โตเลิม", P)])
    assert got == [("holds_position", "", "person=โตเลิม", "position=เลขาธิการใหญ่")]


def test_names_listed_after_a_passive_word_with_offices_of_their_own_share_it():
    got = run([("สหาย", None), ("ตู", P), (" ได้รับเลือกเป็น", None), ("รองเลขาธิการถาวร", POS), (" และสหาย", None), ("ลัม", P), (" เป็น", None),
               ("ประธานคณะกรรมการตรวจสอบ", POS)])
    assert got == [("event", "election", "person=ตู", "position=รองเลขาธิการถาวร"), ("event", "election", "person=ลัม", "position=ประธานคณะกรรมการตรวจสอบ")]
    # not for a retirement: the name after is someone else
    got = run([("สหาย", None), ("เจียน", P), (" เกษียณอายุ แทนนาย", None), ("ลัม", P), ("ซึ่งเป็น", None), ("ประธาน", POS)])
    assert got == [("event", "retirement", "person=เจียน")]


def test_a_boundary_after_an_office_given_and_before_a_title_stays():
    text, ents, _ = build([("สภาประชาชนนคร", ORG), ("ได้ลงมติเลือกนาย", None), ("จ๋าว", P), ("เป็น", None), ("ประธาน", POS), (" ", None),
                           ("นายกรัฐมนตรี", POS), ("ได้อนุมัติผลการเลือกตั้งดังกล่าวแล้ว", None)])
    cut = ents[2][1] + 1
    got = names(text, ents, extract_relations(text, ents, [[0, cut - 1], [cut, len(text)]]))
    assert got == [("event", "election", "person=จ๋าว", "position=ประธาน", "organization=สภาประชาชนนคร")]


def test_in_the_office_of_and_a_retirement_decided_for_the_person():
    got = run([("ประธาน", POS), ("ได้ลงนามในการตัดสินใจหมายเลข ", None), ("2210/QĐ-UBND", DOC), (" แต่งตั้งนาย", None), ("เหียป", P),
               ("ในตำแหน่ง", None), ("ผู้อำนวยการกรมเกษตร", POS)])
    assert got == [("event", "appointment", "person=เหียป", "position=ผู้อำนวยการกรมเกษตร", "doc_code=2210/QĐ-UBND")]
    got = run([("นาย", None), ("เตี่ยน", P), (" ", None), ("ผู้อำนวยการ", POS), (" ได้รับการตัดสินใจให้เกษียณอายุตั้งแต่วันที่ ", None),
               ("1 ธันวาคม 2568", DATE)])
    assert ("event", "retirement", "person=เตี่ยน", "date=1 ธันวาคม 2568") in got


def test_a_boundary_before_now_holds_inside_a_title_run_is_ignored():
    text, ents, _ = build([("ได้แก่ นาย", None), ("หลก", P), (" อดีต", None), ("เลขาธิการ", POS), ("บิ่มเซิน", LOC), (" ปัจจุบันเป็น", None),
                           ("ผู้อำนวยการกรมการก่อสร้าง", POS)])
    cut = ents[2][1] + 1
    got = names(text, ents, extract_relations(text, ents, [[0, cut - 1], [cut, len(text)]]))
    assert got == [("holds_position", "", "person=หลก", "position=ผู้อำนวยการกรมการก่อสร้าง")]


def _events(got):
    return [r for r in got if r[0] == "event"]


def test_decided_that_the_person_holds_an_office_is_an_appointment():
    got = run([("สำนักเลขาธิการ", ORG), ("ได้ตัดสินใจให้สหาย", None), ("A", P), (" ", None), ("x", POS),
               (" ดำรงตำแหน่ง", None), ("y", POS), ("z", ORG), (" ตั้งแต่วันที่ ", None), ("15 กรกฎาคม 2568", DATE)])
    assert _events(got) == [("event", "appointment", "person=A", "position=y", "organization=สำนักเลขาธิการ", "date=15 กรกฎาคม 2568")]
    # decided that the person leaves a body on retirement: no office given, no appointment
    got = run([("โปลิตบูโร", ORG), ("ได้ตัดสินใจให้สหาย", None), ("A", P), (" ", None), ("x", POS),
               (" พ้นจาก", None), ("z", ORG), ("เนื่องจากเกษียณอายุ", None)])
    assert "appointment" not in [r[1] for r in _events(got)]


def test_a_decision_read_out_about_an_appointment_states_it():
    got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" ได้อ่านการตัดสินใจของ", None), ("นายกรัฐมนตรี", POS),
               ("ว่าด้วยการแต่งตั้งสหาย", None), ("B", P), (" ให้ดำรงตำแหน่ง", None), ("y", POS)])
    assert _events(got) == [("event", "appointment", "person=B", "position=y")]
    got = run([("ได้มีการประกาศการตัดสินใจเกี่ยวกับการแต่งตั้งสหาย", None), ("B", P), (" เป็น", None), ("y", POS)])
    assert _events(got) == [("event", "appointment", "person=B", "position=y")]
    # a regulation's topic stays no event
    got = run([("ข้อบังคับว่าด้วยการแต่งตั้งสหาย", None), ("B", P), (" เป็น", None), ("y", POS)])
    assert _events(got) == []


def test_appointees_listed_after_a_passive_word():
    got = run([("คณะกรรมการประชาชนจังหวัด", ORG), ("ด่งท้าป", LOC), ("ได้ประกาศรายชื่อผู้ได้รับการแต่งตั้งในครั้งนี้ ได้แก่ สหาย", None),
               ("A", P), (" เป็น", None), ("x", POS), (" และสหาย", None), ("B", P), (" เป็น", None), ("y", POS)])
    assert _events(got) == [
        ("event", "appointment", "person=A", "position=x", "organization=คณะกรรมการประชาชนจังหวัด", "location=ด่งท้าป"),
        ("event", "appointment", "person=B", "position=y", "organization=คณะกรรมการประชาชนจังหวัด", "location=ด่งท้าป"),
    ]


def test_an_appointment_handed_over_to_the_person_named_after_the_office():
    got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" ได้มอบการตัดสินใจแต่งตั้งตำแหน่ง", None), ("y", POS),
               ("ห่าซาง", LOC), (" ให้แก่สหาย", None), ("B", P)])
    assert _events(got) == [("event", "appointment", "person=B", "position=y", "location=ห่าซาง")]
    got = run([("z", ORG), ("ได้มอบการตัดสินใจหมายเลข ", None), ("412-QĐ/TU", DOC), (" แต่งตั้ง", None), ("y", POS),
               ("ให้แก่สหาย", None), ("B", P)])
    assert _events(got) == [("event", "appointment", "person=B", "position=y", "organization=z", "doc_code=412-QĐ/TU")]
    # handed over with no office named: none
    assert _events(run([("สหาย", None), ("A", P), (" ได้มอบการตัดสินใจแต่งตั้งให้แก่สหาย", None), ("B", P)])) == []


def test_a_title_between_commas_after_a_name_is_its_own():
    got = run([("นาย", None), ("A", P), (", ", None), ("x", POS), ("เตยนิญ", LOC), (", ให้ดำรงตำแหน่ง", None), ("y", POS)])
    assert ("holds_position", "", "person=A", "position=x", "location=เตยนิญ") in got


def test_a_body_meeting_to_announce_its_decision_issued_it():
    got = run([("คณะกรรมการประชาชนนคร", ORG), ("ดานัง", LOC), ("ได้จัดการประชุมเพื่อประกาศการตัดสินใจหมายเลข ", None), ("1811/QĐ-UBND", DOC)])
    assert got == [("issued_by", "", "doc_code=1811/QĐ-UBND", "issuer=คณะกรรมการประชาชนนคร")]


def test_a_passive_event_reaches_over_a_title_span_cut_inside_a_word():
    # the title span took part of อดีต: the name before is still the one sent
    got = run([("ขณะที่นาย", None), ("ตรัน ลือ กวาง", P), (" อดี", None), ("ตรองนายกรัฐมนตรี", POS), (" ถูกส่งไปเป็น", None),
               ("เลขาธิการพรรคประจำนคร", POS), ("โฮจิมินห์", LOC)])
    assert _events(got) == [("event", "transfer", "person=ตรัน ลือ กวาง", "position=เลขาธิการพรรคประจำนคร", "location=โฮจิมินห์")]
    # a clause between the titles and the word still cuts it
    got = run([("นาย", None), ("A", P), (" ", None), ("x", POS), (" กล่าวว่า ", None), ("y", POS), (" ถูกส่งไปเป็น", None), ("z", POS)])
    assert _events(got) == []


def test_receiving_an_appointment_decision_is_an_appointment():
    for word in ("ได้รับการตัดสินใจแต่งตั้งให้ดำรงตำแหน่ง", "ได้รับมอบการตัดสินใจแต่งตั้งเป็น", "ได้รับการอนุมัติแต่งตั้งเป็น",
                 "ได้รับการตัดสินใจให้ดำรงตำแหน่ง"):
        got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" " + word, None), ("y", POS)])
        assert _events(got) == [("event", "appointment", "person=A", "position=y")], word


def test_the_body_named_after_a_passive_word_decided_it():
    got = run([("นาย", None), ("A", P), (" ได้รับการแต่งตั้งจาก", None), ("z", ORG), ("ให้ดำรงตำแหน่ง", None), ("y", POS)])
    assert _events(got) == [("event", "appointment", "person=A", "position=y", "organization=z")]


# ---------------------------------------------------------------- the unseen batch reldev-054..068 (event words)

def test_passive_discipline_forms_and_the_discipline_received():
    for word, subtype in (("ถูกตักเตือน", "warning"), ("ถูกภาคทัณฑ์", "reprimand"), ("ถูกตำหนิ", "reprimand"),
                          ("ได้รับโทษทางวินัยในรูปแบบการตำหนิ", "reprimand")):
        text, ents, sentences = build([("นาย", None), ("A", P), (" ", None), ("x", POS), ("ด่งท้าป", LOC), (" " + word + "เนื่องจากละเมิดระเบียบ", None)])
        got = [r for r in extract_relations(text, ents, sentences) if r["type"] == "event"]
        assert got == [{"type": "event", "event": "discipline", "person": 0, "subtype": subtype}], word
    # two names, each with its own passive form
    got = run([("นาย", None), ("A", P), (" ", None), ("x", POS), (" ถูกภาคทัณฑ์ และนาย", None), ("B", P), (" ", None), ("y", POS), (" ถูกตำหนิ", None)])
    assert [r[1:4] for r in _events(got)] == [("discipline", "person=A"), ("discipline", "person=B")]


def test_disciplinary_action_and_removal_by_vote_are_discipline():
    got = run([("คณะกรรมการตรวจสอบกลาง", ORG), ("ยังได้ดำเนินการทางวินัยในรูปแบบการภาคทัณฑ์ต่อสหาย", None), ("A", P), (" ", None), ("x", POS)])
    assert _events(got) == [("event", "discipline", "person=A", "organization=คณะกรรมการตรวจสอบกลาง")]
    text, ents, sentences = build([("รัฐสภา", ORG), ("ได้ลงมติถอดถอนนาย", None), ("A", P), (" ออกจากตำแหน่ง", None), ("ผู้แทนรัฐสภา", POS)])
    got = [r for r in extract_relations(text, ents, sentences) if r["type"] == "event"]
    assert got == [{"type": "event", "event": "discipline", "person": 1, "subtype": "dismissal", "organization": 0}]
    # only proposed: none
    assert _events(run([("ที่ประชุมได้เสนอให้", None), ("z", ORG), ("ดำเนินการทางวินัยต่อนาย", None), ("A", P)])) == []


def test_more_appointment_words():
    for word in ("ได้รับการมอบหมายให้ดำรงตำแหน่ง", "ได้รับการแต่งตั้งให้", "ได้รับการแต่งตั้งให้ทำหน้าที่", "ได้รับแต่งตั้งให้",
                 "ได้รับการเลื่อนตำแหน่งเป็น"):
        got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" " + word, None), ("รักษาการหัวหน้าคณะกรรมการ", POS)])
        assert _events(got) == [("event", "appointment", "person=A", "position=รักษาการหัวหน้าคณะกรรมการ")], word
    # a rank promotion gives no office: none
    assert _events(run([("พันเอก", None), ("A", P), (" ", None), ("x", POS), (" ได้รับการเลื่อนยศเป็นพลตรี", None)])) == []


def test_rotation_and_a_passive_move_are_transfers():
    got = run([("สำนักเลขาธิการ", ORG), ("ได้ตัดสินใจหมุนเวียนสหาย", None), ("A", P), (" ", None), ("x", POS), (" ไปดำรงตำแหน่ง", None),
               ("y", POS), ("กาวบั่ง", LOC)])
    assert _events(got) == [("event", "transfer", "person=A", "position=y", "organization=สำนักเลขาธิการ", "location=กาวบั่ง")]
    got = run([("สหาย", None), ("A", P), (" ถูกย้ายไปดำรงตำแหน่ง", None), ("y", POS)])
    assert _events(got) == [("event", "transfer", "person=A", "position=y")]
    # moved to work at a body, no office: none
    assert _events(run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" ถูกย้ายไปรับผิดชอบงานที่", None), ("z", ORG)])) == []


def test_stopping_work_to_draw_a_pension_is_a_retirement():
    got = run([("z", ORG), ("ได้ออกการตัดสินใจหมายเลข ", None), ("3012/QĐ-UBND", DOC), (" ให้นาย", None), ("A", P), (" ", None), ("x", POS),
               (" หยุดทำงานเพื่อรับเงินบำนาญตั้งแต่วันที่ ", None), ("1 ตุลาคม 2568", DATE)])
    assert _events(got) == [("event", "retirement", "person=A", "organization=z", "doc_code=3012/QĐ-UBND", "date=1 ตุลาคม 2568")]
    # retiring to draw a pension is one statement: the date after the second word is still the event's
    got = run([("สหาย", None), ("A", P), (" ได้รับอนุญาตให้เกษียณอายุเพื่อรับเงินบำนาญตั้งแต่วันที่ ", None), ("1/11/2025", DATE)])
    assert _events(got) == [("event", "retirement", "person=A", "date=1/11/2025")]


def test_the_previous_holder_of_a_title():
    got = run([("นาย", None), ("A", P), (" ", None), ("x", POS), ("คนก่อน ได้รับการโยกย้ายไปดำรงตำแหน่ง", None), ("y", POS)])
    assert got == [("event", "transfer", "person=A", "position=y")]


def test_an_appointment_handed_over_with_hai_kap():
    got = run([("ประธานประเทศ", POS), ("ยังได้มอบการตัดสินใจแต่งตั้ง", None), ("กงสุลใหญ่เวียดนาม", POS), ("ประจำ", None), ("ฮ่องกง", LOC),
               ("ให้กับนาย", None), ("A", P)])
    assert _events(got) == [("event", "appointment", "person=A", "position=กงสุลใหญ่เวียดนาม", "location=ฮ่องกง")]


def test_released_from_a_body_because_of_retirement():
    got = run([("โปลิตบูโร", ORG), ("ได้ตัดสินใจให้สหาย", None), ("A", P), (" ", None), ("x", POS), (" พ้นจาก", None), ("z", ORG),
               ("เนื่องจากเกษียณอายุ", None)])
    assert _events(got) == [("event", "retirement", "person=A", "organization=โปลิตบูโร")]


# ---------------------------------------------------------------- entity spans the recogniser cut or stretched

def test_a_position_span_that_took_the_link_word_is_the_office_given():
    # แต่งตั้งสหาย[A] [x] [เป็นy]: y is the office given, not a title A holds
    got = run([("โปลิตบูโร", ORG), ("ได้แต่งตั้งสหาย", None), ("A", P), (" ", None), ("รองนายกรัฐมนตรี", POS), (" ", None),
               ("เป็นสมาชิกคณะกรรมการพรรค", POS)])
    assert got == [("event", "appointment", "person=A", "position=เป็นสมาชิกคณะกรรมการพรรค", "organization=โปลิตบูโร"),
                   ("holds_position", "", "person=A", "position=รองนายกรัฐมนตรี")]
    got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" ได้รับมอบหมายให้", None), ("ดำรงตำแหน่งเลขาธิการ", POS)])
    assert _events(got) == [("event", "appointment", "person=A", "position=ดำรงตำแหน่งเลขาธิการ")]


def test_an_event_word_that_begins_inside_the_name_before_it():
    # the name span took ได้ of ได้รับการแต่งตั้ง
    got = run([("นาย", None), ("เหงียน วัน ได่ได้", P), ("รับการแต่งตั้งเป็น", None), ("y", POS)])
    assert got == [("event", "appointment", "person=เหงียน วัน ได่ได้", "position=y")]
    # an event word inside a body's name is still no event word
    assert run([("คณะกรรมการเลือกตั้ง", ORG), ("ประกาศว่านาย", None), ("A", P), (" เป็น", None), ("y", POS)]) == []


def test_a_place_span_that_is_a_piece_of_the_event_word():
    # [LOCATION ถูก]ลงโทษ: the passive word is found, and the piece is no place of the title
    got = run([("สหาย", None), ("นาม", P), (" ", None), ("เลขาธิการคณะกรรมการพรรคจังหวัด", POS), (" ", None), ("ถูก", LOC),
               ("ลงโทษด้วยการปลดออกจากทุกตำแหน่งในพรรค", None)])
    assert got == [("event", "discipline", "person=นาม"),
                   ("holds_position", "", "person=นาม", "position=เลขาธิการคณะกรรมการพรรคจังหวัด")]


def test_a_title_span_cut_before_its_last_letter_still_reaches_the_passive_word():
    got = run([("นาย", None), ("เกือง", P), (" ", None), ("รองอธิบดีกรมตำรวจจราจ", POS), ("ร ถูกลงโทษทางวินัยในรูปแบบการปลดออกจากตำแหน่ง", None)])
    assert _events(got) == [("event", "discipline", "person=เกือง")]
    # a word of its own between the title and the passive word still cuts it
    assert _events(run([("นาย", None), ("A", P), (" ", None), ("x", POS), (" ซึ่งกล่าวว่า ถูกลงโทษ", None)])) == []


def test_a_title_that_opens_the_next_clause_is_no_second_office():
    # the sentence splitter left two sentences together: นายกรัฐมนตรี is the subject of the next clause
    got = run([("สภาประชาชนนคร", ORG), ("ได้ลงมติเลือกนาย", None), ("A", P), ("เป็น", None), ("ประธานคณะกรรมการประชาชนนคร", POS), (" ", None),
               ("นายกรัฐมนตรี", POS), ("ได้อนุมัติผลการเลือกตั้งดังกล่าวแล้ว", None)])
    assert _events(got) == [("event", "election", "person=A", "position=ประธานคณะกรรมการประชาชนนคร", "organization=สภาประชาชนนคร")]
    # titles listed after the office are still offices given
    got = run([("นาย", None), ("A", P), (" ได้รับแต่งตั้งเป็น", None), ("x", POS), (" ", None), ("y", POS), (" ในวันเดียวกัน", None)])
    assert [r[3] for r in _events(got)] == ["position=x", "position=y"]


def test_a_body_before_a_new_clause_about_the_meeting_is_not_the_deciding_body():
    got = run([("คณะกรรมการบริหารพรรคจังหวัด", ORG), ("ชุดใหม่ได้จัดการประชุมครั้งแรก ที่ประชุมได้ลงคะแนนเลือกสหาย", None), ("A", P),
               (" ให้ดำรงตำแหน่ง", None), ("x", POS)])
    assert _events(got) == [("event", "election", "person=A", "position=x")]
    # the body of the meeting named after ที่ประชุม stays the deciding body
    got = run([("ที่ประชุมของ", None), ("z", ORG), ("ได้ลงคะแนนเลือกสหาย", None), ("A", P), ("เป็น", None), ("x", POS)])
    assert _events(got) == [("event", "election", "person=A", "position=x", "organization=z")]


def test_a_sentence_cut_right_after_the_name_before_its_title():
    text, ents, _ = build([("z", ORG), ("ได้ออกการตัดสินใจหมายเลข ", None), ("3012/QĐ-UBND", DOC), (" ให้นาย", None), ("ดาว", P), (" ", None),
                           ("ผู้อำนวยการกรม", POS), (" หยุดทำงานเพื่อรับเงินบำนาญ", None)])
    cut = ents[2][1]  # the splitter ended a sentence right after the name
    got = extract_relations(text, ents, [[0, cut], [cut + 1, len(text)]])
    assert {"type": "event", "event": "retirement", "person": 2, "organization": 0, "doc_code": 1} in got
    assert {"type": "holds_position", "person": 2, "position": 3} in got


# ---------------------------------------------------------------- the second unseen batch reldev-069..078

def test_elected_into_an_office():
    got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" ได้รับการเลือกตั้งเข้าสู่ตำแหน่ง", None), ("y", POS), ("บิ่ญเซือง", LOC)])
    assert _events(got) == [("event", "election", "person=A", "position=y", "location=บิ่ญเซือง")]


def test_the_new_holder_named_after_the_office():
    got = run([("กระทรวงสาธารณสุข", ORG), ("ได้แต่งตั้ง", None), ("ผู้อำนวยการโรงพยาบาลบั๊กมาย", POS), ("คนใหม่ คือ รองศาสตราจารย์ ดร.", None),
               ("ดาว ซวน โก", P)])
    assert _events(got) == [("event", "appointment", "person=ดาว ซวน โก", "position=ผู้อำนวยการโรงพยาบาลบั๊กมาย", "organization=กระทรวงสาธารณสุข")]
    got = run([("z", ORG), ("ได้มอบการตัดสินใจแต่งตั้ง", None), ("x", POS), ("สำหรับสหาย", None), ("A", P)])
    assert _events(got) == [("event", "appointment", "person=A", "position=x", "organization=z")]


def test_a_move_by_transfer_of_post_and_dismissal_from_the_service():
    got = run([("สหาย", None), ("A", P), (" ", None), ("x", POS), (" ได้รับการโอนย้ายไปเป็น", None), ("y", POS)])
    assert _events(got) == [("event", "transfer", "person=A", "position=y")]
    text, ents, sentences = build([("z", ORG), ("ได้ตัดสินใจลงโทษทางวินัยในรูปแบบการไล่ออกต่อนาย", None), ("A", P), (" ", None), ("x", POS)])
    got = [r for r in extract_relations(text, ents, sentences) if r["type"] == "event"]
    assert got == [{"type": "event", "event": "discipline", "person": 1, "subtype": "dismissal", "organization": 0}]


def test_the_former_holder_when_the_title_span_took_part_of_the_word():
    # [ประธานศาลประชาชนสูงสุดคน]เดิม: the span took คน of คนเดิม; still the previous holder
    got = run([("นาย", None), ("A", P), (" ", None), ("ประธานศาลประชาชนสูงสุดคน", POS), ("เดิม ได้รับการโยกย้ายไปดำรงตำแหน่ง", None), ("y", POS)])
    assert got == [("event", "transfer", "person=A", "position=y")]


# ---------------------------------------------------------------- events told in passing (narrative news)

def test_a_relative_clause_before_the_passive_word():
    for lead in (" ซึ่งเพิ่งได้รับการแต่งตั้งเป็น", " เพิ่งได้รับการแต่งตั้งเป็น", " ผู้ได้รับการแต่งตั้งเป็น"):
        got = run([("นาย", None), ("A", P), (" ", None), ("x", POS), (lead, None), ("y", POS)])
        assert _events(got) == [("event", "appointment", "person=A", "position=y")], lead


def test_after_being_appointed_the_name_after_the_office():
    got = run([("หลังจากได้รับเลือกเป็น", None), ("x", POS), ("ห่าติ๋ญ", LOC), (", สหาย", None), ("A", P), (" ได้เดินทางไป", None)])
    assert got == [("event", "election", "person=A", "position=x", "location=ห่าติ๋ญ")]
    # another clause between the office and the name: none
    got = run([("หลังจากได้รับเลือกเป็น", None), ("x", POS), (" ที่ประชุมได้ฟังสหาย", None), ("A", P), (" กล่าว", None)])
    assert _events(got) == []


def test_names_listed_with_dai_kae_are_no_recipients_of_the_title_before():
    # แต่งตั้ง[รองอธิบดี] 2 ราย ได้แก่ นาย[A] และนาง[B]: the count of appointees, no office of A's
    got = run([("กระทรวงการคลัง", ORG), ("ได้ประกาศการตัดสินใจแต่งตั้ง", None), ("รองอธิบดี", POS), (" 2 ราย ได้แก่ นาย", None), ("A", P),
               (" และนาง", None), ("B", P)])
    assert _events(got) == []
