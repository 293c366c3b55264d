"""Pure rule matchers over raw text (no spaCy): document codes and dates."""
from .base import RuleMatch

__all__ = ["RuleMatch"]
