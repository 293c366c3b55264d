"""Overlapping windows over token sequences longer than the model's input, never truncating.

Each token is predicted in every window that covers it; the prediction kept is the
one from the window where the token lies farthest from an edge, so every token sees
context on both sides except at the true ends of the text.
"""
from __future__ import annotations

from typing import List, Tuple


def plan_windows(n_tokens: int, size: int, overlap: int) -> List[Tuple[int, int]]:
    """``[start, end)`` token windows of at most ``size`` covering ``n_tokens``, consecutive ones sharing ``overlap``."""
    if size <= 0:
        raise ValueError(f"window size must be positive, got {size}")
    if n_tokens <= size:
        return [(0, n_tokens)]
    step = max(1, size - max(0, min(overlap, size - 1)))
    windows = []
    start = 0
    while True:
        end = min(start + size, n_tokens)
        windows.append((end - size, end) if end - start < size else (start, end))
        if end == n_tokens:
            return windows
        start += step


def best_window(n_tokens: int, windows: List[Tuple[int, int]]) -> List[int]:
    """For each token, the index of the covering window where it is farthest from an edge."""
    best = [-1] * n_tokens
    margin = [-1] * n_tokens
    for w, (start, end) in enumerate(windows):
        for i in range(start, end):
            m = min(i - start, end - 1 - i)
            if m > margin[i]:
                best[i], margin[i] = w, m
    return best
