"""Sentence-boundary helpers used by the sentence component."""
