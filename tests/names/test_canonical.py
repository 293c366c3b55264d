"""``canonical``: Thai and Latin spellings to unaccented romanisation, or None."""
from __future__ import annotations

import importlib

import pytest

from thai_polnews.names import canonical
from thai_polnews.names.gazetteer import Gazetteer

# Thai (and Latin-in-Thai) variants of names in data/names (their sources are in the tables' headers) and ANNOTATION.md.
DOMAIN_PLACES = {
    "Hai Duong": ["ไห่เซือง", "ไห่ดวง"],
    "Thai Binh": ["ท้ายบิ่ญ", "ไทบิ่ญ"],
    "Son La": ["เซินลา", "ซอนลา"],
    "Lai Chau": ["ลายเจิว", "ลายเจา", "ไลเจา"],
    "Lao Cai": ["หล่าวกาย", "ลาวไก", "เลาไก"],
    "Cao Bang": ["กาวบั่ง", "กาวบาง"],
    "Phu Tho": ["ฟู้เถาะ", "ฟูเถา"],
    "Thanh Hoa": ["ทัญฮว้า", "ทานห์ฮัว"],
    "Nghe An": ["เหงะอาน", "เหงะอานห์", "แง่อาน"],
    "Dien Bien": ["เดียนเบียน", "เดี่ยนเบียน"],
    "Lam Dong": ["ลัมดง", "ลัมด่ง", "ลั มด่ง"],
    "Ha Hoa": ["ห่าฮัว", "ห่าฮว่า"],
    "Thanh Ba": ["ทัญบา", "ถั่นบา"],
    "Tam Dao": ["ทามเดา", "ตามเดา"],
    "Ha Noi": ["ฮานอย"],
    "Ho Chi Minh": ["นครโฮจิมินห์", "นคร โฮจิมิน ห์"],
    "Hue": ["เว้"],
    "Sai Gon": ["ไซ่ง่อน"],
    "Viet Nam": ["เวียดนาม"],
    "Chi Linh": ["ชีลินห์", "Chi Linh"],
    "Kinh Mon": ["กิญมอญ", "Kinh Mon"],
    "Gia Loc": ["เจียหลก", "Gia Loc"],
    "Duy Tan": ["ดุยเติน", "Duy Tan"],
    "Nam Sach": ["Nam Sach"],
    "Kim Thanh": ["Kim Thanh"],
    "Ha Giang": ["ห่าซาง"],
    "Ninh Binh": ["นิญบิ่ญ"],
    "Quang Ninh": ["กว๋างนิญ", "กวางนิญ"],
    "Tay Ninh": ["เตยนิญ"],
    "Vinh Phuc": ["วิญฟุก"],
    "Binh Thuan": ["บิ่ญถ่วน"],
    "Kien Giang": ["เกียนเกียง"],
    "Gia Lai": ["เกียลาย"],
    "Yen Bai": ["เอียนบ๊าย"],
    "Tuyen Quang": ["เตวียนกวาง"],
    "Thai Nguyen": ["ไทเหงียน"],
    "Hoa Binh": ["ฮวาบิ่ญ"],
    "Viet Tri": ["เวียดตรี"],
    "Truong Sa": ["จวงซา"],
    "Hoang Sa": ["ฮวงซา"],
    "Tay Nguyen": ["เตยเงวียน"],
}
DOMAIN_PERSONS = {
    "Nguyen Quang Trung": ["เหงียน กวาง ตรัง"],
    "Nguyen Tien Thanh": ["เหงียน เตี่ยน ถั่น", "เหงียน เตี๊ยน ถันห์", "เหงียน เตี๊ยน ถั่น"],
    "Nguyen Xuan Phuc": ["เหงียนซวนฟุ๊ก", "เหงวียนซวนฟุก", "เหงียนซวนฟุก", "เหงียน ซวน ฟุก"],
    "Pham Minh Chinh": ["ฝามมิงชิ้ง", "ฝ่าม มินห์ จิ่ง", "ฟัม มินห์ ชินห์", "Pham Minh Chinh"],
    "Nguyen Tan Dung": ["เหงวียนเติ๊นหยุง", "เหวียน เติ๋น หยุ๋ง"],
    "Truong Tan Sang": ["เจือง เติ๋น ซาง", "เจืองเติ๋นซาง"],
    "Vo Van Thuong": ["โว วัน เถือง", "วัว วัน ทวง"],
    "To Lam": ["โตเลิม", "โต ลัม"],
    "Tran Thanh Man": ["เจิ่น แทง เหมิน"],
    "Nguyen Phu Trong": ["เหงียน ฟู่ จ่อง", "เหงียน ฟู จ่อง"],
    "Luong Cuong": ["เลืองเกื่อง"],
    "Dang Xuan Phong": ["ดังซวนฟอง", "Dang Xuan Phong"],
    "Hoang Dang Quang": ["หวง ดัง กวาง", "ฮวง ดัง กวาง"],
    "Nguyen Hoai Anh": ["เหงียน ฮว่าย อันห์"],
    "Nguyen Manh Dung": ["เหงียนมานห์ ดุง"],
    "Hoang Cong Thuy": ["ฮว่าง กง ถุ่ย"],
    "Mua A Son": ["มัว อา ซอน"],
    "Le Minh Hung": ["เล มิง ห์ ฮุง"],
    "Nguyen Hoa Binh": ["เหงียน ฮัว บิ่ญ"],
    "Phung Quang Thanh": ["ฝุ่งกวางแทง"],
    "Le Luong Minh": ["เลเลืองมีง"],
    "Luong Thanh Nghi": ["เลืองแทงหงิ"],
    "Bui Thanh Son": ["บุยทันเซิน"],
    "Vu Dai Thang": ["หวู่ ได่ทัง"],
    "Tran Duc Thang": ["Tran Duc Thang", "Trần Đức Thắng"],
    "Ly Ly Xa": ["Ly Ly Xa"],
    "Ho Chi Minh": ["โฮจิมินห์"],
    "Bao Dai": ["บ๋าว ดั่ย"],
    "Tran Thi Hong Lieu": ["เจิ่น ถิ ห่ง เลี่ยว"],
    "Nguyen Huu Hoai": ["เหงียน ฮู่ หว่าย"],
    "Dinh The Huynh": ["ดิงห์ เธ ฮวินห์"],
    "Nguyen Trong Nghia": ["เหงียน ตรัง หงี่อา"],
}


def _cases(table, label):
    return [(form, label, canon) for canon, forms in table.items() for form in forms]


@pytest.mark.parametrize("surface, label, expected", _cases(DOMAIN_PLACES, "LOCATION") + _cases(DOMAIN_PERSONS, "PERSON"))
def test_domain_variants(surface: str, label: str, expected: str) -> None:
    assert canonical(surface, label) == expected


@pytest.mark.parametrize("surface", ["ไห่ดวง", "ไห่เซือง", "ท้ายบิ่ญ"])
def test_label_is_optional(surface: str) -> None:
    assert canonical(surface) is not None


@pytest.mark.parametrize(
    "surface, expected",
    [("แง่อาน", "Nghe An"), ("นครโฮจิมินห์", "Ho Chi Minh"), ("ฮานอย", "Ha Noi")],
)
def test_gazetteer_wins_over_syllables(surface: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gazetteer reading is returned; syllables alone would read these otherwise."""
    assert canonical(surface, "LOCATION") == expected
    module = importlib.import_module("thai_polnews.names.canonical")
    monkeypatch.setattr(module, "gazetteer", lambda: Gazetteer({}, {}, {}))
    module._canonical.cache_clear()  # results are memoised per surface
    try:
        assert canonical(surface, "LOCATION") != expected
    finally:
        module._canonical.cache_clear()


@pytest.mark.parametrize(
    "surface, label",
    [
        ("สมชาย ใจดี", "PERSON"),  # Thai person
        ("สมชาย", "PERSON"),
        ("ประยุทธ์ จันทร์โอชา", "PERSON"),
        ("ทองลุน สีสุลิด", "PERSON"),  # Lao
        ("สี จิ้นผิง", "PERSON"),  # Chinese
        ("โจ ไบเดน", "PERSON"),
        ("Thongloun Sisoulith", "PERSON"),
        ("Xi Jinping", "PERSON"),
        ("John Kerry", "PERSON"),
        ("ลาว", "LOCATION"),
        ("จีน", "LOCATION"),
        ("กัมพูชา", "LOCATION"),
        ("กรุงเทพมหานคร", "LOCATION"),
        ("เชียงใหม่", "LOCATION"),
        ("ประชาชน", None),  # a Thai word
        ("คณะกรรมการ", None),
        ("", None),
        ("   ", "PERSON"),
    ],
)
def test_none_for_non_vietnamese(surface: str, label) -> None:
    assert canonical(surface, label) is None


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("Y Thanh Ha Nie Kdam", "Y Thanh Ha Nie Kdam"),  # Ê Đê name
        ("Ksor Phuoc", "Ksor Phuoc"),
        ("Nguyễn Ngọc Trường Sơn", "Nguyen Ngoc Truong Son"),
        ("NGUYEN Van An", "Nguyen Van An"),
        ("สหาย", None),
    ],
)
def test_more_persons(surface: str, expected) -> None:
    assert canonical(surface, "PERSON") == expected


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        canonical("ไห่ดวง", "ORGANIZATION")
    with pytest.raises(TypeError):
        canonical(None)  # type: ignore[arg-type]
