"""``thai-polnews train``: build, pretrain and fine-tune the NER model, or fine-tune an existing one.

Without ``--base-model`` a tokenizer (``tokenizer.unit`` of the config) is built from
the training text, a small BERT is pretrained with masked-LM on unlabelled text
(training texts, extra synthetic texts, pythainlp's Thai Wikipedia titles) and then
fine-tuned for BIO tagging. With ``--base-model`` an existing checkpoint gets a new
label head and is fine-tuned. ``--dev`` gold JSONL picks the best step; it is never
trained on. The checkpoint saved to ``--output`` is a standard HF folder.
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import datasets
import numpy as np
import torch
from transformers import AutoModelForTokenClassification, AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase

from thai_polnews.records import read_jsonl, write_jsonl
from .config import DEFAULT_CONFIG, TrainConfig, apply_override, load_config
from .corpus import sample_lines
from .data import load_annotated, mlm_dataset, pack_lines, tag_dataset, text_pieces, training_chunks
from thai_polnews.ner.device import use_all_cores
from thai_polnews.ner.labels import id2label, label2id
from .loops import dev_scores, finetune_tagger, pretrain_mlm
from .modeling import encoder_config, new_masked_lm, tagger_from
from thai_polnews.ner.predict import model_window
from .scoring import format_scores
from .tokenization import build_tokenizer

log = logging.getLogger("thai_polnews.ner")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thai-polnews train",
        description="Build, pretrain and fine-tune the NER model, or fine-tune an existing checkpoint.",
    )
    parser.add_argument("--output", type=Path, required=True, help="folder for the checkpoint (created)")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="JSON settings (default: thai_polnews/training/ner/configs/default.json)")
    parser.add_argument("--train", type=Path, nargs="*", default=[], help="annotated JSONL files to train on")
    parser.add_argument("--synth", type=int, default=None, help="synthetic documents to generate (default: config data.synth_docs, or 0 with --train)")
    parser.add_argument("--dev", type=Path, nargs="+", default=None, help="gold JSONL file(s) for picking the best step (never trained on)")
    parser.add_argument("--unlabelled", type=Path, nargs="*", default=[], help="extra plain-text files for MLM pretraining")
    parser.add_argument("--base-model", default=None, help="fine-tune this checkpoint (folder or hub id) instead of building one")
    parser.add_argument("--max-steps", type=int, default=None, help="fine-tuning steps (overrides finetune.steps)")
    parser.add_argument("--pretrain-steps", type=int, default=None, help="MLM steps (overrides pretrain.steps; 0 skips)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (overrides seed)")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE", help="override a setting, e.g. model.hidden_size=128 (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="log warnings only")
    return parser


def resolve_config(args: argparse.Namespace) -> TrainConfig:
    """The config file with ``--set`` and the step and seed flags applied."""
    config = load_config(args.config)
    for assignment in args.overrides:
        apply_override(config, assignment)
    if args.max_steps is not None:
        config.finetune.steps = args.max_steps
    if args.pretrain_steps is not None:
        config.pretrain.steps = args.pretrain_steps
    if args.seed is not None:
        config.seed = args.seed
    if args.synth is not None:
        config.data.synth_docs = args.synth
    elif args.train:
        config.data.synth_docs = 0
    return config


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and torch, and ask torch for deterministic kernels."""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True, warn_only=True)


def synthetic_records(n: int, seed: int) -> List[Dict[str, Any]]:
    """``n`` documents from ``thai_polnews.training.synth.generate``."""
    if n <= 0:
        return []
    from ..synth import generate

    return list(generate(n, seed))


def training_records(args: argparse.Namespace, config: TrainConfig, workdir: Path) -> Any:
    """The annotated training documents as a ``datasets.Dataset`` (files plus synthetic).

    The documents of the ``--train`` files come ``data.train_repeat`` times each
    (each copy is augmented on its own), so a few dozen hand-written articles
    weigh against thousands of synthetic ones.
    """
    paths = list(args.train) * max(1, config.data.train_repeat)
    synth = synthetic_records(config.data.synth_docs, config.data.synth_seed)
    if synth:
        synth_path = workdir / "synth-train.jsonl"
        write_jsonl(synth, synth_path)
        paths.append(synth_path)
    if not paths:
        raise SystemExit("thai-polnews train: no training data; pass --train FILE.jsonl or --synth N.")
    return load_annotated(paths)


def unlabelled_texts(config: TrainConfig, train_texts: Sequence[str], extra_files: Sequence[Path], max_chars: int) -> List[str]:
    """MLM texts: training texts, extra synthetic texts, packed corpus lines and extra files."""
    settings = config.pretrain
    texts = list(text_pieces(train_texts, max_chars))
    extra_synth = synthetic_records(settings.synth_docs, config.data.synth_seed + 1000)
    texts += text_pieces((r["text"] for r in extra_synth), max_chars)
    for spec in settings.corpora:
        texts += pack_lines(sample_lines(spec, settings.corpus_lines, config.seed), max_chars)
    for path in extra_files:
        texts += text_pieces([path.read_text(encoding="utf-8")], max_chars)
    return texts


def build_new_model(config: TrainConfig, args: argparse.Namespace, train_texts: Sequence[str]) -> Tuple[PreTrainedModel, PreTrainedTokenizerBase, Dict[str, Any]]:
    """Tokenizer and MLM-pretrained tagger built from scratch."""
    tok = config.tokenizer
    max_chars = config.model.max_length - 2
    corpus = unlabelled_texts(config, train_texts, args.unlabelled, max_chars)
    tokenizer_texts = list(train_texts) if tok.unit == "char" else list(train_texts) + corpus
    tokenizer = build_tokenizer(tok.unit, tokenizer_texts, vocab_size=tok.vocab_size, min_count=tok.min_count,
                                max_length=config.model.max_length, presegment=tok.presegment)
    bert_config = encoder_config(config.model, tokenizer, config.labels)
    stats: Dict[str, Any] = {"vocab_size": len(tokenizer), "mlm_texts": len(corpus)}
    pretrained = None
    if config.pretrain.steps > 0:
        pretrained = new_masked_lm(bert_config)
        mlm_data = mlm_dataset(corpus, tokenizer, config.model.max_length)
        log.info("MLM pretraining on %d texts, vocabulary %d", len(mlm_data), len(tokenizer))
        stats["pretrain"] = pretrain_mlm(pretrained, mlm_data, tokenizer, config.pretrain, config.seed)
    model = tagger_from(bert_config, pretrained, config.finetune.classifier_dropout)
    return model, tokenizer, stats


def load_base_model(base: str, labels: Sequence[str]) -> Tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """An existing checkpoint with a new, randomly initialised label head for ``labels``."""
    tokenizer = AutoTokenizer.from_pretrained(base)
    if not tokenizer.is_fast:
        raise SystemExit(f"thai-polnews train: {base!r} has no fast tokenizer; offsets are needed to align labels.")
    model = AutoModelForTokenClassification.from_pretrained(
        base,
        num_labels=len(id2label(labels)),
        id2label=id2label(labels),
        label2id=label2id(labels),
        ignore_mismatched_sizes=True,
    )
    return model, tokenizer


def save_checkpoint(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, output: Path, report: Dict[str, Any]) -> None:
    """The HF checkpoint (safetensors, config with labels, tokenizer) plus ``training.json``."""
    output.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(output, safe_serialization=True)
    tokenizer.save_pretrained(output)
    portable_tokenizer_class(output / "tokenizer_config.json")
    (output / "training.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def portable_tokenizer_class(path: Path) -> None:
    """Name the generic fast tokenizer ``PreTrainedTokenizerFast``, which transformers 4.x and 5.x both load."""
    settings = json.loads(path.read_text(encoding="utf-8"))
    if settings.get("tokenizer_class") == "TokenizersBackend":
        settings["tokenizer_class"] = "PreTrainedTokenizerFast"
        path.write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Optional[List[str]] = None) -> int:
    """Train and save; returns 0. Progress goes to the log (stderr), the dev table to stdout."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    datasets.disable_progress_bars()
    started = time.perf_counter()
    threads = use_all_cores()
    config = resolve_config(args)
    seed_everything(config.seed)
    with tempfile.TemporaryDirectory(prefix="thai-polnews-train-") as tmp:
        docs = training_records(args, config, Path(tmp))
    train_texts = list(dict.fromkeys(docs["text"]))
    stats: Dict[str, Any] = {"threads": threads, "train_docs": len(docs)}
    if args.base_model:
        model, tokenizer = load_base_model(args.base_model, config.labels)
        max_length = model_window(model, tokenizer)
    else:
        model, tokenizer, built = build_new_model(config, args, train_texts)
        stats.update(built)
        max_length = config.model.max_length
    tags = label2id(config.labels)
    chunks = training_chunks(docs, max_length - 2, config.seed, config.data, augment=True)
    data = tag_dataset(chunks, tokenizer, tags, config.labels, max_length)
    stats["train_chunks"] = len(data)
    dev = [record for path in args.dev or [] for record in read_jsonl(path)]
    evaluate = (lambda m: dev_scores(m, tokenizer, dev, config.labels)) if dev else None
    log.info("fine-tuning on %d chunks for %d steps", len(data), config.finetune.steps)
    result = finetune_tagger(model, data, tokenizer, config.finetune, config.seed, evaluate)
    stats["finetune"] = {k: v for k, v in result.items() if k != "history"}
    stats["dev_history"] = result["history"]
    stats["wall_seconds"] = round(time.perf_counter() - started, 1)
    report = {"config": config.to_dict(), "argv": list(sys.argv[1:] if argv is None else argv), "stats": stats}
    save_checkpoint(model, tokenizer, args.output, report)
    if result["history"]:
        best = next(h for h in result["history"] if h["step"] == result["best_step"])
        print(f"dev (step {result['best_step']}):\n{format_scores(best['scores'])}")
    print(f"saved {args.output} in {stats['wall_seconds']:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
