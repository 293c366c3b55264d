"""Mini-batches for CPU training: length-grouped, padded, and masked for MLM."""
from __future__ import annotations

import random
from typing import Dict, Iterator, List, Sequence

import torch


def length_grouped_batches(lengths: Sequence[int], batch_size: int, rng: random.Random, group: int = 50) -> List[List[int]]:
    """Index batches of similar length (less padding), in a shuffled order.

    Indices are shuffled, sorted by length within groups of ``group`` batches, cut
    into batches, and the batches shuffled again.
    """
    order = list(range(len(lengths)))
    rng.shuffle(order)
    span = batch_size * group
    batches = []
    for g in range(0, len(order), span):
        chunk = sorted(order[g : g + span], key=lambda i: lengths[i])
        batches += [chunk[b : b + batch_size] for b in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def endless_batches(lengths: Sequence[int], batch_size: int, seed: int) -> Iterator[List[int]]:
    """Length-grouped batches over as many epochs as the caller takes."""
    rng = random.Random(seed)
    while True:
        yield from length_grouped_batches(lengths, batch_size, rng)


def pad(rows: Sequence[Sequence[int]], value: int) -> torch.Tensor:
    """Rows padded on the right to the longest."""
    width = max(len(r) for r in rows)
    out = torch.full((len(rows), width), value, dtype=torch.long)
    for i, row in enumerate(rows):
        out[i, : len(row)] = torch.tensor(row, dtype=torch.long)
    return out


def tagging_batch(input_ids: Sequence[Sequence[int]], labels: Sequence[Sequence[int]], pad_id: int) -> Dict[str, torch.Tensor]:
    """Padded ``input_ids``, ``attention_mask`` and ``labels`` (-100 on padding)."""
    ids = pad(input_ids, pad_id)
    mask = pad([[1] * len(r) for r in input_ids], 0)
    return {"input_ids": ids, "attention_mask": mask, "labels": pad(labels, -100)}


def span_lengths(shape: torch.Size, mean_span: float, generator: torch.Generator) -> torch.Tensor:
    """Geometric span lengths (at least 1) with mean ``mean_span``, drawn from ``generator``."""
    if mean_span <= 1.0:
        return torch.ones(shape, dtype=torch.long)
    u = torch.rand(shape, generator=generator).clamp_min(1e-12)
    return (torch.log(u) / torch.log(torch.tensor(1.0 - 1.0 / mean_span))).floor().long() + 1


def mlm_batch(
    input_ids: Sequence[Sequence[int]],
    *,
    pad_id: int,
    mask_id: int,
    special_ids: Sequence[int],
    vocab_size: int,
    mask_prob: float,
    mean_span: float,
    generator: torch.Generator,
) -> Dict[str, torch.Tensor]:
    """Span-masked inputs: about ``mask_prob`` of tokens chosen in spans of mean length ``mean_span``.

    Chosen tokens become ``[MASK]`` (80%), a random token (10%) or stay (10%); labels
    hold the original ids there and -100 elsewhere.
    """
    ids = pad(input_ids, pad_id)
    mask = pad([[1] * len(r) for r in input_ids], 0)
    maskable = mask.bool() & ~torch.isin(ids, torch.tensor(list(special_ids), dtype=torch.long))
    starts = (torch.rand(ids.shape, generator=generator) < mask_prob / mean_span) & maskable
    lengths = span_lengths(ids.shape, mean_span, generator)
    chosen = torch.zeros_like(maskable)
    for offset in range(min(int(mean_span * 3), ids.shape[1])):
        active = starts & (lengths > offset)
        shifted = torch.zeros_like(active)
        shifted[:, offset:] = active[:, : ids.shape[1] - offset]
        chosen |= shifted
    chosen &= maskable
    if not chosen.any() and maskable.any():
        chosen.view(-1)[int(maskable.view(-1).nonzero()[0])] = True  # an empty target gives a NaN loss
    labels = torch.where(chosen, ids, torch.full_like(ids, -100))
    roll = torch.rand(ids.shape, generator=generator)
    corrupted = ids.clone()
    corrupted[chosen & (roll < 0.8)] = mask_id
    random_pos = chosen & (roll >= 0.8) & (roll < 0.9)
    corrupted[random_pos] = torch.randint(len(special_ids), vocab_size, ids.shape, generator=generator)[random_pos]
    return {"input_ids": corrupted, "attention_mask": mask, "labels": labels}
