"""Inference: character spans of PERSON, LOCATION, ORGANIZATION and POSITION in raw texts.

Texts are tokenised with offsets, cut into overlapping windows when longer than the
model's input (never truncated), batched across texts sorted by length, decoded to
BIO-consistent tags (``viterbi``) and from those to exact character spans.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase
from transformers.utils import logging as hf_logging

from ..rules.base import RuleMatch
from .alignment import decode_spans
from .device import resolve_device
from .int8 import Ranges, activation_ranges, calibration_texts, dynamic_int8, fix_ranges, read_ranges, write_ranges
from .loading import PathLike, load_checkpoint
from .viterbi import BIOConstraints, decode_batch
from .windows import best_window, plan_windows

_ROBERTA_LIKE = {"roberta", "xlm-roberta", "camembert", "longformer", "roberta-prelayernorm", "xlm-roberta-xl"}


@dataclass(frozen=True)
class _Job:
    """One window of one text: token range ``[start, end)`` of text ``text_index``."""

    text_index: int
    window_index: int
    start: int
    end: int


def model_window(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase) -> int:
    """The longest input (special tokens included) the model takes."""
    config = model.config
    limit = getattr(config, "max_position_embeddings", None) or 512
    if config.model_type in _ROBERTA_LIKE:
        limit -= (config.pad_token_id or 0) + 1
    if tokenizer.model_max_length and tokenizer.model_max_length < 1_000_000:
        limit = min(limit, tokenizer.model_max_length)
    return int(limit)


def special_ids(tokenizer: PreTrainedTokenizerBase) -> Tuple[List[int], List[int]]:
    """Token ids put before and after every window (``[CLS]``/``[SEP]`` or ``<s>``/``</s>``)."""
    first = tokenizer.cls_token_id if tokenizer.cls_token_id is not None else tokenizer.bos_token_id
    last = tokenizer.sep_token_id if tokenizer.sep_token_id is not None else tokenizer.eos_token_id
    return ([first] if first is not None else []), ([last] if last is not None else [])


def quantize_int8(model: PreTrainedModel, ranges: Optional[Ranges] = None) -> PreTrainedModel:
    """A copy of ``model`` with its linear layers in int8 (CPU inference only).

    With ``ranges`` (layer name -> activation minimum and maximum, see ``ner.int8``) every
    layer quantises its input over that fixed range, so the output of a window does not
    depend on the batch; without, torch's dynamic int8 (scales computed per forward pass).
    """
    quantized = dynamic_int8(model)
    return fix_ranges(quantized, ranges) if ranges is not None else quantized


class NERPredictor:
    """Predict entity spans with a token-classification checkpoint.

    ``device`` is ``auto`` (CUDA when available), ``cpu``, ``cuda`` or ``cuda:N``; on
    CUDA the model runs in half precision. ``batch_size`` counts windows per forward pass.
    ``quantize=True`` runs the linear layers in int8 on the CPU (ignored on CUDA), each
    layer's activations quantised over a range fixed once per model (``int8_ranges``, else
    the checkpoint's ``int8_ranges.json``, else measured at load time; see ``ner.int8``):
    faster than fp32, and, like fp32, the same output however texts are batched.
    """

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        device: str = "auto",
        batch_size: int = 64,
        overlap: Optional[int] = None,
        quantize: bool = False,
        int8_ranges: Optional[Ranges] = None,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.device = resolve_device(device)
        self.model = model.to(self.device).eval()
        self.checkpoint = self.model
        """The model as loaded (before int8 conversion), for :meth:`save`."""
        self.tokenizer = tokenizer
        self.batch_size = batch_size
        self.prefix, self.suffix = special_ids(tokenizer)
        self.window = model_window(model, tokenizer) - len(self.prefix) - len(self.suffix)
        self.overlap = self.window // 4 if overlap is None else overlap
        self.id2label: Dict[int, str] = {int(k): v for k, v in model.config.id2label.items()}
        self.constraints = BIOConstraints.of(self.id2label)
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        self.ranges: Optional[Ranges] = int8_ranges
        if self.device.type == "cuda":
            self.model.half()
        elif quantize:
            self.ranges = int8_ranges or self.int8_ranges()
            self.model = quantize_int8(self.model, self.ranges)

    @classmethod
    def load(
        cls, name_or_path: PathLike, *, device: str = "auto", batch_size: int = 64, quantize: bool = False
    ) -> "NERPredictor":
        """A predictor for the checkpoint at ``name_or_path`` (a folder, or a hub id)."""
        model, tokenizer = load_checkpoint(name_or_path)
        folder = Path(name_or_path).expanduser()
        ranges = read_ranges(folder) if quantize and folder.is_dir() else None
        return cls(model, tokenizer, device=device, batch_size=batch_size, quantize=quantize, int8_ranges=ranges)

    def int8_ranges(self, stored: bool = True) -> Ranges:
        """Each linear layer's input range for int8: the ranges given or stored (``stored``), else
        measured with the fp32 model on the windows of ``ner.int8.calibration_texts()``."""
        if stored and self.ranges is not None:
            return self.ranges
        ids, _ = self._encode(calibration_texts())
        windows = [self.prefix + seq[s:e] + self.suffix
                   for seq in ids for s, e in plan_windows(len(seq), self.window, self.overlap) if e > s]
        return activation_ranges(self.checkpoint, windows, self.pad_id)

    def save(self, path: PathLike) -> None:
        """Write the checkpoint (fp32 weights, config, tokenizer, and the int8 ranges when this
        predictor has them) to the folder ``path``, so that :meth:`load` on another machine gives
        the same predictions."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        weights = {k: v.detach().float().cpu() for k, v in self.checkpoint.state_dict().items()}
        was_enabled = hf_logging.is_progress_bar_enabled()
        hf_logging.disable_progress_bar()
        try:
            self.checkpoint.save_pretrained(folder, state_dict=weights)
            self.tokenizer.save_pretrained(folder)
            if self.ranges is not None:
                write_ranges(folder, self.ranges, "saved with the model")
        finally:
            if was_enabled:
                hf_logging.enable_progress_bar()

    @property
    def labels(self) -> List[str]:
        """Entity labels the checkpoint predicts."""
        return sorted({tag[2:] for tag in self.id2label.values() if tag[:2] in ("B-", "I-")})

    def predict(self, texts: Sequence[str]) -> List[List[RuleMatch]]:
        """Entity spans for each text, in text order; offsets index into each text."""
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"texts[{i}] is {type(text).__name__}, expected str")
        if not texts:
            return []
        ids, offsets = self._encode(list(texts))
        plans = [plan_windows(len(seq), self.window, self.overlap) for seq in ids]
        jobs = [_Job(t, w, s, e) for t, plan in enumerate(plans) for w, (s, e) in enumerate(plan) if e > s]
        tag_ids = self._run(ids, jobs)
        results = []
        id2label = self.id2label
        for t, text in enumerate(texts):
            if len(plans[t]) == 1:  # one window holds the whole text (nearly always): its tags are the text's
                tags = [id2label[i] for i in tag_ids.get((t, 0), ())]
            else:
                chooser = best_window(len(ids[t]), plans[t])
                tags = [id2label[tag_ids[(t, chooser[i])][i - plans[t][chooser[i]][0]]] for i in range(len(ids[t]))]
            results.append(decode_spans(text, offsets[t], tags))
        return results

    def _encode(self, texts: List[str]) -> Tuple[List[List[int]], List[List[Tuple[int, int]]]]:
        """Token ids and character offsets of each text, no special tokens.

        A fast tokenizer with no truncation or padding set on its backend is asked
        directly (``tokenizers``' ``encode_batch``): the same ids and offsets without
        building a ``BatchEncoding``, which costs more than the encoding itself here.
        """
        backend = getattr(self.tokenizer, "_tokenizer", None) if self.tokenizer.is_fast else None
        if backend is not None and backend.truncation is None and backend.padding is None:
            encodings = backend.encode_batch(texts, add_special_tokens=False)
            return [e.ids for e in encodings], [e.offsets for e in encodings]
        encoded = self.tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
        return encoded["input_ids"], encoded["offset_mapping"]

    def _run(self, ids: List[List[int]], jobs: List[_Job]) -> Dict[Tuple[int, int], List[int]]:
        """Predicted tag ids per ``(text, window)``, batching windows sorted by length."""
        out: Dict[Tuple[int, int], List[int]] = {}
        ordered = sorted(jobs, key=lambda j: j.end - j.start)
        for b in range(0, len(ordered), self.batch_size):
            batch = ordered[b : b + self.batch_size]
            rows = [self.prefix + ids[j.text_index][j.start : j.end] + self.suffix for j in batch]
            width = max(len(r) for r in rows)
            input_ids = torch.full((len(rows), width), self.pad_id, dtype=torch.long)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            for r, row in enumerate(rows):
                input_ids[r, : len(row)] = torch.tensor(row, dtype=torch.long)
                mask[r, : len(row)] = 1
            with torch.inference_mode():
                logits = self.model(input_ids=input_ids.to(self.device), attention_mask=mask.to(self.device)).logits
                log_probs = torch.log_softmax(logits.float(), dim=-1).cpu().numpy()
            first = len(self.prefix)
            bodies = [log_probs[r, first : first + job.end - job.start] for r, job in enumerate(batch)]
            paths = decode_batch(bodies, self.constraints, [job.start > 0 for job in batch])
            for job, path in zip(batch, paths):
                out[(job.text_index, job.window_index)] = path
        return out
