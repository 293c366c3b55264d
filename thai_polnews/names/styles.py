"""The registry of transliteration styles: one table row per style, no if/elif chains.

A style is either the ``wunsen`` engine (Royal Institute rules) or a set of rule
rows from ``translit_rules.tsv``, optionally inheriting another style's rows.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Mapping, Optional, Tuple

from .tables import read_table
from .thai_script import ToneSpelling

EMPTY = "∅"


@dataclass(frozen=True)
class NucleusRule:
    """Vowel templates (``-`` = onset slot) and the glide added to the onset."""

    open: str
    closed: str
    glide_open: str = ""
    glide_closed: str = ""


@dataclass(frozen=True)
class Style:
    """A named way of writing Vietnamese in Thai script."""

    name: str
    engine: str
    description: str
    tone_spelling: ToneSpelling
    initials: Mapping[str, str] = field(default_factory=dict)
    nuclei: Mapping[str, NucleusRule] = field(default_factory=dict)
    rhymes: Mapping[str, str] = field(default_factory=dict)
    short: Mapping[str, str] = field(default_factory=dict)
    variants: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    codas: Mapping[str, str] = field(default_factory=dict)
    tones: Mapping[str, int] = field(default_factory=dict)
    rewrites: Mapping[Tuple[str, str], Tuple[str, str]] = field(default_factory=dict)
    syllables: Mapping[str, str] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def registry() -> Dict[str, Style]:
    """All styles by name, built once from ``styles.tsv`` and the rule tables."""
    rows = {row["style"]: row for row in read_table("styles.tsv")}
    return {name: _build(name, rows) for name in rows}


def style_names() -> Tuple[str, ...]:
    """Valid style names, in table order."""
    return tuple(registry())


def get_style(name: str) -> Style:
    """The style called ``name``; ValueError naming the valid styles otherwise."""
    styles = registry()
    if name not in styles:
        raise ValueError(
            f"Unknown transliteration style {name!r}. Valid styles: {', '.join(styles)}."
        )
    return styles[name]


def _lineage(name: str, rows: Mapping[str, Mapping[str, str]]) -> Tuple[str, ...]:
    """The style and its ancestors, base first."""
    parent: Optional[str] = rows[name].get("inherits") or None
    return (_lineage(parent, rows) if parent else ()) + (name,)


def _build(name: str, rows: Mapping[str, Mapping[str, str]]) -> Style:
    row = rows[name]
    lineage = set(_lineage(name, rows))
    order = {style: i for i, style in enumerate(_lineage(name, rows))}
    rules = sorted(
        (r for r in read_table("translit_rules.tsv") if r["style"] in lineage),
        key=lambda r: order[r["style"]],
    )
    parts: Dict[str, dict] = {p: {} for p in ("initial", "nucleus", "rhyme", "short", "coda", "tone", "rewrite")}
    variants: Dict[str, Tuple[str, ...]] = {}
    for rule in rules:
        vi = "" if rule["vi"] == EMPTY else rule["vi"]
        if rule["part"] == "variant":
            variants[vi] = variants.get(vi, ()) + (rule["closed"],)
        else:
            parts[rule["part"]][vi] = rule
    conventional = [r for r in read_table("conventional_th.tsv") if r["style"] == name]
    return Style(
        name=name,
        engine=row["engine"],
        description=row["description"],
        tone_spelling=ToneSpelling(row["ho_lead"] == "yes", row["high_pairs"] == "yes"),
        initials={k: r["open"] for k, r in parts["initial"].items()},
        nuclei={
            k: NucleusRule(r["open"], r["closed"], r["glide_open"], r["glide_closed"])
            for k, r in parts["nucleus"].items()
        },
        rhymes={k: r["closed"] for k, r in parts["rhyme"].items()},
        short={k: r["open"] for k, r in parts["short"].items()},
        variants=variants,
        codas={k: r["closed"] for k, r in parts["coda"].items()},
        tones={k: int(r["open"]) for k, r in parts["tone"].items()},
        rewrites={
            tuple(k.split("+")): tuple(r["closed"].split("+")) for k, r in parts["rewrite"].items()
        },
        syllables={r["vietnamese"].lower(): r["thai"] for r in conventional if r["level"] == "syllable"},
        names={r["vietnamese"].lower(): r["thai"] for r in conventional if r["level"] == "name"},
    )
