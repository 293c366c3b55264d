"""Tokenizers built here from the project's text: one character per token, or BPE subwords.

Both are ``PreTrainedTokenizerFast`` objects with offset mappings, so ``AutoTokenizer``
loads them from the saved checkpoint and spans map back to exact characters.
Characters make offsets trivial and are robust to transliteration variants; BPE
gives sequences three to four times shorter. Thai is written without spaces, so
plain BPE learns merges across words and its tokens then straddle entity
boundaries (`จังหวัดไห่…`); with ``presegment`` the merges are learned on text cut
into dictionary words by pythainlp's newmm, which keeps tokens inside words while
the saved tokenizer still runs on raw text with no pythainlp at all.
``TOKENIZER_UNITS`` is the one table of choices.
"""
from __future__ import annotations

import string
import unicodedata
from collections import Counter
from typing import Callable, Dict, Iterable, Iterator, List

from tokenizers import Regex, Tokenizer, normalizers, pre_tokenizers, processors
from tokenizers.models import BPE, WordLevel
from tokenizers.trainers import BpeTrainer
from transformers import PreTrainedTokenizerFast

SPECIAL_TOKENS: List[str] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# Rare whitespace becomes a plain space, one character for one, so offsets do not move.
_OTHER_WHITESPACE = r"[\t\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_VI_BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
_VI_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def fixed_alphabet() -> List[str]:
    """Characters always in the character vocabulary, seen in training text or not.

    ASCII, the Thai block, every Vietnamese letter (NFC) and common typographic marks,
    so that names in any spelling of this genre never become ``[UNK]``.
    """
    chars = [" ", "\n"] + [c for c in string.printable if c not in string.whitespace]
    chars += [chr(c) for c in range(0x0E01, 0x0E5C) if unicodedata.category(chr(c)) != "Cn"]
    chars += [unicodedata.normalize("NFC", b + t) for b in _VI_BASES for t in _VI_TONES]
    chars += list("đĐ“”‘’–—…•·«»°×")
    return list(dict.fromkeys(chars))


def build_char_tokenizer(texts: Iterable[str], *, min_count: int = 2, max_length: int = 512, **_: object) -> PreTrainedTokenizerFast:
    """A one-character-per-token tokenizer: the fixed alphabet plus characters seen ``min_count`` times."""
    counts = Counter(ch for text in texts for ch in text)
    seen = sorted(ch for ch, n in counts.items() if n >= min_count and not ch.isspace())
    chars = list(dict.fromkeys(fixed_alphabet() + seen))
    vocab = {tok: i for i, tok in enumerate(SPECIAL_TOKENS + chars)}
    tokenizer = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Replace(Regex(_OTHER_WHITESPACE), " ")
    tokenizer.pre_tokenizer = pre_tokenizers.Split(Regex(r"[\s\S]"), behavior="isolated")
    return _wrap(tokenizer, max_length)


def presegmented(texts: Iterable[str]) -> Iterator[str]:
    """``texts`` with a space between the dictionary words of each Thai run (newmm)."""
    from pythainlp.tokenize import word_tokenize

    for text in texts:
        yield " ".join(word_tokenize(text, engine="newmm", keep_whitespace=False))


def train_bpe_tokenizer(
    texts: Iterable[str],
    *,
    vocab_size: int = 4000,
    min_count: int = 2,
    max_length: int = 512,
    presegment: bool = True,
    **_: object,
) -> PreTrainedTokenizerFast:
    """A BPE tokenizer trained on ``texts``; whitespace, punctuation and digits are their own tokens.

    ``presegment`` learns the merges on dictionary words only (see the module docstring).
    """
    tokenizer = Tokenizer(BPE(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Replace(Regex(_OTHER_WHITESPACE), " ")
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(r"\s"), behavior="isolated"),
            pre_tokenizers.Punctuation(behavior="isolated"),
            pre_tokenizers.Digits(individual_digits=True),
        ]
    )
    trainer = BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_count,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=fixed_alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(presegmented(texts) if presegment else texts, trainer=trainer)
    return _wrap(tokenizer, max_length)


def _wrap(tokenizer: Tokenizer, max_length: int) -> PreTrainedTokenizerFast:
    """Add ``[CLS] ... [SEP]`` and wrap as a transformers fast tokenizer."""
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=max_length,
    )


TokenizerBuilder = Callable[..., PreTrainedTokenizerFast]
TOKENIZER_UNITS: Dict[str, TokenizerBuilder] = {
    "char": build_char_tokenizer,
    "bpe": train_bpe_tokenizer,
}


def build_tokenizer(unit: str, texts: Iterable[str], **settings: object) -> PreTrainedTokenizerFast:
    """The tokenizer for input ``unit`` (a key of ``TOKENIZER_UNITS``) built from ``texts``."""
    try:
        builder = TOKENIZER_UNITS[unit]
    except KeyError:
        raise ValueError(f"Unknown tokenizer unit {unit!r}; valid: {', '.join(TOKENIZER_UNITS)}.") from None
    return builder(texts, **settings)
