"""The model installed with the package: a standard checkpoint, small enough for git, loaded offline by default."""
from __future__ import annotations

import json


from thai_polnews.pipeline.ner import default_model_path

MODEL = default_model_path()

MAX_MB = 40


def test_shipped_checkpoint_is_safetensors_with_our_labels_and_a_card(root):
    files = {p.name for p in MODEL.iterdir()}
    assert "model.safetensors" in files and "pytorch_model.bin" not in files
    assert {"tokenizer.json", "tokenizer_config.json", "config.json"} <= files
    size_mb = sum(p.stat().st_size for p in MODEL.iterdir()) / 2**20
    assert size_mb < MAX_MB, size_mb
    labels = set(json.loads((MODEL / "config.json").read_text(encoding="utf-8"))["id2label"].values())
    assert labels == {"O"} | {f"{p}-{l}" for p in "BI" for l in ("PERSON", "LOCATION", "ORGANIZATION", "POSITION")}
    assert (root / "docs" / "MODEL_CARD.md").is_file()


def test_default_pipeline_runs_the_shipped_model_offline(monkeypatch):
    import thai_polnews

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("THAI_POLNEWS_MODEL", raising=False)
    nlp = thai_polnews.load(device="cpu")
    assert nlp.pipe_names == ["sentences", "ner", "doc_codes", "dates", "names", "relations"]
    text = "สหาย Phan Tan Canh รองประธานคณะกรรมการประชาชนประจำจังหวัด ไห่เซือง ได้เข้าร่วมการประชุม"
    doc = nlp(text)
    found = {(e.label_, e.text) for e in doc.ents}
    assert ("PERSON", "Phan Tan Canh") in found, found
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
        assert ent.text == ent.text.strip()
