"""thai_polnews: typed entity spans from Thai news about Vietnamese politics.

>>> import thai_polnews
>>> nlp = thai_polnews.load()
>>> doc = nlp(text)
>>> record = thai_polnews.to_record(doc, id="x")
"""
from .loading import load
from .records import LABELS, to_record, validate_record

__version__ = "0.1.0"

__all__ = ["LABELS", "load", "to_record", "validate_record", "__version__"]
