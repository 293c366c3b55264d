"""int8 inference whose output does not depend on the batch: activation ranges fixed once per model.

torch's dynamic int8 (``quantize_dynamic``) quantises each linear layer's input with a
scale computed from the minimum and maximum of the whole input tensor, that is of
every window in the forward pass, padding included: a sentence's entities could
change with the sentences batched beside it. Here each linear layer keeps the same
int8 weights and the same kernel (``quantized::linear_dynamic``), but its input
range is fixed: measured once on calibration text (:func:`activation_ranges`),
values outside it are clamped, and two extra rows holding the range's two ends are
appended to every input, so the kernel always sees that range and chooses the
same quantisation parameters. Each output row then depends on its own input row
only (int8 products are summed exactly in int32), so a window gives the same
logits whatever it is batched with and however much padding its batch has.

With a fixed range the activations use all 8 bits where the CPU has VNNI
instructions (no int16 saturation); elsewhere 7 bits, as torch's default on x86.

The ranges are a property of the model: ``int8_ranges.json`` in the checkpoint
folder when present (``python -m thai_polnews.ner.calibrate MODEL_DIR`` writes it), else
measured at load time on synthetic documents (:data:`CALIBRATION_DOCS` from
``thai_polnews.training.synth``, seed :data:`CALIBRATION_SEED`).
"""
from __future__ import annotations

import json
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import torch
from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

Ranges = Dict[str, Tuple[float, float]]

RANGES_FILE = "int8_ranges.json"
CALIBRATION_DOCS = 100
CALIBRATION_SEED = 1
CALIBRATION_BATCH = 64


@lru_cache(maxsize=1)
def has_vnni() -> bool:
    """True when the CPU has AVX512-VNNI or AVX-VNNI (int8 dot products summed in int32)."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "avx512_vnni" in flags or "avx_vnni" in flags


class _LastInput:
    """The clamped copy of the last input, shared by the layers that read one tensor with one range
    (a self-attention's query, key and value), so that it is made once. The input tensor itself is
    the key (held, so it is not freed and its identity not reused); inference tensors keep no
    version counter, so a model that changed a tensor in place between two layers reading it
    would defeat this (BERT-like encoders never do)."""

    def __init__(self) -> None:
        self.key: Optional[Tuple[torch.Tensor, float, float]] = None
        self.padded: Optional[torch.Tensor] = None

    def get(self, x: torch.Tensor, lo: float, hi: float) -> Optional[torch.Tensor]:
        key = self.key
        if key is not None and key[0] is x and key[1] == lo and key[2] == hi:
            return self.padded
        return None

    def put(self, x: torch.Tensor, lo: float, hi: float, padded: torch.Tensor) -> None:
        self.key, self.padded = (x, lo, hi), padded

    def clear(self) -> None:
        self.key = self.padded = None


class FixedRangeLinear(torch.nn.Module):
    """A dynamic-int8 linear layer (``inner``) whose input is quantised over ``[lo, hi]`` always."""

    def __init__(self, inner: DynamicLinear, lo: float, hi: float, reduce_range: Optional[bool] = None) -> None:
        super().__init__()
        self.inner = inner
        self.lo = min(float(lo), 0.0)  # the range holds 0, as the kernel's own choice of parameters does
        self.hi = max(float(hi), 0.0)
        self.reduce_range = (not has_vnni()) if reduce_range is None else reduce_range
        self.in_features = inner.in_features
        self.out_features = inner.out_features
        self.last = _LastInput()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        width = x.shape[-1]
        padded = self.last.get(x, self.lo, self.hi)
        if padded is None:
            rows = x.reshape(-1, width)
            padded = torch.empty((rows.shape[0] + 2, width), dtype=torch.float32)
            torch.clamp(rows, self.lo, self.hi, out=padded[:-2])
            padded[-2].fill_(self.lo)
            padded[-1].fill_(self.hi)
            self.last.put(x, self.lo, self.hi, padded)
        out = torch.ops.quantized.linear_dynamic(padded, self.inner._packed_params._packed_params,
                                                 reduce_range=self.reduce_range)
        return out[:-2].reshape(*x.shape[:-1], out.shape[-1])

    def extra_repr(self) -> str:
        return f"in={self.in_features}, out={self.out_features}, range=[{self.lo:.4g}, {self.hi:.4g}], reduce_range={self.reduce_range}"


def dynamic_int8(model: torch.nn.Module) -> torch.nn.Module:
    """A copy of ``model`` with its linear layers in torch's dynamic int8 (per-batch activation scales)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch marks its quantized tensor API as deprecated
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def fix_ranges(qmodel: torch.nn.Module, ranges: Ranges) -> torch.nn.Module:
    """``qmodel`` (from :func:`dynamic_int8`) with each dynamic linear layer wrapped in :class:`FixedRangeLinear`.

    The layers share one record of the last clamped input: consecutive layers given the
    same tensor with the same range (query, key and value) clamp it once. The record is
    dropped after every forward pass of ``qmodel``.
    """
    last = _LastInput()
    qmodel.register_forward_hook(lambda *_: last.clear())
    for parent_name, parent in list(qmodel.named_modules()):
        for name, child in list(parent.named_children()):
            full = f"{parent_name}.{name}" if parent_name else name
            if isinstance(child, DynamicLinear):
                if full not in ranges:
                    raise ValueError(f"no int8 activation range for layer {full!r}")
                layer = FixedRangeLinear(child, *ranges[full])
                layer.last = last
                setattr(parent, name, layer)
    return qmodel


def activation_ranges(model: torch.nn.Module, windows: Sequence[Sequence[int]], pad_id: int) -> Ranges:
    """Minimum and maximum input of every linear layer of ``model`` over ``windows`` (token ids,
    special tokens included), padding left out. ``model`` is the fp32 model."""
    found: Ranges = {}
    mask_now: List[torch.Tensor] = []

    def observe(name: str):
        def hook(_module, inputs) -> None:
            x = inputs[0]
            real = x[mask_now[0]] if x.dim() == 3 and x.shape[:2] == mask_now[0].shape else x
            lo, hi = float(real.min()), float(real.max())
            old = found.get(name, (lo, hi))
            found[name] = (min(old[0], lo), max(old[1], hi))
        return hook

    hooks = [m.register_forward_pre_hook(observe(n)) for n, m in model.named_modules() if isinstance(m, torch.nn.Linear)]
    try:
        ordered = sorted(windows, key=len)
        with torch.inference_mode():
            for b in range(0, len(ordered), CALIBRATION_BATCH):
                rows = ordered[b : b + CALIBRATION_BATCH]
                width = max(len(r) for r in rows)
                ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
                mask = torch.zeros((len(rows), width), dtype=torch.long)
                for r, row in enumerate(rows):
                    ids[r, : len(row)] = torch.tensor(list(row), dtype=torch.long)
                    mask[r, : len(row)] = 1
                mask_now[:] = [mask.bool()]
                model(input_ids=ids, attention_mask=mask)
    finally:
        for h in hooks:
            h.remove()
    return found


def calibration_texts(n_docs: int = CALIBRATION_DOCS, seed: int = CALIBRATION_SEED) -> List[str]:
    """The lines of ``n_docs`` synthetic documents (deterministic for one version of the generator)."""
    from ..training.synth import generate

    return [line for record in generate(n_docs, seed=seed) for line in record["text"].split("\n") if line.strip()]


def read_ranges(folder: Path) -> Optional[Ranges]:
    """The ranges stored in a checkpoint folder, or ``None``."""
    path = Path(folder) / RANGES_FILE
    if not path.is_file():
        return None
    stored = json.loads(path.read_text(encoding="utf-8"))
    return {name: (float(lo), float(hi)) for name, (lo, hi) in stored["ranges"].items()}


def write_ranges(folder: Path, ranges: Ranges, source: str) -> Path:
    path = Path(folder) / RANGES_FILE
    payload = {"source": source, "ranges": {k: [lo, hi] for k, (lo, hi) in sorted(ranges.items())}}
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return path
