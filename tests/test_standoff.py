"""Stand-off gold: markup, hashing, validation, joining with excerpts, and the committed file."""
import hashlib
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from thai_polnews.records import LABELS, validate_record
from thai_polnews.span_edges import edges_inside_latin_words
from thai_polnews.standoff import (
    SOURCE_KINDS, attach_excerpts, build_entry, dumps, excerpt_sha256, parse_markup,
    read_markup_file, read_standoff, validate_entry,
)

ROOT = Path(__file__).resolve().parents[1]
STANDOFF = ROOT / "annotations" / "real_pages" / "test.standoff.jsonl"

# Invented for this test; not the text of any page.
MARKED = (
    "⟦T|ประธานคณะกรรมการประชาชนจังหวัด⟧⟦L|ทดสอบ⟧ นาย⟦P|สมมติ ตัวอย่าง⟧ กล่าวเมื่อ ⟦D|1 มกราคม 2568⟧ "
    "¦ตาม⟦C|12/KH-UBND⟧\n\n(ภาพ: ⟦O|ABC⟧)"
)


def entry_and_text(id="t-001"):
    return build_entry(id, "https://example.org/a", "thai-outlet", "the whole made-up text", MARKED)


def write_excerpt(folder: Path, id: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{id}.txt").write_bytes(text.encode("utf-8"))


def test_markup_gives_text_offsets_and_sentences():
    text, entities, sentences = parse_markup(MARKED)
    assert "⟦" not in text and "¦" not in text
    assert [(e["label"], text[e["start"]:e["end"]]) for e in entities] == [
        ("POSITION", "ประธานคณะกรรมการประชาชนจังหวัด"), ("LOCATION", "ทดสอบ"), ("PERSON", "สมมติ ตัวอย่าง"),
        ("DATE", "1 มกราคม 2568"), ("DOC_CODE", "12/KH-UBND"), ("ORGANIZATION", "ABC"),
    ]
    assert all(text[e["start"]:e["end"]] == e["surface"] for e in entities)
    assert [text[s:e] for s, e in sentences] == [
        "ประธานคณะกรรมการประชาชนจังหวัดทดสอบ นายสมมติ ตัวอย่าง กล่าวเมื่อ 1 มกราคม 2568",
        "ตาม12/KH-UBND",
        "(ภาพ: ABC)",
    ]


@pytest.mark.parametrize("bad", ["⟦X|abc⟧", "⟦P|abc", "⟦P| abc⟧", "abc⟧", "⟦P|a⟦L|b⟧⟧"])
def test_malformed_markup_is_an_error(bad):
    with pytest.raises(ValueError):
        parse_markup(bad)


def test_hash_is_sha256_of_utf8_and_entry_validates():
    entry, text = entry_and_text()
    assert entry["excerpt_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert excerpt_sha256(text + " ") != entry["excerpt_sha256"]
    assert entry["excerpt_chars"] == len(text)
    assert validate_entry(entry) == []
    assert json.loads(dumps(entry)) == entry


def test_validation_finds_broken_entries():
    entry, _ = entry_and_text()
    assert validate_entry(dict(entry, source_kind="blog"))
    assert validate_entry(dict(entry, excerpt_sha256="abc"))
    outside = dict(entry, entities=[{"start": 0, "end": entry["excerpt_chars"] + 1, "label": "PERSON", "surface": "x"}])
    assert any("outside" in p for p in validate_entry(outside))
    unknown = dict(entry, entities=[dict(entry["entities"][0], label="TITLE")])
    assert any("unknown label" in p for p in validate_entry(unknown))
    assert validate_entry({"id": "x"})


def test_attach_gives_gold_records(tmp_path):
    entry, text = entry_and_text()
    write_excerpt(tmp_path, entry["id"], text)
    records, skipped = attach_excerpts([entry], tmp_path)
    assert skipped == []
    assert validate_record(records[0]) == []
    assert records[0]["text"] == text
    assert records[0]["meta"]["source_kind"] == "thai-outlet"
    assert len(records[0]["entities"]) == 6


def test_hash_mismatch_is_reported_and_skipped(tmp_path):
    entry, text = entry_and_text()
    write_excerpt(tmp_path, entry["id"], text.replace("สมมติ", "สมมุติ"))
    records, skipped = attach_excerpts([entry], tmp_path)
    assert records == []
    assert len(skipped) == 1 and skipped[0].id == entry["id"]
    assert "hash differs" in skipped[0].reason


def test_missing_excerpt_is_skipped_with_a_message(tmp_path):
    present, text = entry_and_text("t-001")
    missing, _ = entry_and_text("t-002")
    write_excerpt(tmp_path, "t-001", text)
    records, skipped = attach_excerpts([present, missing], tmp_path)
    assert [r["id"] for r in records] == ["t-001"]
    assert [s.id for s in skipped] == ["t-002"]
    assert "missing" in str(skipped[0]) and "t-002.txt" in str(skipped[0])


def test_read_standoff_reports_bad_lines(tmp_path):
    entry, _ = entry_and_text()
    path = tmp_path / "gold.jsonl"
    path.write_text(dumps(entry) + "\n{not json\n" + dumps(dict(entry, id="t-009", source_kind="x")) + "\n"
                    + dumps(entry) + "\n", encoding="utf-8")
    entries, problems = read_standoff(path)
    assert [e["id"] for e in entries] == ["t-001"]
    assert len(problems) == 3
    assert any("duplicate" in str(p) for p in problems)


def test_markup_file_round_trip(tmp_path):
    path = tmp_path / "t-001.txt"
    path.write_text("url: https://example.org/a\nsource_kind: vov\nhow_to_get: all\n---\n\n" + MARKED + "\n",
                    encoding="utf-8")
    fields, marked = read_markup_file(path)
    assert fields == {"url": "https://example.org/a", "source_kind": "vov", "how_to_get": "all"}
    assert marked == "\n" + MARKED


def test_latin_word_edges():
    text = "ภาพ: TTXVN และ Nguyễn Văn"
    assert edges_inside_latin_words(text, [{"start": 5, "end": 10, "label": "ORGANIZATION"}]) == []
    cuts = edges_inside_latin_words(text, [{"start": 5, "end": 8, "label": "ORGANIZATION"},
                                           {"start": 16, "end": 21, "label": "PERSON"}])
    assert [(c["side"], c["span"]) for c in cuts] == [("end", "TTX"), ("start", "guyễn")]


def test_benchmark_skips_pages_without_excerpts(tmp_path, capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import real_pages

    markup = tmp_path / "markup"
    markup.mkdir()
    (markup / "t-001.txt").write_text(
        "url: https://example.org/a\nsource_kind: vov\nhow_to_get: all\n---\n" + MARKED + "\n", encoding="utf-8")
    standoff, excerpts = tmp_path / "gold.jsonl", tmp_path / "excerpts"
    assert real_pages.main(["--build-from", str(markup), "--standoff", str(standoff), "--excerpts", str(excerpts)]) == 0
    assert (excerpts / "t-001.txt").exists()
    (excerpts / "t-001.txt").unlink()
    assert real_pages.main(["--standoff", str(standoff), "--excerpts", str(excerpts), "--json", str(tmp_path / "r.json")]) == 1
    err = capsys.readouterr().err
    assert "skipped t-001" in err and "missing" in err


# The committed stand-off gold (no excerpts needed).

def committed_entries():
    lines = [line for line in STANDOFF.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def test_committed_standoff_is_valid():
    entries = committed_entries()
    assert len(entries) >= 30
    assert len({e["id"] for e in entries}) == len(entries)
    assert len({e["url"] for e in entries}) == len(entries)
    for entry in entries:
        assert validate_entry(entry) == [], entry["id"]
        assert entry["source_kind"] in SOURCE_KINDS
        for ent in entry["entities"]:
            assert 0 <= ent["start"] < ent["end"] <= entry["excerpt_chars"]
            assert ent["label"] in LABELS
            assert unicodedata.normalize("NFC", ent["surface"]) == ent["surface"]
    _, problems = read_standoff(STANDOFF)
    assert problems == []


def test_committed_standoff_covers_the_source_kinds_and_labels():
    entries = committed_entries()
    kinds = [e["source_kind"] for e in entries]
    assert all(kinds.count(k) >= 8 for k in SOURCE_KINDS)
    labels = {ent["label"] for e in entries for ent in e["entities"]}
    assert {"PERSON", "LOCATION", "ORGANIZATION", "POSITION", "DATE"} <= labels


def test_committed_standoff_keeps_no_page_text():
    """Only the documented keys; surfaces are short entity strings, never running text."""
    for entry in committed_entries():
        assert set(entry) == {"id", "url", "source_kind", "excerpt_sha256", "excerpt_chars", "how_to_get",
                              "entities", "sentences"}
        assert all(set(ent) == {"start", "end", "label", "surface"} for ent in entry["entities"])
        assert all(len(ent["surface"]) <= 80 for ent in entry["entities"])
        assert not any("\u0e00" <= ch <= "\u0e7f" for ch in entry["how_to_get"]), entry["id"]


def test_excerpts_folder_is_ignored_by_git():
    ignore = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/annotations/real_pages/excerpts/" in ignore
