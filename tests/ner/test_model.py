"""The tiny trained model end to end: overfit, reload, long and odd inputs, batching, --base-model."""
from __future__ import annotations

import json

import pytest
from transformers import AutoModelForTokenClassification, AutoTokenizer

from thai_polnews.ner.labels import bio_tags
from thai_polnews.ner.predict import NERPredictor

from .conftest import surfaces


def spans(matches):
    return [(m.start, m.end, m.label) for m in matches]


@pytest.fixture(scope="module")
def predictor(tiny_model):
    return NERPredictor.load(tiny_model, device="cpu", batch_size=4)


def test_overfit_finds_the_training_entities(predictor, toy_records):
    found = predictor.predict([r["text"] for r in toy_records])
    assert [spans(f) for f in found] == [surfaces(r) for r in toy_records]


def test_checkpoint_is_standard_and_reloads_to_same_output(tiny_model, predictor, toy_records):
    config = json.loads((tiny_model / "config.json").read_text(encoding="utf-8"))
    assert set(config["label2id"]) == set(bio_tags())
    assert (tiny_model / "model.safetensors").is_file() and (tiny_model / "tokenizer.json").is_file()
    model = AutoModelForTokenClassification.from_pretrained(tiny_model)
    tokenizer = AutoTokenizer.from_pretrained(tiny_model)
    again = NERPredictor(model, tokenizer, device="cpu")
    texts = [r["text"] for r in toy_records]
    assert [spans(f) for f in again.predict(texts)] == [spans(f) for f in predictor.predict(texts)]


def test_long_input_is_windowed_not_truncated(predictor, toy_records):
    """The last toy sentence fills the final window exactly, so its entity must come back in place."""
    last = toy_records[-1]
    assert predictor.window == len(last["text"]) == 62
    text = "\n".join([r["text"] for r in toy_records[:-1]] * 3 + [last["text"]])
    assert len(text) > 8 * predictor.window
    found = predictor.predict([text])[0]
    start = len(text) - len(last["text"])
    want = [(s + start, e + start, lab) for s, e, lab in surfaces(last)]
    assert set(want) <= set(spans(found))
    for m in found:
        assert text[m.start : m.end] == text[m.start : m.end].strip() != ""


@pytest.mark.parametrize("text", ["", " ", "   \n\t ", "\u00a0"])
def test_empty_and_whitespace_give_nothing(predictor, text):
    assert predictor.predict([text]) == [[]]


def test_latin_only_and_unknown_characters(predictor):
    texts = ["Phan Tan Canh visited Chi Linh.", "漢字 ☃ 🙂 Đồng chí"]
    for text, found in zip(texts, predictor.predict(texts)):
        for m in found:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end].strip() == text[m.start : m.end]


def test_mixed_length_batch_matches_one_by_one(predictor, toy_records):
    texts = [toy_records[0]["text"], "", toy_records[3]["text"] * 4, "ok", toy_records[1]["text"], " "]
    batched = predictor.predict(texts)
    assert len(batched) == len(texts)
    assert [spans(f) for f in batched] == [spans(predictor.predict([t])[0]) for t in texts]
    assert spans(batched[0]) == surfaces(toy_records[0])


def test_wrong_type_is_an_error(predictor):
    with pytest.raises(TypeError, match="expected str"):
        predictor.predict([None])


def test_base_model_fine_tunes_a_wordpiece_bert(tmp_path, toy_jsonl, toy_records):
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForMaskedLM, PreTrainedTokenizerFast

    from thai_polnews.training.ner.train import main

    wordpiece = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wordpiece.train_from_iterator([r["text"] for r in toy_records] * 3, vocab_size=300, min_frequency=1)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=wordpiece._tokenizer,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=64,
    )
    base = tmp_path / "base"
    config = BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64, max_position_embeddings=64)
    BertForMaskedLM(config).save_pretrained(base)
    tokenizer.save_pretrained(base)
    out = tmp_path / "tuned"
    argv = ["--base-model", str(base), "--train", str(toy_jsonl), "--output", str(out), "--max-steps", "120", "--quiet",
            "--set", "finetune.lr=0.005", "--set", "finetune.batch_size=8", "--set", "data.glue_prob=0.0"]
    assert main(argv) == 0
    tuned = NERPredictor.load(out, device="cpu")
    assert tuned.labels == sorted(["PERSON", "LOCATION", "ORGANIZATION", "POSITION"])
    found = tuned.predict([r["text"] for r in toy_records])
    hits = sum(len(set(spans(f)) & set(surfaces(r))) for f, r in zip(found, toy_records))
    assert hits >= 0.8 * sum(len(surfaces(r)) for r in toy_records)


def test_int8_predictor_quantizes_linear_layers_and_keeps_the_entities(tiny_model, toy_records):
    import torch

    int8 = NERPredictor.load(tiny_model, device="cpu", batch_size=4, quantize=True)
    kinds = {type(m) for m in int8.model.modules()}
    assert torch.ao.nn.quantized.dynamic.Linear in kinds and torch.nn.Linear not in kinds
    found = int8.predict([r["text"] for r in toy_records])
    hits = sum(spans(f) == surfaces(r) for f, r in zip(found, toy_records))
    assert hits >= len(toy_records) - 1


def test_cpu_default_is_fp32_and_int8_is_asked_for(tiny_model):
    import torch

    default = NERPredictor.load(tiny_model, device="cpu")
    int8 = NERPredictor.load(tiny_model, device="cpu", quantize=True)
    assert torch.ao.nn.quantized.dynamic.Linear not in {type(m) for m in default.model.modules()}
    assert torch.ao.nn.quantized.dynamic.Linear in {type(m) for m in int8.model.modules()}


def test_direct_backend_encoding_equals_the_batch_encoding(predictor, toy_records):
    texts = [r["text"] for r in toy_records] + ["", "Nguyen Van A", "สหายเหงียน วัน อาน 27-CT/TW"]
    encoded = predictor.tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = predictor._encode(texts)
    assert ids == encoded["input_ids"]
    assert [list(map(tuple, o)) for o in offsets] == [list(map(tuple, o)) for o in encoded["offset_mapping"]]


def test_backend_with_truncation_falls_back_to_the_full_call(tiny_model, toy_records):
    slow = NERPredictor.load(tiny_model, device="cpu", quantize=False)
    slow.tokenizer._tokenizer.enable_truncation(max_length=8)
    text = toy_records[0]["text"]
    ids, _ = slow._encode([text])
    assert len(ids[0]) > 8  # the call disables the backend's truncation; the text is whole
