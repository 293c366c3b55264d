import json
from pathlib import Path

import pytest

from thai_polnews.pipeline.sentences import allowed_gaps, newmm_tokens, sentence_spans
from thai_polnews.sentences.boundary import BoundaryModel
from thai_polnews.sentences.features import line_chunks
from thai_polnews.sentences.guards import bracketed_spans, is_title_gap
from thai_polnews.sentences.lines import line_spans
from thai_polnews.sentences.scoring import boundary_errors, boundary_scores, inside_line

ROOT = Path(__file__).resolve().parents[2]


def pieces(text, spans):
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\v", "\f"])
def test_every_line_break_ends_a_sentence(brk):
    text = f"คณะกรรมการประชาชนจังหวัดได้ประชุม{brk}ผู้แทนทั้งหมดเห็นชอบ"
    assert pieces(text, sentence_spans(text)) == ["คณะกรรมการประชาชนจังหวัดได้ประชุม", "ผู้แทนทั้งหมดเห็นชอบ"]


def test_crlf_is_one_break():
    assert line_spans("a\r\nb\r\rc") == [(0, 1), (3, 4), (5, 5), (6, 7)]


def test_brackets_and_quotes_are_protected():
    line = 'ตำบลไทบิ่ญ (เอียนเซิน ลางเซิน) และ "ไม่มีเขตต้องห้าม ไม่มีข้อยกเว้น" ต่อไป'
    got = {line[s:e] for s, e in bracketed_spans(line)}
    assert got == {"(เอียนเซิน ลางเซิน)", '"ไม่มีเขตต้องห้าม ไม่มีข้อยกเว้น"'}


def test_no_cut_after_an_honorific_or_between_a_name_and_its_title():
    assert is_title_gap(["สหาย"], "เหงียน", "สหาย", max_chunk=6)
    assert is_title_gap(["Canh"], "รองประธานคณะกรรมการ", "Canh", max_chunk=6)
    assert not is_title_gap(["ประชุม"], "ดังนั้น", "ได้ประชุม", max_chunk=6)


def test_guards_hold_against_a_model_that_cuts_everywhere():
    line = "สหาย เหงียน กวาง ตรัง ตามมติที่ 27-NQ/TU ลงวันที่ 25 ธันวาคม 2023 (Chu Pah) ณ ตำบล"
    chunks = line_chunks(newmm_tokens(line))
    allowed = allowed_gaps(line, chunks, 6)
    assert any(allowed)
    assert not any(ok for ok, c in zip(allowed, chunks[1:]) if line[c[0]:].startswith(("กวาง", "ตรัง", "ธันวาคม", "2023", "Pah")))


def test_shipped_model_beats_a_floor_on_seeds_and_dev():
    model = BoundaryModel.load()
    gold = [json.loads(l) for f in ("seeds", "dev") for l in open(ROOT / "annotations" / f"{f}.jsonl", encoding="utf-8")]
    pred = [{"sentences": sentence_spans(g["text"], model=model, method="boundary")} for g in gold]
    scores = boundary_scores(gold, pred)
    assert scores["overall"]["f1"] >= 0.88
    assert scores["inside_lines"]["f1"] >= 0.67


def test_scoring_counts_inside_line_boundaries():
    text = "ก ข\nค ง"
    gold = [{"text": text, "sentences": [[0, 1], [2, 3], [4, 5], [6, 7]]}]
    pred = [{"text": text, "sentences": [[0, 3], [4, 7]]}]
    scores = boundary_scores(gold, pred)
    assert scores["overall"]["recall"] == pytest.approx(1 / 3)
    assert scores["inside_lines"]["gold"] == 2 and scores["inside_lines"]["correct"] == 0
    assert inside_line(text, 2) and not inside_line(text, 4)
    assert {e["kind"] for e in boundary_errors(gold, pred)} == {"missed"}


def test_tiny_training_run(tmp_path):
    from thai_polnews.training.sentences import main

    out = tmp_path / "b.crfsuite"
    rc = main(["--train", str(ROOT / "annotations/train/handwritten_a.jsonl"), "--synth", "3",
               "--select", str(ROOT / "annotations/seeds.jsonl"), "--max-iterations", "5", "--out", str(out)])
    assert rc == 0 and out.is_file()
    report = json.loads(out.with_suffix(".json").read_text("utf-8"))
    assert report["training"]["boundaries"] > 0 and "seeds.jsonl" in report["scores"]
    BoundaryModel.load(out)


def test_trainer_bad_input_is_one_line(tmp_path, capsys):
    from thai_polnews.training.sentences import main

    assert main(["--train", str(tmp_path / "missing.jsonl"), "--synth", "0", "--out", str(tmp_path / "m")]) == 2
    assert "missing.jsonl" in capsys.readouterr().err


def test_gap_features_see_markers_neighbour_chunks_and_lengths():
    from thai_polnews.sentences.features import gap_features

    line = "สหายเหงียนกล่าวเปิดการประชุม คณะกรรมการพรรคได้อนุมัติมติ ต่อไป"
    chunks = line_chunks(newmm_tokens(line))
    first = gap_features(chunks, 0, len(line))
    assert "l2=START" in first and "rhas=ได้" in first
    assert any(f.startswith("r2s=") for f in first) and any(f.startswith("LR=") for f in first)
    last = gap_features(chunks, len(chunks) - 2, len(line))
    assert "r2=END" in last and any(f.startswith("l2s=") for f in last)


def test_component_default_is_boundary_and_crfcut_is_one_setting_away():
    import spacy

    import thai_polnews.pipeline.sentences  # noqa: F401  (registers the factory)

    nlp = spacy.blank("th")
    default = nlp.add_pipe("thai_polnews_sentences_v1")
    assert default.method == "boundary" and default.model is not None
    other = spacy.blank("th")
    crfcut = other.add_pipe("thai_polnews_sentences_v1", config={"method": "crfcut"})
    assert crfcut.method == "crfcut" and crfcut.model is None


def test_shipped_model_settings_were_chosen_by_cross_validation():
    from thai_polnews.sentences.boundary import shipped_settings

    settings = shipped_settings()
    cv = settings["cross_validation"]
    assert len(cv["files"]) >= 7 and cv["overall"]["f1"] >= 0.86
    assert settings["decoding"]["bias"] == BoundaryModel.load().bias


def test_training_with_cross_validation(tmp_path):
    from thai_polnews.training.sentences import main

    out = tmp_path / "b.crfsuite"
    files = [str(ROOT / "annotations/train/handwritten_a.jsonl"), str(ROOT / "annotations/train/handwritten_b.jsonl")]
    rc = main(["--train", *files, "--synth", "0", "--select", str(ROOT / "annotations/seeds.jsonl"),
               "--max-iterations", "5", "--cv", "--out", str(out)])
    assert rc == 0
    cv = json.loads(out.with_suffix(".json").read_text("utf-8"))["cross_validation"]
    assert cv["files"] == files and cv["overall"]["gold"] > 0
