"""Shared shape of the rule components: run a pure matcher over the text, add its spans."""
from __future__ import annotations

from typing import Callable, Iterable, List, Sequence

from spacy.tokens import Doc

from ..rules.base import RuleMatch
from ..spans import add_entities, doc_text

Matcher = Callable[[str], List[RuleMatch]]


class RuleComponent:
    """Adds the spans of ``matcher`` to ``doc.ents``; rule spans win over model spans."""

    def __init__(
        self, name: str, matcher: Matcher, *, overwrite: bool, keep_labels: Sequence[str] = ()
    ) -> None:
        self.name = name
        self.matcher = matcher
        self.overwrite = overwrite
        self.keep_labels = tuple(keep_labels)

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc_text(doc))
        return add_entities(doc, matches, priority=self.overwrite, keep_labels=self.keep_labels)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)
