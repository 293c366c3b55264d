"""Options shared by the subcommands that run the pipeline."""
from __future__ import annotations

import argparse

from ..loading import load


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """``--model``, ``--no-model``, ``--device``, ``--batch-size`` and ``--int8``."""
    parser.add_argument("--model", default=None, help="NER checkpoint folder or hub id (default: the shipped model)")
    parser.add_argument("--no-model", action="store_true", help="run rules and sentence splitting only")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto", help="where the model runs")
    parser.add_argument("--batch-size", type=int, default=64, help="documents per batch (default 64, as thai_polnews.load)")
    parser.add_argument(
        "--int8", dest="quantize", action="store_true",
        help="run the model in int8 on the CPU (activation ranges fixed per model): a faster model "
        "than the default fp32; like fp32, the output never depends on batching",
    )


def pipeline_from_args(args: argparse.Namespace):
    """The pipeline the options ask for."""
    return load(args.model, device=args.device, batch_size=args.batch_size, use_model=not args.no_model, quantize=args.quantize)
