"""Span edges that fall inside a Latin-script word: a span must never cut one."""
from __future__ import annotations

import unicodedata
from typing import Any, Dict, List, Sequence


def is_latin_letter(ch: str) -> bool:
    """True for a letter of the Latin script, Vietnamese letters with diacritics included."""
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def edges_inside_latin_words(text: str, entities: Sequence[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """One dict per span edge with a Latin letter on both sides (``side`` is ``start`` or ``end``).

    ``PhanTanCanh`` cut as ``Phan|TanCanh`` gives one; an edge next to a space,
    a digit or Thai script gives none.
    """
    cuts = []
    for ent in entities:
        for side, at in (("start", ent["start"]), ("end", ent["end"])):
            if 0 < at < len(text) and is_latin_letter(text[at - 1]) and is_latin_letter(text[at]):
                cuts.append({"side": side, "offset": at, "label": ent["label"],
                             "span": text[ent["start"]:ent["end"]]})
    return cuts
