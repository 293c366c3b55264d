"""The Ray engine: the same pipeline on Ray Data, an actor pool that loads the model once per worker.

Input files are listed in a dataset; each file is read by a Ray task with the
same reader as the local engine (so ids and skipped-line reports are the same),
documents are processed by ``map_batches`` on a pool of ``PipelineActor`` actors
(GPU actors with ``device="cuda"``), and records come back to the driver in
input order, where they are written exactly as the local engine writes them.
Connects to ``RAY_ADDRESS`` when set (a cluster), else starts Ray locally.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List

import ray
from tqdm import tqdm

from ..records import InputItem, dumps, iter_inputs
from .local import Emit, ExtractOptions, finish_batch
from .work import process, report

READ_CPUS = 0.25  # reading a file is light; a whole CPU per read task would starve the actors


class PipelineActor:
    """Holds one loaded pipeline; turns a batch of documents into JSONL lines."""

    def __init__(self, options: Dict[str, Any]) -> None:
        self.nlp = ExtractOptions(**options).pipeline()

    def __call__(self, batch: Dict[str, Any]) -> Dict[str, List[str]]:
        items = []
        lines = ["" for _ in batch["id"]]
        for i, (doc_id, text, meta, problem) in enumerate(zip(batch["id"], batch["text"], batch["meta"], batch["problem"])):
            if problem:
                lines[i] = json.dumps({"skipped": problem})
            else:
                items.append((i, InputItem(doc_id, text, json.loads(meta) if meta else None)))
        for (i, item), record in zip(items, process(self.nlp, [item for _, item in items])):
            lines[i] = dumps(record) if record is not None else json.dumps({"skipped": f"{item.id}: pipeline failed"})
        return {"line": lines}


def read_file(row: Dict[str, Any]) -> Iterable[Dict[str, Any]]:
    """Documents of one input file, problems included, as dataset rows."""
    for item in iter_inputs([row["path"]]):
        yield {
            "id": item.id or "",
            "text": item.text or "",
            "meta": json.dumps(item.meta, ensure_ascii=False) if item.meta else "",
            "problem": str(item.problem) if item.problem else "",
        }


def actor_cpus(cpus: float, workers: int) -> float:
    """CPUs each actor reserves: one, or less when ``workers`` actors and a reader would not fit."""
    return min(1.0, max(0.1, (cpus - READ_CPUS) / workers))


def run_ray(
    items: Iterable[InputItem], emit: Emit, options: ExtractOptions, counts: Dict[str, int], progress: tqdm,
    *, paths: List[Path], skip: int = 0,
) -> None:
    """Run the pipeline over ``paths`` on Ray; ``items`` is unused (files are read by Ray tasks)."""
    if not ray.is_initialized():
        ray.init(address=os.environ.get("RAY_ADDRESS"), include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().execution_options.preserve_order = True
    cpus = float(ray.cluster_resources().get("CPU", 1))
    workers = options.workers or max(1, int(cpus) - 1)
    gpus = 1 if options.device == "cuda" else 0
    dataset = ray.data.from_items([{"path": str(p)} for p in paths]).flat_map(read_file, num_cpus=READ_CPUS)
    lines = dataset.map_batches(
        PipelineActor,
        fn_constructor_kwargs={"options": options.__dict__},
        batch_size=options.batch_size,
        concurrency=workers,
        num_cpus=actor_cpus(cpus, workers),
        num_gpus=gpus,
        batch_format="numpy",
    )
    seen = 0
    for batch in lines.iter_batches(batch_size=options.batch_size, batch_format="numpy"):
        out: List[str] = []
        consumed = 0
        for line in batch["line"]:
            seen += 1
            if seen <= skip:
                continue
            consumed += 1
            if line.startswith('{"skipped": '):
                report(json.loads(line)["skipped"])
                counts["skipped"] += 1
            else:
                out.append(str(line))
        if consumed:
            finish_batch(out, consumed, emit, counts, progress)
