"""Shared fixtures: one generated corpus per test session (generation is deterministic)."""
from __future__ import annotations

from typing import Any, Dict, List

import pytest

from thai_polnews.training.synth import generate

CORPUS_SIZE = 500


@pytest.fixture(scope="session")
def corpus() -> List[Dict[str, Any]]:
    """500 documents of the stream with seed 0 (the guard test needs 500)."""
    return list(generate(CORPUS_SIZE, seed=0))


@pytest.fixture(scope="session")
def first200(corpus: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return corpus[:200]
