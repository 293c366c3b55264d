"""The transformer NER model: training (``train.main``), inference (``NERPredictor``) and errors.

Heavy modules load on first use, so importing the package stays cheap.
"""
from __future__ import annotations

from typing import Any

from .errors import ModelNotFoundError
from .labels import MODEL_LABELS

__all__ = ["MODEL_LABELS", "ModelNotFoundError", "NERPredictor", "load_checkpoint"]


def __getattr__(name: str) -> Any:
    """Lazy access to ``NERPredictor`` and ``load_checkpoint`` (they import transformers)."""
    if name == "NERPredictor":
        from .predict import NERPredictor

        return NERPredictor
    if name == "load_checkpoint":
        from .loading import load_checkpoint

        return load_checkpoint
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
