"""Work shared by every engine: a batch of documents to records, and skip reports."""
from __future__ import annotations

import sys
from typing import List, Optional, Union

from tqdm import tqdm

from ..records import InputItem, ReadProblem, to_record
from .heap import GrowthRelease


RELEASE = GrowthRelease()
"""Gives the heap's free pages back to the system when this process has grown since it last did."""


def process(nlp, items: List[InputItem]) -> List[Optional[dict]]:
    """Records for ``items``; a document that makes the pipeline fail is reported, not lost with its batch.

    Each batch runs in a spaCy memory zone, so the strings and lexemes its
    documents add to the vocabulary are freed again, and the heap's free pages go
    back to the system whenever the process has grown by a set amount (:data:`RELEASE`): a long
    run's memory stays flat however many distinct words (names, numbers) the archive holds.
    """
    try:
        return _records(nlp, items)
    finally:
        RELEASE.after()


def _records(nlp, items: List[InputItem]) -> List[Optional[dict]]:
    """:func:`process` without the memory release: one document at a time when the batch fails."""
    if not items:
        return []
    try:
        with nlp.memory_zone():
            docs = nlp.pipe(item.text for item in items)
            return [to_record(doc, id=item.id, meta=item.meta) for item, doc in zip(items, docs)]
    except (ValueError, RuntimeError, IndexError) as err:
        if len(items) == 1:
            report(ReadProblem(str(items[0].id), None, f"pipeline failed: {err}"))
            return [None]
    return [record for item in items for record in _records(nlp, [item])]


def report(problem: Union[ReadProblem, str]) -> None:
    """One line on stderr per skipped document, above the progress bar."""
    tqdm.write(f"skipped {problem}", file=sys.stderr)
