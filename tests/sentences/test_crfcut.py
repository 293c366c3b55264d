"""CRFCut asked at whitespace tokens only (thai_polnews.sentences.crfcut)."""
from __future__ import annotations

from pathlib import Path

import pytest

from thai_polnews.pipeline.sentences import crfcut_starts, newmm_tokens, sentence_spans
from thai_polnews.sentences.crfcut import space_cuts, token_features, word_classes

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def seed_lines():
    return [line for path in SEEDS for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def test_space_cuts_are_crfcut_cuts_after_a_space():
    lines = seed_lines()
    assert len(lines) > 20
    for line in lines:
        expected = [c for c in crfcut_starts(line) if line[c - 1].isspace()]
        assert space_cuts(newmm_tokens(line)) == expected, line[:60]


def test_some_seed_line_is_cut():
    assert any(space_cuts(newmm_tokens(line)) for line in seed_lines())


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_sentence_spans_match_the_full_crfcut_splitter(path):
    text = path.read_text(encoding="utf-8")
    assert sentence_spans(text, method="crfcut") == sentence_spans(text, cutter=crfcut_starts)


def test_keep_false_skips_every_cut():
    line = next(line for line in seed_lines() if space_cuts(newmm_tokens(line)))
    assert space_cuts(newmm_tokens(line), keep=lambda offset: False) == []


def test_features_follow_the_crfcut_template():
    context = ["xxpad", "xxpad", "ได้", " ", "และ", "xxpad", "xxpad"]
    features = token_features(context, 3)
    assert features[0] == "bias"
    assert len(features) == 1 + 3 * (5 + 4 + 3)
    assert "word_1_-1_0=ได้" in features
    assert "ender_1_-1_0=ender" in features
    assert "starter_1_1_2=starter" in features
    assert "word_2_0_2= |และ" in features


def test_word_classes_are_loaded():
    classes = word_classes()
    assert "ครับ" in classes["ender"] and "และ" in classes["starter"]


def test_empty_and_space_only_token_lists():
    assert space_cuts([]) == []
    assert space_cuts([" "]) == []
