"""Several local processes, each with its own pipeline: the CPU answer to Python-bound stages.

Tokenisation, sentence splitting, the rules and name normalisation run in Python
and hold the GIL, so one process keeps one core busy for them however many
threads torch has. :class:`WorkerPool` starts ``processes`` workers (each loads the
pipeline once and gives torch one thread), sends them batches through one task
queue, and hands records back in input order. At most ``2 * processes`` batches
are in flight, so the input is streamed, never read whole into memory. Workers are
spawned, not forked: a fork of a process whose torch has already started its
OpenMP threads can hang.

Nothing waits forever on a worker: while waiting for a result the pool checks,
twice a second, that every worker is alive, so a worker that is killed (out of
memory, a signal) stops the run with :class:`WorkerError`; a worker that cannot
load its pipeline reports why and the pool raises that error once (a
``ModelError`` stays a ``ModelError``), instead of starting replacements.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
from collections import deque
from typing import Any, Callable, Deque, Dict, Iterable, List, Optional, Tuple

from ..ner.errors import ModelError
from ..records import InputItem, dumps
from .work import process

Finish = Callable[[List[Optional[str]], int], None]

POLL_S = 0.5
"""How often a waiting pool checks that its workers are alive."""


class WorkerError(RuntimeError):
    """A worker process died or could not start; the run cannot go on."""


class WorkerModelError(WorkerError, ModelError):
    """A worker could not load the NER model (the message is the model error's)."""


def _worker_main(options: Any, tasks: Any, results: Any) -> None:
    """Load the pipeline with one torch thread, then run batches until told to stop.

    Ctrl-C is left to the parent, which stops the workers itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    torch.set_num_threads(1)
    try:
        nlp = options.pipeline()
    except Exception as err:  # reported to the parent, which raises it once
        results.put(("failed", "model" if isinstance(err, ModelError) else "other", _one_line(err)))
        return
    results.put(("ready", os.getpid(), None))
    while True:
        task = tasks.get()
        if task is None:
            return
        seq, good = task
        lines = [None if r is None else dumps(r) for r in process(nlp, good)]
        results.put(("done", seq, lines))


def _one_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


class WorkerPool:
    """``processes`` spawned workers with a loaded pipeline each; a context manager.

    Entering returns once every worker has loaded its pipeline, so callers (and
    benchmarks) can tell start-up from work.
    """

    def __init__(self, options: Any, processes: int) -> None:
        if processes < 1:
            raise ValueError(f"processes must be at least 1, got {processes}")
        self.options = options
        self.processes = processes
        self._workers: List[Any] = []
        self._tasks: Any = None
        self._results: Any = None

    def __enter__(self) -> "WorkerPool":
        context = multiprocessing.get_context("spawn")
        self._tasks, self._results = context.Queue(), context.Queue()
        self._workers = [
            context.Process(target=_worker_main, args=(self.options, self._tasks, self._results), daemon=True)
            for _ in range(self.processes)
        ]
        try:
            for worker in self._workers:
                worker.start()
            ready = 0
            while ready < self.processes:
                kind, _, _ = self._receive()
                ready += kind == "ready"
        except BaseException:
            self._stop()
            raise
        return self

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None:
            for _ in self._workers:
                self._tasks.put(None)
            for worker in self._workers:
                worker.join()
        else:
            self._stop()
        self._workers = []

    @property
    def pids(self) -> List[int]:
        """Process ids of the workers (for monitoring, and for tests that kill one)."""
        return [w.pid for w in self._workers]

    def run(self, batches: Iterable[Tuple[int, List[InputItem]]], finish: Finish) -> None:
        """Run each ``(consumed, good_items)`` batch in a worker; ``finish(lines, consumed)`` in order.

        Raises :class:`WorkerError` when a worker dies; batches finished before that
        have been handed to ``finish``, so a checkpointed writer can resume after them.
        """
        if not self._workers:
            raise RuntimeError("WorkerPool.run needs the pool entered (use it in a with block)")
        pending: Deque[Tuple[int, int]] = deque()
        done: Dict[int, List[Optional[str]]] = {}
        for seq, (consumed, good) in enumerate(batches):
            self._tasks.put((seq, good))
            pending.append((seq, consumed))
            while len(pending) >= 2 * self.processes:
                self._finish_next(pending, done, finish)
        while pending:
            self._finish_next(pending, done, finish)

    def _finish_next(self, pending: Deque[Tuple[int, int]], done: Dict[int, List[Optional[str]]], finish: Finish) -> None:
        seq, consumed = pending[0]
        while seq not in done:
            kind, got, lines = self._receive()
            if kind == "done":
                done[got] = lines
        pending.popleft()
        finish(done.pop(seq), consumed)

    def _receive(self) -> Tuple[str, Any, Any]:
        """The next message from a worker; raises when a worker failed or died meanwhile."""
        while True:
            try:
                kind, a, b = self._results.get(timeout=POLL_S)
            except queue.Empty:
                dead = [w for w in self._workers if not w.is_alive()]
                if dead:
                    raise WorkerError(
                        f"worker process {dead[0].pid} stopped unexpectedly (exit code {dead[0].exitcode}); "
                        "the run was stopped"
                    ) from None
                continue
            if kind == "failed":
                if a == "model":
                    raise WorkerModelError(b)
                raise WorkerError(f"a worker process could not load the pipeline: {b}")
            return kind, a, b

    def _stop(self) -> None:
        """End every worker now; batches still queued for them are dropped.

        The queues' feeder threads are not waited for at exit: with no worker left to
        read them, a feeder blocked on a full pipe would keep this process alive forever.
        """
        for q in (self._tasks, self._results):
            if q is not None:
                q.cancel_join_thread()
        for worker in self._workers:
            if worker.is_alive():
                worker.terminate()
        for worker in self._workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
                worker.join()
