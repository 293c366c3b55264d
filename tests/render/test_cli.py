"""``thai-polnews render``: records drawn without the model, texts through the pipeline, bad input refused."""
from __future__ import annotations

import json

import pytest

from thai_polnews.cli import main


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def no_pipeline(*args, **kwargs):
    raise AssertionError("the pipeline must not load for records")


def test_records_render_without_the_model(tmp_path, record, parse_page, monkeypatch, capsys):
    monkeypatch.setattr("thai_polnews.cli.render.pipeline_from_args", no_pipeline)
    source, out = tmp_path / "out.jsonl", tmp_path / "page.html"
    write_jsonl(source, [record, dict(record, id="second")])
    assert main(["render", str(source), "-o", str(out)]) == 0
    marks = parse_page(out.read_text(encoding="utf-8")).marks
    assert len(marks) == 2 * len(record["entities"])
    assert "2 documents" in capsys.readouterr().err


def test_text_goes_through_the_pipeline(tmp_path, parse_page):
    source, out = tmp_path / "news.txt", tmp_path / "page.html"
    source.write_text("ตามคำสั่งหมายเลข 27-CT/TW ลงวันที่ 25 ธันวาคม 2023", encoding="utf-8")
    assert main(["render", str(source), "-o", str(out), "--no-model"]) == 0
    labels = [m["data-label"] for m in parse_page(out.read_text(encoding="utf-8")).marks]
    assert labels == ["DOC_CODE", "DATE"]


def test_standard_output(tmp_path, record, capsys):
    source = tmp_path / "out.jsonl"
    write_jsonl(source, [record])
    assert main(["render", str(source)]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "invalid JSON"),
        ('{"id": 1}', "no string 'text'"),
        ('{"text": "abc", "entities": [{"start": 0, "end": 9, "label": "DATE"}]}', "offsets outside text"),
        ('{"text": "abc", "entities": "none"}', "must be lists"),
        ('{"text": "abc", "entities": ["x"]}', "entity 0: needs integer"),
        ('{"text": "abc", "entities": [], "sentences": [[0, "3"]]}', "sentence 0: not a [start, end] pair"),
        ('{"text": "abc", "entities": [], "clusters": [{"mentions": [["a", 1]]}]}', "'clusters' must be"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, line, message, capsys):
    source = tmp_path / "bad.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "page.html")]) == 2
    err = capsys.readouterr().err
    assert message in err and f"{source}:1" in err and err.count("\n") == 1
    assert not (tmp_path / "page.html").exists()


def test_missing_file_and_broken_utf8(tmp_path, capsys):
    assert main(["render", str(tmp_path / "missing.jsonl")]) == 2
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe abc")
    assert main(["render", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "invalid UTF-8" in err


def test_output_never_overwrites_an_input(tmp_path, record, capsys):
    source = tmp_path / "out.jsonl"
    write_jsonl(source, [record])
    before = source.read_bytes()
    assert main(["render", str(source), "-o", str(tmp_path / "." / "out.jsonl")]) == 2
    assert source.read_bytes() == before
    assert "is an input" in capsys.readouterr().err
