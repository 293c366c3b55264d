"""Reading the TSV tables under ``thai_polnews/data/names`` (once per process).

Every table has one header row; lines starting with ``#`` before it describe the
table and its sources. Rows are returned as dicts of stripped strings.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Dict, List, Tuple

Row = Dict[str, str]


def data_dir() -> Path:
    """Folder of the names tables inside the installed package."""
    return Path(str(resources.files("thai_polnews") / "data" / "names"))


@lru_cache(maxsize=None)
def read_table(name: str) -> Tuple[Row, ...]:
    """Rows of ``data/names/<name>`` (cached; treat the result as read-only)."""
    path = data_dir() / name
    if not path.is_file():
        raise FileNotFoundError(
            f"Names table {path} is missing; reinstall thai_polnews or rebuild it with "
            f"`python -m thai_polnews.training.tables`."
        )
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


def split_list(value: str) -> List[str]:
    """Split a ``a | b | c`` cell into its non-empty items."""
    return [item.strip() for item in value.split("|") if item.strip()]
