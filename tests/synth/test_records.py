"""Every generated record keeps the ANNOTATION.md contract."""
from __future__ import annotations

from thai_polnews.records import LABELS, validate_record


def test_records_pass_the_project_validator(corpus):
    problems = {r["id"]: validate_record(r) for r in corpus}
    assert {k: v for k, v in problems.items() if v} == {}


def test_schema_keys(corpus):
    for record in corpus[:50]:
        assert set(record) == {"id", "text", "sentences", "entities", "meta"}
        for ent in record["entities"]:
            assert set(ent) == {"start", "end", "label", "text", "attrs"}


def test_offsets_surfaces_and_no_overlaps(corpus):
    for record in corpus:
        text, previous_end = record["text"], 0
        for ent in record["entities"]:
            assert ent["label"] in LABELS
            assert text[ent["start"]:ent["end"]] == ent["text"]
            assert ent["text"] == ent["text"].strip() and ent["text"]
            assert ent["start"] >= previous_end, (record["id"], ent)
            previous_end = ent["end"]


def test_sentences_cover_the_text_in_order(corpus):
    for record in corpus:
        text, previous_end = record["text"], 0
        covered = bytearray(len(text))
        for start, end in record["sentences"]:
            assert previous_end <= start < end <= len(text)
            chunk = text[start:end]
            assert chunk == chunk.strip() and "\n" not in chunk
            covered[start:end] = b"\x01" * (end - start)
            previous_end = end
        stray = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
        assert stray == [], (record["id"], text[stray[0]:stray[0] + 20] if stray else "")


def test_every_newline_ends_a_sentence(corpus):
    for record in corpus:
        text = record["text"]
        ends = {end for _, end in record["sentences"]}
        for i, ch in enumerate(text):
            if ch == "\n":
                j = i
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                assert j == 0 or j in ends, (record["id"], text[max(0, i - 30):i])


def test_entities_sit_inside_sentences(corpus):
    for record in corpus:
        spans = record["sentences"]
        for ent in record["entities"]:
            assert any(s <= ent["start"] and ent["end"] <= e for s, e in spans), (record["id"], ent)


def test_text_is_nfc(corpus):
    import unicodedata

    for record in corpus[:100]:
        assert unicodedata.normalize("NFC", record["text"]) == record["text"]
