"""The Thai tokenizer: pythainlp's newmm, run once per distinct space-separated chunk.

spaCy's own Thai tokenizer runs newmm over the whole text. newmm never joins
words across whitespace, so segmenting each chunk between whitespace separately
gives the same tokens, except now and then inside a word newmm does not know
(``เหงี่ย`` stays one token where the whole-text run gives ``เห`` ``งี่ย``: on 505
benchmark documents, 10 differ in such a token). News archives repeat chunks
(names, titles, bodies, set phrases), so an LRU cache of chunk segmentations
about doubles tokenisation speed. The cache is per tokenizer and bounded
(``cache_size`` chunks).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, List, Tuple

from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry
from spacy.vocab import Vocab

CHUNKS = re.compile(r"\s+|\S+")


class CachedThaiTokenizer(DummyTokenizer):
    """Whitespace-kept newmm words, with segmentations cached per chunk."""

    def __init__(self, vocab: Vocab, cache_size: int = 20_000) -> None:
        from pythainlp.tokenize import word_tokenize

        self.vocab = vocab
        self.cache_size = cache_size

        def segment(chunk: str) -> Tuple[str, ...]:
            return tuple(word_tokenize(chunk, engine="newmm", keep_whitespace=True))

        self._segment: Callable[[str], Tuple[str, ...]] = lru_cache(maxsize=cache_size)(segment)

    def words(self, text: str) -> List[str]:
        """The tokens of ``text``; they join back to ``text``."""
        out: List[str] = []
        for chunk in CHUNKS.findall(text):
            out.extend(self._segment(chunk))
        return out

    def __call__(self, text: str) -> Doc:
        words = self.words(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


@registry.tokenizers("thai_polnews.CachedThaiTokenizer.v1")
def create_cached_thai_tokenizer(cache_size: int = 20_000) -> Callable[..., CachedThaiTokenizer]:
    """Factory for spaCy's config system: ``[nlp.tokenizer] @tokenizers = "thai_polnews.CachedThaiTokenizer.v1"``."""

    def make(nlp) -> CachedThaiTokenizer:
        return CachedThaiTokenizer(nlp.vocab, cache_size=cache_size)

    return make
