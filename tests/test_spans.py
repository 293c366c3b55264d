import pytest
import spacy

from thai_polnews.extensions import get_attrs
from thai_polnews.rules import RuleMatch
from thai_polnews.spans import add_entities, split_at_offsets


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("th")


def test_split_inside_token_keeps_text_and_whitespace(blank):
    doc = blank("สหายลัมดอง ได้เข้าใจ")
    before = doc.text
    split_at_offsets(doc, [2, 4, 7])
    assert doc.text == before
    starts = {t.idx for t in doc}
    assert {2, 4, 7} <= starts


def test_doc_code_boundary_inside_newmm_tokens(blank):
    text = "มติที่27-NQ/TUลงวันที่ 4 ธันวาคม"
    doc = blank(text)
    start = text.index("27")
    add_entities(doc, [RuleMatch(start, start + 8, "DOC_CODE", {"number": "27"})], priority=True)
    (ent,) = doc.ents
    assert (ent.start_char, ent.end_char, ent.text) == (start, start + 8, "27-NQ/TU")
    assert get_attrs(ent) == {"number": "27"}


def test_person_glued_to_honorific_is_cut_at_the_name(blank):
    text = "สหายลัมดอง สมาชิก"
    doc = blank(text)
    add_entities(doc, [RuleMatch(4, 10, "PERSON", {"canonical": "Lam Dong"})], priority=False)
    assert [(e.text, e.label_) for e in doc.ents] == [("ลัมดอง", "PERSON")]


def test_priority_replaces_overlapping_and_keeps_others_attrs(blank):
    text = "ของ โปลิตบูโร ลงวันที่ 25 ธันวาคม 2023"
    doc = blank(text)
    org = text.index("โปลิต")
    add_entities(doc, [RuleMatch(org, org + 9, "ORGANIZATION", {"k": 1}), RuleMatch(23, 30, "PERSON")], priority=False)
    date = text.index("25")
    add_entities(doc, [RuleMatch(date, len(text), "DATE", {"value": "2023-12-25"})], priority=True)
    got = [(e.text, e.label_, get_attrs(e)) for e in doc.ents]
    assert got == [("โปลิตบูโร", "ORGANIZATION", {"k": 1}), ("25 ธันวาคม 2023", "DATE", {"value": "2023-12-25"})]


def test_without_priority_new_overlapping_span_is_dropped(blank):
    doc = blank("เหงียน วัน อัน")
    add_entities(doc, [RuleMatch(0, 14, "PERSON")], priority=False)
    add_entities(doc, [RuleMatch(7, 10, "LOCATION")], priority=False)
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(0, 14, "PERSON")]


def test_keep_labels_protects_existing_entities(blank):
    text = "ตาม 30/2020/NĐ-CP"
    doc = blank(text)
    add_entities(doc, [RuleMatch(4, 17, "DOC_CODE")], priority=True)
    add_entities(doc, [RuleMatch(7, 11, "DATE")], priority=True, keep_labels=("DOC_CODE",))
    assert [(e.text, e.label_) for e in doc.ents] == [("30/2020/NĐ-CP", "DOC_CODE")]


def test_overlapping_new_matches_keep_the_longest(blank):
    doc = blank("วันที่ 25 ธันวาคม 2023")
    add_entities(doc, [RuleMatch(7, 17, "DATE"), RuleMatch(7, 22, "DATE")], priority=True)
    assert [e.text for e in doc.ents] == ["25 ธันวาคม 2023"]


def test_doc_text_token_texts_and_sentence_spans_match_spacy():
    import spacy

    from thai_polnews.spans import doc_text, sentence_char_spans, split_at_offsets, token_texts

    nlp = spacy.blank("th")
    doc = nlp("สหายเหงียน วัน อาน เยือนฮานอย\nการประชุม ครั้งที่ 5 ")
    assert doc_text(doc) == doc.text
    assert token_texts(doc) == [t.text_with_ws for t in doc]
    split_at_offsets(doc, [4, 12])
    assert doc_text(doc) == doc.text  # splitting keeps the text, the cache stays right
    assert token_texts(doc) == [t.text_with_ws for t in doc]
    for token in doc:
        token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "\n"
    assert sentence_char_spans(doc) == [(s.start_char, s.end_char) for s in doc.sents]


def test_doc_helpers_on_an_empty_doc():
    import spacy

    from thai_polnews.spans import doc_text, sentence_char_spans, token_texts

    doc = spacy.blank("th")("")
    assert doc_text(doc) == "" and token_texts(doc) == [] and sentence_char_spans(doc) == []


def test_clip_words_clips_doc_tokens_to_a_character_range():
    import spacy

    from thai_polnews.spans import clip_words, token_texts, word_ends

    doc = spacy.blank("th")("การประชุม คณะกรรมการ  พรรค")
    words = token_texts(doc)
    for start, end in [(0, 9), (3, 14), (10, len(doc.text)), (9, 10), (0, 0)]:
        assert "".join(clip_words(words, start, end)) == doc.text[start:end]
        assert clip_words(words, start, end, word_ends(words)) == clip_words(words, start, end)


def test_char_spans_agree_with_spacy_char_span_on_token_edges(blank):
    import random

    from thai_polnews.spans import char_spans

    doc = blank("สหายลัมดอง ได้เข้าร่วม การประชุม ที่ฮานอย วันที่ 25 ธันวาคม 2023")
    edges = sorted({t.idx for t in doc} | {t.idx + len(t.text) for t in doc})
    rng = random.Random(0)
    for _ in range(200):
        start, end = sorted(rng.sample(edges, 2))
        span = doc.char_span(start, end)
        if span is None:
            continue
        (got,) = char_spans(doc, [RuleMatch(start, end, "PERSON")])
        assert (got.start, got.end, got.label_) == (span.start, span.end, "PERSON")


def test_char_spans_reject_a_match_that_ends_in_trailing_whitespace():
    from spacy.tokens import Doc

    from thai_polnews.spans import char_spans

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=["Tran", "Duc"], spaces=[True, False])
    assert char_spans(doc, [RuleMatch(0, 4, "PERSON")])[0].text == "Tran"
    with pytest.raises(ValueError, match="Cannot align"):
        char_spans(doc, [RuleMatch(0, 5, "PERSON")])


@pytest.mark.parametrize("priority", [True, False])
def test_adding_beside_kept_entities_annotates_tokens_as_a_full_rebuild_does(blank, priority):
    text = "นายเหงียน วัน อาน ไปฮานอย เมื่อ 3 มีนาคม 2568 และ 27-CT/TW"
    model = [RuleMatch(3, 17, "PERSON", {"canonical": "Nguyen Van An"}), RuleMatch(20, 25, "LOCATION")]
    rules = [RuleMatch(32, 45, "DATE", {"value": "2025-03-03"}), RuleMatch(50, 58, "DOC_CODE")]

    def annotate(doc):
        return [(t.idx, t.ent_iob_, t.ent_type_) for t in doc]

    fast = add_entities(add_entities(blank(text), model, priority=False), rules, priority=priority)
    rebuilt = add_entities(blank(text), model + rules, priority=priority)
    assert [(e.start_char, e.end_char, e.label_, get_attrs(e)) for e in fast.ents] == [
        (e.start_char, e.end_char, e.label_, get_attrs(e)) for e in rebuilt.ents
    ]
    assert annotate(fast) == annotate(rebuilt)
    assert {t.ent_iob_ for t in fast} <= {"B", "I", "O"}
