"""DATE rule matcher: Thai months, eras, year cues, ranges, numeric dates, the seeds."""
from __future__ import annotations

import time
from pathlib import Path
from typing import List, Tuple

import pytest

from thai_polnews.rules import RuleMatch, find_dates
from thai_polnews.rules.dates import MONTHS, YEAR_CUES, ascii_digits, to_ce

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def found(text: str) -> List[Tuple[str, str]]:
    """(surface, ISO value) of every date in ``text``."""
    return [(text[m.start:m.end], m.attrs["value"]) for m in find_dates(text)]


def assert_well_formed(text: str, matches: List[RuleMatch]) -> None:
    """Offsets inside the text, label DATE, sorted, no overlaps."""
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert m.label == "DATE"
        assert set(m.attrs) == {"value"}
    assert matches == sorted(matches, key=lambda m: (m.start, m.end))
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start


POSITIVE = [
    # day + month
    ("เมื่อวันที่ 20 มีนาคม คณะกรรมการ", "20 มีนาคม", "--03-20"),
    ("เช้าวันที่ 28 กุมภาพันธ์", "28 กุมภาพันธ์", "--02-28"),
    ("บ่ายวันที่ 4 เมษายน", "4 เมษายน", "--04-04"),
    ("วันที่20มีนาคม", "20มีนาคม", "--03-20"),
    # day + month + year, CE and BE, with and without the era marker
    ("ลงวันที่ 25 ธันวาคม 2023 ของ", "25 ธันวาคม 2023", "2023-12-25"),
    ("ตั้งแต่วันที่ 1 มีนาคม พ.ศ. 2568", "1 มีนาคม พ.ศ. 2568", "2025-03-01"),
    ("ลงวันที่ 12 เมษายน 2568", "12 เมษายน 2568", "2025-04-12"),
    ("วันที่ 3 กุมภาพันธ์ ค.ศ. 1930", "3 กุมภาพันธ์ ค.ศ. 1930", "1930-02-03"),
    ("29 กุมภาพันธ์ 2024", "29 กุมภาพันธ์ 2024", "2024-02-29"),
    # month alone, month + year
    ("ในเดือนพฤศจิกายน", "พฤศจิกายน", "--11"),
    ("เดือนธันวาคม 2568", "ธันวาคม 2568", "2025-12"),
    ("มีนาคม 2024", "มีนาคม 2024", "2024-03"),
    # abbreviated months, with two-digit BE years and dot spacing variants
    ("6 พ.ค. 68", "6 พ.ค. 68", "2025-05-06"),
    ("6 พ. ค. 68", "6 พ. ค. 68", "2025-05-06"),
    ("15 มี.ค. 2567", "15 มี.ค. 2567", "2024-03-15"),
    ("1 ธ.ค.", "1 ธ.ค.", "--12-01"),
    ("เม.ย. 2568", "เม.ย. 2568", "2025-04"),
    # era marker with year: marker inside the span
    ("ในปี พ.ศ. 2567 เทศบาล", "พ.ศ. 2567", "2024"),
    ("ภายใน ค.ศ. 2030", "ค.ศ. 2030", "2030"),
    ("พ.ศ.2567", "พ.ศ.2567", "2024"),
    # bare years after a year cue: cue outside the span
    ("ภายในปี 2025 พร้อม", "2025", "2025"),
    ("วิสัยทัศน์ถึงปี 2030 และ", "2030", "2030"),
    ("สังคมในปี 2568", "2568", "2025"),
    ("ปี 2568 คือปีแห่ง", "2568", "2025"),
    ("ปี2568", "2568", "2025"),
    ("ประจำปี 2024", "2024", "2024"),
    ("ปีงบประมาณ 2025", "2025", "2025"),
    ("trong năm 2024,", "2024", "2024"),
    ("3 เดือนแรกของปี 2024", "2024", "2024"),
    ("9 เดือนสุดท้ายของปี 2568", "2568", "2025"),
    # year ranges: one span, with or without a cue
    ("วาระปี 2020-2025 ไป", "2020-2025", "2020/2025"),
    ("สมัยที่ 2568-2573 โดย", "2568-2573", "2025/2030"),
    ("สมัย 2563-2568", "2563-2568", "2020/2025"),
    ("2020 - 2025", "2020 - 2025", "2020/2025"),
    ("2020–2025", "2020–2025", "2020/2025"),
    ("ครบรอบ 95 ปี (1930-2025)", "1930-2025", "1930/2025"),
    ("5 ปีติดต่อกัน (พ.ศ. 2567 - 2568)", "พ.ศ. 2567 - 2568", "2024/2025"),
    ("ในระยะปี พ.ศ. 2568-2573", "พ.ศ. 2568-2573", "2025/2030"),
    # numeric dates (day first)
    ("ณ 15/12/2024", "15/12/2024", "2024-12-15"),
    ("เมื่อ 25/10/2018", "25/10/2018", "2018-10-25"),
    ("ngày 6-1-2025", "6-1-2025", "2025-01-06"),
    ("15/12/2567", "15/12/2567", "2024-12-15"),
    ("เมื่อวันที่ 20/3 ที่ผ่านมา", "20/3", "--03-20"),
    ("วันที่ 8/3", "8/3", "--03-08"),
    # Thai digits: parsed as ASCII, offsets on the original text
    ("เมื่อวันที่ ๒๒ กรกฎาคม ๒๕๖๑ ที่", "๒๒ กรกฎาคม ๒๕๖๑", "2018-07-22"),
    ("ในปี ๒๐๒๐", "๒๐๒๐", "2020"),
    ("วาระปี ๒๕๖๓-๒๕๖๘", "๒๕๖๓-๒๕๖๘", "2020/2025"),
]


@pytest.mark.parametrize("text,surface,value", POSITIVE)
def test_finds_date_with_exact_span_and_value(text: str, surface: str, value: str) -> None:
    assert found(text) == [(surface, value)]
    assert_well_formed(text, find_dates(text))


NEGATIVE = [
    "สมาชิกพรรคมากกว่า 31,200 คน",
    "132 จาก 638 องค์กร",
    "ใน 3 เดือนแรกของปี และ",
    "ในช่วง 6 เดือนแรก",
    "6 เดือนสุดท้าย",
    "ไตรมาสแรก",
    "การประชุมสมัชชาใหญ่พรรคครั้งที่ 14",
    "ครั้งที่ 17",
    "การเติบโตทางเศรษฐกิจ 12%",
    "ปี 2025%",
    "150.000.000 đồng",
    "2.025 đồng",
    "บรรลุ 13/15 เป้าหมาย",
    "20/3",
    "วันที่ 32/13",
    "โทร 0912 345 678",
    "29A-123.45",
    "ISO 9001:2015",
    "TCVN 6909:2001",
    "COVID-19",
    "Số 67 (7.050)",
    "มติที่ 18",
    "สมัยที่ 15",
    # a 4-digit number with no year context is not a year
    "การประชุม 2025 คน",
    "จำนวน 2568 ราย",
    # ranges that are not year ranges
    "2000-2500 คน",
    "2025-2020",
    "2020-2568",
    "1900-2025",
    # an abbreviation alone is ambiguous (ก.พ. = Civil Service Commission)
    "สำนักงาน ก.พ. ได้",
    # inside a document code or a URL
    "30/2020/NĐ-CP",
    "55/2005/TTLT-BNV-VPCP",
    "202/2025/QH15",
    "ที่มา: https://baothaibinh.com.vn/tin-tuc/1/221299/15-12-2024.html",
    "ที่มา: https://example.vn/tin?ngay=15-12-2024&nam=2025",
    "",
    " ",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_rejects_non_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("20 มีนาคม 15 คน", [("20 มีนาคม", "--03-20")]),
        ("6 พ.ค. 15 คน", [("6 พ.ค.", "--05-06")]),
        ("31 กุมภาพันธ์ 2024", [("กุมภาพันธ์ 2024", "2024-02")]),
        ("ธันวาคม 3000", [("ธันวาคม", "--12")]),
        # a full-date range is two spans; a yearless start takes the year of the end
        (
            "3 กุมภาพันธ์ พ.ศ. 2473 - 3 กุมภาพันธ์ พ.ศ. 2568",
            [("3 กุมภาพันธ์ พ.ศ. 2473", "1930-02-03"), ("3 กุมภาพันธ์ พ.ศ. 2568", "2025-02-03")],
        ),
        ("6 พ.ค.-5 มิ.ย. 68", [("6 พ.ค.", "2025-05-06"), ("5 มิ.ย. 68", "2025-06-05")]),
        # a day range inside one month is one DATE with an interval value
        ("ระหว่างวันที่ 19-25 มกราคม 2569 ที่ฮานอย", [("19-25 มกราคม 2569", "2026-01-19/2026-01-25")]),
        ("16 – 19 ก.ค. 68", [("16 – 19 ก.ค. 68", "2025-07-16/2025-07-19")]),
        ("วันที่ 28-29 พฤศจิกายน", [("28-29 พฤศจิกายน", "--11-28/--11-29")]),
        ("วันที่ 25-19 มกราคม 2569", [("19 มกราคม 2569", "2026-01-19")]),  # not a range: only the date
        ("15/12/2024 - 20/12/2024", [("15/12/2024", "2024-12-15"), ("20/12/2024", "2024-12-20")]),
        # a range written with ถึง is two spans
        ("ตั้งแต่ปี 2020 ถึงปี 2025", [("2020", "2020"), ("2025", "2025")]),
        # code wins over the year inside it; the issue date after it is a date
        ("พระราชกฤษฎีกา 30/2020/NĐ-CP ลงวันที่ 5 มีนาคม 2020", [("5 มีนาคม 2020", "2020-03-05")]),
    ],
)
def test_partial_and_multiple_dates(text: str, expected: List[Tuple[str, str]]) -> None:
    assert found(text) == expected
    assert_well_formed(text, find_dates(text))


@pytest.mark.parametrize("year,ce", [(2568, 2025), (2443, 1900), (2400, 1857), (2025, 2025), (1930, 1930)])
def test_buddhist_era_years_lose_543(year: int, ce: int) -> None:
    assert to_ce(year) == ce


def test_thai_digits_keep_length() -> None:
    text = "๒๒ กรกฎาคม ๒๕๖๑"
    assert ascii_digits(text) == "22 กรกฎาคม 2561"
    assert len(ascii_digits(text)) == len(text)


def test_tables_are_loaded() -> None:
    assert sorted({number for number, _ in MONTHS.values()}) == list(range(1, 13))
    assert sum(1 for _, abbreviated in MONTHS.values() if abbreviated) == 12
    assert {"ปี", "ในปี", "ภายในปี", "ถึงปี", "ช่วงปี", "วาระปี", "สมัย", "ประจำปี"} <= set(YEAR_CUES)


@pytest.mark.parametrize("month", sorted(MONTHS))
def test_every_month_spelling_in_the_table_is_found(month: str) -> None:
    number, _ = MONTHS[month]
    text = f"วันที่ 9 {month} 2567"
    assert found(text) == [(f"9 {month} 2567", f"2024-{number:02d}-09")]


def test_wrong_input_type_raises() -> None:
    with pytest.raises(TypeError):
        find_dates(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\u200b", id="zero-width-space"),
        pytest.param("ก" * 10_000, id="long-thai"),
        pytest.param("2" * 5_000, id="long-digit-run"),
        pytest.param("ปี " * 3_000, id="cues-without-years"),
    ],
)
def test_robust_to_odd_text(text: str) -> None:
    assert find_dates(text) == []


# What a reader finds in the seeds (written from reading the articles, in text order).
SEED_DATES = {
    "000": [
        ("25 ธันวาคม 2023", "2023-12-25"),
        ("25 ธันวาคม 2023", "2023-12-25"),
        ("4 ธันวาคม 2023", "2023-12-04"),
        ("2025", "2025"),
        ("2030", "2030"),
        ("2 มกราคม 2024", "2024-01-02"),
        ("1 ธันวาคม 2023", "2023-12-01"),
        ("1 ธันวาคม 2023", "2023-12-01"),
        ("16 มกราคม", "--01-16"),
    ],
    "001": [
        ("20 มีนาคม", "--03-20"),
        ("2568", "2025"),
        ("2568", "2025"),
        ("2568", "2025"),
        ("2020-2025", "2020/2025"),
    ],
    "002": [
        ("20 มิถุนายน", "--06-20"),
        ("2024", "2024"),
        ("2567", "2024"),
        ("2024", "2024"),
        ("2024", "2024"),
        ("2024", "2024"),
        ("2024", "2024"),
    ],
    "003": [
        ("28 กุมภาพันธ์", "--02-28"),
        ("2568", "2025"),
        ("2567", "2024"),
        ("พ.ศ. 2567", "2024"),
        ("1 มีนาคม พ.ศ. 2568", "2025-03-01"),
        ("2568", "2025"),
        ("2568", "2025"),
        ("2568", "2025"),
        ("2567", "2024"),
        ("2567", "2024"),
        ("2567", "2024"),
        ("พ.ศ. 2567 - 2568", "2024/2025"),
        ("2567", "2024"),
        ("พ.ศ. 2563-2567", "2020/2024"),
        ("พ.ศ. 2563 - 2567", "2020/2024"),
        ("พ.ศ. 2563 - 2567", "2020/2024"),
    ],
    "004": [
        ("4 เมษายน", "--04-04"),
        ("2568-2573", "2025/2030"),
        ("2563-2568", "2020/2025"),
        ("พ.ศ. 2568-2573", "2025/2030"),
        ("2568-2573", "2025/2030"),
        ("2568-2573", "2025/2030"),
    ],
}


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix``."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(SEED_DATES))
def test_seed_dates_are_exactly_those_a_reader_finds(prefix: str) -> None:
    text = seed_text(prefix)
    assert found(text) == SEED_DATES[prefix]
    assert_well_formed(text, find_dates(text))


def test_fast_on_seeds() -> None:
    texts = [seed_text(prefix) for prefix in SEED_DATES]
    kilobytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    started = time.perf_counter()
    for _ in range(20):
        for text in texts:
            find_dates(text)
    ms_per_kb = (time.perf_counter() - started) * 1000 / 20 / kilobytes
    assert ms_per_kb < 1.0
