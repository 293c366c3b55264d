"""Load a token-classification checkpoint: a local folder, or a hub id asked for explicitly."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Tuple, Union

from transformers import AutoModelForTokenClassification, AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase
from transformers.utils import logging as hf_logging

from .errors import model_not_found

PathLike = Union[str, "os.PathLike[str]"]


def looks_like_path(name: str) -> bool:
    """True when ``name`` can only be a filesystem path, never a hub id (``owner/name``)."""
    return (
        os.path.isabs(name)
        or name.startswith((".", "~"))
        or name.count("/") > 1
        or "\\" in name
    )


def load_checkpoint(name_or_path: PathLike) -> Tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """Model and tokenizer from a checkpoint folder, or from a hub id through ``from_pretrained``.

    Raises ``ModelNotFoundError`` when the folder is missing or incomplete, or the hub
    id cannot be resolved (this library never needs the network for its own model).
    """
    name = os.fspath(name_or_path)
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise model_not_found(str(path), "the folder has no config.json")
        return _from_pretrained(str(path))
    if path.exists():
        raise model_not_found(str(path), "it is a file, not a checkpoint folder")
    if looks_like_path(name):
        raise model_not_found(str(path), "the folder does not exist")
    try:
        return _from_pretrained(name)
    except (OSError, ValueError) as err:
        raise model_not_found(name, f"not a local folder, and the hub could not provide it ({err})") from err


def _from_pretrained(source: str) -> Tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """Tokenizer and model, without transformers' own loading bar (it would break ``extract``'s)."""
    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForTokenClassification.from_pretrained(source)
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()
    return model, tokenizer
