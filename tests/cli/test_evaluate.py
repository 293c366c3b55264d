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
