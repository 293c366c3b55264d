"""The phenomena of real pages (docs/GENRE.md) occur in generated documents, labelled as
docs/ANNOTATION.md decides: bodies of every kind, diplomatic persons and places, Latin names
never cut inside a word, headline glue, lists of bodies, negatives, spelling variety and
varied sentence ends."""
from __future__ import annotations

import re

import pytest

from thai_polnews.training.synth.generate import load_lexicon
from thai_polnews.training.synth.phenomena import DETECTORS, _DAY, _VENUE, measure
from thai_polnews.training.synth.world_producers import respell

EVERY_PHENOMENON = sorted(set(DETECTORS) - {"latin_edge_inside_word"})


@pytest.fixture(scope="module")
def counts(corpus):
    return measure(corpus)


@pytest.mark.parametrize("name", EVERY_PHENOMENON)
def test_each_phenomenon_occurs(counts, name):
    _, occurrences, documents = counts
    assert occurrences[name] >= 10 and documents[name] >= 5, (name, occurrences[name])


def test_no_span_edge_inside_a_latin_word(counts):
    _, occurrences, _ = counts
    assert occurrences["latin_edge_inside_word"] == 0


def test_day_names_and_venues_are_never_inside_a_span(corpus):
    for record in corpus:
        for ent in record["entities"]:
            assert not _DAY.search(ent["text"]), ent
            assert not (ent["label"] == "POSITION" and _VENUE.search(ent["text"])), ent


def test_brackets_and_hruea_stay_outside_spans(corpus):
    for record in corpus:
        for ent in record["entities"]:
            text = ent["text"]
            assert not text.startswith(("(", "หรือ ")) and not text.endswith((")", " หรือ")) or text.endswith("(มหาชน)"), ent


def test_foreign_persons_have_no_canonical_and_table_names_come_through(corpus):
    world = load_lexicon().world
    table_names = {n for leader in world.leaders for n in leader.names + leader.latin}
    seen = 0
    for record in corpus:
        for ent in record["entities"]:
            if ent["label"] == "PERSON" and ent["text"] in table_names:
                assert ent["attrs"] == {}, ent
                seen += 1
    assert seen > 20


def test_linker_and_country_after_a_title_are_split(corpus):
    """[POSITION ประธานาธิบดี]ของ[LOCATION สหรัฐอเมริกา]: no POSITION ends in linker + country
    (the permanent mission, คณะผู้แทนถาวรของเวียดนาม, is a body's name and stays whole)."""
    names = load_lexicon().world.place_names
    linked = re.compile("(?:ของ|ประจำ|แห่ง)(?:ประเทศ)?(?:" + "|".join(map(re.escape, sorted(names))) + ")$")
    for record in corpus:
        for ent in record["entities"]:
            if ent["label"] == "POSITION" and "คณะผู้แทนถาวรของ" not in ent["text"]:
                assert not linked.search(ent["text"]), ent


def test_respell_keeps_a_name_and_changes_spelling():
    import random

    rng = random.Random(0)
    outs = {respell(rng, "เจิ่น วัน อาน") for _ in range(50)}
    assert len(outs) > 3 and all(o.endswith("อาน") and o.strip() == o for o in outs)
    assert {"ตรัน วัน อาน", "ทราน วัน อาน"} & outs


def test_quoted_speech_ends_its_sentence(corpus):
    closing = 0
    for record in corpus:
        text = record["text"]
        for start, end in record["sentences"]:
            chunk = text[start:end]
            if chunk.endswith(("”", '"')):
                assert chunk.count("“") == chunk.count("”") and chunk.count('"') % 2 == 0, chunk
                closing += 1
    assert closing > 50
