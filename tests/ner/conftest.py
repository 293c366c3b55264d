"""Fixtures for the NER tests: marked-up toy sentences and a tiny model trained on them once."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

MARKUP = re.compile(r"\[(PERSON|LOCATION|ORGANIZATION|POSITION|DATE) ([^\]]+)\]")

TOY_SENTENCES = [
    "สหาย [PERSON เหงียน กวาง ตรัง] [POSITION เลขาธิการพรรคประจำจังหวัด]",
    "[ORGANIZATION คณะกรรมการประชาชนจังหวัด] [LOCATION ไห่เซือง] จัดการประชุม",
    "นาย [PERSON Phan Tan Canh] เดินทางไป [LOCATION ฮานอย] วันนี้",
    "[POSITION นายกรัฐมนตรี] [PERSON ฝ่าม มินห์ จิ๋ง] พบกับ [ORGANIZATION โปลิตบูโร]",
    "ภาพ: [ORGANIZATION TTXVN]",
    "สหาย[PERSON ลัมดอง] [POSITION รองประธานสภาประชาชนจังหวัด]",
    "[PERSON Tran Duc Thang] เยือนเมือง [LOCATION Chi Linh] เมื่อ [DATE 2568]",
    # exactly one model window (62 characters) long, for the long-input test
    "ผู้แทนจากหลายหน่วยงานเข้าร่วมประชุมกับ [ORGANIZATION แนวร่วมปิตุภูมิเวียดนาม]",
]


def from_markup(marked: str) -> Dict[str, Any]:
    """``{"text", "entities"}`` from ``[LABEL surface]`` markup."""
    text, entities, cursor = "", [], 0
    for m in MARKUP.finditer(marked):
        text += marked[cursor : m.start()]
        entities.append({"start": len(text), "end": len(text) + len(m.group(2)), "label": m.group(1)})
        text += m.group(2)
        cursor = m.end()
    return {"text": text + marked[cursor:], "entities": entities}


def surfaces(record: Dict[str, Any], labels=("PERSON", "LOCATION", "ORGANIZATION", "POSITION")) -> List[tuple]:
    """``(start, end, label)`` of the record's entities of ``labels``."""
    return [(e["start"], e["end"], e["label"]) for e in record["entities"] if e["label"] in labels]


@pytest.fixture(scope="session")
def toy_records() -> List[Dict[str, Any]]:
    return [dict(from_markup(s), id=f"toy-{i}") for i, s in enumerate(TOY_SENTENCES)]


def joined(records: List[Dict[str, Any]], sep: str = "\n") -> Dict[str, Any]:
    """One document of ``records`` separated by ``sep``, entity offsets shifted."""
    text, entities = "", []
    for rec in records:
        if text:
            text += sep
        entities += [dict(e, start=e["start"] + len(text), end=e["end"] + len(text)) for e in rec["entities"]]
        text += rec["text"]
    return {"text": text, "entities": entities}


@pytest.fixture(scope="session")
def toy_jsonl(tmp_path_factory, toy_records) -> Path:
    """The toy sentences one per line, plus documents of all of them so chunks span lines."""
    path = tmp_path_factory.mktemp("data") / "toy.jsonl"
    documents = toy_records + [joined(toy_records[k:] + toy_records[:k]) for k in range(0, len(toy_records), 2)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in documents), encoding="utf-8")
    return path


TINY_SETTINGS = [
    'tokenizer.unit="char"',
    "data.filler_rate=0.0",
    "model.hidden_size=32",
    "model.num_layers=2",
    "model.num_heads=2",
    "model.intermediate_size=64",
    "model.max_length=64",
    "model.dropout=0.0",
    "model.attention_dropout=0.0",
    "finetune.classifier_dropout=0.0",
    "finetune.batch_size=8",
    "finetune.lr=0.003",
    "finetune.warmup=0.0",
    "finetune.eval_every=1000",
    "pretrain.batch_size=8",
    "pretrain.synth_docs=0",
    "pretrain.corpora=[]",
    "data.glue_prob=0.0",
    "data.strip_diacritics_prob=0.0",
    "data.space_in_entity_prob=0.0",
    "data.split_prob=0.0",
]


def tiny_train_argv(train: Path, output: Path, steps: int, pretrain_steps: int = 0) -> List[str]:
    """``train.main`` arguments for a tiny randomly initialised model."""
    argv = ["--train", str(train), "--output", str(output), "--max-steps", str(steps), "--pretrain-steps", str(pretrain_steps), "--quiet"]
    for setting in TINY_SETTINGS:
        argv += ["--set", setting]
    return argv


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory, toy_jsonl) -> Path:
    """A tiny char-level model overfit on the toy sentences (trained once per session)."""
    from thai_polnews.training.ner.train import main

    output = tmp_path_factory.mktemp("model") / "tiny"
    assert main(tiny_train_argv(toy_jsonl, output, steps=300, pretrain_steps=5)) == 0
    return output
