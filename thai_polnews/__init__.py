"""thai_polnews: typed entity spans from Thai news about Vietnamese politics.

>>> import thai_polnews
>>> nlp = thai_polnews.load()
>>> doc = nlp(text)
>>> record = thai_polnews.to_record(doc, id="x")
"""
from .loading import load
from .ner.errors import ModelError, ModelLoadError, ModelNotFoundError
from .records import LABELS, to_record, validate_record
from .view import render

__version__ = "0.1.0"

__all__ = ["LABELS", "ModelError", "ModelLoadError", "ModelNotFoundError", "load", "render", "to_record", "validate_record", "__version__"]
