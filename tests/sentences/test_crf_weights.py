"""Reading CRFCut's weights from the model file, and tagging with them (thai_polnews.sentences.crf_weights)."""
from __future__ import annotations

from pathlib import Path

import pytest

from thai_polnews.pipeline.sentences import newmm_tokens
from thai_polnews.sentences import crfcut
from thai_polnews.sentences.crf_weights import read_crfsuite_model

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def seed_contexts():
    """Every seven-token context around a whitespace token in the seeds."""
    out = []
    for path in SEEDS:
        for line in path.read_text(encoding="utf-8").split("\n"):
            tokens = newmm_tokens(line)
            padded = [crfcut.PAD] * 3 + tokens + [crfcut.PAD] * 3
            out += [tuple(padded[i : i + 7]) for i, t in enumerate(tokens) if t.isspace()]
    return out


def tagger_decides(context):
    labels = crfcut.tagger().tag([crfcut.window_features(context[k - 2 : k + 3]) for k in (2, 3, 4)])
    return labels[1] == "E" and labels[0] != "E"


def test_the_model_file_reads_with_its_labels_transitions_and_attributes():
    model = read_crfsuite_model(crfcut.model_path())
    assert model.labels == ("I", "E")
    assert len(model.transitions) == 2 and all(len(row) == 2 for row in model.transitions)
    assert len(model.state) == 2 and len(set(model.state[0]) | set(model.state[1])) > 30_000
    assert model.state[0]["bias"] == pytest.approx(0.364409, abs=1e-6)  # as CRFsuite's own dump prints it


def test_a_file_that_is_not_a_crfsuite_model_is_refused(tmp_path):
    path = tmp_path / "model.bin"
    path.write_bytes(b"\0" * 64)
    with pytest.raises(ValueError, match="not a CRFsuite"):
        read_crfsuite_model(path)


def test_scored_decisions_equal_the_crfsuite_tagger_on_every_seed_context(monkeypatch):
    contexts = seed_contexts()
    assert len(contexts) > 300
    crfcut.ends_sentence.cache_clear()
    monkeypatch.setattr(crfcut, "tagger", _refusing_tagger)
    ours = [crfcut.ends_sentence(c) for c in contexts]
    monkeypatch.undo()
    crfcut.ends_sentence.cache_clear()
    assert ours == [tagger_decides(c) for c in contexts]
    assert any(ours) and not all(ours)


def test_near_ties_go_to_the_tagger(monkeypatch):
    calls = []
    real = crfcut.tagger()

    class Spy:
        def tag(self, xseq):
            calls.append(xseq)
            return real.tag(xseq)

    context = seed_contexts()[0]
    expected = tagger_decides(context)
    crfcut.ends_sentence.cache_clear()
    monkeypatch.setattr(crfcut, "TIE", float("inf"))
    monkeypatch.setattr(crfcut, "tagger", lambda: Spy())
    assert crfcut.ends_sentence(context) == expected
    assert len(calls) == 1
    crfcut.ends_sentence.cache_clear()


def _refusing_tagger():
    raise AssertionError("the tagger was asked although no decision was a near tie")


def test_unreadable_weights_leave_every_decision_to_the_tagger(monkeypatch, tmp_path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"\0" * 64)
    context = seed_contexts()[0]
    expected = tagger_decides(context)
    crfcut.weights.cache_clear()
    crfcut.ends_sentence.cache_clear()
    monkeypatch.setattr(crfcut, "model_path", lambda: str(bad))
    with pytest.warns(RuntimeWarning, match="unreadable"):
        assert crfcut.weights() is None
    assert crfcut.ends_sentence(context) == expected  # the tagger, opened before, decides
    monkeypatch.undo()
    crfcut.weights.cache_clear()
    crfcut.ends_sentence.cache_clear()
