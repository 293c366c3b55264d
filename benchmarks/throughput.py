"""Throughput of thai_polnews and of pythainlp's ThaiNER 1.5 CRF, like with like, on one corpus.

    python benchmarks/throughput.py [--n-synth 2000] [--repeat 1] [--model PATH] [--processes N] [--core C]
                                    [--json benchmarks/results/throughput.json]

The corpus is the five seed articles plus synthetic documents from
``thai_polnews.training.synth`` (deterministic). Two comparisons, measured in
the same run:

* per core: the whole pipeline (default settings, fp32 model), the pipeline
  with ``quantize=True`` (int8 model, fixed activation ranges) and the ThaiNER 1.5 CRF that ships inside
  pythainlp, each in a fresh process pinned to one core (``sched_setaffinity``)
  with one thread (``torch.set_num_threads(1)``, ``OMP_NUM_THREADS``,
  ``MKL_NUM_THREADS`` and ``OPENBLAS_NUM_THREADS`` = 1);
* per machine: the ``extract`` engine's worker pool (what ``thai-polnews
  extract`` runs) with N processes, and ThaiNER in N processes
  (``multiprocessing``), both fed the same batches of the same corpus; N is
  the number of usable cores unless ``--processes`` says otherwise.

Also timed, in this process: ``spacy.blank("th")`` tokenisation (the floor of
any spaCy Thai pipeline) and pythainlp ``sent_tokenize(engine="crfcut")``.
Prints characters/s and documents/s and the ratios, and writes a JSON report.

Every timed run starts with cold caches (a new process or a new pipeline, the
module caches cleared), and models are loaded before the clock starts. With
``--repeat N`` every run is timed in each of N rounds, one run after another,
and keeps its fastest: a slow spell of a shared machine then costs one round of
every run instead of skewing the ratio between two runs timed at different
moments. Per-core runs also report CPU seconds (``time.process_time`` of the
child), which other programs on the same core do not inflate: on a shared
machine their ratios are the steadier comparison. The time per stage is
measured last, in this process pinned to the per-core runs' core with one
torch thread (with several threads on a core that another program keeps busy,
the model's threads wait on each other and the NER stage looks 3 times slower
than it is).
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import json
import platform
import resource
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from thainer_baseline import load_thainer, thainer_entities  # noqa: E402


def corpus(n_synth: int, seed: int) -> List[str]:
    """Seed texts plus ``n_synth`` synthetic documents."""
    from thai_polnews.training.synth import generate

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [r["text"] for r in generate(n_synth, seed=seed)]
    return texts


def interleaved_best(repeat: int, runs: Dict[str, Callable[[], float]]) -> Dict[str, float]:
    """The fastest of ``repeat`` rounds for each run, the rounds interleaved.

    Each round times every run once, in turn (each ``run`` sets itself up and
    returns seconds), so a slow spell of a shared machine slows one round of
    every run rather than all the repeats of one, and the ratios compare runs
    timed under the same conditions.
    """
    best = {key: float("inf") for key in runs}
    for _ in range(max(1, repeat)):
        for key, run in runs.items():
            best[key] = min(best[key], run())
    return best


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def rate(name: str, seconds: float, texts: List[str]) -> Dict[str, float]:
    chars = sum(map(len, texts))
    return {"name": name, "seconds": seconds, "docs": len(texts), "chars": chars,
            "chars_per_s": chars / seconds, "docs_per_s": len(texts) / seconds}


def cold(make: Callable[[], object]):
    """A new pipeline from ``make`` with the process-wide caches (CRFCut decisions, names) emptied."""
    from thai_polnews.loading import warm_up

    nlp = warm_up(make())  # load the model and the name tables before timing, as the extract workers do
    clear_caches()
    return nlp


def clear_caches() -> None:
    """Empty the memo caches that live in the module, not in the pipeline (CRFCut's decisions, the
    boundary model's word shapes, the name readings)."""
    import importlib

    from thai_polnews.names import coref, segment, thai_script, vietnamese
    from thai_polnews.sentences.crfcut import ends_sentence, window_scores
    from thai_polnews.sentences.features import word_shape

    canonical = importlib.import_module("thai_polnews.names.canonical")
    for cached in (ends_sentence, window_scores, word_shape, canonical._canonical, canonical._readings, canonical._segment,
                   coref.signature, segment._piece, thai_script.match_key, thai_script.loose_key, vietnamese._unaccent):
        cached.cache_clear()


def engine_seconds(texts: List[str], options, processes: int) -> float:
    """Seconds for the extract engine's worker pool to turn ``texts`` into JSONL records.

    The workers are started, and have loaded their pipelines, before the clock
    starts, as the in-process runs load theirs before timing.
    """
    from thai_polnews.engines.processes import WorkerPool
    from thai_polnews.records import InputItem

    clear_caches()
    items = [InputItem(str(i), t) for i, t in enumerate(texts)]
    batches = [(len(items[i:i + options.batch_size]), items[i:i + options.batch_size])
               for i in range(0, len(items), options.batch_size)]
    written: List[int] = []
    with WorkerPool(options, processes) as pool:
        start = time.perf_counter()
        pool.run(batches, lambda lines, consumed: written.append(sum(line is not None for line in lines)))
        seconds = time.perf_counter() - start
    assert sum(written) == len(texts), written
    return seconds


def stage_times(nlp, texts: List[str], batch_size: int) -> Dict[str, float]:
    """CPU seconds spent in tokenisation and in each component, run stage by stage."""
    times: Dict[str, float] = {}
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.process_time() - start
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.process_time() - start
    return times


ONE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def batches_of(texts: List[str], batch_size: int) -> List[List[str]]:
    """The corpus split into the batches both per-machine runs are fed."""
    return [texts[i:i + batch_size] for i in range(0, len(texts), batch_size)]


CPU_BEST: Dict[str, float] = {}
"""The fewest CPU seconds each per-core run took over the rounds."""


def per_core_seconds(kind: str, core: int, args: argparse.Namespace) -> float:
    """Seconds for ``kind`` in a fresh process pinned to ``core`` with one thread (its CPU seconds go to ``CPU_BEST``)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--n-synth", str(args.n_synth),
               "--seed", str(args.seed), "--batch-size", str(args.batch_size)]
    if args.model:
        command += ["--model", args.model]
    env = {**os.environ, **ONE_THREAD_ENV}
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, check=True, text=True,
                          preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    CPU_BEST[kind] = min(CPU_BEST.get(kind, float("inf")), float(answer["cpu_seconds"]))
    return float(answer["seconds"])


def child(kind: str, args: argparse.Namespace) -> int:
    """One per-core run, in this process (started pinned, with the thread variables set)."""
    import torch

    torch.set_num_threads(1)
    texts = corpus(args.n_synth, args.seed)
    if kind == "thainer":
        tagger = load_thainer()
        thainer_entities(tagger, texts[0])  # load pythainlp's dictionaries and tagger before timing
        cpu = time.process_time()
        seconds = timed(lambda: [thainer_entities(tagger, t) for t in texts])
        cpu = time.process_time() - cpu
    else:
        import thai_polnews

        nlp = cold(lambda: thai_polnews.load(args.model, device="cpu", batch_size=args.batch_size,
                                             quantize=(kind == "pipeline_int8")))
        cpu = time.process_time()
        seconds = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))
        cpu = time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "threads": torch.get_num_threads(), "cores": sorted(os.sched_getaffinity(0))}))
    return 0


_TAGGER = None


def _thainer_init() -> None:
    global _TAGGER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _TAGGER = load_thainer()
    thainer_entities(_TAGGER, "นายกรัฐมนตรีเวียดนามเดินทางถึงกรุงฮานอยเมื่อวันที่ 1 มกราคม")


def _thainer_batch(batch: List[str]) -> int:
    return sum(len(thainer_entities(_TAGGER, t)) >= 0 for t in batch)


def _thainer_ready(_: int) -> int:
    time.sleep(0.5)  # hold this worker so that each worker gets one of the start-up tasks
    return os.getpid()


def thainer_pool_seconds(texts: List[str], batch_size: int, processes: int) -> float:
    """Seconds for ThaiNER in ``processes`` spawned processes to tag the batches of ``texts``.

    The workers are started, and have loaded the tagger, before the clock starts.
    """
    with multiprocessing.get_context("spawn").Pool(processes, initializer=_thainer_init) as pool:
        pool.map(_thainer_ready, range(processes), chunksize=1)
        start = time.perf_counter()
        done = sum(pool.imap(_thainer_batch, batches_of(texts, batch_size), chunksize=1))
        seconds = time.perf_counter() - start
    assert done == len(texts), done
    return seconds


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-synth", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None, help="NER checkpoint (default: the shipped one)")
    parser.add_argument("--processes", type=int, default=None, help="processes of the per-machine runs (default: usable cores)")
    parser.add_argument("--core", type=int, default=None, help="core the per-core runs are pinned to (default: the last usable one)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; each times every run once, and each run keeps its fastest (default 1)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "throughput.json")
    parser.add_argument("--child", choices=("pipeline", "pipeline_int8", "thainer"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args)

    import torch
    from pythainlp.tokenize import sent_tokenize

    from thai_polnews.engines.local import ExtractOptions
    from thai_polnews.ner.device import usable_cores

    texts = corpus(args.n_synth, args.seed)
    processes = args.processes or usable_cores()
    core = args.core if args.core is not None else max(os.sched_getaffinity(0))
    options = ExtractOptions(model=args.model, device="cpu", batch_size=args.batch_size)
    blank = spacy.blank("th")
    runs = {
        "core_pipeline": ("per core", "thai_polnews pipeline (default, fp32)", lambda: per_core_seconds("pipeline", core, args)),
        "core_pipeline_int8": ("per core", "thai_polnews pipeline, quantize=True (int8, fixed ranges)", lambda: per_core_seconds("pipeline_int8", core, args)),
        "core_thainer": ("per core", "pythainlp ThaiNER 1.5 CRF", lambda: per_core_seconds("thainer", core, args)),
        "machine_extract": ("per machine", f"thai-polnews extract workers, {processes} processes", lambda: engine_seconds(texts, options, processes)),
        "machine_thainer": ("per machine", f"pythainlp ThaiNER 1.5 CRF, {processes} processes", lambda: thainer_pool_seconds(texts, args.batch_size, processes)),
        "spacy_blank_th": ("reference, this process", 'spacy.blank("th") tokenisation', lambda: timed(lambda: [blank(t) for t in texts])),
        "crfcut": ("reference, this process", "pythainlp crfcut sentences", lambda: timed(lambda: [sent_tokenize(t, engine="crfcut") for t in texts])),
    }
    best = interleaved_best(args.repeat, {key: run for key, (_, _, run) in runs.items()})
    results = {key: {"comparison": group, **rate(name, best[key], texts)} for key, (group, name, _) in runs.items()}
    total_chars = sum(map(len, texts))
    for key, kind in (("core_pipeline", "pipeline"), ("core_pipeline_int8", "pipeline_int8"), ("core_thainer", "thainer")):
        results[key]["cpu_seconds"] = CPU_BEST[kind]
        results[key]["chars_per_cpu_s"] = total_chars / CPU_BEST[kind]
    import thai_polnews

    cores_before_pinning = usable_cores()
    os.sched_setaffinity(0, {core})
    torch.set_num_threads(1)
    stages = stage_times(cold(lambda: thai_polnews.load(args.model, device="cpu", batch_size=args.batch_size)), texts, args.batch_size)
    cpu_model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), platform.processor() or platform.machine())

    def ratio(a: str, b: str, key: str = "chars_per_s") -> float:
        return results[a][key] / results[b][key]

    report = {
        "machine": {"cpu": cpu_model, "platform": platform.platform(), "cpus": os.cpu_count(),
                    "usable_cores": cores_before_pinning, "python": platform.python_version(), "torch": torch.__version__,
                    "loadavg_at_end": os.getloadavg()},
        "model": args.model or "shipped",
        "corpus": {"docs": len(texts), "chars": total_chars, "synthetic": args.n_synth, "seed": args.seed,
                   "batch_size": args.batch_size},
        "repeat": args.repeat,
        "per_core": {"core": core, "threads": 1, "env": ONE_THREAD_ENV},
        "per_machine": {"processes": processes},
        "results": results,
        "stages_chars_per_cpu_s": {k: total_chars / v for k, v in stages.items()},
        "stages": f"this process pinned to core {core}, one torch thread, CPU seconds",
        "ratios": {
            "per_core_pipeline_vs_thainer": ratio("core_pipeline", "core_thainer"),
            "per_core_pipeline_int8_vs_thainer": ratio("core_pipeline_int8", "core_thainer"),
            "per_core_pipeline_int8_vs_fp32": ratio("core_pipeline_int8", "core_pipeline"),
            "per_machine_extract_vs_thainer": ratio("machine_extract", "machine_thainer"),
            "per_core_pipeline_vs_spacy_blank": ratio("core_pipeline", "spacy_blank_th"),
            "per_core_cpu_time_pipeline_vs_thainer": ratio("core_pipeline", "core_thainer", "chars_per_cpu_s"),
            "per_core_cpu_time_pipeline_int8_vs_thainer": ratio("core_pipeline_int8", "core_thainer", "chars_per_cpu_s"),
            "per_core_cpu_time_pipeline_int8_vs_fp32": ratio("core_pipeline_int8", "core_pipeline", "chars_per_cpu_s"),
        },
        "peak_rss_mb_main_process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(f"corpus: {len(texts)} docs, {total_chars} chars; machine: {report['machine']}")
    print(f"per core: pinned to core {core}, one thread; per machine: {processes} processes; best of {args.repeat} rounds")
    print(f"{'comparison':<26}{'what':<58}{'chars/s':>12}{'docs/s':>10}")
    for r in results.values():
        cpu = f"{r['chars_per_cpu_s']:>14,.0f} chars/cpu-s" if "chars_per_cpu_s" in r else ""
        print(f"{r['comparison']:<26}{r['name']:<58}{r['chars_per_s']:>12,.0f}{r['docs_per_s']:>10.1f}{cpu}")
    print(f"stages, this process on core {core}, one thread (chars/cpu-s):", ", ".join(f"{k} {v:,.0f}" for k, v in report["stages_chars_per_cpu_s"].items()))
    print("ratios:", ", ".join(f"{k} {v:.2f}" for k, v in report["ratios"].items()))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
