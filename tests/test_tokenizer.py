"""The cached Thai tokenizer (thai_polnews.tokenizer)."""
from __future__ import annotations

from pathlib import Path

import spacy
from pythainlp.tokenize import word_tokenize

import thai_polnews
from thai_polnews.tokenizer import CachedThaiTokenizer

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def tokenizer(size: int = 1000) -> CachedThaiTokenizer:
    return CachedThaiTokenizer(spacy.blank("th").vocab, cache_size=size)


def test_tokens_join_back_to_the_text():
    tk = tokenizer()
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        assert "".join(tk.words(text)) == text
        assert tk(text).text == text


def test_same_tokens_as_whole_text_newmm_on_known_words():
    text = "คณะกรรมการพรรคประจำจังหวัด  ได้จัดการประชุม\nเมื่อวันที่ 4 เมษายน 2568 สหาย Tran Duc Thang"
    assert tokenizer().words(text) == word_tokenize(text, engine="newmm", keep_whitespace=True)


def test_repeated_chunks_come_from_the_cache():
    tk = tokenizer()
    tk.words("การประชุม การประชุม การประชุม")
    info = tk._segment.cache_info()
    assert info.misses == 2 and info.hits == 3  # "การประชุม" and " " segmented once each


def test_cache_is_bounded():
    tk = tokenizer(size=2)
    tk.words("หนึ่ง สอง สาม สี่ ห้า")
    assert tk._segment.cache_info().currsize <= 2


def test_empty_and_whitespace_text():
    tk = tokenizer()
    assert len(tk("")) == 0
    assert tk("  \n ").text == "  \n "


def test_load_uses_it():
    nlp = thai_polnews.load(use_model=False)
    assert isinstance(nlp.tokenizer, CachedThaiTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "thai_polnews.CachedThaiTokenizer.v1"


def test_saved_pipeline_loads_with_spacy_load(tmp_path):
    nlp = thai_polnews.load(use_model=False)
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert isinstance(again.tokenizer, CachedThaiTokenizer)
    text = "มติที่ 27-NQ/TU สหาย Tran Duc Thang"
    assert [(e.text, e.label_) for e in again(text).ents] == [(e.text, e.label_) for e in nlp(text).ents]


def test_the_doc_keeps_its_text_so_doc_text_need_not_rebuild_it():
    from thai_polnews.spans import TEXT_KEY, doc_text

    text = "สหายลัมดอง ได้เข้าร่วม\nการประชุม"
    doc = tokenizer()(text)
    assert doc.user_data[TEXT_KEY] == text
    assert doc_text(doc) == doc.text == text
