"""Free heap pages go back to the system between batches."""
from __future__ import annotations

import sys

import pytest

from thai_polnews.engines import heap


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc_trim")
def test_release_returns_fragmented_free_memory():
    keep, drop = [], []
    for i in range(200_000):  # small blocks interleaved: freeing half leaves holes glibc keeps
        (keep if i % 8 == 0 else drop).append(bytearray(900))
    del drop
    before = _rss_mb()
    assert heap.release_free_memory() is True
    after = _rss_mb()
    assert after < before - 50, (before, after)
    assert len(keep) == 25_000


def test_release_is_a_no_op_without_malloc_trim(monkeypatch):
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    assert heap.release_free_memory() is False


def test_process_releases_after_each_batch(monkeypatch, rules_nlp):
    from thai_polnews.engines import local
    from thai_polnews.records import InputItem

    calls = []
    monkeypatch.setattr(local, "release_free_memory", lambda: calls.append(1) or True)
    records = local.process(rules_nlp, [InputItem("a", "วันที่ 1 มกราคม 2568"), InputItem("b", "")])
    assert [r["id"] for r in records] == ["a", "b"]
    assert calls == [1]


def test_freeze_moves_live_objects_out_of_the_collector_and_they_are_still_freed():
    import gc
    import weakref

    class Table:
        pass

    table = Table()
    alive = weakref.ref(table)
    try:
        moved = heap.freeze_loaded_objects()
        assert moved == gc.get_freeze_count() > 0
        tracked = {id(o) for o in gc.get_objects()}
        assert id(table) not in tracked  # frozen objects are no longer walked by collections
        del table
        assert alive() is None  # reference counting still frees a frozen object
    finally:
        gc.unfreeze()
