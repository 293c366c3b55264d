"""One synthetic document: draw its setting, expand the grammar, add noise, make the record.

Each document has its own ``random.Random`` seeded from ``(seed, index)``, so any
document can be regenerated alone and the stream is the same however it is cut.
"""
from __future__ import annotations

import random
from typing import Any, Dict

from .builder import TextBuilder
from .context import Context, DocState
from .dates import DateWriter, random_day, random_style
from .lexicon import Lexicon
from .noise import apply_noise, random_profile
from .places import unit_word, write_place
from .resources import pick

YEARS = ((2019, 1), (2020, 2), (2021, 2), (2022, 2), (2023, 4), (2024, 6), (2025, 7), (2026, 2))
LATIN_SHARES = ((0.05, 3), (0.3, 4), (0.6, 2), (0.9, 1))

Record = Dict[str, Any]


def document_rng(seed: int, index: int) -> random.Random:
    """The RNG of document ``index`` of the stream ``seed`` (string seeding is stable across runs)."""
    return random.Random(f"thai_polnews.training.synth/{seed}/{index}")


def new_state(rng: random.Random, lex: Lexicon) -> DocState:
    """The setting of a document: topic, date, province, and how it writes names and dates."""
    year, month, day = random_day(rng, pick(rng, YEARS))
    era = lex.places.era_of(year, month, day)
    province = lex.places.province(rng, era)
    return DocState(
        topic=lex.topics.pick(rng),
        year=year,
        month=month,
        day=day,
        era=era,
        province=province,
        province_forms=[write_place(rng, province)],
        unit=unit_word(province, rng),
        latin_share=pick(rng, LATIN_SHARES),
        dates=DateWriter(rng, random_style(rng)),
    )


def make_document(lex: Lexicon, seed: int, index: int) -> Record:
    """Document ``index`` of the stream ``seed`` as an ANNOTATION.md record."""
    rng = document_rng(seed, index)
    state = new_state(rng, lex)
    out = TextBuilder(paragraph_sep="\n\n" if rng.random() < 0.2 else "\n")
    Context(rng, out, lex, state).expand("doc")
    text = out.finish()
    entities = sorted(out.entities, key=lambda e: e["start"])
    text, entities, sentences = apply_noise(text, entities, out.sentences, rng, random_profile(rng))
    return {
        "id": f"synth-{seed}-{index:06d}",
        "text": text,
        "sentences": sentences,
        "entities": entities,
        "meta": {
            "source": "thai_polnews.training.synth",
            "seed": seed,
            "index": index,
            "topic": state.topic,
            "date": f"{state.year:04d}-{state.month:02d}-{state.day:02d}",
            "province": state.province.canonical,
        },
    }
