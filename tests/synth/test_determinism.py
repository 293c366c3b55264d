"""Same seed, same records; another seed or another index, other records; shards join."""
from __future__ import annotations

import pytest

from thai_polnews.training.synth import generate


def test_same_seed_same_records(first200):
    again = list(generate(20, seed=0))
    assert again == first200[:20]


def test_different_seeds_differ():
    a = [r["text"] for r in generate(10, seed=0)]
    b = [r["text"] for r in generate(10, seed=1)]
    assert all(x != y for x, y in zip(a, b))


def test_documents_in_a_stream_differ(first200):
    texts = [r["text"] for r in first200]
    assert len(set(texts)) == len(texts)


def test_shards_join_into_the_stream(first200):
    shards = list(generate(5, seed=0, start=0)) + list(generate(5, seed=0, start=5))
    assert shards == first200[:10]


def test_generate_is_lazy():
    stream = generate(10**9, seed=3)
    first = next(stream)
    assert first["id"] == "synth-3-000000"


@pytest.mark.parametrize("bad", [-1, 2.5, "3", True])
def test_generate_rejects_bad_n(bad):
    with pytest.raises((TypeError, ValueError)):
        next(generate(bad))
