"""The skeleton filter of name segmentation skips only pieces the inventory cannot hold."""
from __future__ import annotations

import random

import pytest

import thai_polnews.names.segment as segment_module
from thai_polnews.names.inventory import inventory
from thai_polnews.names.segment import segment
from thai_polnews.names.thai_script import loose_key, skeleton, skeleton_letters

THAI_BLOCK = [chr(c) for c in range(0x0E01, 0x0E5C)]
NAMES = ["เหงียน วัน อาน", "ดังซวนฟอง", "มิง ห์", "ตรัน ดึ๊ก ถั่น", "หว่าง จุง ไห่", "ฟาม มิงห์ จิ๊ญ", "ไห่เซือง", "Nguyen ฟอง"]


@pytest.mark.parametrize("seed", range(3))
def test_loose_key_keeps_the_skeleton(seed):
    rng = random.Random(seed)
    for _ in range(20000):
        text = "".join(rng.choice(THAI_BLOCK) for _ in range(rng.randint(1, 9)))
        assert skeleton(loose_key(text)) == skeleton(text), text


def test_skeleton_letters_join_to_the_skeleton_and_refuse_other_scripts():
    assert "".join(skeleton_letters("เหงียน")) == skeleton("เหงียน")
    assert skeleton_letters("Nguyen") is None and skeleton("ฟอง ") is None


def _unfiltered(text):
    original = segment_module._known_starts
    segment_module._known_starts = lambda letters, inv: None
    try:
        return segment(text, inventory())
    finally:
        segment_module._known_starts = original


@pytest.mark.parametrize("seed", range(2))
def test_same_segmentation_with_and_without_the_filter(seed):
    rng = random.Random(seed)
    common = "เหงียนวันถั่นตรันดึ๊กหว่างฟามมิงห์ซวนไห่ "
    texts = list(NAMES) + ["".join(rng.choice(common if rng.random() < 0.8 else THAI_BLOCK) for _ in range(rng.randint(1, 14)))
                           for _ in range(800)]
    for text in texts:
        assert segment(text, inventory()) == _unfiltered(text), text
