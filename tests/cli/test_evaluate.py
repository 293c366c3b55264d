import json

from thai_polnews.cli import main


def test_evaluate_gold_against_itself_and_pipeline(tmp_path, capsys):
    text = "ตามคำสั่งหมายเลข 27-CT/TW ลงวันที่ 25 ธันวาคม 2023"
    start = text.index("27-CT")
    date = text.index("25 ธ")
    gold = {
        "id": "g1",
        "text": text,
        "sentences": [[0, len(text)]],
        "entities": [
            {"start": start, "end": start + 8, "label": "DOC_CODE", "text": "27-CT/TW",
             "attrs": {"number": "27", "type": "CT", "issuer": "TW", "year": None}},
            {"start": date, "end": len(text), "label": "DATE", "text": text[date:], "attrs": {"value": "2023-12-25"}},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    report_path = tmp_path / "report.json"
    assert main(["evaluate", str(path), "--pred", str(path), "--json", str(report_path)]) == 0
    assert "DOC_CODE" in capsys.readouterr().out
    report = json.loads(report_path.read_text())
    assert report["entities"]["micro"]["strict"]["f1"] == 1.0

    assert main(["evaluate", str(path), "--no-model", "--quiet", "--json", str(report_path), "--compare-crfcut"]) == 0
    report = json.loads(report_path.read_text())
    assert report["entities"]["per_label"]["DOC_CODE"]["strict"]["f1"] == 1.0
    assert report["attributes"]["DATE.value"]["accuracy"] == 1.0
    assert "sentences_baseline" in report


def test_precision_flags_default_to_fp32():
    from thai_polnews.cli.evaluate import build_parser

    parser = build_parser()
    assert parser.parse_args(["gold.jsonl"]).quantize is False
    assert parser.parse_args(["gold.jsonl", "--int8"]).quantize is True


def test_errors_flag_lists_misses_and_false_alarms(tmp_path, capsys):
    import json

    from thai_polnews.cli.evaluate import main

    text = "สหายเหงียน วัน อาน เยือนฮานอย"
    gold = {"id": "g", "text": text, "entities": [{"start": 4, "end": 18, "label": "PERSON", "text": text[4:18], "attrs": {}}],
            "sentences": [[0, len(text)]]}
    pred = {"id": "g", "text": text, "entities": [{"start": 24, "end": 29, "label": "LOCATION", "text": text[24:29], "attrs": {}}],
            "sentences": [[0, len(text)]]}
    (tmp_path / "g.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "p.jsonl").write_text(json.dumps(pred, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(tmp_path / "g.jsonl"), "--pred", str(tmp_path / "p.jsonl"), "--errors"]) == 0
    out = capsys.readouterr().out
    assert "PERSON        missed   'เหงียน วัน อาน'" in out
    assert "LOCATION      spurious 'ฮานอย'" in out
