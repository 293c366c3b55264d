"""Typed errors of the NER model, each saying how to fix it."""
from __future__ import annotations

FIX = (
    "Fix: pass the folder of a checkpoint saved by `thai-polnews train --output DIR` or by "
    "`nlp.to_disk` (it holds config.json, model.safetensors and tokenizer.json), set "
    "THAI_POLNEWS_MODEL to such a folder, or leave the model unset to use the model "
    "installed with the package (reinstall thai-polnews if it is missing)."
)


class ModelError(Exception):
    """The NER model cannot be used; the message says why and how to fix it."""


class ModelNotFoundError(ModelError, FileNotFoundError):
    """No NER checkpoint at the requested path or hub id."""


class ModelLoadError(ModelError, RuntimeError):
    """A checkpoint was found but could not be loaded (damaged or incompatible files)."""


def model_not_found(where: str, reason: str) -> ModelNotFoundError:
    """A ``ModelNotFoundError`` whose message names the cause and the fixes."""
    return ModelNotFoundError(f"No NER model at {where!r}: {reason}. {FIX}")


def model_not_loadable(where: str, err: BaseException) -> ModelLoadError:
    """A ``ModelLoadError`` for the checkpoint at ``where`` that failed with ``err``."""
    first_line = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return ModelLoadError(f"The NER model at {where!r} could not be loaded ({first_line}). {FIX}")
