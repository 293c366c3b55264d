"""Pure pieces of the NER package: alignment, decoding, windows, chunking, augmentation, tokenizers."""
from __future__ import annotations

import random

import pytest

from thai_polnews.ner.alignment import decode_spans, token_tags
from thai_polnews.training.ner.augment import augment_record, plain_latin
from thai_polnews.training.ner.chunking import chunk_record
from thai_polnews.training.ner.config import DataSettings, TrainConfig, apply_override
from thai_polnews.ner.labels import bio_tags
from thai_polnews.training.ner.tokenization import build_tokenizer
from thai_polnews.ner.windows import best_window, plan_windows
from thai_polnews.rules.base import RuleMatch

from .conftest import from_markup


def char_offsets(text):
    return [(i, i + 1) for i in range(len(text))]


def test_bio_tags_are_stable():
    assert bio_tags(["PERSON"]) == ["O", "B-PERSON", "I-PERSON"]


def test_token_tags_cover_spaces_inside_names_and_skip_specials():
    rec = from_markup("สหาย [PERSON Le Van] ok")
    offsets = [(0, 0)] + char_offsets(rec["text"]) + [(0, 0)]
    tags = token_tags(rec["text"], offsets, rec["entities"], ["PERSON"])
    assert tags[0] is None and tags[-1] is None
    body = tags[1:-1]
    assert body[5] == "B-PERSON" and body[7] == "I-PERSON" and body[4] == "O"


def test_token_tags_subword_straddling_start_is_b():
    text = "สหายลัมดอง"
    tags = token_tags(text, [(0, 6), (6, 10)], [{"start": 4, "end": 10, "label": "PERSON"}], ["PERSON"])
    assert tags == ["B-PERSON", "I-PERSON"]


def test_decode_bridges_whitespace_and_strips_edges():
    text = "นาย Le Van Hieu ไป"
    tags = ["O"] * len(text)
    for i in range(4, 15):
        tags[i] = "I-PERSON"
    tags[4] = "B-PERSON"
    tags[6] = "O"  # the space between parts predicted O does not split the name
    assert decode_spans(text, char_offsets(text), tags) == [RuleMatch(4, 15, "PERSON")]


def test_decode_new_b_splits_adjacent_entities_and_lenient_i():
    text = "ABCD"
    tags = ["B-ORGANIZATION", "I-ORGANIZATION", "B-LOCATION", "I-PERSON"]
    spans = decode_spans(text, char_offsets(text), tags)
    assert spans == [RuleMatch(0, 2, "ORGANIZATION"), RuleMatch(2, 3, "LOCATION"), RuleMatch(3, 4, "PERSON")]


@pytest.mark.parametrize("n,size,overlap", [(0, 10, 2), (10, 10, 2), (11, 10, 2), (57, 10, 3), (100, 7, 6)])
def test_windows_cover_every_token_within_size(n, size, overlap):
    windows = plan_windows(n, size, overlap)
    assert all(0 <= s < e <= n and e - s <= size for s, e in windows) or n == 0
    covered = {i for s, e in windows for i in range(s, e)}
    assert covered == set(range(n))
    owner = best_window(n, windows)
    assert all(windows[owner[i]][0] <= i < windows[owner[i]][1] for i in range(n))


def test_chunks_never_exceed_limit_and_keep_entities_exact():
    rec = from_markup(("[PERSON เหงียน กวาง ตรัง] พบ [LOCATION ฮานอย] และ " * 12).strip() + "\nบรรทัดสั้น")
    for chunk in chunk_record(rec, 60, random.Random(0)):
        assert len(chunk["text"]) <= 60
        for e in chunk["entities"]:
            assert chunk["text"][e["start"] : e["end"]] in {"เหงียน กวาง ตรัง", "ฮานอย"}


def test_augment_keeps_entity_surfaces_modulo_noise():
    rec = from_markup("สหาย [PERSON Nguyễn Văn Đức] [POSITION เลขาธิการพรรค] ที่ [LOCATION ไห่เซือง]")
    settings = DataSettings(glue_prob=1.0, strip_diacritics_prob=1.0, space_in_entity_prob=0.0)
    out = augment_record(rec, random.Random(0), settings)
    got = [out["text"][e["start"] : e["end"]] for e in out["entities"]]
    assert got == ["Nguyen Van Duc", "เลขาธิการพรรค", "ไห่เซือง"]
    assert out["text"].startswith("สหายNguyen")
    assert plain_latin("ễ") == "e" and plain_latin("ส") == "ส"


@pytest.mark.parametrize("unit", ["char", "bpe"])
def test_tokenizers_give_exact_offsets(unit):
    texts = ["สหายลัมดอง รองประธาน Nguyễn Văn\tA", "คณะกรรมการพรรคประจำจังหวัด"] * 5
    tok = build_tokenizer(unit, texts, vocab_size=200, min_count=1, max_length=64)
    enc = tok(texts[0], return_offsets_mapping=True)
    pieces = [texts[0][s:e] for s, e in enc["offset_mapping"] if e > s]
    assert "".join(pieces).replace("\t", "") == texts[0].replace("\t", "")
    assert tok.convert_ids_to_tokens(enc["input_ids"][0]) == "[CLS]"


def test_unknown_unit_and_override_errors():
    with pytest.raises(ValueError, match="valid: char, bpe"):
        build_tokenizer("word", [])
    config = TrainConfig()
    apply_override(config, "model.hidden_size=64")
    assert config.model.hidden_size == 64
    with pytest.raises(ValueError):
        apply_override(config, "model.nope=1")


def test_presegmented_bpe_keeps_tokens_inside_words():
    """Merges learned on dictionary words: no token runs from a unit word into the place after it."""
    texts = ["คณะกรรมการพรรคประจำจังหวัดไห่เซือง", "คณะกรรมการประชาชนจังหวัดไห่ดวง", "จังหวัดไห่เซือง"] * 30
    text = "คณะกรรมการพรรคประจำจังหวัดไห่เซือง"
    boundary = text.index("ไห่")
    for presegment, expect_cut in ((True, True), (False, False)):
        tok = build_tokenizer("bpe", texts, vocab_size=420, min_count=1, max_length=64, presegment=presegment)
        starts = {s for s, e in tok(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]}
        assert (boundary in starts) is expect_cut, presegment


def _two_sentence_record():
    text = "สหายเหงียน วัน อาน เยือนฮานอย ประชุมเสร็จแล้ว\nบรรทัดที่สอง"
    return {"text": text, "entities": [{"start": 4, "end": 18, "label": "PERSON"}],
            "sentences": [[0, 29], [30, 45], [46, 58]]}


def test_chunks_follow_gold_sentences_inside_a_line():
    rec = _two_sentence_record()
    texts = {c["text"] for seed in range(40) for c in chunk_record(rec, 60, random.Random(seed))}
    assert "สหายเหงียน วัน อาน เยือนฮานอย" in texts  # a sentence cut out of its line
    without = dict(rec, sentences=[])
    lone = {c["text"] for seed in range(40) for c in chunk_record(without, 60, random.Random(seed))}
    assert "สหายเหงียน วัน อาน เยือนฮานอย" not in lone


def test_augment_and_filler_carry_sentences():
    from thai_polnews.training.ner.filler import FillerWords, insert_filler

    rec = _two_sentence_record()
    settings = DataSettings(glue_prob=1.0, strip_diacritics_prob=0.0, space_in_entity_prob=0.0)
    out = augment_record(rec, random.Random(0), settings)
    assert [out["text"][a:b] for a, b in out["sentences"]] == ["สหายเหงียน วัน อาน เยือนฮานอย", "ประชุมเสร็จแล้ว", "บรรทัดที่สอง"]
    words = FillerWords(("คำ", "เติม"), (1.0, 2.0))
    for seed in range(20):
        filled = insert_filler(out, random.Random(seed), words, 3)
        pieces = [filled["text"][a:b] for a, b in filled["sentences"]]
        assert len(pieces) == 3 and all(p == p.strip() and p for p in pieces)
        for old, new in zip(["สหายเหงียน วัน อาน เยือนฮานอย", "ประชุมเสร็จแล้ว", "บรรทัดที่สอง"], pieces):
            assert old.split()[0] in new and "\n" not in new
