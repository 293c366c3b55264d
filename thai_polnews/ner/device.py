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


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, so ``taskset`` is respected)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def use_all_cores() -> int:
    """Let torch use every core this process may run on; returns the thread count."""
    threads = usable_cores()
    torch.set_num_threads(threads)
    return threads
