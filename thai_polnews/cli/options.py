"""Options shared by the subcommands that run the pipeline."""
from __future__ import annotations

import argparse

from ..loading import load


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """``--model``, ``--no-model``, ``--device`` and ``--batch-size``."""
    parser.add_argument("--model", default=None, help="NER checkpoint folder or hub id (default: the shipped model)")
    parser.add_argument("--no-model", action="store_true", help="run rules and sentence splitting only")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto", help="where the model runs")
    parser.add_argument("--batch-size", type=int, default=64, help="documents per batch (default 64, as thai_polnews.load)")
    precision = parser.add_mutually_exclusive_group()
    precision.add_argument("--int8", dest="quantize", action="store_const", const=True, default=None,
                           help="dynamic int8 model on the CPU (the default there): about 2x faster than fp32, same dev F1")
    precision.add_argument("--fp32", dest="quantize", action="store_const", const=False,
                           help="fp32 model on the CPU: slower, but a sentence's output never depends on its batch (README)")


def pipeline_from_args(args: argparse.Namespace):
    """The pipeline the options ask for."""
    return load(args.model, device=args.device, batch_size=args.batch_size, use_model=not args.no_model, quantize=args.quantize)
