"""Several local processes, each with its own pipeline: the CPU answer to Python-bound stages.

Tokenisation, sentence splitting, the rules and name normalisation run in Python
and hold the GIL, so one process keeps one core busy for them however many
threads torch has. ``run_in_processes`` forks ``processes`` workers (each loads the
pipeline once and gives torch one thread), sends them batches, and hands records
back in input order. At most ``2 * processes`` batches are in flight, so the
input is streamed, never read whole into memory.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from typing import Callable, Deque, Dict, Iterable, List, Optional, Tuple

from tqdm import tqdm

from ..records import InputItem, dumps

_worker_nlp = None

Batch = Tuple[int, List[InputItem]]


def _init_worker(options) -> None:
    """Load the pipeline once in this worker, with one torch thread."""
    import torch

    global _worker_nlp
    torch.set_num_threads(1)
    _worker_nlp = options.pipeline()


def _run_batch(good: List[InputItem]) -> List[Optional[str]]:
    """JSON lines of a batch's records (None where the pipeline failed on a document)."""
    from .local import process

    return [None if r is None else dumps(r) for r in process(_worker_nlp, good)]


def run_in_processes(
    batches: Iterable[Tuple[int, List[InputItem]]],
    options,
    processes: int,
    finish: Callable[[List[Optional[str]], int], None],
) -> None:
    """Run each ``(consumed, good_items)`` batch in a worker; ``finish(lines, consumed)`` in order."""
    context = multiprocessing.get_context("spawn")
    pending: Deque[Tuple[int, "multiprocessing.pool.AsyncResult"]] = deque()
    with context.Pool(processes, initializer=_init_worker, initargs=(options,)) as pool:
        for consumed, good in batches:
            pending.append((consumed, pool.apply_async(_run_batch, (good,))))
            while len(pending) >= 2 * processes:
                done_consumed, result = pending.popleft()
                finish(result.get(), done_consumed)
        while pending:
            done_consumed, result = pending.popleft()
            finish(result.get(), done_consumed)
