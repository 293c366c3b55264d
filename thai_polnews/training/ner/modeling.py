"""The encoder built from scratch: a small BERT for masked-LM pretraining and for tagging."""
from __future__ import annotations

from typing import Optional, Sequence

from transformers import BertConfig, BertForMaskedLM, BertForTokenClassification, PreTrainedTokenizerBase

from .config import ModelSettings
from thai_polnews.ner.labels import id2label, label2id


def encoder_config(settings: ModelSettings, tokenizer: PreTrainedTokenizerBase, labels: Sequence[str]) -> BertConfig:
    """``BertConfig`` for ``settings``, sized to the tokenizer, with the tag names of ``labels``."""
    return BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=settings.hidden_size,
        num_hidden_layers=settings.num_layers,
        num_attention_heads=settings.num_heads,
        intermediate_size=settings.intermediate_size,
        hidden_dropout_prob=settings.dropout,
        attention_probs_dropout_prob=settings.attention_dropout,
        max_position_embeddings=settings.max_length,
        type_vocab_size=1,
        pad_token_id=tokenizer.pad_token_id,
        id2label=id2label(labels),
        label2id=label2id(labels),
    )


def new_masked_lm(config: BertConfig) -> BertForMaskedLM:
    """A randomly initialised masked-LM model."""
    return BertForMaskedLM(config)


def tagger_from(config: BertConfig, pretrained: Optional[BertForMaskedLM], classifier_dropout: float) -> BertForTokenClassification:
    """A token classifier, its encoder copied from ``pretrained`` when given."""
    config.classifier_dropout = classifier_dropout
    model = BertForTokenClassification(config)
    if pretrained is not None:
        model.bert.load_state_dict(pretrained.bert.state_dict())
    return model
