"""The pipeline components, one module each, in the order they run:
sentences → ner → doc_codes → dates → names. Importing this package registers
their spaCy factories (also declared as ``spacy_factories`` entry points)."""
from . import dates, doc_codes, names, ner, sentences  # noqa: F401
