"""The ``thai-polnews`` command: one subcommand per module, imported only when used."""
from __future__ import annotations

import importlib
import sys
from typing import List, Optional

# subcommand -> (module, function taking argv, one-line help)
COMMANDS = {
    "extract": ("thai_polnews.cli.extract", "main", "entities from .txt/.jsonl files to JSONL"),
    "evaluate": ("thai_polnews.cli.evaluate", "main", "score predictions or the pipeline against gold JSONL"),
    "train": ("thai_polnews.training.ner.train", "main", "train or fine-tune the NER model"),
    "synth": ("thai_polnews.training.synth", "main", "write a synthetic annotated corpus"),
    "train-sentences": ("thai_polnews.training.sentences", "main", "train the sentence-boundary model"),
    "index": ("thai_polnews.cli.index", "main", "load extract output into an SQLite registry"),
    "who": ("thai_polnews.cli.who", "main", "offices a person held over time (registry)"),
    "mentions": ("thai_polnews.cli.mentions", "main", "where a person or place is named (registry)"),
    "render": ("thai_polnews.cli.render", "main", "entities of JSONL records or texts as one HTML page"),
}


def usage() -> str:
    rows = "\n".join(f"  {name:<10}{help_}" for name, (_, _, help_) in COMMANDS.items())
    return f"usage: thai-polnews COMMAND [options]\n\ncommands:\n{rows}\n\n'thai-polnews COMMAND --help' for a command's options."


def main(argv: Optional[List[str]] = None) -> int:
    """Dispatch ``argv`` (default ``sys.argv[1:]``) to a subcommand; returns its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(usage())
        return 0 if args else 2
    if args[0] in {"-V", "--version"}:
        from .. import __version__

        print(__version__)
        return 0
    if args[0] not in COMMANDS:
        print(f"thai-polnews: unknown command {args[0]!r}. Available: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    module, function, _ = COMMANDS[args[0]]
    from ..ner.errors import ModelError

    try:
        return int(getattr(importlib.import_module(module), function)(args[1:]) or 0)
    except ModelError as err:
        print(f"thai-polnews {args[0]}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"thai-polnews {args[0]}: interrupted", file=sys.stderr)
        return 130
