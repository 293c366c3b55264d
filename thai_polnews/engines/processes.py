"""Several local processes, each with its own pipeline: the CPU answer to Python-bound stages.

Tokenisation, sentence splitting, the rules and name normalisation run in Python
and hold the GIL, so one process keeps one core busy for them however many
threads torch has. :class:`WorkerPool` starts ``processes`` workers (each loads the
pipeline once and gives torch one thread), sends them batches, and hands records
back in input order. At most ``2 * processes`` batches are in flight, so the
input is streamed, never read whole into memory. Workers are spawned, not
forked: a fork of a process whose torch has already started its OpenMP threads
can hang.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from typing import Callable, Deque, Iterable, List, Optional, Tuple

from ..records import InputItem, dumps

_worker_nlp = None

Finish = Callable[[List[Optional[str]], int], None]


def _init_worker(options, ready) -> None:
    """Load the pipeline once in this worker, with one torch thread, then report ready."""
    import torch

    global _worker_nlp
    torch.set_num_threads(1)
    _worker_nlp = options.pipeline()
    ready.wait()


def _run_batch(good: List[InputItem]) -> List[Optional[str]]:
    """JSON lines of a batch's records (None where the pipeline failed on a document)."""
    from .local import process

    return [None if r is None else dumps(r) for r in process(_worker_nlp, good)]


class WorkerPool:
    """``processes`` spawned workers with a loaded pipeline each; a context manager.

    Entering returns once every worker has loaded its pipeline, so callers (and
    benchmarks) can tell start-up from work.
    """

    def __init__(self, options, processes: int) -> None:
        if processes < 1:
            raise ValueError(f"processes must be at least 1, got {processes}")
        self.options = options
        self.processes = processes
        self._pool = None

    def __enter__(self) -> "WorkerPool":
        context = multiprocessing.get_context("spawn")
        ready = context.Barrier(self.processes + 1)
        self._pool = context.Pool(self.processes, initializer=_init_worker, initargs=(self.options, ready))
        ready.wait()
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def run(self, batches: Iterable[Tuple[int, List[InputItem]]], finish: Finish) -> None:
        """Run each ``(consumed, good_items)`` batch in a worker; ``finish(lines, consumed)`` in order."""
        if self._pool is None:
            raise RuntimeError("WorkerPool.run needs the pool entered (use it in a with block)")
        pending: Deque[Tuple[int, "multiprocessing.pool.AsyncResult"]] = deque()
        for consumed, good in batches:
            pending.append((consumed, self._pool.apply_async(_run_batch, (good,))))
            while len(pending) >= 2 * self.processes:
                done, result = pending.popleft()
                finish(result.get(), done)
        while pending:
            done, result = pending.popleft()
            finish(result.get(), done)
