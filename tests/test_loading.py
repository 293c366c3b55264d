"""thai_polnews.loading: the pipeline, and warming it up before work."""
from __future__ import annotations

from spacy.language import Language

import thai_polnews
from thai_polnews.loading import WARM_UP_TEXT, warm_up


def test_warm_up_runs_one_document_through_every_stage():
    seen = []

    @Language.component("test_loading_spy")
    def spy(doc):
        seen.append((doc.text, [e.label_ for e in doc.ents]))
        return doc

    nlp = thai_polnews.load(use_model=False)
    nlp.add_pipe("test_loading_spy")
    assert warm_up(nlp) is nlp
    assert len(seen) == 1
    text, labels = seen[0]
    assert text == WARM_UP_TEXT
    assert {"DOC_CODE", "DATE"} <= set(labels)


def test_warm_up_text_reaches_the_model_and_the_name_tables():
    doc = thai_polnews.load()(WARM_UP_TEXT)
    labels = {e.label_ for e in doc.ents}
    assert {"PERSON", "LOCATION", "POSITION", "DOC_CODE", "DATE"} <= labels
    assert any(e._.attrs.get("canonical") for e in doc.ents if e.label_ == "PERSON")


def test_warm_up_reads_the_sentence_splitter_tables():
    """warm_up runs the sentence splitter once, so what it reads on first use is read before any timing:
    the word classes of the boundary model (the default), or CRFCut's weights with ``method="crfcut"``."""
    from thai_polnews.sentences import crfcut, features

    nlp = thai_polnews.load(use_model=False)
    if nlp.get_pipe("sentences").method == "crfcut":
        crfcut.weights.cache_clear()
        crfcut.ends_sentence.cache_clear()
        warm_up(nlp)
        assert crfcut.weights.cache_info().currsize == 1
        assert crfcut.ends_sentence.cache_info().misses >= 1
    else:
        features._word_class_map.cache_clear()
        features.word_shape.cache_clear()
        warm_up(nlp)
        assert features._word_class_map.cache_info().currsize == 1
        assert features.word_shape.cache_info().misses >= 1
