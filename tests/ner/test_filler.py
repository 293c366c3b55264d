"""Open-vocabulary filler: real Thai words put between entities without moving them."""
import random

import pytest

from thai_polnews.training.ner.filler import filler_clause, insert_filler, is_thai_word, load_filler_words

RECORD = {
    "text": "สหาย เหงียน กวาง ตรัง เลขาธิการพรรคประจำจังหวัด ไห่เซือง ได้กล่าว",
    "entities": [
        {"start": 5, "end": 21, "label": "PERSON"},
        {"start": 22, "end": 47, "label": "POSITION"},
        {"start": 48, "end": 56, "label": "LOCATION"},
    ],
}


@pytest.fixture(scope="module")
def words():
    inside = [RECORD["text"][e["start"] : e["end"]] for e in RECORD["entities"]]
    return load_filler_words("pythainlp:tnc_freq.txt", 5000, inside)


def test_filler_words_are_thai_and_never_inside_an_entity(words):
    assert len(words.words) == 5000
    assert all(is_thai_word(w) for w in words.words)
    for w in ("ประจำ", "จังหวัด", "เลขาธิการ", "พรรค"):
        assert w not in words.words


def test_insert_filler_keeps_every_entity_surface(words):
    rng = random.Random(3)
    surfaces = [RECORD["text"][e["start"] : e["end"]] for e in RECORD["entities"]]
    for _ in range(50):
        out = insert_filler(RECORD, rng, words, 6)
        assert len(out["text"]) > len(RECORD["text"])
        assert [out["text"][e["start"] : e["end"]] for e in out["entities"]] == surfaces


def test_clause_length_and_missing_source(words):
    rng = random.Random(0)
    assert all(len(filler_clause(rng, words, 4)) >= 4 for _ in range(20))
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        load_filler_words("pythainlp:nope.txt", 10, [])
