"""The spaCy component: with a model, with the shipped model missing, with a missing explicit path."""
from __future__ import annotations

import pytest
import spacy

from thai_polnews.ner.errors import ModelNotFoundError
from thai_polnews.pipeline import ner as ner_component

from .conftest import surfaces


@pytest.fixture
def no_shipped_model(tmp_path, monkeypatch):
    monkeypatch.delenv(ner_component.MODEL_ENV, raising=False)
    monkeypatch.setattr(ner_component, "default_model_path", lambda: tmp_path / "absent")


def test_missing_installed_model_is_an_error_not_a_pass_through(no_shipped_model):
    import thai_polnews

    with pytest.raises(ModelNotFoundError, match="installed with the package is missing"):
        thai_polnews.load()
    nlp = spacy.blank("th")
    nlp.add_pipe("thai_polnews_ner_v1")  # the checkpoint loads on first use
    with pytest.raises(ModelNotFoundError):
        nlp("สหาย เหงียน กวาง ตรัง")
    assert thai_polnews.load(use_model=False).pipe_names == ["sentences", "doc_codes", "dates", "names", "relations"]


def test_explicit_missing_path_is_a_typed_error(tmp_path):
    import thai_polnews

    with pytest.raises(ModelNotFoundError, match="Fix:") as info:
        thai_polnews.load(model=str(tmp_path / "nope"))
    assert isinstance(info.value, FileNotFoundError)


def test_env_var_to_missing_folder_is_a_typed_error(tmp_path, monkeypatch):
    import thai_polnews

    monkeypatch.setenv(ner_component.MODEL_ENV, str(tmp_path / "nope"))
    with pytest.raises(ModelNotFoundError, match="THAI_POLNEWS_MODEL"):
        thai_polnews.load()


def test_damaged_checkpoint_is_a_load_error(tiny_model, tmp_path):
    import shutil

    import thai_polnews
    from thai_polnews.ner.errors import ModelLoadError

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "model.safetensors").write_bytes(b"not weights")
    with pytest.raises(ModelLoadError, match="could not be loaded"):
        thai_polnews.load(model=str(broken))


def test_unknown_hub_id_fails_at_once(monkeypatch):
    import time

    import thai_polnews

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    began = time.monotonic()
    with pytest.raises(ModelNotFoundError, match="HF_HUB_OFFLINE"):
        thai_polnews.load(model="no-such-owner/no-such-model")
    assert time.monotonic() - began < 5


def test_to_disk_writes_the_weights_and_spacy_load_needs_nothing_else(tiny_model, toy_records, tmp_path):
    import shutil

    nlp = spacy.blank("th")
    nlp.add_pipe("thai_polnews_ner_v1", config={"model": str(tiny_model), "device": "cpu"})
    texts = [r["text"] for r in toy_records]
    want = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]
    assert any(want)
    moved = tmp_path / "moved"
    shutil.copytree(tiny_model, moved)
    nlp.get_pipe("thai_polnews_ner_v1").model = str(moved)
    nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "thai_polnews_ner_v1" / "model.safetensors").is_file()
    shutil.rmtree(moved)  # the original checkpoint is gone: the saved pipeline must not need it
    again = spacy.load(tmp_path / "saved")
    assert [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in again.pipe(texts)] == want


def test_component_adds_entities_per_sentence_and_keeps_existing(tiny_model, toy_records):
    nlp = spacy.blank("th")
    nlp.add_pipe("thai_polnews_ner_v1", config={"model": str(tiny_model), "device": "cpu", "batch_size": 2})
    texts = [r["text"] for r in toy_records]
    docs = list(nlp.pipe(texts, batch_size=3))
    for doc, rec in zip(docs, toy_records):
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == surfaces(rec)

    joined = "\n".join(texts[:3])
    doc = nlp.make_doc(joined)
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0 or doc[i - 1].text == "\n" or "\n" in doc[i - 1].text_with_ws
    doc = nlp.get_pipe("thai_polnews_ner_v1")(doc)
    offset = [0, len(texts[0]) + 1, len(texts[0]) + len(texts[1]) + 2]
    want = [(s + o, e + o, lab) for o, r in zip(offset, toy_records[:3]) for s, e, lab in surfaces(r)]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == want


def test_non_thai_documents_and_letterless_spans_get_no_model_entities():
    from thai_polnews.names.thai_script import is_thai
    from thai_polnews.pipeline.ner import has_name_letter

    assert is_thai("สหาย Tran Duc Thang") and not is_thai("Tran Duc Thang visited Hanoi. 漢字 🙂")
    assert has_name_letter("Trần") and has_name_letter("ไห่เซือง")
    assert not has_name_letter("漢字 🙂") and not has_name_letter("13/15")


def test_component_skips_documents_without_thai(tiny_model):
    import thai_polnews

    nlp = thai_polnews.load(model=str(tiny_model), device="cpu")
    assert [e for e in nlp("Phan Tan Canh visited Chi Linh.").ents if e.label_ in ("PERSON", "LOCATION")] == []
