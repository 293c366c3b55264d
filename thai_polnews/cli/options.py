"""Options shared by the subcommands that run the pipeline."""
from __future__ import annotations

import argparse

from ..loading import load


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """``--model``, ``--no-model``, ``--device`` and ``--batch-size``."""
    parser.add_argument("--model", default=None, help="NER checkpoint folder or hub id (default: the shipped model)")
    parser.add_argument("--no-model", action="store_true", help="run rules and sentence splitting only")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto", help="where the model runs")
    parser.add_argument("--batch-size", type=int, default=32, help="documents per batch (default 32)")
    parser.add_argument("--fp32", action="store_true", help="run the model in fp32 on the CPU (default: dynamic int8, see README)")


def pipeline_from_args(args: argparse.Namespace):
    """The pipeline the options ask for."""
    return load(args.model, device=args.device, batch_size=args.batch_size, use_model=not args.no_model, quantize=not args.fp32)
