"""extract refuses bad command lines in one line, exit status 2, before loading anything."""
from __future__ import annotations

import json

import pytest

from thai_polnews.cli import main


@pytest.fixture
def no_loading(monkeypatch):
    """Fail the test if a pipeline is loaded: every check here must come first."""
    import thai_polnews.engines.local as local

    def refuse(*args, **kwargs):
        raise AssertionError("the pipeline was loaded before the command line was checked")

    monkeypatch.setattr(local, "load", refuse)


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err, err
    return err


def test_output_equal_to_an_input_is_refused_and_the_input_kept(tmp_path, capsys, no_loading):
    src = tmp_path / "a.txt"
    src.write_text("มติที่ 57-NQ/TW", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(src), "--quiet"]) == 2
    assert "is also an input" in one_line_error(capsys)
    assert src.read_text(encoding="utf-8") == "มติที่ 57-NQ/TW"


def test_output_inside_an_input_folder_that_is_read_is_refused(tmp_path, capsys, no_loading):
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert main(["extract", str(tmp_path), "-o", str(tmp_path / "a.jsonl")]) == 2
    assert "is also an input" in one_line_error(capsys)


@pytest.mark.parametrize(
    "output, message",
    [("{tmp}", "is a folder"), ("{tmp}/missing/out.jsonl", "does not exist"), ("{tmp}/file.txt/out.jsonl", "is not a folder")],
)
def test_bad_output_paths_fail_before_any_work(tmp_path, capsys, no_loading, output, message):
    src = tmp_path / "file.txt"
    src.write_text("มติที่ 57-NQ/TW", encoding="utf-8")
    assert main(["extract", str(src), "-o", output.format(tmp=tmp_path)]) == 2
    assert message in one_line_error(capsys)
    assert not list(tmp_path.glob("*.partial"))


def test_missing_input_costs_no_model_load(tmp_path, capsys, no_loading):
    assert main(["extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "does not exist" in one_line_error(capsys)
    assert not (tmp_path / "out.jsonl").exists()


def test_missing_model_folder_is_one_line_exit_2(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("สหายเหงียน วัน อาน", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", str(tmp_path / "none"), "--processes", "2"]) == 2
    assert "No NER model" in one_line_error(capsys)


def test_stdin_to_stdout(tmp_path, monkeypatch, capsys):
    import io
    import sys

    lines = "\ufeff" + json.dumps({"id": "x", "text": "มติที่ 57-NQ/TW"}, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8"))))
    assert main(["extract", "-", "-o", "-", "--no-model", "--quiet"]) == 0
    out = capsys.readouterr().out.splitlines()
    record = json.loads(out[0])
    assert record["id"] == "x" and [e["text"] for e in record["entities"]] == ["57-NQ/TW"]


def test_folder_input_reads_its_txt_and_jsonl_files_in_path_order(tmp_path, capsys):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "b.txt").write_text("มติที่ 1-NQ/TW", encoding="utf-8")
    (docs / "sub" / "c.jsonl").write_text('{"id": "c", "text": "มติที่ 2-NQ/TW"}\n', encoding="utf-8")
    (docs / "a.txt").write_text("มติที่ 3-NQ/TW", encoding="utf-8")
    (docs / "notes.md").write_text("ignored", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(docs), "-o", str(out), "--no-model", "--quiet"]) == 0
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "b", "c"]


def test_bom_and_lone_surrogate(tmp_path, capsys):
    txt = tmp_path / "bom.txt"
    txt.write_bytes("\ufeffมติที่ 57-NQ/TW".encode("utf-8"))
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(
        ("\ufeff" + json.dumps({"id": "first", "text": "มติที่ 58-NQ/TW"}, ensure_ascii=False) + "\n").encode("utf-8")
        + b'{"id": "bad", "text": "\\ud800 lone"}\n'
        + (json.dumps({"id": "last", "text": "มติที่ 59-NQ/TW"}, ensure_ascii=False) + "\n").encode("utf-8")
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(txt), str(jsonl), "-o", str(out), "--no-model", "--quiet"]) == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["bom", "first", "last"]
    assert records[0]["text"].startswith("มติ") and records[0]["entities"][0]["start"] == 7
    err = capsys.readouterr().err
    assert f"{jsonl}:2: lone surrogate U+D800" in err


def test_resume_after_a_kill_between_rename_and_checkpoint_removal(tmp_path, capsys):
    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": "1", "text": "มติที่ 57-NQ/TW"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--quiet", "--no-model"]) == 0
    (tmp_path / "out.jsonl.partial.state").write_text('{"consumed": 1, "written": 1, "bytes": 10}', encoding="utf-8")
    before = out.read_text(encoding="utf-8")
    assert main(["extract", str(src), "-o", str(out), "--quiet", "--no-model", "--resume"]) == 0
    assert "already complete" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == before
    assert not (tmp_path / "out.jsonl.partial.state").exists()


def test_synth_writes_standard_output(capsys):
    assert main(["synth", "--n", "2", "-o", "-", "--quiet"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    assert len(records) == 2 and all(r["entities"] for r in records)


def test_train_help_is_plain_text(capsys):
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    out = capsys.readouterr().out
    assert "``" not in out and "fine-tune" in out
