"""DOC_CODE: symbols of Vietnamese legal and party documents in raw (Thai MT) text.

Three shapes (Decree 30/2020/NĐ-CP, Appendix III, for state documents; Guideline 36-HD/VPTW for party documents), told apart by the order of the separators:

* party ``NUMBER-TYPE/ISSUER``: ``27-CT/TW``, ``137-QĐ/TW``, ``08-QĐi/TW``;
* state ``NUMBER/[YEAR/]TYPE-ISSUER``: ``03/KH-UBND``, ``30/2020/NĐ-CP``;
  a state symbol whose "type" is really an issuer is a công văn
  (``45/UBND-VP`` → type ``CV``);
* National Assembly ``NUMBER/YEAR/QH<term>``: ``202/2025/QH15`` → type ``NQ``.

The type must be listed for its system in ``data/rules/doc_types.tsv``; any
well-formed issuer is accepted (``data/rules/issuers.tsv`` only decides the
công văn reading). Digits are ASCII ``[0-9]`` on purpose: Python's ``\\d``
also matches Thai digits. Look-arounds list Latin letters explicitly, never
``\\w``, because Thai letters may touch a code on either side (``มติที่27-NQ/TUลง``).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from importlib.resources import files
from typing import Dict, FrozenSet, List, Optional, Tuple

from .base import RuleMatch

LABEL = "DOC_CODE"
NA_TYPE = "NQ"  # ANNOTATION decision 12: NUMBER/YEAR/QH<n> symbols are typed NQ
CONG_VAN_TYPE = "CV"


def read_rule_table(name: str) -> List[Dict[str, str]]:
    """Rows of a TSV file shipped in ``thai_polnews/data/rules``."""
    text = files("thai_polnews").joinpath("data", "rules", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def fold(code: str) -> str:
    """ASCII upper case for attrs: ``Đ``→``D``, diacritics dropped (``QĐi`` → ``QDI``)."""
    code = code.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", code)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).upper()


def _types_by_system(rows: List[Dict[str, str]]) -> Dict[str, FrozenSet[str]]:
    """Folded type codes valid in the party and in the state system."""
    systems = {"party": set(), "state": set()}
    for row in rows:
        for system in systems:
            if row["system"] in (system, "both"):
                systems[system].add(row["code_ascii"])
    return {system: frozenset(codes) for system, codes in systems.items()}


TYPES = _types_by_system(read_rule_table("doc_types.tsv"))
ISSUERS: FrozenSet[str] = frozenset(row["code_ascii"] for row in read_rule_table("issuers.tsv"))

_LETTER = "A-Za-zĐđ\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f"  # Latin incl. Vietnamese letters
_UPPER = "A-ZĐ"
_TYPE = rf"[{_UPPER}][{_LETTER}]{{0,5}}"
_DASH = "\\-\u2010\u2011\u2012\u2013"
_SP = "[ \u00a0]?"
# a digit inside an issuer (``QH15``) never starts a glued next code (``TW27-CT/TW``, ``TW03/KH-UBND``)
_UNIT = rf"[{_UPPER}](?:[{_LETTER}]|[0-9](?![0-9]*{_SP}[{_DASH}/])){{0,11}}"
_HY = rf"{_SP}[{_DASH}]{_SP}"
_SL = rf"{_SP}/{_SP}"
_ISSUER = rf"{_UNIT}(?:[{_DASH}]{_UNIT})*"
_YEAR = "(?:19|20)[0-9]{2}"
_LB = rf"(?=[0-9])(?<![0-9{_LETTER}/.,{_DASH}])"  # the lookahead lets the scan skip non-digits fast
_NEXT_CODE = rf"[0-9]{{1,5}}{_SP}[{_DASH}/]"
_LA = rf"(?:(?![0-9{_LETTER}/])|(?={_NEXT_CODE}))"  # a code ends before anything but letters, digits, /, or before a glued code

_PARTY = rf"(?P<num>[0-9]{{1,5}}){_HY}(?P<type>{_TYPE}){_SL}(?P<issuer>{_ISSUER}){_LA}"
_STATE = rf"(?P<num>[0-9]{{1,5}}){_SL}(?:(?P<year>{_YEAR}){_SL})?(?P<type>{_TYPE}){_HY}(?P<issuer>{_ISSUER}){_LA}"
_NATIONAL_ASSEMBLY = rf"(?P<num>[0-9]{{1,5}}){_SL}(?P<year>{_YEAR}){_SL}(?P<issuer>QH[0-9]{{1,2}}){_LA}"
PARTY, STATE, NATIONAL_ASSEMBLY = (re.compile(_LB + body) for body in (_PARTY, _STATE, _NATIONAL_ASSEMBLY))
GLUED = tuple(re.compile(body) for body in (_PARTY, _STATE, _NATIONAL_ASSEMBLY))
"""The same shapes without the left guard: a code that starts where the previous one ends."""
URL = re.compile(r"(?:https?://|www\.)[^\s]+")


def _attrs(number: str, doc_type: str, issuer: str, year: Optional[str]) -> Dict[str, Optional[str]]:
    """The normalised attribute dict of one code."""
    return {"number": number, "type": doc_type, "issuer": issuer, "year": year}


def _party(match: re.Match) -> Optional[Dict[str, Optional[str]]]:
    """Attrs of a party symbol, or None when its type is no party type."""
    doc_type = fold(match["type"])
    if doc_type not in TYPES["party"]:
        return None
    return _attrs(match["num"], doc_type, fold(match["issuer"]), None)


def _state(match: re.Match) -> Optional[Dict[str, Optional[str]]]:
    """Attrs of a state symbol; a known issuer in the type slot makes it a công văn."""
    doc_type = fold(match["type"])
    issuer = fold(match["issuer"])
    if doc_type in TYPES["state"]:
        return _attrs(match["num"], doc_type, issuer, match["year"])
    if doc_type in ISSUERS and match["year"] is None:
        return _attrs(match["num"], CONG_VAN_TYPE, f"{doc_type}-{issuer}", None)
    return None


def _national_assembly(match: re.Match) -> Optional[Dict[str, Optional[str]]]:
    """Attrs of a National Assembly symbol (law or resolution, typed NQ)."""
    return _attrs(match["num"], NA_TYPE, fold(match["issuer"]), match["year"])


_READERS = ((PARTY, _party), (STATE, _state), (NATIONAL_ASSEMBLY, _national_assembly))


def non_overlapping(matches: List[RuleMatch]) -> List[RuleMatch]:
    """Keep the longest of overlapping matches (earliest on ties), sorted by offset."""
    starts: List[int] = []
    kept: List[RuleMatch] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        i = bisect_left(starts, m.start)
        if i > 0 and kept[i - 1].end > m.start:
            continue
        if i < len(kept) and kept[i].start < m.end:
            continue
        starts.insert(i, m.start)
        kept.insert(i, m)
    return kept


def url_spans(text: str) -> List[Tuple[int, int]]:
    """Offsets of URLs: nothing inside a URL is an entity (ANNOTATION hard cases)."""
    return [m.span() for m in URL.finditer(text)]


def _inside(start: int, end: int, spans: List[Tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of ``spans``."""
    return any(start < e and end > s for s, e in spans)


def find_doc_codes(text: str) -> List[RuleMatch]:
    """All document symbols in ``text``, sorted and non-overlapping, with attrs."""
    urls = url_spans(text)
    found: List[RuleMatch] = []
    for pattern, read in _READERS:
        for match in pattern.finditer(text):
            attrs = read(match)
            if attrs is not None and not _inside(match.start(), match.end(), urls):
                found.append(RuleMatch(match.start(), match.end(), LABEL, attrs))
    todo = list(found)
    while todo:  # codes glued to the end of a found one, one after another
        end = todo.pop().end
        for pattern, (_, read) in zip(GLUED, _READERS):
            match = pattern.match(text, end)
            attrs = read(match) if match else None
            if attrs is not None and not _inside(match.start(), match.end(), urls):
                found.append(RuleMatch(match.start(), match.end(), LABEL, attrs))
                todo.append(found[-1])
    return non_overlapping(found)
