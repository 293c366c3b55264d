"""Component: PERSON, LOCATION, ORGANIZATION and POSITION from the transformer NER model.

``model=None`` takes the shipped checkpoint (``models/thai-polnews-ner`` at the
repository root, or the folder in ``THAI_POLNEWS_MODEL``). When the shipped model is
absent the component passes documents through unchanged and warns once; an
explicitly requested model that cannot be found raises ``ModelNotFoundError``.
"""
from __future__ import annotations

import logging
import os
import re
import warnings
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

import thai_polnews

from .. import extensions  # noqa: F401  (registers Doc._.skipped_model)
from ..ner.errors import model_not_found
from ..names.thai_script import is_thai
from ..ner.predict import NERPredictor
from ..ner.repair import repair_spans
from ..spans import add_entities, clip_words, doc_text, sentence_char_spans, token_texts, word_ends

log = logging.getLogger("thai_polnews.ner")

MODEL_ENV = "THAI_POLNEWS_MODEL"
_warned_missing: set = set()


def default_model_path() -> Path:
    """Where the shipped model lives: ``<repository root>/models/thai-polnews-ner``."""
    return Path(thai_polnews.__file__).resolve().parents[1] / "models" / "thai-polnews-ner"


def resolve_model(model: Optional[str]) -> Tuple[Optional[str], bool]:
    """``(name or path, explicit)``: the argument, else ``$THAI_POLNEWS_MODEL``, else the shipped folder."""
    if model is not None:
        return model, True
    from_env = os.environ.get(MODEL_ENV)
    if from_env:
        if not Path(from_env).expanduser().is_dir():
            raise model_not_found(from_env, f"${MODEL_ENV} names a folder that does not exist")
        return from_env, True
    path = default_model_path()
    return (str(path), False) if (path / "config.json").is_file() else (None, False)


def warn_missing_once(path: Path) -> None:
    """Say once per process that the shipped model is missing and only rules and sentences run."""
    if str(path) in _warned_missing:
        return
    _warned_missing.add(str(path))
    message = (
        f"thai_polnews: no NER model at {path} (set {MODEL_ENV} or pass model=...); "
        "PERSON, LOCATION, ORGANIZATION and POSITION are not extracted, only rules and sentences run."
    )
    warnings.warn(message, UserWarning, stacklevel=2)


class NERComponent:
    """Adds model entities to ``doc.ents`` without replacing entities already there."""

    def __init__(self, name: str, predictor: Optional[NERPredictor], batch_size: int, repair: bool = True) -> None:
        self.name = name
        self.predictor = predictor
        self.batch_size = batch_size
        self.repair = repair

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc], batch_size=1)))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        """Process ``docs`` in groups of ``batch_size``, batching sentences across the group."""
        for group in minibatch(docs, size=batch_size or self.batch_size):
            yield from self._process(list(group))

    def _process(self, docs: List[Doc]) -> List[Doc]:
        if self.predictor is None:
            for doc in docs:
                doc._.skipped_model = True
            return docs
        # The model knows Thai articles only: a document without Thai script gets no model entities.
        segments = [(d, start, text) for d, doc in enumerate(docs) if is_thai(doc_text(doc)) for start, text in segments_of(doc)]
        found = self.predictor.predict([text for _, _, text in segments])
        per_doc: List[list] = [[] for _ in docs]
        words: dict = {}
        for (d, offset, text), matches in zip(segments, found):
            if self.repair:
                if d not in words:
                    texts = token_texts(docs[d])
                    words[d] = (texts, word_ends(texts))
                matches = repair_spans(text, matches, clip_words(words[d][0], offset, offset + len(text), words[d][1]))
            kept = [m for m in matches if has_name_letter(text[m.start : m.end])]
            per_doc[d] += [type(m)(m.start + offset, m.end + offset, m.label, dict(m.attrs)) for m in kept]
        for doc, matches in zip(docs, per_doc):
            add_entities(doc, matches, priority=False)
        return docs


NAME_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1ef9\u0e01-\u0e4e]")


def has_name_letter(text: str) -> bool:
    """True when ``text`` has a Thai or Latin letter; a span of digits, symbols or other scripts is dropped."""
    return NAME_LETTER.search(text) is not None


def segments_of(doc: Doc) -> List[Tuple[int, str]]:
    """``(offset, text)`` of each sentence when sentence boundaries are set, else the whole text."""
    text = doc_text(doc)
    if doc.has_annotation("SENT_START"):
        return [(a, text[a:b]) for a, b in sentence_char_spans(doc) if text[a:b].strip()]
    return [(0, text)] if text.strip() else []


@Language.factory(
    "thai_polnews_ner_v1",
    assigns=["doc.ents"],
    default_config={
        "model": None, "device": "auto", "batch_size": 64, "model_batch_size": 64, "quantize": None, "repair": True,
    },
)
def make_ner(
    nlp: Language,
    name: str,
    model: Optional[str],
    device: str,
    batch_size: int,
    model_batch_size: int,
    quantize: Optional[bool],
    repair: bool,
) -> NERComponent:
    """The NER component; ``model`` is a checkpoint folder or hub id, ``None`` for the shipped one.

    ``device`` is ``auto``, ``cpu``, ``cuda`` or ``cuda:N``; ``batch_size`` is the number of
    documents whose sentences are batched together, ``model_batch_size`` the number of
    sentence windows in one forward pass (64 is fastest on the CPU; larger suits a GPU); ``quantize`` runs the model in
    dynamic int8 on the CPU (``None``: yes on the CPU; ``False``: fp32); ``repair`` mends split and mislabelled name spans
    (``thai_polnews.ner.repair``).
    """
    source, explicit = resolve_model(model)
    if source is None:
        warn_missing_once(default_model_path())
        return NERComponent(name, None, batch_size, repair)
    if model_batch_size < 1:
        raise ValueError(f"model_batch_size must be at least 1, got {model_batch_size}")
    predictor = NERPredictor.load(source, device=device, batch_size=model_batch_size, quantize=quantize)
    log.info("NER model %s on %s (%s)", source, predictor.device, "explicit" if explicit else "shipped")
    return NERComponent(name, predictor, batch_size, repair)
