"""``python -m thai_polnews.training.synth --n 1000 -o synth.jsonl``."""
from .cli import main

raise SystemExit(main())
