"""pythainlp's CRFCut sentence model, asked only where a cut can fall.

``pythainlp.tokenize.sent_tokenize(engine="crfcut")`` tokenises the text again and
builds 45 string features for every word before tagging the whole sequence. The
sentence component keeps a CRFCut cut only right after a whitespace token, so
this module scores just those places: for each whitespace token it builds the
features of that token and of its two neighbours (same template and word classes
as pythainlp: n-grams of up to three words in a window of two, with ender and
starter flags), tags that three-token sequence with the same model file, and cuts
when the space ends a sentence and the word before does not, which is where
CRFCut's own output puts a sentence start after a space. Tagging three tokens
is done here, from the model's weights (``crf_weights``): sum each token's
state weights, score the eight label paths, and leave only near ties to the
CRFsuite tagger. It reuses tokens the caller already has and caches decisions
by their seven-token context and token scores by their five-token window. On
2,601 synthetic lines it makes exactly CRFCut's cuts (tests/sentences).
"""
from __future__ import annotations

import itertools
import math
import struct
import warnings
from functools import lru_cache
from importlib import resources
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from .crf_weights import CRFWeights, read_crfsuite_model

WINDOW = 2
TIE = 1e-6
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


def model_path() -> str:
    """The CRFCut model file in pythainlp's corpus folder."""
    from pythainlp.corpus import corpus_path
    from pythainlp.tools.path import safe_path_join

    return safe_path_join(corpus_path(), MODEL_FILE)


@lru_cache(maxsize=1)
def tagger():
    """The CRFCut model as a CRFsuite tagger, opened once (for near ties, see :func:`ends_sentence`)."""
    import pycrfsuite

    model = pycrfsuite.Tagger()
    model.open(model_path())
    return model


@lru_cache(maxsize=1)
def weights() -> Optional[CRFWeights]:
    """The CRFCut model's weights, read once (``crf_weights``); None, with a warning, when
    the file cannot be read that way (the tagger then tags every context)."""
    try:
        return read_crfsuite_model(model_path())
    except (ValueError, struct.error, UnicodeDecodeError) as err:
        warnings.warn(f"thai_polnews: CRFCut weights unreadable ({err}); tagging with CRFsuite instead", RuntimeWarning)
        return None


def word_flags(context: Sequence[str]) -> Tuple[List[str], List[str]]:
    """CRFCut's ``ender``/``starter`` flag of each token (``normal`` otherwise)."""
    classes = word_classes()
    ender = ["ender" if t in classes["ender"] else "normal" for t in context]
    starter = ["starter" if t in classes["starter"] else "normal" for t in context]
    return ender, starter


@lru_cache(maxsize=1)
def _templates() -> Tuple[Tuple[str, str, str, int, int], ...]:
    """``(word, ender, starter prefix, first, last)`` of each n-gram in CRFCut's window, relative to the centre."""
    out = []
    for n in range(1, min(MAX_NGRAM + 1, 2 + WINDOW * 2)):
        for j in range(-WINDOW, WINDOW + 2 - n):
            position = f"{n}_{j}_{j + n}"
            out.append((f"word_{position}=", f"ender_{position}=", f"starter_{position}=", j, j + n))
    return tuple(out)


def token_features(
    context: Sequence[str], center: int, flags: Optional[Tuple[List[str], List[str]]] = None
) -> List[str]:
    """CRFCut's features of ``context[center]``; ``context`` is already padded by ``WINDOW``."""
    ender, starter = flags if flags is not None else word_flags(context)
    features = ["bias"]
    for word, end, start, a, b in _templates():
        a, b = center + a, center + b
        features.append(word + "|".join(context[a:b]))
        features.append(end + "|".join(ender[a:b]))
        features.append(start + "|".join(starter[a:b]))
    return features


@lru_cache(maxsize=16384)
def ends_sentence(context: Tuple[str, ...]) -> bool:
    """Whether CRFCut ends a sentence at ``context[3]`` (a space) and not at ``context[2]``.

    ``context`` is the seven tokens from three before the space to three after it,
    padded with ``xxpad`` at the edges of the line. The three middle tokens are
    tagged as CRFsuite tags them: every label path is scored with the model's
    state and transition weights and the best wins. When the best path that
    gives the other answer scores within ``TIE`` of it (float sums in another
    order could swap them), the CRFsuite tagger itself decides.
    """
    model = weights()
    if model is not None:
        margin = answer_margin(model, context)
        if abs(margin) > TIE:
            return margin > 0
    labels = tagger().tag([window_features(context[k - WINDOW : k + WINDOW + 1]) for k in (2, 3, 4)])
    return labels[1] == "E" and labels[0] != "E"


def answer_margin(model: CRFWeights, context: Tuple[str, ...]) -> float:
    """Score of the best label path that ends a sentence at the space minus that of the best that does not."""
    scores = [window_scores(context[k - WINDOW : k + WINDOW + 1]) for k in (2, 3, 4)]
    best = {True: -math.inf, False: -math.inf}
    for path in itertools.product(range(len(model.labels)), repeat=3):
        total = scores[0][path[0]] + scores[1][path[1]] + scores[2][path[2]]
        total += model.transitions[path[0]][path[1]] + model.transitions[path[1]][path[2]]
        answer = model.labels[path[1]] == "E" and model.labels[path[0]] != "E"
        best[answer] = max(best[answer], total)
    return best[True] - best[False]


@lru_cache(maxsize=4096)
def window_scores(window: Tuple[str, ...]) -> Tuple[float, ...]:
    """Per label, the summed state weights of the middle token's features in a five-token window.

    A token's features depend only on the two tokens either side, and the same
    windows (``" และ "``, ``" ซึ่ง "``) recur at many spaces.
    """
    features = window_features(window)
    return tuple(sum(map(by_label.get, features, itertools.repeat(0.0))) for by_label in weights().state)


def window_features(window: Tuple[str, ...]) -> List[str]:
    """:func:`token_features` of the middle of a five-token window."""
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
