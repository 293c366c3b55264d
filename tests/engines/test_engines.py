import json

import pytest

from thai_polnews.cli import main
from thai_polnews.engines import get_engine
from thai_polnews.pipeline.ner import default_model_path


def test_unknown_engine_lists_the_valid_ones():
    with pytest.raises(ValueError, match="local, ray"):
        get_engine("spark")


@pytest.mark.slow
@pytest.mark.parametrize("with_model", [False, True])
def test_ray_engine_output_equals_local_engine_output(tmp_path, root, capsys, with_model):
    pytest.importorskip("ray")
    if with_model and not (default_model_path() / "config.json").is_file():
        pytest.skip("no shipped model")
    seeds = sorted(str(p) for p in (root / "seeds").glob("*.txt"))
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff")
    inputs = seeds + [str(broken)]
    local_out, ray_out = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    common = ["--quiet", "--batch-size", "2"] + ([] if with_model else ["--no-model"])
    assert main(["extract", *inputs, "-o", str(local_out), *common]) == 3
    assert main(["extract", *inputs, "-o", str(ray_out), "--engine", "ray", "--workers", "2", *common]) == 3
    local = local_out.read_text(encoding="utf-8").splitlines()
    assert len(local) == len(seeds)
    assert ray_out.read_text(encoding="utf-8").splitlines() == local
    err = capsys.readouterr().err
    assert err.count("broken.txt") == 2


@pytest.mark.parametrize("with_model", [False, True])
def test_worker_processes_give_the_records_of_one_process_in_order(tmp_path, root, capsys, with_model):
    if with_model and not (default_model_path() / "config.json").is_file():
        pytest.skip("no shipped model")
    seeds = sorted(str(p) for p in (root / "seeds").glob("*.txt"))
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff")
    lines = tmp_path / "docs.jsonl"
    lines.write_text('{"id": "a", "text": "สหายเหงียน วัน อาน"}\n{"id": "no-text"}\n{"id": "b", "text": ""}\n', encoding="utf-8")
    inputs = seeds[:3] + [str(broken), str(lines)] + seeds[3:]
    common = ["--quiet", "--batch-size", "2"] + ([] if with_model else ["--no-model"])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", *inputs, "-o", str(one), "--processes", "1", *common]) == 3
    assert main(["extract", *inputs, "-o", str(two), "--processes", "2", *common]) == 3
    records = one.read_text(encoding="utf-8").splitlines()
    assert len(records) == len(seeds) + 2
    assert two.read_text(encoding="utf-8").splitlines() == records
    assert [json.loads(r)["id"] for r in records][3:5] == ["a", "b"]
    err = capsys.readouterr().err
    assert err.count("broken.txt") == 2 and err.count("read 9, written 7, skipped 2") == 2


def test_processes_must_be_positive(capsys):
    assert main(["extract", "x.txt", "--processes", "0"]) == 2
    assert "--processes must be at least 1" in capsys.readouterr().err
