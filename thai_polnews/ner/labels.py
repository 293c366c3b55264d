"""The entity labels the model predicts and their BIO tag inventory."""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

MODEL_LABELS: Tuple[str, ...] = ("PERSON", "LOCATION", "ORGANIZATION", "POSITION")


def bio_tags(labels: Sequence[str] = MODEL_LABELS) -> List[str]:
    """``O`` then ``B-X``, ``I-X`` for each label, in a fixed order so ids are stable."""
    tags = ["O"]
    for label in labels:
        tags += [f"B-{label}", f"I-{label}"]
    return tags


def id2label(labels: Sequence[str] = MODEL_LABELS) -> Dict[int, str]:
    """Tag id to tag name, as stored in ``config.json``."""
    return dict(enumerate(bio_tags(labels)))


def label2id(labels: Sequence[str] = MODEL_LABELS) -> Dict[str, int]:
    """Tag name to tag id, as stored in ``config.json``."""
    return {tag: i for i, tag in enumerate(bio_tags(labels))}


def split_tag(tag: str) -> Tuple[str, str]:
    """``("B", "PERSON")`` from ``"B-PERSON"``; ``("O", "")`` for ``"O"`` or unknown shapes."""
    prefix, _, label = tag.partition("-")
    if prefix in ("B", "I") and label:
        return prefix, label
    return "O", ""
