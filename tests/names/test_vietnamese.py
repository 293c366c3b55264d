"""Unaccenting and syllable analysis of Vietnamese spellings."""
from __future__ import annotations

import pytest

from thai_polnews.names import unaccent
from thai_polnews.names.vietnamese import has_vietnamese_marks, is_vietnamese_syllable, parse_syllable


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trần Đức Thắng", "Tran Duc Thang"),
        ("Nguyễn Quang Trung", "Nguyen Quang Trung"),
        ("đường Điện Biên Phủ", "duong Dien Bien Phu"),
        ("Bà Rịa – Vũng Tàu", "Ba Ria – Vung Tau"),
        ("Hải  Dương", "Hai  Duong"),
        ("Tran Duc Thang", "Tran Duc Thang"),
        ("ไห่เซือง", "ไห่เซือง"),
        ("", ""),
    ],
)
def test_unaccent(text: str, expected: str) -> None:
    assert unaccent(text) == expected


def test_unaccent_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        unaccent(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "syllable, parts",
    [
        ("Nguyễn", ("ng", "uyê", "n", "nga")),
        ("Dương", ("d", "ươ", "ng", "ngang")),
        ("Duong", ("d", "uo", "ng", "ngang")),
        ("Quốc", ("qu", "ô", "c", "sac")),
        ("gì", ("gi", "i", "", "huyen")),
        ("Nghĩa", ("ngh", "ia", "", "nga")),
        ("Thuận", ("th", "uâ", "n", "nang")),
        ("Xuan", ("x", "ua", "n", "ngang")),
        ("A", ("", "a", "", "ngang")),
    ],
)
def test_parse_syllable(syllable: str, parts: tuple) -> None:
    parsed = parse_syllable(syllable)
    assert parsed is not None
    assert (parsed.initial, parsed.nucleus, parsed.coda, parsed.tone) == parts


@pytest.mark.parametrize("word", ["John", "Ksor", "Thongloun", "Jinping", "street", "123", ""])
def test_not_vietnamese_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


def test_marks_detected() -> None:
    assert has_vietnamese_marks("Lâm Đồng")
    assert has_vietnamese_marks("Đa")
    assert not has_vietnamese_marks("Lam Dong")
