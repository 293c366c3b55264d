"""The general Thai NER that ships inside pythainlp (ThaiNER 1.5 CRF), as a reference.

pythainlp 5 looks the model up in a download catalogue (unreachable offline) and
its feature extractor no longer matches the features the 1.5 model was trained
with (``word.prepostag``, ``word.isdigit()``; an LST20 part-of-speech tagset
whose tagger is not shipped). The model file itself ships in
``pythainlp/corpus/``, so this module opens it and feeds it the features it was
trained on, with UD part-of-speech tags (from the shipped ORCHID-UD perceptron)
mapped onto the LST20 tags. Tags are mapped to our labels; ThaiNER has no
POSITION and no DOC_CODE.
"""
from __future__ import annotations

import os
from typing import Dict, List, Sequence, Tuple

import pycrfsuite
import pythainlp
from pythainlp.corpus import thai_stopwords
from pythainlp.tag import pos_tag
from pythainlp.tokenize import word_tokenize
from pythainlp.util import isthai

MODEL_FILE = "thainer_crf_1_5_1.model"
LABELS: Dict[str, str] = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "ORGANIZATION": "ORGANIZATION",
    "DATE": "DATE",
}
UD_TO_LST20: Dict[str, str] = {
    "NOUN": "NN", "PROPN": "NN", "VERB": "VV", "ADJ": "AJ", "ADV": "AV", "AUX": "AX",
    "CCONJ": "CC", "SCONJ": "CC", "NUM": "NU", "PUNCT": "PU", "SYM": "PU", "PRON": "PR",
    "ADP": "PS", "PART": "PA", "DET": "AJ", "INTJ": "XX", "X": "XX",
}


def load_thainer() -> pycrfsuite.Tagger:
    """The ThaiNER 1.5 CRF from pythainlp's own corpus folder."""
    path = os.path.join(os.path.dirname(pythainlp.__file__), "corpus", MODEL_FILE)
    if not os.path.exists(path):
        raise FileNotFoundError(f"{path} not found: this pythainlp does not ship ThaiNER 1.5")
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def _features(words: Sequence[str], tags: Sequence[str], i: int, stop: frozenset) -> Dict[str, object]:
    word = words[i]
    f: Dict[str, object] = {
        "word.word": word, "word.stopword": word in stop, "word.isthai": isthai(word),
        "word.isspace": word.isspace(), "postag": tags[i], "word.isdigit()": word.isdigit(),
    }
    if word.isdigit() and len(word) == 5:
        f["word.islen5"] = True
    if i > 0:
        prev = words[i - 1]
        f.update({
            "word.prevword": prev, "word.previsspace": prev.isspace(), "word.previsthai": isthai(prev),
            "word.prevstopword": prev in stop, "word.prepostag": tags[i - 1],
            "word.prevwordisdigit": prev.isdigit(),
        })
    else:
        f["BOS"] = True
    if i < len(words) - 1:
        nxt = words[i + 1]
        f.update({
            "word.nextword": nxt, "word.nextisspace": nxt.isspace(), "word.nextpostag": tags[i + 1],
            "word.nextisthai": isthai(nxt), "word.nextstopword": nxt in stop,
            "word.nextwordisdigit": nxt.isdigit(),
        })
    else:
        f["EOS"] = True
    return f


def thainer_entities(tagger: pycrfsuite.Tagger, text: str) -> List[Tuple[int, int, str]]:
    """``(start, end, label)`` character spans in our label set."""
    words = word_tokenize(text, engine="newmm", keep_whitespace=True)
    if not words:
        return []
    tags = [UD_TO_LST20.get(t, "XX") for _, t in pos_tag(words, engine="perceptron", corpus="orchid_ud")]
    stop = frozenset(thai_stopwords())
    predicted = tagger.tag([_features(words, tags, i, stop) for i in range(len(words))])
    spans: List[List] = []
    offset = 0
    for word, tag in zip(words, predicted):
        start, offset = offset, offset + len(word)
        kind, _, name = tag.partition("-")
        label = LABELS.get(name)
        if label and kind == "I" and spans and spans[-1][2] == label and spans[-1][1] == start:
            spans[-1][1] = offset
        elif label:
            spans.append([start, offset, label])
    out = []
    for start, end, label in spans:
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        if piece.strip():
            out.append((start + left, start + left + len(piece.strip()), label))
    return out
