"""The ``thai_polnews_names_v1`` component on a blank Thai pipeline with hand-set entities."""
from __future__ import annotations

from typing import List, Tuple

import pytest
import spacy
from spacy.tokens import Doc

from thai_polnews.extensions import get_attrs, set_attrs
from thai_polnews.pipeline import names  # noqa: F401  (registers the factory)
from thai_polnews.spans import split_at_offsets

TEXT = (
    "สหายเหงียน เตี่ยน ถั่น กล่าวว่า Ly Ly Xa และสหายหลี่หลี่ซา เดินทางไปไห่ดวง "
    "นายดุงสัญญาว่า นายเหงียนมานห์ ดุง จะกลับไห่เซือง สมชาย ใจดี ไปลาว"
)
ENTS = [
    ("เหงียน เตี่ยน ถั่น", "PERSON"),
    ("Ly Ly Xa", "PERSON"),
    ("หลี่หลี่ซา", "PERSON"),
    ("ไห่ดวง", "LOCATION"),
    ("ดุง", "PERSON"),
    ("เหงียนมานห์ ดุง", "PERSON"),
    ("ไห่เซือง", "LOCATION"),
    ("สมชาย ใจดี", "PERSON"),
    ("ลาว", "LOCATION"),
]


@pytest.fixture
def nlp():
    nlp = spacy.blank("th")
    nlp.add_pipe("thai_polnews_names_v1")
    return nlp


def _doc(nlp, text: str, ents: List[Tuple[str, str]]) -> Doc:
    doc = nlp.make_doc(text)
    offsets, cursor = [], 0
    for surface, label in ents:
        start = text.index(surface, cursor)
        offsets.append((start, start + len(surface), label))
        cursor = start + len(surface)
    split_at_offsets(doc, [o for s, e, _ in offsets for o in (s, e)])
    doc.ents = [doc.char_span(s, e, label=label) for s, e, label in offsets]
    return doc


def test_canonical_and_clusters(nlp) -> None:
    doc = _doc(nlp, TEXT, ENTS)
    before = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    set_attrs(doc.ents[0], {"note": "kept"})
    doc = nlp.get_pipe("thai_polnews_names_v1")(doc)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == before
    got = {e.text: get_attrs(e).get("canonical") for e in doc.ents}
    assert got == {
        "เหงียน เตี่ยน ถั่น": "Nguyen Tien Thanh",
        "Ly Ly Xa": "Ly Ly Xa",
        "หลี่หลี่ซา": "Ly Ly Xa",  # the Latin spelling of the cluster decides
        "ไห่ดวง": "Hai Duong",
        "ดุง": "Nguyen Manh Dung",  # given name alone → full name (decision 2)
        "เหงียนมานห์ ดุง": "Nguyen Manh Dung",
        "ไห่เซือง": "Hai Duong",
        "สมชาย ใจดี": None,
        "ลาว": None,
    }
    assert get_attrs(doc.ents[0])["note"] == "kept"
    clusters = {(c["canonical"], c["label"]): c["mentions"] for c in doc._.clusters}
    starts = {e.text: [e.start_char, e.end_char] for e in doc.ents}
    assert clusters[("Hai Duong", "LOCATION")] == [starts["ไห่ดวง"], starts["ไห่เซือง"]]
    assert clusters[("Ly Ly Xa", "PERSON")] == [starts["Ly Ly Xa"], starts["หลี่หลี่ซา"]]
    assert clusters[("Nguyen Manh Dung", "PERSON")] == [starts["ดุง"], starts["เหงียนมานห์ ดุง"]]
    assert len(doc._.clusters) == 4


def test_keeps_existing_canonical_without_overwrite() -> None:
    nlp = spacy.blank("th")
    nlp.add_pipe("thai_polnews_names_v1", config={"overwrite": False})
    doc = _doc(nlp, "ไปไห่ดวง", [("ไห่ดวง", "LOCATION")])
    set_attrs(doc.ents[0], {"canonical": "Given"})
    doc = nlp.get_pipe("thai_polnews_names_v1")(doc)
    assert get_attrs(doc.ents[0])["canonical"] == "Given"


def test_empty_doc_and_other_labels(nlp) -> None:
    assert nlp("")._.clusters == []
    doc = _doc(nlp, "พรรคคอมมิวนิสต์เวียดนาม", [("พรรคคอมมิวนิสต์เวียดนาม", "ORGANIZATION")])
    doc = nlp.get_pipe("thai_polnews_names_v1")(doc)
    assert get_attrs(doc.ents[0]) == {}
    assert doc._.clusters == []


def test_unknown_label_rejected() -> None:
    nlp = spacy.blank("th")
    with pytest.raises(ValueError, match="PERSON"):
        nlp.add_pipe("thai_polnews_names_v1", config={"labels": ["DATE"]})
