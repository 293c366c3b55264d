"""Pure rule matchers over raw text (no spaCy): document codes and dates."""
from .base import RuleMatch
from .dates import find_dates
from .doc_codes import find_doc_codes

__all__ = ["RuleMatch", "find_dates", "find_doc_codes"]
