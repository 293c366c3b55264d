"""Span edges never fall inside a Latin-script word."""
from __future__ import annotations

from thai_polnews.rules.base import RuleMatch
from thai_polnews.span_edges import edges_inside_latin_words, latin_word_edges, snap_to_latin_words


def test_edges_move_to_the_word_edges():
    text = "(VOVWORLD) - สหายPhanTanCanh กล่าว"
    assert latin_word_edges(text, 1, 4) == (1, 9)
    assert latin_word_edges(text, 21, 25) == (17, 28)
    assert latin_word_edges(text, 17, 28) == (17, 28)  # already on edges: unchanged


def test_snapped_spans_cut_no_latin_word_and_do_not_overlap():
    text = "(VOVWORLD) - สหายPhanTanCanh กล่าว ที่ Hà Nội"
    spans = [RuleMatch(1, 4, "ORGANIZATION"), RuleMatch(17, 20, "PERSON"), RuleMatch(20, 28, "PERSON"),
             RuleMatch(39, 41, "LOCATION")]
    out = snap_to_latin_words(text, spans)
    assert [(m.start, m.end, m.label) for m in out] == [(1, 9, "ORGANIZATION"), (17, 28, "PERSON"), (39, 41, "LOCATION")]
    as_dicts = [{"start": m.start, "end": m.end, "label": m.label} for m in out]
    assert edges_inside_latin_words(text, as_dicts) == []
    assert edges_inside_latin_words(text, [{"start": m.start, "end": m.end, "label": m.label} for m in spans])
