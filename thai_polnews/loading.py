"""Build the thai_polnews spaCy pipeline."""
from __future__ import annotations

from typing import Optional

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Span._.attrs, Doc._.clusters)

WARM_UP_TEXT = (
    "สหายเหงียน วัน อาน เลขาธิการคณะกรรมการพรรคจังหวัดไห่เซือง ลงนามคำสั่งเลขที่ 27-CT/TW "
    "เมื่อวันที่ 3 มีนาคม 2568 ที่กรุงฮานอย ร่วมกับ Nguyen Van A "
    "การประชุมครั้งนี้มีผู้แทนจากหน่วยงานต่าง ๆ ของจังหวัดเข้าร่วมเป็นจำนวนมาก "
    "และได้หารือเกี่ยวกับแผนงานด้านเศรษฐกิจและสังคมในปีหน้าอย่างละเอียด"
)
"""Long enough for CRFCut to be asked about a space, so its weights are read too."""

MAX_LENGTH = 2**31 - 1
"""No document is too long: every stage runs in time linear in the text (spaCy's default cap is 1,000,000 characters)."""


def load(
    model: Optional[str] = None,
    *,
    device: str = "auto",
    batch_size: int = 64,
    use_model: bool = True,
    quantize: bool = False,
) -> Language:
    """A spaCy ``Language`` (pythainlp's newmm Thai tokenizer, cached per chunk) running, in order:
    sentence splitting, the transformer NER model, document-code and date rules,
    and name normalisation.

    ``model`` is a local checkpoint folder or a hub id of any token-classification
    model with PERSON/LOCATION/ORGANIZATION/POSITION labels; ``None`` takes
    ``$THAI_POLNEWS_MODEL`` or else the model installed with the package. A missing
    or damaged model raises ``ModelNotFoundError`` / ``ModelLoadError`` (both
    ``thai_polnews.ModelError``) saying what to do; ``use_model=False`` leaves the
    NER step out on purpose (rules and sentences only). ``device`` is ``auto``,
    ``cpu`` or ``cuda`` (half precision on CUDA). On the CPU the model runs in fp32
    by default; ``quantize=True`` runs its linear layers in int8 with activation
    ranges fixed once per model (``thai_polnews.ner.int8``): faster, and, like fp32,
    the same output however documents are batched. int8 entities differ from fp32
    ones now and then (docs/MODEL_CARD.md, "Speed and precision").
    """
    from .pipeline import dates, doc_codes, names, relations, sentences  # noqa: F401  (factories)

    if use_model:
        from .pipeline import ner  # noqa: F401

    from . import tokenizer  # noqa: F401  (registers the cached Thai tokenizer)

    nlp = spacy.blank("th", config={"nlp": {"tokenizer": {"@tokenizers": "thai_polnews.CachedThaiTokenizer.v1"}}})
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("thai_polnews_sentences_v1", name="sentences")
    if use_model:
        component = nlp.add_pipe(
            "thai_polnews_ner_v1",
            name="ner",
            config={"model": model, "device": device, "batch_size": batch_size, "quantize": quantize},
        )
        component.load_model()
    nlp.add_pipe("thai_polnews_doc_codes_v1", name="doc_codes")
    nlp.add_pipe("thai_polnews_dates_v1", name="dates")
    nlp.add_pipe("thai_polnews_names_v1", name="names")
    nlp.add_pipe("thai_polnews_relations_v1", name="relations")
    return nlp


def warm_up(nlp: Language) -> Language:
    """``nlp`` after one short document has run through every stage.

    The name tables, the gazetteer, the CRFCut weights and the model's first forward
    pass are built on first use, which costs the first document a second or two; a worker that warms
    up when it loads keeps that cost out of its first batch.
    """
    nlp(WARM_UP_TEXT)
    return nlp
