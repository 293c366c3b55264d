import json

import pytest

from thai_polnews.checkpoint import CheckpointedWriter, skip


def lines_of(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_interrupted_run_resumes_without_duplicates_or_loss(tmp_path):
    out = tmp_path / "out.jsonl"
    inputs = [json.dumps({"id": i}) for i in range(23)]
    writer = CheckpointedWriter(out, resume=False)
    writer.write_batch(inputs[0:5], 5)
    writer.write_batch(inputs[5:10], 5)
    # a crash mid-batch: bytes written after the last checkpoint
    writer.handle.write(b'{"id": 10}\n{"id": 1')
    writer.close()
    assert not out.exists()

    resumed = CheckpointedWriter(out, resume=True)
    assert resumed.resumed_from == 10
    remaining = list(skip(iter(inputs), resumed.resumed_from))
    for start in range(0, len(remaining), 4):
        chunk = remaining[start : start + 4]
        resumed.write_batch(chunk, len(chunk))
    resumed.finish()
    assert [json.loads(line)["id"] for line in lines_of(out)] == list(range(23))
    assert not out.with_name("out.jsonl.partial.state").exists()


def test_resume_of_a_finished_output_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("{}\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        CheckpointedWriter(out, resume=True)


def test_fresh_run_overwrites_stale_partial(tmp_path):
    out = tmp_path / "out.jsonl"
    out.with_name("out.jsonl.partial").write_text("stale\n", encoding="utf-8")
    writer = CheckpointedWriter(out, resume=False)
    writer.write_batch(['{"id": 1}'], 1)
    writer.finish()
    assert lines_of(out) == ['{"id": 1}']


def test_skip():
    assert list(skip(range(5), 2)) == [2, 3, 4]
    assert list(skip(range(2), 5)) == []
