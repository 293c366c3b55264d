"""The NER model alone on CPU back ends: torch fp32, torch int8 (fixed ranges, what ``quantize=True`` runs), torch dynamic int8, ONNX Runtime fp32.

    pip install onnx onnxruntime   # only for this comparison; the library does not need them
    python benchmarks/model_backends.py [--model models/thai-polnews-ner] [--n-synth 300]

Each back end tags the sentences of the seeds plus synthetic documents (the same
windows, batched and sorted by length as in ``NERPredictor``) and is scored
on the dev set (``annotations/seeds.jsonl``, strict micro F1). The library keeps
a back end only when it is faster and loses less than 0.5 F1 point; the result
is in the README's benchmark table.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Dict, List

import torch

ROOT = Path(__file__).resolve().parents[1]


class OnnxModel(torch.nn.Module):
    """Wraps an ONNX Runtime session so that ``NERPredictor`` can call it like the torch model."""

    def __init__(self, session: Any, config: Any) -> None:
        super().__init__()
        self.session = session
        self.config = config

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> Any:
        logits = self.session.run(["logits"], {"input_ids": input_ids.numpy(), "attention_mask": attention_mask.numpy()})[0]
        return SimpleNamespace(logits=torch.from_numpy(logits))


def export_onnx(model: torch.nn.Module, path: Path) -> None:
    model.eval()
    ids = torch.ones((2, 16), dtype=torch.long)
    torch.onnx.export(
        model, (ids, torch.ones_like(ids)), str(path), input_names=["input_ids", "attention_mask"],
        output_names=["logits"], dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}, "logits": {0: "b", 1: "t"}},
        opset_version=17, dynamo=False,
    )


def sentences(records: List[Dict[str, Any]]) -> List[str]:
    return [r["text"][s:e] for r in records for s, e in (r.get("sentences") or [[0, len(r["text"])]])]


def main(argv: List[str] | None = None) -> int:
    from thai_polnews.ner.loading import load_checkpoint
    from thai_polnews.ner.predict import NERPredictor, quantize_int8
    from thai_polnews.records import read_jsonl
    from thai_polnews.training.synth import generate

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="checkpoint folder (default: the shipped model)")
    parser.add_argument("--n-synth", type=int, default=300)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "model_backends.json")
    args = parser.parse_args(argv)
    if args.model is None:
        from thai_polnews.pipeline.ner import default_model_path

        args.model = str(default_model_path())

    dev = read_jsonl(ROOT / "annotations" / "seeds.jsonl")
    texts = sentences(dev) + sentences(list(generate(args.n_synth, seed=11)))
    chars = sum(map(len, texts))
    model, tokenizer = load_checkpoint(args.model)
    labels = sorted({t[2:] for t in model.config.id2label.values() if t != "O"})
    ranges = NERPredictor.load(args.model, device="cpu", quantize=True).ranges
    backends: Dict[str, torch.nn.Module] = {
        "torch fp32": model,
        "torch int8 (fixed ranges)": quantize_int8(load_checkpoint(args.model)[0], ranges),
        "torch int8 (dynamic)": quantize_int8(load_checkpoint(args.model)[0]),
    }
    try:
        import onnxruntime

        tmp = Path(tempfile.mkdtemp()) / "model.onnx"
        export_onnx(load_checkpoint(args.model)[0], tmp)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = torch.get_num_threads()
        session = onnxruntime.InferenceSession(str(tmp), options, providers=["CPUExecutionProvider"])
        backends["onnxruntime fp32"] = OnnxModel(session, model.config)
    except ImportError as err:
        print(f"onnxruntime back end skipped: {err}", file=sys.stderr)
    report = {}
    for name, module in backends.items():
        predictor = NERPredictor(module, tokenizer, device="cpu", batch_size=64, quantize=False)  # back ends come prepared
        predictor.predict(texts[:50])
        start, cpu = time.perf_counter(), time.process_time()
        predictor.predict(texts)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        f1 = dev_scores_for(predictor, dev, labels)
        report[name] = {"chars_per_s": chars / seconds, "seconds": seconds, "cpu_seconds": cpu,
                        "chars_per_cpu_s": chars / cpu, "dev_micro_f1": f1}
        print(f"{name:<28}{chars / seconds:>12,.0f} chars/s {chars / cpu:>12,.0f} chars/cpu-s   dev micro F1 {f1:.4f}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"chars": chars, "threads": torch.get_num_threads(), "backends": report}, indent=2) + "\n", encoding="utf-8")
    return 0


def dev_scores_for(predictor: Any, dev: List[Dict[str, Any]], labels: List[str]) -> float:
    from thai_polnews.training.ner.scoring import span_keys, strict_scores

    pred, gold = [], []
    for rec in dev:
        bounds = rec.get("sentences") or [[0, len(rec["text"])]]
        found = predictor.predict([rec["text"][s:e] for s, e in bounds])
        pred.append([(m.start + s, m.end + s, m.label) for (s, _), ms in zip(bounds, found) for m in ms])
        gold.append([(e["start"], e["end"], e["label"]) for e in rec["entities"]])
    return strict_scores(span_keys(gold, labels), span_keys(pred, labels), labels)["micro"]["f1"]


if __name__ == "__main__":
    sys.exit(main())
