"""DOC_CODE rule matcher: every symbol form of data/rules/doc_types.tsv, the look-alikes, the seeds."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from thai_polnews.rules import RuleMatch, find_dates, find_doc_codes
from thai_polnews.rules.doc_codes import ISSUERS, TYPES, fold, read_rule_table

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def attrs(number: str, doc_type: str, issuer: str, year: Optional[str] = None) -> Dict[str, Optional[str]]:
    """Expected attrs of one code."""
    return {"number": number, "type": doc_type, "issuer": issuer, "year": year}


def surfaces(text: str, matches: List[RuleMatch]) -> List[str]:
    """The text of each match."""
    return [text[m.start:m.end] for m in matches]


def assert_well_formed(text: str, matches: List[RuleMatch], label: str) -> None:
    """Offsets inside the text, label right, sorted, no overlaps."""
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert m.label == label
    assert matches == sorted(matches, key=lambda m: (m.start, m.end))
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start


POSITIVE = [
    # party: NUMBER-TYPE/ISSUER
    ("คำสั่งหมายเลข 27-CT/TW ลงวันที่", "27-CT/TW", attrs("27", "CT", "TW")),
    ("ข้อบังคับฉบับที่ 137-QĐ/TW ลงวันที่", "137-QĐ/TW", attrs("137", "QD", "TW")),
    ("ข้อบังคับฉบับที่ 137-QD/TW ลงวันที่", "137-QD/TW", attrs("137", "QD", "TW")),
    ("คำสั่งหมายเลข 1158-QDNS/TW", "1158-QDNS/TW", attrs("1158", "QDNS", "TW")),
    ("การตัดสินใจ 2129-QĐNS/TW", "2129-QĐNS/TW", attrs("2129", "QDNS", "TW")),
    ("ระเบียบ 08-QĐi/TW ของคณะกรรมการกลาง", "08-QĐi/TW", attrs("08", "QDI", "TW")),
    ("มติ 57-NQ/TW ของโปลิตบูโร", "57-NQ/TW", attrs("57", "NQ", "TW")),
    ("ข้อสรุปหมายเลข 127-KL/TW", "127-KL/TW", attrs("127", "KL", "TW")),
    ("แนวทาง 36-HD/VPTW", "36-HD/VPTW", attrs("36", "HD", "VPTW")),
    ("24-BS/UBKTTU", "24-BS/UBKTTU", attrs("24", "BS", "UBKTTU")),
    ("15-NQ/ĐHKT-ĐTN", "15-NQ/ĐHKT-ĐTN", attrs("15", "NQ", "DHKT-DTN")),
    ("19-QĐi/TU", "19-QĐi/TU", attrs("19", "QDI", "TU")),
    # state: NUMBER/[YEAR/]TYPE-ISSUER
    ("แผนงานที่ 03/KH-UBND ลงวันที่", "03/KH-UBND", attrs("03", "KH", "UBND")),
    ("พระราชกฤษฎีกา 30/2020/NĐ-CP", "30/2020/NĐ-CP", attrs("30", "ND", "CP", "2020")),
    ("55/2005/TTLT-BNV-VPCP", "55/2005/TTLT-BNV-VPCP", attrs("55", "TTLT", "BNV-VPCP", "2005")),
    ("การตัดสินใจ 398/QĐ-TTg", "398/QĐ-TTg", attrs("398", "QD", "TTG")),
    ("666/2015/QĐ-UBND", "666/2015/QĐ-UBND", attrs("666", "QD", "UBND", "2015")),
    ("01/2011/TT-BNV", "01/2011/TT-BNV", attrs("01", "TT", "BNV", "2011")),
    ("05/QyĐ-UBND", "05/QyĐ-UBND", attrs("05", "QYD", "UBND")),
    ("12/CTr-UBND", "12/CTr-UBND", attrs("12", "CTR", "UBND")),
    ("155/QĐ-BGDĐT", "155/QĐ-BGDĐT", attrs("155", "QD", "BGDDT")),
    ("03/VBHN-VPQH", "03/VBHN-VPQH", attrs("03", "VBHN", "VPQH")),
    # a well-formed issuer that no table lists is still an issuer
    ("12/QĐ-SNV", "12/QĐ-SNV", attrs("12", "QD", "SNV")),
    ("1893/QĐ-ĐDN", "1893/QĐ-ĐDN", attrs("1893", "QD", "DDN")),
    # National Assembly: NUMBER/YEAR/QH<term>, typed NQ
    ("มติ 202/2025/QH15 ของรัฐสภา", "202/2025/QH15", attrs("202", "NQ", "QH15", "2025")),
    ("กฎหมาย 16/2023/QH15", "16/2023/QH15", attrs("16", "NQ", "QH15", "2023")),
    # state công văn: an issuer in the type slot
    ("เอกสารราชการ 45/UBND-VP", "45/UBND-VP", attrs("45", "CV", "UBND-VP")),
    # spaces around separators stay inside the span
    ("การตัดสินใจ 1205 /QĐ-UBND ลงวันที่", "1205 /QĐ-UBND", attrs("1205", "QD", "UBND")),
    ("มติ 27 - NQ / TU ของ", "27 - NQ / TU", attrs("27", "NQ", "TU")),
    ("30 / 2020 / NĐ - CP", "30 / 2020 / NĐ - CP", attrs("30", "ND", "CP", "2020")),
    # dash variants
    ("มติที่ 27–NQ/TU", "27–NQ/TU", attrs("27", "NQ", "TU")),
    ("มติที่ 27\u2011NQ/TU", "27\u2011NQ/TU", attrs("27", "NQ", "TU")),
    ("03/KH–UBND", "03/KH–UBND", attrs("03", "KH", "UBND")),
    # glued to Thai letters on either side
    ("มติที่27-NQ/TUลงวันที่ 4 ธันวาคม", "27-NQ/TU", attrs("27", "NQ", "TU")),
    ("แผนงานที่03/KH-UBNDของคณะกรรมการ", "03/KH-UBND", attrs("03", "KH", "UBND")),
    # Latin contexts
    ("Decree 70/2025/ND-CP on salaries.", "70/2025/ND-CP", attrs("70", "ND", "CP", "2025")),
    ("Resolution 68-NQ/TW, issued", "68-NQ/TW", attrs("68", "NQ", "TW")),
    ("(theo 27-CT/TW)", "27-CT/TW", attrs("27", "CT", "TW")),
]


@pytest.mark.parametrize("text,surface,expected", POSITIVE)
def test_finds_code_with_exact_span_and_attrs(text: str, surface: str, expected: Dict) -> None:
    matches = find_doc_codes(text)
    assert surfaces(text, matches) == [surface]
    assert matches[0].attrs == expected
    assert_well_formed(text, matches, "DOC_CODE")


NEGATIVE = [
    "บรรลุเป้าหมาย 13/15 เป้าหมาย",
    "เมื่อวันที่ 20/3",
    "25/10/2018",
    "05/03/2020",
    "วาระปี 2020-2025",
    "5 ปีติดต่อกัน (พ.ศ. 2567 - 2568)",
    "การเติบโตทางเศรษฐกิจ 12% ในปี 2568",
    "สมาชิกพรรคมากกว่า 31,200 คน",
    "150.000.000 đồng",
    "โทร 0912 345 678",
    "ป้ายทะเบียน 29A-123.45",
    "ISO 9001:2015",
    "TCVN 6909:2001",
    "COVID-19",
    "3/COVID-19",
    "Số 67 (7.050)",
    "กลุ่มหน่วยงานและวิสาหกิจจังหวัด (CQ&DN)",
    "(VPCTN)",
    "บทสรุปของมติที่ 18 ของคณะกรรมการกลางพรรค",
    "มติที่ 18",
    "132 จาก 638 องค์กร",
    "การแสดงความคิดเห็น (0)",
    "4.0 F0",
    # the digits are the tail of a longer token
    "ABC27-CT/TW",
    "1.27-CT/TW",
    "A-03/KH-UBND",
    # unknown type; a type of the wrong system
    "5/ABC-XYZ",
    "19-ND/TW",
    "45/KL-UBND",
    # no known issuer in the type slot: not read as công văn
    "45/SNV-VP",
    # inside a URL
    "ที่มา: https://example.vn/van-ban/27-CT/TW",
    # Thai digits are not code digits
    "๒๗-CT/TW",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_rejects_look_alikes(text: str) -> None:
    assert find_doc_codes(text) == []


@pytest.mark.parametrize(
    "raw,folded",
    [("QĐi", "QDI"), ("QyĐ", "QYD"), ("CTr", "CTR"), ("TTg", "TTG"), ("ĐHKT-ĐTN", "DHKT-DTN"), ("NĐ", "ND")],
)
def test_fold_is_ascii_upper(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def _table_codes(system: str) -> List[str]:
    """Raw type codes of one system from the shipped table (``both`` counts for each)."""
    return [r["code"] for r in read_rule_table("doc_types.tsv") if r["system"] in (system, "both")]


@pytest.mark.parametrize("code", _table_codes("party"))
def test_every_party_type_in_the_table_is_accepted(code: str) -> None:
    text = f"ตาม 12-{code}/TW ของ"
    assert surfaces(text, find_doc_codes(text)) == [f"12-{code}/TW"]


@pytest.mark.parametrize("code", _table_codes("state"))
def test_every_state_type_in_the_table_is_accepted(code: str) -> None:
    text = f"ตาม 12/{code}-UBND ของ"
    assert surfaces(text, find_doc_codes(text)) == [f"12/{code}-UBND"]


def test_tables_are_loaded() -> None:
    assert {"NQ", "QD", "QDI", "QDNS", "CT", "KL", "CV"} <= TYPES["party"]
    assert {"NQ", "QD", "QYD", "ND", "TT", "TTLT", "KH"} <= TYPES["state"]
    assert "KL" not in TYPES["state"] and "ND" not in TYPES["party"]
    assert {"TW", "TU", "UBND", "CP", "TTG"} <= ISSUERS


def test_repeated_code_gives_one_span_per_occurrence() -> None:
    text = "มติที่ 27-NQ/TU ลงวันที่ 4 ธันวาคม 2023 ... การปฏิบัติตามมติที่ 27-NQ/TU การรับฟัง"
    assert surfaces(text, find_doc_codes(text)) == ["27-NQ/TU", "27-NQ/TU"]


def test_two_adjacent_codes_split_at_the_separator() -> None:
    text = "27-CT/TW, 28-CT/TW และ 03/KH-UBND"
    assert surfaces(text, find_doc_codes(text)) == ["27-CT/TW", "28-CT/TW", "03/KH-UBND"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param(" ", id="space"),
        pytest.param("\n\n", id="newlines"),
        pytest.param("\u200b", id="zero-width-space"),
        pytest.param("ก" * 10_000, id="long-thai"),
        pytest.param("27-CT/\nTW", id="newline-inside-code"),
        pytest.param("27-CT/\u200bTW", id="zero-width-inside-code"),
    ],
)
def test_robust_to_empty_and_odd_text(text: str) -> None:
    assert find_doc_codes(text) == []


def test_wrong_input_type_raises() -> None:
    with pytest.raises(TypeError):
        find_doc_codes(None)  # type: ignore[arg-type]


# What a reader finds in the seeds (written from reading the articles, in text order).
SEED_CODES = {
    "000": ["27-CT/TW", "28-CT/TW", "27-NQ/TU", "03/KH-UBND", "27-NQ/TU", "137-QD/TW", "138-QD/TW"],
    "001": ["57-NQ/TW"],
    "002": [],
    "003": [],
    "004": [],
}
SEED_ATTRS = {
    "27-CT/TW": attrs("27", "CT", "TW"),
    "28-CT/TW": attrs("28", "CT", "TW"),
    "27-NQ/TU": attrs("27", "NQ", "TU"),
    "03/KH-UBND": attrs("03", "KH", "UBND"),
    "137-QD/TW": attrs("137", "QD", "TW"),
    "138-QD/TW": attrs("138", "QD", "TW"),
    "57-NQ/TW": attrs("57", "NQ", "TW"),
}


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(SEED_CODES))
def test_seed_codes_are_exactly_those_a_reader_finds(prefix: str) -> None:
    text = seed_text(prefix)
    matches = find_doc_codes(text)
    assert surfaces(text, matches) == SEED_CODES[prefix]
    assert [m.attrs for m in matches] == [SEED_ATTRS[s] for s in SEED_CODES[prefix]]
    assert_well_formed(text, matches, "DOC_CODE")


def test_seed_code_set_over_all_seeds_with_both_matchers() -> None:
    expected = {code for codes in SEED_CODES.values() for code in codes}
    found = set()
    for prefix in SEED_CODES:
        text = seed_text(prefix)
        codes, dates = find_doc_codes(text), find_dates(text)
        found |= set(surfaces(text, codes))
        for d in dates:
            assert all(d.end <= c.start or d.start >= c.end for c in codes)
    assert found == expected


def test_fast_on_seeds() -> None:
    texts = [seed_text(prefix) for prefix in SEED_CODES]
    kilobytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    started = time.perf_counter()
    for _ in range(20):
        for text in texts:
            find_doc_codes(text)
    ms_per_kb = (time.perf_counter() - started) * 1000 / 20 / kilobytes
    assert ms_per_kb < 1.0
