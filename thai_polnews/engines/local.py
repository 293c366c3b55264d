"""The local engine: the pipeline in this process (or in worker processes), batch by batch."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from tqdm import tqdm

from ..loading import load, warm_up
from ..records import InputItem, dumps
from .heap import collect_less_often, freeze_loaded_objects, keep_freed_memory
from .work import process, report

Emit = Callable[[List[str], int], None]


@dataclass
class ExtractOptions:
    """What the pipeline runs with and how work is split."""

    model: Optional[str] = None
    device: str = "auto"
    batch_size: int = 64
    use_model: bool = True
    workers: Optional[int] = None
    quantize: bool = False
    processes: Optional[int] = None

    def pipeline(self):
        """The pipeline these options ask for, loaded and warmed up (:func:`thai_polnews.loading.warm_up`),
        with what it loaded frozen out of the garbage collector (:func:`heap.freeze_loaded_objects`),
        the collector run less often (:func:`heap.collect_less_often`) and the allocator set
        to reuse freed memory (:func:`heap.keep_freed_memory`).

        For the processes the extract engines own (the CLI, its workers, Ray actors).
        """
        keep_freed_memory()
        nlp = warm_up(load(self.model, device=self.device, batch_size=self.batch_size, use_model=self.use_model, quantize=self.quantize))
        freeze_loaded_objects()
        collect_less_often()
        return nlp

    def process_count(self) -> int:
        """Local worker processes: as asked, else one per usable core on the CPU and one with CUDA."""
        if self.processes is not None:
            if self.processes < 1:
                raise ValueError(f"processes must be at least 1, got {self.processes}")
            return self.processes
        from ..ner.device import resolve_device, usable_cores

        on_gpu = self.use_model and resolve_device(self.device).type == "cuda"
        return 1 if on_gpu else usable_cores()


def run_local(
    items: Iterable[InputItem], emit: Emit, options: ExtractOptions, counts: Dict[str, int], progress: tqdm
) -> None:
    """Process ``items`` in batches; ``emit(lines, consumed)`` receives each batch's records in input order.

    With more than one process (``options.process_count()``) the batches run in
    worker processes (``thai_polnews.engines.processes``).
    """
    def good_batches() -> Iterator[Tuple[int, List[InputItem]]]:
        for batch in batches(items, options.batch_size):
            yield len(batch), [item for item in batch if not _skipped(item, counts)]

    def finish(lines: List[Optional[str]], consumed: int) -> None:
        finish_batch([line for line in lines if not _failed(line, counts)], consumed, emit, counts, progress)

    processes = options.process_count()
    if processes > 1:
        from .processes import WorkerPool

        with WorkerPool(options, processes) as pool:
            pool.run(good_batches(), finish)
        return
    nlp = options.pipeline()
    for consumed, good in good_batches():
        finish([None if r is None else dumps(r) for r in process(nlp, good)], consumed)


def finish_batch(lines: List[str], consumed: int, emit: Emit, counts: Dict[str, int], progress: tqdm) -> None:
    """Hand a batch's records to ``emit`` and update the counts and the bar."""
    emit(lines, consumed)
    counts["read"] += consumed
    counts["written"] += len(lines)
    progress.update(consumed)


def _skipped(item: InputItem, counts: Dict[str, int]) -> bool:
    if item.problem is None:
        return False
    report(item.problem)
    counts["skipped"] += 1
    return True


def _failed(record: Optional[object], counts: Dict[str, int]) -> bool:
    if record is not None:
        return False
    counts["skipped"] += 1
    return True


def batches(items: Iterable, size: int) -> Iterator[List]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    batch: List = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
