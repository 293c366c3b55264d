"""Typed errors of the NER model, each saying how to fix it."""
from __future__ import annotations


class ModelNotFoundError(FileNotFoundError):
    """No NER checkpoint at the requested path or hub id."""


def model_not_found(where: str, reason: str) -> ModelNotFoundError:
    """A ``ModelNotFoundError`` whose message names the cause and the fixes."""
    return ModelNotFoundError(
        f"No NER model at {where!r}: {reason}. Fix: pass the folder of a checkpoint "
        "saved by `thai-polnews train --output DIR` (it holds config.json, "
        "model.safetensors and tokenizer.json), set THAI_POLNEWS_MODEL to such a "
        "folder, or leave the model unset to use the shipped models/thai-polnews-ner."
    )
