"""thai_polnews.newmm gives exactly pythainlp's newmm words."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from pythainlp.tokenize import word_tokenize
from pythainlp.tokenize.tcc_p import tcc_pos_array

from thai_polnews.newmm import cluster_ends, segment, word_ends
from thai_polnews.tokenizer import CHUNKS

ROOT = Path(__file__).resolve().parents[1]


def pythainlp_newmm(text: str) -> list:
    return word_tokenize(text, engine="newmm", keep_whitespace=True)


def project_texts() -> list:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "annotations").rglob("*.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [r["text"] for r in records if "text" in r]  # stand-off gold keeps no text
    return texts


def test_same_words_as_pythainlp_on_every_chunk_of_the_project():
    chunks = list(dict.fromkeys(c for text in project_texts() for c in CHUNKS.findall(text)))
    assert len(chunks) > 4000
    differing = [c for c in chunks if segment(c) != pythainlp_newmm(c)]
    assert differing == []


def test_same_words_as_pythainlp_on_whole_texts():
    for text in project_texts()[:40]:
        assert segment(text) == pythainlp_newmm(text)


@pytest.mark.parametrize("seed", range(4))
def test_same_words_as_pythainlp_on_random_strings(seed):
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x0E01, 0x0E5C)] + list("abXY019 -/.,:\n\t") + ["เหงียน", "ก็", "ได้", "การ"]
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        assert segment(text) == pythainlp_newmm(text), text


def test_formatted_numbers_are_joined_as_pythainlp_joins_them():
    text = "เวลา 12:30 น. งบ 1,234.5 ล้านด่อง"
    assert segment(text) == pythainlp_newmm(text)
    assert "1,234.5" in segment(text)


def test_cluster_ends_match_pythainlp():
    for text in ["เหงียน เตี่ยน ถั่น", "ก็ได้", "Tran Duc Thang 2568", "แคว้นเชียงใหม่"]:
        assert cluster_ends(text) == tcc_pos_array(text)


def test_word_ends_lists_every_dictionary_word_at_the_start():
    from pythainlp.tokenize import word_dict_trie

    text = "การประชุมใหญ่"
    assert [text[:e] for e in word_ends(text, 0, word_dict_trie().root)] == word_dict_trie().prefixes(text) != []


def test_empty_text_gives_no_words():
    assert segment("") == []


def test_without_pythainlp_newmm_internals_every_chunk_goes_to_pythainlp(monkeypatch):
    import thai_polnews.newmm as newmm

    calls = []
    monkeypatch.setattr(newmm, "CLUSTERS", None)
    monkeypatch.setattr(newmm, "word_tokenize", lambda text, **kw: calls.append(text) or pythainlp_newmm(text))
    assert newmm.segment("การประชุม") == pythainlp_newmm("การประชุม")
    assert calls == ["การประชุม"]
