"""The pipeline components, one module each, in the order they run:
sentences → ner → doc_codes → dates → names. Each module registers its spaCy
factory on import; the factories are also declared as ``spacy_factories`` entry
points so that a saved pipeline loads with ``spacy.load``."""
