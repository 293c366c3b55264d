"""int8 with fixed activation ranges: a window's output does not depend on what it is batched with."""
import json
from pathlib import Path

import pytest
import torch

from thai_polnews.ner.int8 import RANGES_FILE, FixedRangeLinear, dynamic_int8, fix_ranges, read_ranges
from thai_polnews.ner.predict import NERPredictor
from thai_polnews.pipeline.ner import default_model_path


def _layer():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(16, 8))


@pytest.mark.parametrize("reduce_range", [False, True])
def test_a_row_gives_the_same_output_alone_and_beside_rows_of_any_size(reduce_range):
    q = fix_ranges(dynamic_int8(_layer()), {"0": (-2.0, 2.0)})
    q[0].reduce_range = reduce_range
    row = torch.randn(1, 16)
    alone = q(row)
    for other in (torch.randn(5, 16) * 50, torch.zeros(3, 16), torch.randn(64, 16) * 0.01):
        batched = q(torch.cat([other[:2], row, other[2:]]))
        assert torch.equal(batched[2:3], alone)
    # 3-d input (windows x tokens x features), as the model gives it
    assert torch.equal(q(row.expand(2, 4, 16))[1, 3], alone[0])


def test_torch_dynamic_int8_alone_would_depend_on_the_batch():
    """Why the ranges are fixed: with per-pass scales, a large row changes a small row's output."""
    q = dynamic_int8(_layer())
    row = torch.randn(1, 16)
    assert not torch.equal(q(torch.cat([row, torch.randn(1, 16) * 50]))[:1], q(row))


def test_values_outside_the_range_are_clamped():
    layer = _layer()
    q = fix_ranges(dynamic_int8(layer), {"0": (-1.0, 1.0)})
    x = torch.full((1, 16), 30.0)
    assert torch.allclose(q(x), layer(torch.ones(1, 16)), atol=0.05)


def test_every_linear_layer_of_an_int8_predictor_has_a_fixed_range(tiny_model):
    int8 = NERPredictor.load(tiny_model, device="cpu", quantize=True)
    wrapped = [m for m in int8.model.modules() if isinstance(m, FixedRangeLinear)]
    linear = [m for m in int8.checkpoint.modules() if isinstance(m, torch.nn.Linear)]
    assert wrapped and len(wrapped) == len(linear)
    assert all(m.lo <= 0.0 <= m.hi and m.hi > m.lo for m in wrapped)


def test_int8_entities_do_not_depend_on_the_batch(tiny_model, toy_records):
    int8 = NERPredictor.load(tiny_model, device="cpu", batch_size=64, quantize=True)
    texts = [r["text"] for r in toy_records]
    texts.append(" ".join(texts) * 3)  # longer than one window: several windows of one text
    together = int8.predict(texts)
    alone = [int8.predict([t])[0] for t in texts]
    int8.batch_size = 3
    reversed_small = int8.predict(texts[::-1])[::-1]
    assert together == alone == reversed_small


def test_ranges_are_saved_with_the_model_and_read_back(tiny_model, tmp_path):
    int8 = NERPredictor.load(tiny_model, device="cpu", quantize=True)
    int8.save(tmp_path / "saved")
    stored = read_ranges(tmp_path / "saved")
    assert stored == pytest.approx(int8.ranges)
    assert json.loads((tmp_path / "saved" / RANGES_FILE).read_text())["ranges"]
    again = NERPredictor.load(tmp_path / "saved", device="cpu", quantize=True)
    assert again.ranges == stored
    text = "สหาย เหงียน กวาง ตรัง เลขาธิการพรรคประจำจังหวัด"
    assert again.predict([text]) == int8.predict([text])


def test_shipped_model_int8_entities_of_a_sentence_do_not_depend_on_its_batch(seed_texts):
    """The seed articles' lines, each alone and all in batches of 64 windows and of 5: the same entities.
    (With torch's per-pass scales some lines changed: 18 of the 1,016 lines of 100 synthetic documents.)"""
    lines = [line for text in seed_texts.values() for line in text.split("\n") if line.strip()]
    int8 = NERPredictor.load(default_model_path(), device="cpu", batch_size=64, quantize=True)
    together = int8.predict(lines)
    int8.batch_size = 5
    assert int8.predict(lines[::-1])[::-1] == together
    int8.batch_size = 1
    assert int8.predict(lines) == together


def test_calibrate_needs_one_model_folder(capsys):
    from thai_polnews.ner.calibrate import main

    assert main([]) == 2
    assert "usage: python -m thai_polnews.ner.calibrate MODEL_DIR" in capsys.readouterr().err
