"""Execution engines for ``thai-polnews extract``: one table, lazy imports.

``local`` runs the pipeline in this process; ``ray`` runs it on Ray Data actors
(``pip install 'thai-polnews[ray]'``), locally or on a cluster.
"""
from __future__ import annotations

import importlib
from typing import Callable, Dict, Tuple

ENGINES: Dict[str, Tuple[str, str]] = {
    "local": ("thai_polnews.engines.local", "run_local"),
    "ray": ("thai_polnews.engines.ray_engine", "run_ray"),
}


def get_engine(name: str) -> Callable:
    """The run function of engine ``name``; ValueError names the valid engines."""
    if name not in ENGINES:
        raise ValueError(f"Unknown engine {name!r}. Available engines: {', '.join(ENGINES)}")
    module, function = ENGINES[name]
    try:
        return getattr(importlib.import_module(module), function)
    except ImportError as err:
        raise ImportError(
            f"The {name!r} engine needs an optional dependency ({err.name}): "
            f"pip install 'thai-polnews[{name}]'"
        ) from err
