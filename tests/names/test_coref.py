"""``same_entity`` and ``cluster_names``: spelling variants of one name in a document."""
from __future__ import annotations

import pytest

from thai_polnews.names import cluster_names, same_entity


@pytest.mark.parametrize(
    "a, b",
    [
        ("เหงียน เตี่ยน ถั่น", "เหงียน เตี๊ยน ถันห์"),
        ("หลี่หลี่ซา", "Ly Ly Xa"),
        ("ฝ่าม มินห์ จิ่ง", "Pham Minh Chinh"),
        ("ฝามมิงชิ้ง", "ฟัม มินห์ ชินห์"),
        ("ดังซวนฟอง", "Dang Xuan Phong"),
        ("เจิ่น แทง เหมิน", "Tran Thanh Man"),
        ("ไห่เซือง", "ไห่ดวง"),
        ("ดุง", "เหงียนมานห์ ดุง"),  # given name alone
        ("Dung", "เหงียนมานห์ ดุง"),
        ("ไม", "Truong Thi Mai"),
        ("A.Tung", "อัน ตุง"),  # Latin initial
    ],
)
def test_same(a: str, b: str) -> None:
    assert same_entity(a, b)
    assert same_entity(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("เหงียน เตี่ยน ถั่น", "เหงียน ขัก ถั่น"),
        ("Tran Duc Thang", "เหงียน กวาง ตรัง"),
        ("ดุง", "เหงียน กวาง ตรัง"),
        ("สมชาย", "สมชาย ใจดี"),
        ("ไห่เซือง", "ไทบิ่ญ"),
    ],
)
def test_different(a: str, b: str) -> None:
    assert not same_entity(a, b)


def test_cluster_names() -> None:
    surfaces = [
        "เหงียน เตี่ยน ถั่น",  # 0
        "เหงียน ขัก ถั่น",  # 1 another person
        "เหงียน เตี๊ยน ถันห์",  # 2 = 0
        "ดุง",  # 3 given name before the full name 5
        "หลี่หลี่ซา",  # 4
        "เหงียนมานห์ ดุง",  # 5
        "Ly Ly Xa",  # 6 = 4
        "ถั่น",  # 7 nearest earlier full name ending in Thanh: 2
        "นายกฯ ประยุทธ์",  # 8 unreadable, groups with its twin only
        "นายกฯ ประยุทธ์",  # 9
    ]
    assert cluster_names(surfaces) == [[0, 2, 7], [1], [3, 5], [4, 6], [8, 9]]


def test_cluster_names_empty() -> None:
    assert cluster_names([]) == []
