"""Input a user will have: very long documents, glued codes, invisible and combining characters,
and the same records however documents are batched."""
from __future__ import annotations

import json
import random
import unicodedata

import pytest

from thai_polnews.records import to_record


@pytest.fixture(scope="module")
def nlp():
    import thai_polnews

    return thai_polnews.load(device="cpu")


def article(seed_texts) -> str:
    return "\n".join(seed_texts.values())


def test_a_document_over_a_million_characters_is_processed_to_its_tail(nlp, seed_texts):
    base = article(seed_texts)
    text = (base * (1_000_001 // len(base) + 1))[:1_000_001]
    doc = nlp(text)
    labels_in_tail = {e.label_ for e in doc.ents if e.start_char > len(text) - len(base)}
    assert {"PERSON", "LOCATION", "ORGANIZATION", "POSITION"} <= labels_in_tail
    assert to_record(doc)["sentences"][-1][1] <= len(text)


def test_five_million_characters_without_the_model(rules_nlp, seed_texts):
    base = article(seed_texts)
    text = (base * (5_000_000 // len(base) + 1))[:5_000_000]
    doc = rules_nlp(text)
    tail = [e for e in doc.ents if e.start_char > len(text) - len(base)]
    assert {"DATE", "DOC_CODE"} <= {e.label_ for e in tail}
    head = [(e.start_char, e.label_) for e in doc.ents if e.end_char <= len(base)]
    again = [(e.start_char, e.label_) for e in rules_nlp(base).ents]
    assert head[: len(again) - 1] == again[: len(again) - 1]  # the same entities as the article alone


def test_split_in_place_and_rebuilt_docs_agree(rules_nlp, seed_texts, monkeypatch):
    from thai_polnews import spans

    text = next(iter(seed_texts.values()))
    small = to_record(rules_nlp(text))
    monkeypatch.setattr(spans, "REBUILD_ABOVE", 0)
    rebuilt = to_record(rules_nlp(text))
    assert rebuilt == small and small["entities"]


@pytest.mark.parametrize(
    "text, codes",
    [
        ("27-CT/TW27-CT/TW", [("27-CT/TW", "CT", "TW"), ("27-CT/TW", "CT", "TW")]),
        ("ตามคำสั่ง27-CT/TW03/KH-UBNDลงวันที่", [("27-CT/TW", "CT", "TW"), ("03/KH-UBND", "KH", "UBND")]),
        ("มติ202/2025/QH15และ 30/2020/NĐ-CP30/2020/NĐ-CP", [("202/2025/QH15", "NQ", "QH15"), ("30/2020/NĐ-CP", "ND", "CP"), ("30/2020/NĐ-CP", "ND", "CP")]),
    ],
)
def test_glued_document_codes_are_found_one_by_one(rules_nlp, text, codes):
    doc = rules_nlp(text)
    found = [(e.text, e._.attrs["type"], e._.attrs["issuer"]) for e in doc.ents if e.label_ == "DOC_CODE"]
    assert found == codes


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
MARKS = "".join(chr(c) for c in range(0x0E31, 0x0E4F) if unicodedata.category(chr(c)) == "Mn")


def fuzzed(seed_texts, n: int = 40):
    rng = random.Random(7)
    words = " ".join(seed_texts.values()).split()
    for _ in range(n):
        pieces = []
        for word in rng.sample(words, 40):
            roll = rng.random()
            if roll < 0.2:
                word = rng.choice(INVISIBLE) + word + rng.choice(INVISIBLE)
            elif roll < 0.35:
                word = "".join(rng.choice(MARKS) for _ in range(rng.randint(1, 4)))
            elif roll < 0.45:
                word = rng.choice("•※§¶©®™°±") * rng.randint(1, 3)
            pieces.append(word)
        yield " ".join(pieces)


def test_no_entity_of_marks_or_symbols_alone_nor_with_invisible_edges(nlp, seed_texts):
    checked = 0
    for doc in nlp.pipe(fuzzed(seed_texts)):
        for ent in doc.ents:
            checked += 1
            assert any(unicodedata.category(c)[0] in "LN" for c in ent.text), ent.text
            assert ent.text[0] not in INVISIBLE and ent.text[-1] not in INVISIBLE, repr(ent.text)
    assert checked > 100


def test_records_do_not_depend_on_batching(seed_texts, root, tmp_path):
    """Batch 1, batch 64 and two worker processes give the same records (the default fp32 model)."""
    from thai_polnews.cli import main

    texts = list(seed_texts.values())
    for line in (root / "annotations" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        texts.append(json.loads(line)["text"])
    texts += list(fuzzed(seed_texts, 10))
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    outputs = []
    for name, extra in [("b1", ["--batch-size", "1"]), ("b64", ["--batch-size", "64"]), ("p2", ["--processes", "2", "--batch-size", "4"])]:
        out = tmp_path / f"{name}.jsonl"
        processes = [] if "--processes" in extra else ["--processes", "1"]
        assert main(["extract", str(src), "-o", str(out), "--quiet", "--device", "cpu", *processes, *extra]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] == outputs[2]
    assert sum(len(json.loads(line)["entities"]) for line in outputs[0].splitlines()) > 500
