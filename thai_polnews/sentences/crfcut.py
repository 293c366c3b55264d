"""pythainlp's CRFCut sentence model, asked only where a cut can fall.

``pythainlp.tokenize.sent_tokenize(engine="crfcut")`` tokenises the text again and
builds 45 string features for every word before tagging the whole sequence. The
sentence component keeps a CRFCut cut only right after a whitespace token, so
this module scores just those places: for each whitespace token it builds the
features of that token and of its two neighbours (same template and word classes
as pythainlp: n-grams of up to three words in a window of two, with ender and
starter flags), tags that three-token sequence with the same model file, and cuts
when the space ends a sentence and the word before does not, which is where
CRFCut's own output puts a sentence start after a space. It reuses tokens the
caller already has and caches decisions by their seven-token context. On 2,601
synthetic lines it makes exactly CRFCut's cuts (tests/sentences).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Callable, Dict, List, Optional, Sequence, Tuple

WINDOW = 2
MAX_NGRAM = 3
PAD = "xxpad"
MODEL_FILE = "sentenceseg_crfcut.model"


@lru_cache(maxsize=1)
def word_classes() -> Dict[str, frozenset]:
    """CRFCut's ``ender`` and ``starter`` word sets, from ``data/sentences/crfcut_words.tsv``."""
    text = resources.files("thai_polnews").joinpath("data/sentences/crfcut_words.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    classes: Dict[str, set] = {"ender": set(), "starter": set()}
    for word, kind in rows[1:]:
        classes[kind.strip()].add(word)
    return {k: frozenset(v) for k, v in classes.items()}


@lru_cache(maxsize=1)
def tagger():
    """The CRFCut model that ships in pythainlp's corpus folder, opened once."""
    import pycrfsuite
    from pythainlp.corpus import corpus_path
    from pythainlp.tools.path import safe_path_join

    model = pycrfsuite.Tagger()
    model.open(safe_path_join(corpus_path(), MODEL_FILE))
    return model


def word_flags(context: Sequence[str]) -> Tuple[List[str], List[str]]:
    """CRFCut's ``ender``/``starter`` flag of each token (``normal`` otherwise)."""
    classes = word_classes()
    ender = ["ender" if t in classes["ender"] else "normal" for t in context]
    starter = ["starter" if t in classes["starter"] else "normal" for t in context]
    return ender, starter


def token_features(
    context: Sequence[str], center: int, flags: Optional[Tuple[List[str], List[str]]] = None
) -> List[str]:
    """CRFCut's features of ``context[center]``; ``context`` is already padded by ``WINDOW``."""
    ender, starter = flags if flags is not None else word_flags(context)
    features = ["bias"]
    for n in range(1, min(MAX_NGRAM + 1, 2 + WINDOW * 2)):
        for j in range(center - WINDOW, center + WINDOW + 2 - n):
            position = f"{n}_{j - center}_{j - center + n}"
            features.append(f"word_{position}={'|'.join(context[j:j + n])}")
            features.append(f"ender_{position}={'|'.join(ender[j:j + n])}")
            features.append(f"starter_{position}={'|'.join(starter[j:j + n])}")
    return features


@lru_cache(maxsize=16384)
def ends_sentence(context: Tuple[str, ...]) -> bool:
    """Whether CRFCut ends a sentence at ``context[3]`` (a space) and not at ``context[2]``.

    ``context`` is the seven tokens from three before the space to three after it,
    padded with ``xxpad`` at the edges of the line.
    """
    labels = tagger().tag([window_features(context[k - WINDOW : k + WINDOW + 1]) for k in (2, 3, 4)])
    return labels[1] == "E" and labels[0] != "E"


@lru_cache(maxsize=4096)
def window_features(window: Tuple[str, ...]) -> List[str]:
    """:func:`token_features` of the middle of a five-token window, memoised.

    A token's features depend only on the two tokens either side, and the same
    windows (``" และ "``, ``" ซึ่ง "``) recur at many spaces. The list is shared
    between calls; callers must not change it.
    """
    return token_features(window, WINDOW)


def space_cuts(
    tokens: Sequence[str],
    keep: Optional[Callable[[int], bool]] = None,
    on_cut: Optional[Callable[[int], None]] = None,
) -> List[int]:
    """Offsets into ``"".join(tokens)`` right after each whitespace token at which CRFCut starts a sentence.

    ``keep(offset)`` False skips the model there (a cut the caller would drop
    anyway); ``on_cut(offset)`` hears of each cut as it is found, so ``keep`` can
    depend on the cuts before.
    """
    padded = [PAD] * 3 + list(tokens) + [PAD] * 3
    cuts, offset = [], 0
    for i, token in enumerate(tokens):
        offset += len(token)
        if i == 0 or i == len(tokens) - 1 or not token.isspace():
            continue
        if tokens[i - 1].rstrip().endswith(("!", ".", "?")):
            continue  # CRFCut ends the sentence at the punctuation, before the space
        if keep is not None and not keep(offset):
            continue
        if ends_sentence(tuple(padded[i : i + 7])):
            cuts.append(offset)
            if on_cut is not None:
                on_cut(offset)
    return cuts
