"""Component: calendar dates, months, years and year ranges (DATE) with ISO values."""
from __future__ import annotations

from typing import List

from spacy.language import Language

from ..rules.dates import find_dates
from .rule_component import RuleComponent


@Language.factory(
    "thai_polnews_dates_v1",
    assigns=["doc.ents", "span._.attrs"],
    default_config={"overwrite": True, "keep_labels": ["DOC_CODE"]},
)
def make_date_matcher(
    nlp: Language, name: str, *, overwrite: bool, keep_labels: List[str]
) -> RuleComponent:
    """DATE spans from :func:`thai_polnews.rules.dates.find_dates`.

    With ``overwrite`` (the default) a date replaces any model entity it overlaps;
    it never replaces an entity labelled in ``keep_labels`` (DOC_CODE by
    default: the year inside ``30/2020/NĐ-CP`` is not a date).
    """
    return RuleComponent(name, find_dates, overwrite=overwrite, keep_labels=keep_labels)
