"""Training settings: nested dataclasses read from a JSON file, with dotted overrides."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any, Dict, List, Union

from thai_polnews.ner.labels import MODEL_LABELS

DEFAULT_CONFIG = Path(__file__).parent / "configs" / "default.json"


@dataclass
class TokenizerSettings:
    """Input unit (``char`` or ``bpe``) and vocabulary settings (``presegment``: BPE merges within words)."""

    unit: str = "char"
    vocab_size: int = 4000
    min_count: int = 2
    presegment: bool = True


@dataclass
class ModelSettings:
    """Size of the BERT-style encoder built from scratch."""

    hidden_size: int = 256
    num_layers: int = 4
    num_heads: int = 4
    intermediate_size: int = 1024
    dropout: float = 0.1
    attention_dropout: float = 0.1
    max_length: int = 256


@dataclass
class PretrainSettings:
    """Masked-language-model pretraining on unlabelled text (``steps`` 0 skips it)."""

    steps: int = 1000
    batch_size: int = 32
    lr: float = 1e-3
    warmup: float = 0.06
    weight_decay: float = 0.01
    mask_prob: float = 0.15
    mean_span: float = 2.0
    synth_docs: int = 1000
    corpora: List[str] = field(default_factory=lambda: ["pythainlp:wikipedia_titles_th.txt"])
    corpus_lines: int = 60000


@dataclass
class FinetuneSettings:
    """Token-classification training on labelled chunks."""

    steps: int = 2000
    batch_size: int = 16
    lr: float = 5e-4
    warmup: float = 0.06
    weight_decay: float = 0.01
    eval_every: int = 250
    classifier_dropout: float = 0.1


@dataclass
class DataSettings:
    """Synthetic training data and label-preserving augmentation rates."""

    synth_docs: int = 2000
    synth_seed: int = 1
    train_repeat: int = 1
    glue_prob: float = 0.15
    strip_diacritics_prob: float = 0.3
    space_in_entity_prob: float = 0.03
    split_prob: float = 0.3
    filler_rate: float = 0.0
    filler_source: str = "pythainlp:tnc_freq.txt"
    filler_words: int = 30000
    filler_max_words: int = 10


@dataclass
class TrainConfig:
    """Everything one training run needs besides file paths."""

    seed: int = 13
    labels: List[str] = field(default_factory=lambda: list(MODEL_LABELS))
    tokenizer: TokenizerSettings = field(default_factory=TokenizerSettings)
    model: ModelSettings = field(default_factory=ModelSettings)
    pretrain: PretrainSettings = field(default_factory=PretrainSettings)
    finetune: FinetuneSettings = field(default_factory=FinetuneSettings)
    data: DataSettings = field(default_factory=DataSettings)

    def to_dict(self) -> Dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


def _build(cls: type, values: Dict[str, Any], where: str) -> Any:
    """Dataclass ``cls`` from ``values``; unknown keys raise ``ValueError`` naming the valid ones."""
    known = {f.name: f for f in fields(cls)}
    unknown = set(values) - set(known)
    if unknown:
        raise ValueError(f"Unknown setting(s) {sorted(unknown)} in {where}; valid: {sorted(known)}.")
    kwargs = {}
    for name, value in values.items():
        default = getattr(cls(), name)
        kwargs[name] = _build(type(default), value, f"{where}.{name}") if is_dataclass(default) else value
    return cls(**kwargs)


def config_from_dict(values: Dict[str, Any]) -> TrainConfig:
    """``TrainConfig`` from a nested dict (missing keys take their defaults)."""
    return _build(TrainConfig, values, "config")


def load_config(path: Union[str, Path] = DEFAULT_CONFIG) -> TrainConfig:
    """``TrainConfig`` from a JSON file."""
    with Path(path).open(encoding="utf-8") as handle:
        return config_from_dict(json.load(handle))


def apply_override(config: TrainConfig, assignment: str) -> None:
    """Set one value from ``section.key=JSON`` (``finetune.lr=3e-4``, ``tokenizer.unit="bpe"``)."""
    key, sep, raw = assignment.partition("=")
    if not sep:
        raise ValueError(f"Override {assignment!r} is not of the form section.key=value.")
    *path, last = key.strip().split(".")
    target: Any = config
    for part in path:
        target = getattr(target, part)
    if not hasattr(target, last):
        raise ValueError(f"Unknown setting {key!r}.")
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    setattr(target, last, value)
