"""Device and thread settings shared by training and inference."""
from __future__ import annotations

import os

import torch


def resolve_device(name: str) -> torch.device:
    """``auto`` is CUDA when available, else CPU; ``cpu``, ``cuda`` and ``cuda:N`` as given.

    Raises ``ValueError`` for an unknown name or a CUDA request on a machine without CUDA.
    """
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name == "cuda" or name.startswith("cuda:"):
        if not torch.cuda.is_available():
            raise ValueError(f"Device {name!r} requested but CUDA is not available; use 'auto' or 'cpu'.")
        return torch.device(name)
    raise ValueError(f"Unknown device {name!r}; valid: 'auto', 'cpu', 'cuda', 'cuda:N'.")


def use_all_cores() -> int:
    """Let torch use every core of this machine; returns the thread count."""
    threads = os.cpu_count() or 1
    torch.set_num_threads(threads)
    return threads
