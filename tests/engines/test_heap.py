"""Freed memory is reused within a run and given back to the system once the process has grown."""
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


def test_growth_release_trims_first_then_only_past_the_slack(monkeypatch):
    sizes = iter([1000, 900, 1050, 1101, 950, 1200, 1260])  # resident bytes read after each batch and each release
    calls = []
    monkeypatch.setattr(heap, "resident_bytes", lambda: next(sizes))
    monkeypatch.setattr(heap, "release_free_memory", lambda: calls.append(1) or True)
    release = heap.GrowthRelease(slack=200)
    # no floor yet: release (floor 900); 1050 is within 900 + 200, 1101 is not: release (floor 950)
    assert [release.after() for _ in range(3)] == [True, False, True]
    assert release.floor == 950
    assert release.after() is True and release.floor == 1260
    assert calls == [1, 1, 1]
    with pytest.raises(ValueError):
        heap.GrowthRelease(slack=-1)


def test_growth_release_releases_every_batch_without_a_resident_size(monkeypatch):
    calls = []
    monkeypatch.setattr(heap, "resident_bytes", lambda: None)
    monkeypatch.setattr(heap, "release_free_memory", lambda: calls.append(1) or True)
    release = heap.GrowthRelease()
    assert [release.after() for _ in range(3)] == [True, True, True]
    assert len(calls) == 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/self/statm")
def test_resident_bytes_reads_this_process():
    size = heap.resident_bytes()
    assert isinstance(size, int) and abs(size / 2**20 - _rss_mb()) < 64


def test_process_asks_the_release_after_each_batch(monkeypatch, rules_nlp):
    from thai_polnews.engines import work
    from thai_polnews.records import InputItem

    asked = []
    monkeypatch.setattr(work, "RELEASE", type("Counter", (), {"after": lambda self: asked.append(1) or False})())
    records = work.process(rules_nlp, [InputItem("a", "วันที่ 1 มกราคม 2568"), InputItem("b", "")])
    assert [r["id"] for r in records] == ["a", "b"]
    work.process(rules_nlp, [InputItem("c", "x")])
    assert asked == [1, 1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt")
def test_keep_freed_memory_sets_glibc_thresholds(monkeypatch):
    seen = []
    monkeypatch.setattr(heap, "_mallopt", lambda: lambda option, value: seen.append((option, value)) or 1)
    assert heap.keep_freed_memory(limit=1 << 20) is True
    assert seen == [(heap.M_MMAP_THRESHOLD, 1 << 20), (heap.M_TRIM_THRESHOLD, 1 << 20)]


def test_keep_freed_memory_is_a_no_op_without_mallopt(monkeypatch):
    monkeypatch.setattr(heap, "_mallopt", lambda: None)
    assert heap.keep_freed_memory() is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc mallopt")
def test_real_mallopt_accepts_the_settings():
    assert heap._mallopt() is not None
    assert heap.keep_freed_memory() is True


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


def test_collect_less_often_raises_only_the_youngest_threshold():
    import gc

    before = gc.get_threshold()
    try:
        heap.collect_less_often(young=5_000)
        assert gc.get_threshold() == (5_000, *before[1:])
    finally:
        gc.set_threshold(*before)
