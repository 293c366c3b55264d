"""The two training loops (MLM pretraining, tagging fine-tune) and dev scoring between steps."""
from __future__ import annotations

import copy
import logging
import time
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import torch
from datasets import Dataset
from transformers import PreTrainedModel, PreTrainedTokenizerBase, get_linear_schedule_with_warmup

from .batching import endless_batches, mlm_batch, tagging_batch
from .config import FinetuneSettings, PretrainSettings
from thai_polnews.ner.predict import NERPredictor
from .scoring import span_keys, strict_scores

log = logging.getLogger("thai_polnews.ner")

Scores = Dict[str, Dict[str, float]]


def make_optimizer(model: torch.nn.Module, lr: float, weight_decay: float) -> torch.optim.AdamW:
    """AdamW with no weight decay on biases and LayerNorm weights."""
    decay, no_decay = [], []
    for name, param in model.named_parameters():
        (no_decay if name.endswith("bias") or "LayerNorm" in name else decay).append(param)
    groups = [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=lr)


def _step(model: PreTrainedModel, batch: Dict[str, torch.Tensor], optimizer: torch.optim.Optimizer, scheduler: Any) -> float:
    loss = model(**batch).loss
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad(set_to_none=True)
    return float(loss.detach())


def pretrain_mlm(model: PreTrainedModel, data: Dataset, tokenizer: PreTrainedTokenizerBase, settings: PretrainSettings, seed: int) -> Dict[str, float]:
    """Masked-LM training for ``settings.steps`` steps; returns the final mean loss and seconds."""
    rows: List[List[int]] = data.to_dict()["input_ids"]
    optimizer = make_optimizer(model, settings.lr, settings.weight_decay)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(settings.warmup * settings.steps), settings.steps)
    generator = torch.Generator().manual_seed(seed)
    special = sorted(set(tokenizer.all_special_ids))
    batches = endless_batches([len(r) for r in rows], settings.batch_size, seed)
    model.train()
    started, recent = time.perf_counter(), []
    for step in range(1, settings.steps + 1):
        idx = next(batches)
        batch = mlm_batch(
            [rows[i] for i in idx],
            pad_id=tokenizer.pad_token_id,
            mask_id=tokenizer.mask_token_id,
            special_ids=special,
            vocab_size=len(tokenizer),
            mask_prob=settings.mask_prob,
            mean_span=settings.mean_span,
            generator=generator,
        )
        recent = (recent + [_step(model, batch, optimizer, scheduler)])[-100:]
        if step % 100 == 0 or step == settings.steps:
            log.info("pretrain step %d/%d loss %.3f (%.0fs)", step, settings.steps, sum(recent) / len(recent), time.perf_counter() - started)
    return {"loss": sum(recent) / max(1, len(recent)), "seconds": time.perf_counter() - started}


def dev_scores(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, records: Sequence[Dict[str, Any]], labels: Sequence[str]) -> Scores:
    """Strict per-label scores on ``records``, predicting sentence by sentence where sentences are given."""
    was_training = model.training
    predictor = NERPredictor(model, tokenizer, device="cpu", batch_size=64)
    segments: List[Tuple[int, int, str]] = []
    for d, rec in enumerate(records):
        bounds = rec.get("sentences") or [[0, len(rec["text"])]]
        segments += [(d, s, rec["text"][s:e]) for s, e in bounds]
    found = predictor.predict([text for _, _, text in segments])
    pred: List[List[Tuple[int, int, str]]] = [[] for _ in records]
    for (d, offset, _), matches in zip(segments, found):
        pred[d] += [(m.start + offset, m.end + offset, m.label) for m in matches]
    gold = [[(e["start"], e["end"], e["label"]) for e in rec.get("entities", [])] for rec in records]
    model.train(was_training)
    return strict_scores(span_keys(gold, labels), span_keys(pred, labels), labels)


def finetune_tagger(
    model: PreTrainedModel,
    data: Dataset,
    tokenizer: PreTrainedTokenizerBase,
    settings: FinetuneSettings,
    seed: int,
    evaluate: Optional[Callable[[PreTrainedModel], Scores]] = None,
) -> Dict[str, Any]:
    """Tagging training; with ``evaluate`` the weights with the best dev micro F1 are kept.

    Returns the history of dev scores, the best step and the seconds taken.
    """
    table = data.to_dict()
    rows, labels = table["input_ids"], table["labels"]
    optimizer = make_optimizer(model, settings.lr, settings.weight_decay)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(settings.warmup * settings.steps), settings.steps)
    batches = endless_batches([len(r) for r in rows], settings.batch_size, seed)
    model.train()
    started, recent, history = time.perf_counter(), [], []
    best: Tuple[float, int, Optional[Dict[str, torch.Tensor]]] = (-1.0, 0, None)
    for step in range(1, settings.steps + 1):
        idx = next(batches)
        batch = tagging_batch([rows[i] for i in idx], [labels[i] for i in idx], tokenizer.pad_token_id)
        recent = (recent + [_step(model, batch, optimizer, scheduler)])[-100:]
        if step % 100 == 0 or step == settings.steps:
            log.info("finetune step %d/%d loss %.4f (%.0fs)", step, settings.steps, sum(recent) / len(recent), time.perf_counter() - started)
        if evaluate is not None and (step % settings.eval_every == 0 or step == settings.steps):
            scores = evaluate(model)
            micro = scores["micro"]["f1"]
            history.append({"step": step, "scores": scores})
            log.info("dev step %d micro F1 %.4f %s", step, micro, {k: round(v["f1"], 3) for k, v in scores.items()})
            if micro > best[0]:
                best = (micro, step, copy.deepcopy(model.state_dict()))
    if best[2] is not None:
        model.load_state_dict(best[2])
    model.eval()
    return {"history": history, "best_step": best[1], "best_micro_f1": best[0], "seconds": time.perf_counter() - started}
