"""A view of the result: processed documents or JSONL records as one HTML page (spaCy's displaCy)."""
from .html import COLORS, render

__all__ = ["COLORS", "render"]
