"""Training of the sentence-boundary model (``thai-polnews train-sentences``)."""
from .train import main

__all__ = ["main"]
