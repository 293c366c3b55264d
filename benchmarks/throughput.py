"""Throughput of the full pipeline, of each stage, and of reference tools, on one corpus.

    python benchmarks/throughput.py [--n-synth 2000] [--repeat 1] [--device auto] [--model PATH] [--processes N]
                                    [--json benchmarks/results/throughput.json]

The corpus is the five seed articles plus synthetic documents from
``thai_polnews.training.synth`` (deterministic). References measured in the same run:
``spacy.blank("th")`` tokenisation (the floor of any spaCy Thai pipeline),
pythainlp ``sent_tokenize(engine="crfcut")``, and the ThaiNER 1.5 CRF that ships
inside pythainlp. The pipeline is timed three ways: ``nlp.pipe`` in this
process with the default CPU model (int8) and with the fp32 model, and the
``extract`` engine turning the documents into JSONL records with one worker
process per usable core (what ``thai-polnews extract`` does by default). Prints
characters/s and documents/s, ratios to the references and peak memory, and
writes a JSON report.

Every timed pipeline run starts with cold caches (a new pipeline, so a new
tokenizer cache, and the CRFCut decision and name caches cleared), so no run
profits from the one before it on the same corpus. With ``--repeat N`` every
run is timed in each of N rounds, one run after another, and keeps its fastest:
a slow spell of a shared machine then costs one round of every run instead of
skewing the ratio between two runs timed at different moments.
"""
from __future__ import annotations

import argparse
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
    """Empty the memo caches that live in the module, not in the pipeline."""
    import importlib

    from thai_polnews.names import coref, segment, thai_script
    from thai_polnews.sentences.crfcut import ends_sentence, window_scores

    canonical = importlib.import_module("thai_polnews.names.canonical")
    for cached in (ends_sentence, window_scores, canonical._canonical, canonical._readings, canonical._segment,
                   coref.signature, segment._piece, thai_script.match_key, thai_script.loose_key):
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
    """Seconds spent in tokenisation and in each component, run stage by stage."""
    times: Dict[str, float] = {}
    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.perf_counter() - start
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - start
    return times


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-synth", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None, help="NER checkpoint (default: the shipped one)")
    parser.add_argument("--processes", type=int, default=None, help="worker processes of the extract engine run (default: usable cores)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; each times every run once, and each run keeps its fastest (default 1)")
    parser.add_argument("--thainer-docs", type=int, default=None,
                        help="time the ThaiNER reference on the first N documents only (default: the whole corpus, as every other run)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "throughput.json")
    args = parser.parse_args(argv)

    import thai_polnews
    from pythainlp.tokenize import sent_tokenize

    texts = corpus(args.n_synth, args.seed)
    def make(**kw):
        return lambda: thai_polnews.load(args.model, batch_size=args.batch_size, **kw)

    def pipeline_seconds(**kw) -> float:
        nlp = cold(make(**kw))
        return timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)))

    from thai_polnews.engines.local import ExtractOptions
    from thai_polnews.ner.device import usable_cores

    processes = args.processes or usable_cores()
    options = ExtractOptions(model=args.model, device=args.device, batch_size=args.batch_size)
    blank = spacy.blank("th")
    tagger = load_thainer()
    sample = texts if args.thainer_docs is None else texts[: args.thainer_docs]
    runs = {
        "pipeline": ("thai_polnews pipeline", lambda: pipeline_seconds(device=args.device), texts),
        "pipeline_fp32": ("thai_polnews pipeline, fp32 model", lambda: pipeline_seconds(device=args.device, quantize=False), texts),
        "extract": (f"extract workers, {processes} processes", lambda: engine_seconds(texts, options, processes), texts),
        "spacy_blank_th": ('spacy.blank("th") tokenisation', lambda: timed(lambda: [blank(t) for t in texts]), texts),
        "crfcut": ("pythainlp crfcut", lambda: timed(lambda: [sent_tokenize(t, engine="crfcut") for t in texts]), texts),
        "thainer": ("pythainlp ThaiNER 1.5 CRF" + ("" if sample is texts else f" ({len(sample)} docs)"), lambda: timed(lambda: [thainer_entities(tagger, t) for t in sample]), sample),
    }
    best = interleaved_best(args.repeat, {key: run for key, (_, run, _) in runs.items()})
    results = {key: rate(name, best[key], docs) for key, (name, _, docs) in runs.items()}
    stages = stage_times(cold(make(device=args.device)), texts, args.batch_size)
    total_chars = sum(map(len, texts))
    report = {
        "machine": {"platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpus": __import__("os").cpu_count(), "python": platform.python_version()},
        "device": args.device,
        "model": args.model or "shipped",
        "corpus": {"docs": len(texts), "chars": total_chars, "synthetic": args.n_synth},
        "repeat": args.repeat,
        "results": results,
        "stages_chars_per_s": {k: total_chars / v for k, v in stages.items()},
        "ratios": {
            "pipeline_vs_thainer": results["pipeline"]["chars_per_s"] / results["thainer"]["chars_per_s"],
            "pipeline_fp32_vs_thainer": results["pipeline_fp32"]["chars_per_s"] / results["thainer"]["chars_per_s"],
            "extract_vs_thainer": results["extract"]["chars_per_s"] / results["thainer"]["chars_per_s"],
            "pipeline_vs_spacy_blank": results["pipeline"]["chars_per_s"] / results["spacy_blank_th"]["chars_per_s"],
            "pipeline_vs_crfcut": results["pipeline"]["chars_per_s"] / results["crfcut"]["chars_per_s"],
        },
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(f"corpus: {len(texts)} docs, {total_chars} chars; machine: {report['machine']}")
    print(f"{'what':<34}{'chars/s':>12}{'docs/s':>10}")
    for r in results.values():
        print(f"{r['name']:<34}{r['chars_per_s']:>12,.0f}{r['docs_per_s']:>10.1f}")
    print("stages (chars/s):", ", ".join(f"{k} {v:,.0f}" for k, v in report["stages_chars_per_s"].items()))
    print("ratios:", ", ".join(f"{k} {v:.2f}" for k, v in report["ratios"].items()))
    print(f"peak memory: {report['peak_rss_mb']:.0f} MB")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
