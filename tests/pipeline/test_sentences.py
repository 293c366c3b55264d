import pytest

from thai_polnews.pipeline.sentences import (
    crfcut_spans,
    is_name_like_gap,
    protected_spans,
    sentence_spans,
)


def cut_at_every_space(line):
    """A deliberately bad cutter: proposes a boundary after every space."""
    return [i + 1 for i, ch in enumerate(line) if ch == " " and i + 1 < len(line)]


def pieces(text, spans):
    return [text[s:e] for s, e in spans]


def test_newline_always_ends_a_sentence():
    text = "บรรทัดแรกไม่มีจุด\nบรรทัดที่สอง\n\n  บรรทัดที่สาม  "
    got = pieces(text, sentence_spans(text, cutter=lambda line: []))
    assert got == ["บรรทัดแรกไม่มีจุด", "บรรทัดที่สอง", "บรรทัดที่สาม"]


@pytest.mark.parametrize(
    "line",
    ["แหล่งที่มา", "การแสดงความคิดเห็น (0)", "ที่มา: https://example.vn/a b", "ภาพ: TTXVN ถ่าย ภาพ", "ภาพโดย: A.Tung"],
)
def test_furniture_lines_are_one_sentence(line):
    text = f"ข่าวหลัก จบแล้ว\n{line}"
    got = pieces(text, sentence_spans(text, cutter=cut_at_every_space))
    assert got[-1] == line


@pytest.mark.parametrize(
    "line, inside",
    [
        ("ตามมติที่ 27-NQ/TU ของจังหวัด", "27-NQ/TU"),
        ("ลงนามเมื่อ 1205 /QĐ-UBND ของจังหวัด", "1205 /QĐ-UBND"),
        ("เมื่อวันที่ 25 ธันวาคม 2023 ที่ผ่านมา", "25 ธันวาคม 2023"),
        ("สำหรับวาระ 2020 - 2025 ของพรรค", "2020 - 2025"),
        ("สหาย Phan Tan Canh กล่าวว่า", "Phan Tan Canh"),
        ("สหาย เหงียน กวาง ตรัง กล่าวว่า", "เหงียน กวาง ตรัง"),
    ],
)
def test_no_cut_inside_protected_text(line, inside):
    spans = sentence_spans(line, cutter=cut_at_every_space, min_chars=0)
    start = line.index(inside)
    end = start + len(inside)
    assert not any(start < s < end for s, _ in spans), pieces(line, spans)


def test_cuts_between_long_clauses_are_kept():
    line = "คณะกรรมการประชาชนจังหวัดได้ประชุมเพื่อทบทวนแผนงาน ผู้แทนทั้งหมดเห็นชอบกับรายงานฉบับนั้น"
    got = pieces(line, sentence_spans(line, cutter=cut_at_every_space, min_chars=20))
    assert got == ["คณะกรรมการประชาชนจังหวัดได้ประชุมเพื่อทบทวนแผนงาน", "ผู้แทนทั้งหมดเห็นชอบกับรายงานฉบับนั้น"]
    assert len(sentence_spans(line, cutter=cut_at_every_space, min_chars=80)) == 1


def test_openers_cut_and_continuations_do_not():
    line = "ผู้แทนเห็นชอบกับรายงาน ดังนั้น คณะกรรมการจึงอนุมัติ และให้ดำเนินการต่อ"
    got = pieces(line, sentence_spans(line, cutter=cut_at_every_space, min_chars=0))
    assert got[0] == "ผู้แทนเห็นชอบกับรายงาน"
    assert any(p.startswith("ดังนั้น") for p in got)
    assert not any(p.startswith("และ") for p in got)


def test_name_like_gap():
    line = "สหาย เหงียน กวาง ตรัง กล่าว"
    assert is_name_like_gap(line, line.index("กวาง"), max_chunk=6)
    long_line = "คณะกรรมการประชาชนจังหวัด ผู้แทนทั้งหมด"
    assert not is_name_like_gap(long_line, long_line.index("ผู้"), max_chunk=6)


def test_protected_spans_cover_codes_dates_and_latin_names():
    line = "สหาย Nguyen Long Bien ตามคำสั่ง 28-CT/TW ลงวันที่ 25 ธันวาคม 2023"
    got = {line[s:e] for s, e in protected_spans(line)}
    assert {"Nguyen Long Bien", "28-CT/TW", "25 ธันวาคม 2023"} <= got


def test_spans_are_stripped_ordered_and_never_cross_newlines(seed_texts):
    for text in seed_texts.values():
        spans = sentence_spans(text)
        assert spans == sorted(spans)
        for (s, e), (s2, _) in zip(spans, spans[1:]):
            assert e <= s2
        for s, e in spans:
            assert text[s:e] == text[s:e].strip() and "\n" not in text[s:e]


def test_guarded_splitter_beats_raw_crfcut_on_the_gold_seeds(root):
    from thai_polnews.evaluation import sentence_scores
    from thai_polnews.records import read_jsonl

    gold = read_jsonl(root / "annotations" / "seeds.jsonl")
    ours = [{"sentences": sentence_spans(g["text"])} for g in gold]
    raw = [{"sentences": crfcut_spans(g["text"])} for g in gold]
    assert sentence_scores(gold, ours)["f1"] > sentence_scores(gold, raw)["f1"]


def test_component_sets_sentence_starts(rules_nlp):
    doc = rules_nlp("หัวข้อข่าว\nสหาย Phan Tan Canh กล่าว\nแหล่งที่มา")
    assert [s.text.strip() for s in doc.sents] == ["หัวข้อข่าว", "สหาย Phan Tan Canh กล่าว", "แหล่งที่มา"]


def test_component_on_empty_doc(rules_nlp):
    assert list(rules_nlp("").sents) == []
