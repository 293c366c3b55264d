"""The document stream: ``generate(n, seed)`` yields records one at a time."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Iterator

from .document import make_document
from .lexicon import Lexicon
from .producers import PRODUCERS


def generate(n: int, seed: int = 0, *, start: int = 0) -> Iterator[Dict[str, Any]]:
    """Yield documents ``start`` .. ``start + n - 1`` of the stream ``seed``.

    Each document depends only on ``(seed, index)``: the same call always gives the
    same records, and shards made with ``start`` join into the unsharded stream.
    """
    for name, value in (("n", n), ("seed", seed), ("start", start)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"generate: {name} must be an int, got {type(value).__name__}")
    if n < 0 or start < 0:
        raise ValueError(f"generate: n and start must be 0 or more, got n={n}, start={start}")
    lex = load_lexicon()
    for index in range(start, start + n):
        yield make_document(lex, seed, index)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The process-wide lexicon (grammar compiled once)."""
    return Lexicon(PRODUCERS)
