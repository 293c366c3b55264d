"""Component: Vietnamese document symbols (DOC_CODE) with normalised attributes."""
from __future__ import annotations

from typing import List

from spacy.language import Language

from ..rules.doc_codes import find_doc_codes
from .rule_component import RuleComponent


@Language.factory(
    "thai_polnews_doc_codes_v1",
    assigns=["doc.ents", "span._.attrs"],
    default_config={"overwrite": True, "keep_labels": []},
)
def make_doc_code_matcher(
    nlp: Language, name: str, *, overwrite: bool, keep_labels: List[str]
) -> RuleComponent:
    """DOC_CODE spans from :func:`thai_polnews.rules.doc_codes.find_doc_codes`.

    With ``overwrite`` (the default) a code replaces any model entity it overlaps.
    """
    return RuleComponent(name, find_doc_codes, overwrite=overwrite, keep_labels=keep_labels)
