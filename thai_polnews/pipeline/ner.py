"""Component: PERSON, LOCATION, ORGANIZATION and POSITION from the transformer NER model.

``model=None`` takes the folder in ``$THAI_POLNEWS_MODEL`` or else the model installed
with the package (``thai_polnews/models/thai-polnews-ner``). The checkpoint is loaded
on first use, or by :meth:`NERComponent.load_model` (``thai_polnews.load`` calls it, so
a missing or damaged model is an error there, never a silent pass-through).
``nlp.to_disk`` writes the weights and tokenizer into the component's folder, and
``spacy.load`` reads them back from there, so a saved pipeline needs nothing else.
"""
from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..names.thai_script import is_thai
from ..ner.errors import model_not_found
from ..ner.loading import check_checkpoint
from ..ner.predict import NERPredictor
from ..ner.repair import WordBounds, repair_spans
from ..span_edges import snap_to_latin_words
from ..spans import add_entities, doc_text, sentence_char_spans

log = logging.getLogger("thai_polnews.ner")

MODEL_ENV = "THAI_POLNEWS_MODEL"
MODEL_DIR = "thai-polnews-ner"


def default_model_path() -> Path:
    """Where the model installed with the package lives: ``thai_polnews/models/thai-polnews-ner``."""
    return Path(__file__).resolve().parents[1] / "models" / MODEL_DIR


def resolve_model(model: Optional[str]) -> str:
    """The checkpoint to load: the argument, else ``$THAI_POLNEWS_MODEL``, else the installed model.

    Checks that it exists (``ner.loading.check_checkpoint``) without loading it; raises
    ``ModelNotFoundError`` saying what to do otherwise.
    """
    if model is not None:
        return check_checkpoint(model)
    from_env = os.environ.get(MODEL_ENV)
    if from_env:
        if not Path(from_env).expanduser().is_dir():
            raise model_not_found(from_env, f"${MODEL_ENV} names a folder that does not exist")
        return check_checkpoint(from_env)
    path = default_model_path()
    if not (path / "config.json").is_file():
        raise model_not_found(str(path), "the model installed with the package is missing")
    return str(path)


class NERComponent:
    """Adds model entities to ``doc.ents`` without replacing entities already there."""

    def __init__(
        self,
        name: str,
        model: Optional[str],
        *,
        device: str = "auto",
        batch_size: int = 64,
        model_batch_size: int = 64,
        quantize: bool = False,
        repair: bool = True,
    ) -> None:
        if batch_size < 1 or model_batch_size < 1:
            raise ValueError(f"batch_size and model_batch_size must be at least 1, got {batch_size}, {model_batch_size}")
        self.name = name
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.model_batch_size = model_batch_size
        self.quantize = quantize
        self.repair = repair
        self.predictor: Optional[NERPredictor] = None

    def load_model(self) -> "NERComponent":
        """Load the checkpoint now (once); raises ``ModelNotFoundError``/``ModelLoadError``."""
        if self.predictor is None:
            self._load(resolve_model(self.model))
        return self

    def _load(self, source: str) -> None:
        self.predictor = NERPredictor.load(
            source, device=self.device, batch_size=self.model_batch_size, quantize=self.quantize
        )
        log.info("NER model %s on %s", source, self.predictor.device)

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write the model's weights, config and tokenizer into ``path`` (spaCy serialisation)."""
        self.load_model()
        assert self.predictor is not None
        self.predictor.save(path)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "NERComponent":
        """Load the checkpoint that :meth:`to_disk` wrote into ``path``."""
        self._load(check_checkpoint(str(path)))
        return self

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc], batch_size=1)))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        """Process ``docs`` in groups of ``batch_size``, batching sentences across the group."""
        self.load_model()
        for group in minibatch(docs, size=batch_size or self.batch_size):
            yield from self._process(list(group))

    def _process(self, docs: List[Doc]) -> List[Doc]:
        assert self.predictor is not None
        # The model knows Thai articles only: a document without Thai script gets no model entities.
        segments = [(d, start, text) for d, doc in enumerate(docs) if is_thai(doc_text(doc)) for start, text in segments_of(doc)]
        found = self.predictor.predict([text for _, _, text in segments])
        per_doc: List[list] = [[] for _ in docs]
        words: dict = {}  # per document, its tokens' start and end offsets
        for (d, offset, text), matches in zip(segments, found):
            if self.repair:
                if d not in words:
                    words[d] = token_bounds(docs[d])
                matches = repair_spans(text, matches, WordBounds.clipped(*words[d], offset, offset + len(text)))
            matches = snap_to_latin_words(text, matches)
            kept = [m for m in matches if has_name_letter(text[m.start : m.end])]
            per_doc[d] += [type(m)(m.start + offset, m.end + offset, m.label, dict(m.attrs)) for m in kept]
        return [add_entities(doc, matches, priority=False) for doc, matches in zip(docs, per_doc)]


def token_bounds(doc: Doc) -> Tuple[List[int], List[int]]:
    """Start and end offsets of each token of ``doc`` (tokens join back to the text, so each ends
    where the next starts)."""
    if not len(doc):
        return [], []
    starts = doc.to_array("IDX").tolist()
    return starts, starts[1:] + [len(doc_text(doc))]


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
        "model": None, "device": "auto", "batch_size": 64, "model_batch_size": 64, "quantize": False, "repair": True,
    },
)
def make_ner(
    nlp: Language,
    name: str,
    model: Optional[str],
    device: str,
    batch_size: int,
    model_batch_size: int,
    quantize: bool,
    repair: bool,
) -> NERComponent:
    """The NER component; ``model`` is a checkpoint folder or hub id, ``None`` for the installed one.

    ``device`` is ``auto``, ``cpu``, ``cuda`` or ``cuda:N``; ``batch_size`` is the number of
    documents whose sentences are batched together, ``model_batch_size`` the number of
    sentence windows in one forward pass (64 is fastest on the CPU; larger suits a GPU);
    ``quantize=True`` runs the model in int8 on the CPU with activation ranges fixed once
    per model (faster; like the default fp32, the output never depends on batching); ``repair`` mends split and mislabelled
    name spans (``thai_polnews.ner.repair``). The checkpoint loads on first use.
    """
    return NERComponent(
        name, model, device=device, batch_size=batch_size, model_batch_size=model_batch_size,
        quantize=quantize, repair=repair,
    )
