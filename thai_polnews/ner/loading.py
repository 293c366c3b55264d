"""Load a token-classification checkpoint: a local folder, or a hub id asked for explicitly."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Tuple, Union

from transformers import AutoModelForTokenClassification, AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase
from transformers.utils import logging as hf_logging

from .errors import model_not_found, model_not_loadable

PathLike = Union[str, "os.PathLike[str]"]

HUB_TIMEOUT_S = 10.0
"""How long the hub may take to say whether a model id exists before the load gives up."""


def looks_like_path(name: str) -> bool:
    """True when ``name`` can only be a filesystem path, never a hub id (``owner/name``)."""
    return (
        os.path.isabs(name)
        or name.startswith((".", "~"))
        or name.count("/") > 1
        or "\\" in name
    )


def check_checkpoint(name_or_path: PathLike) -> str:
    """``name_or_path`` as a string when it names a usable checkpoint, without loading it.

    A folder must hold ``config.json``; a hub id must be in the local cache or known
    to the hub (asked once, with a short timeout). Raises ``ModelNotFoundError`` at
    once otherwise, so that a run fails before it starts, never after retries.
    """
    name = os.fspath(name_or_path)
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise model_not_found(str(path), "the folder has no config.json")
        return str(path)
    if path.exists():
        raise model_not_found(str(path), "it is a file, not a checkpoint folder")
    if looks_like_path(name):
        raise model_not_found(str(path), "the folder does not exist")
    if not _in_hub_cache(name):
        _ask_hub(name)
    return name


def load_checkpoint(name_or_path: PathLike) -> Tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """Model and tokenizer from a checkpoint folder, or from a hub id through ``from_pretrained``.

    Raises ``ModelNotFoundError`` when the folder is missing or incomplete or the hub
    id cannot be resolved, and ``ModelLoadError`` when the files are there but do not
    load (this library never needs the network for its own model).
    """
    source = check_checkpoint(name_or_path)
    try:
        return _from_pretrained(source, local_only=Path(source).is_dir() or _in_hub_cache(source))
    except Exception as err:  # transformers and safetensors raise many kinds for damaged files
        raise model_not_loadable(source, err) from err


def _in_hub_cache(repo_id: str) -> bool:
    """True when the hub's local cache already holds ``repo_id``'s config."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json")
    return isinstance(found, str)


def _ask_hub(repo_id: str) -> None:
    """Raise ``ModelNotFoundError`` unless the hub answers, within the timeout, that ``repo_id`` exists."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes"}:
        raise model_not_found(repo_id, "not a local folder, not in the hub cache, and HF_HUB_OFFLINE is set")
    from huggingface_hub import HfApi

    try:
        HfApi().model_info(repo_id, timeout=HUB_TIMEOUT_S)
    except Exception as err:  # any failure (network, not found, gated) means: not available now
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise model_not_found(repo_id, f"not a local folder, and the hub could not provide it ({reason})") from err


def _from_pretrained(source: str, *, local_only: bool) -> Tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """Tokenizer and model, without transformers' own loading bar (it would break ``extract``'s)."""
    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
        model = AutoModelForTokenClassification.from_pretrained(source, local_files_only=local_only)
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()
    return model, tokenizer
