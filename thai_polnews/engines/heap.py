"""Memory of a long run: freed heap pages reused while a run goes on, given back to
the system when the process has grown, and the loaded pipeline kept out of the
garbage collector's way.

Inference allocates and frees many tensors and strings of varying sizes; glibc's
allocator keeps the freed pages, scattered between live ones, in the process,
so a worker's resident memory creeps up batch after batch (on this project's
benchmark, 905 MB after 1,000 documents and 1,159 MB after 12,000) though
nothing is held. ``malloc_trim(0)`` returns those pages (652 MB and 664 MB).

Returning pages has a price: the next batch touches them again, and each first
touch is a page fault. Trimming after every batch of 64 documents, with glibc's
default of giving each large tensor its own mapping, cost about a million page
faults per 1,000 documents (about a fifth of a worker's time in one measurement).
:func:`keep_freed_memory` makes glibc reuse freed memory instead, and
:class:`GrowthRelease` trims only when the process has grown a set amount since
it last trimmed, which bounds memory by that amount rather than by the corpus.
Elsewhere (macOS, Windows, musl) all of this is a no-op.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import mmap
import sys
from functools import lru_cache
from typing import Callable, Optional


M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
KEEP_BYTES = 256 * 2**20
"""Allocations up to this size come from the heap, and the heap's free top is kept up to it."""
SLACK_BYTES = 384 * 2**20
"""How far past its size after the last release a process may grow before it releases again."""
PAGE_BYTES = mmap.PAGESIZE


@lru_cache(maxsize=1)
def _libc() -> Optional[ctypes.CDLL]:
    """The C library on Linux, or None."""
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else ctypes.CDLL(None)
    except OSError:
        return None


@lru_cache(maxsize=1)
def _malloc_trim() -> Optional[Callable[[int], int]]:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


@lru_cache(maxsize=1)
def _mallopt() -> Optional[Callable[[int, int], int]]:
    """glibc's ``mallopt``, or None where the C library has none."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is None:
        return None
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt


def keep_freed_memory(limit: int = KEEP_BYTES) -> bool:
    """Make glibc reuse freed memory rather than hand it back at once; True when it took the settings.

    Tensors up to ``limit`` bytes come from the heap instead of a mapping of their
    own that is unmapped when freed, and the heap's free top is not trimmed until it
    exceeds ``limit``: the next batch's tensors land on pages already mapped, with no
    page fault. Process-wide, so only the processes the engines own call it.
    """
    mallopt = _mallopt()
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, limit)) and bool(mallopt(M_TRIM_THRESHOLD, limit))


def release_free_memory() -> bool:
    """Return the heap's free pages to the system; True when the C library could do it."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def resident_bytes() -> Optional[int]:
    """This process's resident memory (Linux ``/proc/self/statm``), or None where it cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * PAGE_BYTES
    except (OSError, ValueError, IndexError):
        return None


class GrowthRelease:
    """:func:`release_free_memory` when the process has grown ``slack`` bytes past its size
    after the last release (:meth:`after`, called after each batch).

    So resident memory stays within ``slack`` (plus one batch's working memory) of
    what the pipeline and its caches hold, however long the run, while the pages a
    batch frees are reused by the next batches instead of being faulted in again.
    Where resident memory cannot be read, it releases after every batch.
    """

    def __init__(self, slack: int = SLACK_BYTES) -> None:
        if slack < 0:
            raise ValueError(f"slack must not be negative, got {slack}")
        self.slack = slack
        self.floor: Optional[int] = None

    def after(self) -> bool:
        """A batch is done; True when that made it release memory."""
        size = resident_bytes()
        if size is not None and self.floor is not None and size <= self.floor + self.slack:
            return False
        released = release_free_memory()
        self.floor = resident_bytes()
        return released


YOUNG_THRESHOLD = 10_000
"""Allocations between collections of the youngest generation (Python's default is 700)."""


def collect_less_often(young: int = YOUNG_THRESHOLD) -> None:
    """Run the cyclic garbage collector after ``young`` net allocations instead of 700.

    A batch creates and drops millions of short-lived objects (strings, tuples,
    spans) that reference counting frees at once; the pipeline leaves no cyclic
    garbage (a full collection after 300 benchmark documents found none). At the
    default, collections cost about 4 % of a worker's time, at 10,000 about 2 %.
    Process-wide, so only the processes the engines own call it.
    """
    _, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, old)


def freeze_loaded_objects() -> int:
    """Move every object alive now (a loaded pipeline: tries, name tables, vocab) out of
    the cyclic garbage collector's reach; returns how many were moved.

    A loaded pipeline holds about a million Python objects that live as long as the
    process. Each full collection walks all of them, which cost about 7 % of a
    worker's time on this project's benchmark; frozen, they are skipped (they are
    still freed normally when the process drops them). Call it once, after loading.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
