"""``to_thai``: styles, spaces, tone marks, unknown styles."""
from __future__ import annotations

import pytest

from thai_polnews.names import style_names, to_thai
from thai_polnews.names.thai_script import TONE_MARKS, match_key

STYLES = ("royal", "news", "mt")


def test_registry_lists_the_styles() -> None:
    assert set(STYLES) <= set(style_names())


def test_unknown_style_names_the_valid_ones() -> None:
    with pytest.raises(ValueError) as err:
        to_thai("Tô Lâm", "klingon")
    for style in STYLES:
        assert style in str(err.value)


@pytest.mark.parametrize(
    "name, style, expected",
    [
        ("Trần Đức Thắng", "royal", "เจิ่น ดึ๊ก ทั้ง"),  # wunsen, the example
        ("Nguyễn Xuân Phúc", "royal", "งเหวียน ซวน ฟุก"),  # wunsen keeps its RI spelling
        ("Nguyễn Xuân Phúc", "news", "เหงียน ซวน ฟุก"),  # established เหงียน
        ("Hải Dương", "news", "ไห่ เซือง"),  # observed in the seeds
        ("Thái Bình", "royal", "ท้าย บิ่ญ"),
        ("Phạm Minh Chính", "news", "ฝ่าม มิญ จิ๊ญ"),
        ("Trương Thị Mai", "news", "เจือง ถิ ไม"),
        ("Hà Nội", "news", "ฮานอย"),
        ("Việt Nam", "news", "เวียดนาม"),
        ("Trần Thanh Mẫn", "mt", "ตรั่น ทันห์ หมั่น"),
        ("Gia Lai", "mt", "เกีย ลาย"),
        ("Dũng", "mt", "ดุ่ง"),
        ("Lê Minh Hưng", "mt", "เล มินห์ ฮุง"),
    ],
)
def test_known_renderings(name: str, style: str, expected: str) -> None:
    assert to_thai(name, style) == expected


def test_mt_follows_latin_letters() -> None:
    text = to_thai("Trần Dũng Giang Minh", "mt")
    assert text.startswith("ตร")
    assert "ด" in text.split()[1]
    assert text.split()[2].startswith("เกีย")
    assert text.endswith("นห์")


@pytest.mark.parametrize("style", STYLES)
def test_unaccented_input_reads_like_accented(style: str) -> None:
    assert to_thai("Tran Duc Thang", style) == to_thai("Trần Đức Thắng", style)


@pytest.mark.parametrize("style", STYLES)
def test_spaces_and_tones_options(style: str) -> None:
    spaced = to_thai("Nguyễn Tiến Thành", style)
    joined = to_thai("Nguyễn Tiến Thành", style, spaces=False)
    plain = to_thai("Nguyễn Tiến Thành", style, tones=False)
    assert spaced.count(" ") == 2 and " " not in joined
    assert joined == spaced.replace(" ", "")
    assert not set(plain) & set(TONE_MARKS)
    assert match_key(plain.replace(" ", "")) == match_key(joined)


def test_non_vietnamese_token_kept() -> None:
    assert to_thai("Ksor Phước", "news").startswith("Ksor ")


def test_type_error() -> None:
    with pytest.raises(TypeError):
        to_thai(42)  # type: ignore[arg-type]
