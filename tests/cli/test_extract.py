import json


from thai_polnews.cli import main
from thai_polnews.records import validate_record


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_extract_txt_and_jsonl_with_bad_records(tmp_path, capsys):
    txt = tmp_path / "a.txt"
    txt.write_text("ตามคำสั่งหมายเลข 27-CT/TW ลงวันที่ 25 ธันวาคม 2023", encoding="utf-8")
    broken = tmp_path / "b.txt"
    broken.write_bytes(b"\xff\xfe")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(
        json.dumps({"id": "ok", "text": "มติที่ 57-NQ/TW"}, ensure_ascii=False)
        + "\n{\"id\": \"no-text\"}\n"
        + json.dumps({"id": "empty", "text": "   "})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, _, err = run(["extract", str(txt), str(broken), str(jsonl), "-o", str(out), "--no-model", "--batch-size", "2"], capsys)
    assert code == 3
    assert "b.txt" in err and "UTF-8" in err
    assert "c.jsonl:2" in err and "text" in err
    assert "read 5, written 3, skipped 2" in err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "ok", "empty"]
    assert all(validate_record(r) == [] for r in records)
    codes = [(e["text"], e["label"]) for r in records for e in r["entities"] if e["label"] == "DOC_CODE"]
    assert codes == [("27-CT/TW", "DOC_CODE"), ("57-NQ/TW", "DOC_CODE")]
    assert records[2]["entities"] == [] and records[2]["sentences"] == []
    assert not out.with_name("out.jsonl.partial").exists()
    assert not out.with_name("out.jsonl.partial.state").exists()


def test_extract_to_stdout_exit_zero(tmp_path, capsys):
    txt = tmp_path / "a.txt"
    txt.write_text("Hello world, no Thai here.", encoding="utf-8")
    code, out, err = run(["extract", str(txt), "--no-model", "--quiet"], capsys)
    assert code == 0
    record = json.loads(out)
    assert record["text"] == "Hello world, no Thai here." and validate_record(record) == []


def test_unknown_command_and_help(capsys):
    assert main(["nope"]) == 2
    assert "unknown command" in capsys.readouterr().err
    assert main(["--help"]) == 0
    assert "extract" in capsys.readouterr().out


def test_bad_batch_size(tmp_path, capsys):
    txt = tmp_path / "a.txt"
    txt.write_text("ก", encoding="utf-8")
    assert main(["extract", str(txt), "--no-model", "--batch-size", "0"]) == 2


def test_interrupted_extract_resumes_to_exactly_one_record_each(tmp_path, capsys, monkeypatch):
    from thai_polnews.engines import local as extract

    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": f"มติที่ {i}-NQ/TU"}, ensure_ascii=False) + "\n" for i in range(1, 41)),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    real_process = extract.process
    calls = {"n": 0}

    def crash_on_third_batch(nlp, items):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_process(nlp, items)

    monkeypatch.setattr(extract, "process", crash_on_third_batch)
    args = ["extract", str(source), "-o", str(out), "--no-model", "--quiet", "--batch-size", "7", "--processes", "1"]
    assert main(args) == 130  # Ctrl-C: one line, the checkpoint kept
    assert not out.exists()
    monkeypatch.setattr(extract, "process", real_process)
    assert main(args + ["--resume"]) == 0
    assert "resuming after 14 documents" in capsys.readouterr().err
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"d{i}" for i in range(1, 41)]


def test_resume_on_a_finished_run_says_so_and_keeps_the_output(tmp_path, capsys):
    from thai_polnews.cli import main

    src = tmp_path / "docs.jsonl"
    src.write_text('{"id": "1", "text": "สวัสดี"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--quiet", "--no-model"]) == 0
    before = out.read_text(encoding="utf-8")
    assert main(["extract", str(src), "-o", str(out), "--quiet", "--no-model", "--resume"]) == 0
    assert "already complete; nothing to resume" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == before
