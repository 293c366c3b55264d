"""DATE: calendar dates, months, years and year ranges in raw Thai (MT) text.

Values are ISO 8601 (ANNOTATION.md): ``YYYY-MM-DD``, ``--MM-DD`` without a
year, ``YYYY-MM``, ``--MM`` for a month alone, ``YYYY``, ``YYYY/YYYY`` for a
range. Years of 2400 and above are Buddhist era and become CE by minus 543.

What counts (the reviewer's summary):

* a Thai month name or abbreviation with a day and/or a year after it
  (``25 ธันวาคม 2023``, ``1 มีนาคม พ.ศ. 2568``, ``ธันวาคม 2568``,
  ``6 พ.ค. 68``); a *full* month name alone (``พฤศจิกายน``); an abbreviation
  alone is not a date (``ก.พ.`` is also the Civil Service Commission);
* a two-digit year only right after an abbreviated month, read as BE
  ``25yy`` and only for yy 40-99 (CE 1997-2056);
* an era marker with a year or a year range (``พ.ศ. 2567``,
  ``ค.ศ. 2030``, ``พ.ศ. 2567 - 2568``); the marker is inside the span;
* a range of two plausible years of one era, increasing, at most 100 years
  apart (``2020-2025``, ``2563 - 2568``), with or without a cue: one span;
* a bare 4-digit year (CE 1900-2100 or BE 2443-2643) only when a year cue
  from ``data/rules/date_cues.tsv`` ends right before it (ปี, ในปี, ถึงปี,
  วาระปี, สมัย, ...; the cue stays outside the span); without a cue a bare
  number is never a year (``การประชุม 2025`` is nothing);
* a numeric date ``dd/mm/yyyy`` (also with ``-`` or ``.``) that is a valid
  calendar date; a short ``dd/mm`` only after a day cue (วันที่ ``20/3``);
* nothing inside a URL or a document code (``30/2020/NĐ-CP``).

Thai digits are mapped one-to-one to ASCII before matching, so offsets stay
those of the original text.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Dict, List, Optional, Tuple

from .base import RuleMatch
from .doc_codes import find_doc_codes, non_overlapping, read_rule_table, url_spans

LABEL = "DATE"
BE_OFFSET = 543
CE_YEARS = (1900, 2100)
BE_YEARS = (2443, 2643)
TWO_DIGIT_BE = (40, 99)
MAX_RANGE_YEARS = 100
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI_DIGIT_RUN = re.compile("[๐-๙]+")


def _month_table() -> Dict[str, Tuple[int, bool]]:
    """Month spelling → (number, is_abbreviation), from ``thai_months.tsv``."""
    table: Dict[str, Tuple[int, bool]] = {}
    for row in read_rule_table("thai_months.tsv"):
        table[row["full"]] = (int(row["number"]), False)
        for abbr in row["abbreviations"].split("|"):
            table[abbr] = (int(row["number"]), True)
    return table


def _cues(kind: str) -> Tuple[str, ...]:
    """Cue words of one kind (``year``, ``day`` or ``era``), lower-cased, longest first."""
    rows = read_rule_table("date_cues.tsv")
    return tuple(sorted((r["cue"].lower() for r in rows if r["kind"] == kind), key=len, reverse=True))


def _dotted_pattern(spelling: str) -> str:
    """Regex for a spelling; an abbreviation (``ม.ค.``) may have a space after each inner dot."""
    parts = spelling.split(".")
    if len(parts) == 1:
        return re.escape(spelling)
    inner = r"\. ?".join(re.escape(p) for p in parts[:-1] if p)
    return inner + r"\."


MONTHS = _month_table()
MONTH_NUMBERS: Dict[str, Tuple[int, bool]] = {
    re.sub(r"[. ]", "", spelling): value for spelling, value in MONTHS.items()
}
YEAR_CUES = _cues("year")
DAY_CUES = _cues("day")
CUE_WINDOW = max(len(c) for c in YEAR_CUES + DAY_CUES) + 1

_MONTH = "|".join(_dotted_pattern(s) for s in sorted(MONTHS, key=len, reverse=True))
_ERA = "(?:" + "|".join(_dotted_pattern(s) for s in _cues("era")) + ")"
_DASH = "[-\u2010\u2011\u2012\u2013]"
_NUM_START = r"(?=[0-9])(?<![0-9.,/:\-])"  # the lookahead lets the scan skip non-digits fast
_NUM_END = r"(?![0-9%/]|[.,][0-9])"

_FIRST = "".join(sorted({s[0] for s in MONTHS}))
THAI_DATE = re.compile(
    rf"(?=[0-9{_FIRST}])(?:(?<![0-9.,/:])(?:(?P<first_day>[0-9]{{1,2}}) ?{_DASH} ?)?"
    rf"(?P<day>[0-9]{{1,2}}) ?)?(?P<month>{_MONTH})"
    rf"(?: ?(?P<era>{_ERA}) ?(?P<era_year>[0-9]{{4}}){_NUM_END}"
    rf"| ?(?P<year>[0-9]{{4}}){_NUM_END}"
    rf"| ?(?P<short_year>[0-9]{{2}}){_NUM_END})?"
)
ERA_YEAR = re.compile(
    rf"(?P<era>{_ERA}) ?(?P<first>[0-9]{{4}})(?: ?{_DASH} ?(?P<last>[0-9]{{4}}))?{_NUM_END}"
)
BARE_YEAR = re.compile(
    rf"{_NUM_START}(?P<first>[0-9]{{4}})(?: ?{_DASH} ?(?P<last>[0-9]{{4}}))?{_NUM_END}"
)
NUMERIC_DATE = re.compile(
    rf"{_NUM_START}(?P<day>[0-9]{{1,2}})(?P<sep>[/.\-])(?P<month>[0-9]{{1,2}})(?P=sep)"
    rf"(?P<year>[0-9]{{4}}){_NUM_END}"
)
SHORT_NUMERIC_DATE = re.compile(rf"{_NUM_START}(?P<day>[0-9]{{1,2}})/(?P<month>[0-9]{{1,2}}){_NUM_END}")
RANGE_GAP = re.compile(rf" ?{_DASH} ?")


def ascii_digits(text: str) -> str:
    """``text`` with Thai digits as ASCII, same length (so offsets carry over)."""
    return THAI_DIGIT_RUN.sub(lambda m: m.group().translate(THAI_DIGITS), text)


def to_ce(year: int) -> int:
    """CE year of a 4-digit year: Buddhist-era years (2400 and above) minus 543."""
    return year - BE_OFFSET if year >= 2400 else year


def is_year(year: int) -> bool:
    """Whether a 4-digit number is a plausible year of this genre (CE or BE)."""
    return CE_YEARS[0] <= year <= CE_YEARS[1] or BE_YEARS[0] <= year <= BE_YEARS[1]


def _same_era(first: int, last: int) -> bool:
    """Both years CE or both BE (``2020-2568`` is no range)."""
    return (first >= 2400) == (last >= 2400)


def _is_range(first: int, last: int) -> bool:
    """Two years that form a term range: plausible, one era, increasing, bounded gap."""
    return (
        is_year(first) and is_year(last) and _same_era(first, last)
        and 0 < last - first <= MAX_RANGE_YEARS
    )


def _valid_day(year: Optional[int], month: int, day: int) -> bool:
    """Whether ``day`` exists in ``month`` (of ``year``; a leap year when unknown)."""
    try:
        date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True


def _iso(year: Optional[int], month: Optional[int] = None, day: Optional[int] = None) -> str:
    """ISO 8601 value of a (partial) date; a missing year gives ``--MM[-DD]``."""
    head = f"{year:04d}" if year is not None else "-"
    parts = [head] + [f"{p:02d}" for p in (month, day) if p is not None]
    return "-".join(parts)


def _preceded_by(norm: str, start: int, cues: Tuple[str, ...]) -> bool:
    """Whether one of ``cues`` ends right before ``start`` (one space allowed between)."""
    before = norm[max(0, start - CUE_WINDOW):start].lower()
    if before.endswith(" "):
        before = before[:-1]
    return before.endswith(cues)


def _match(start: int, end: int, value: str) -> RuleMatch:
    """A DATE match with its ISO value."""
    return RuleMatch(start, end, LABEL, {"value": value})


def _thai_date(m: re.Match) -> Optional[RuleMatch]:
    """Day/month/year with a Thai month name; invalid parts are left out of the span."""
    month, abbreviated = MONTH_NUMBERS[re.sub(r"[. ]", "", m["month"])]
    year, end = None, m.end("month")
    if m["era_year"] and is_year(int(m["era_year"])):
        year, end = to_ce(int(m["era_year"])), m.end("era_year")
    elif m["year"] and is_year(int(m["year"])):
        year, end = to_ce(int(m["year"])), m.end("year")
    elif m["short_year"] and abbreviated and TWO_DIGIT_BE[0] <= int(m["short_year"]) <= TWO_DIGIT_BE[1]:
        year, end = to_ce(2500 + int(m["short_year"])), m.end("short_year")
    day = int(m["day"]) if m["day"] else None
    if day is not None and _valid_day(year, month, day):
        first = int(m["first_day"]) if m["first_day"] else None
        if first is not None and 1 <= first < day:  # a day range inside one month (ANNOTATION.md)
            return _match(m.start("first_day"), end, f"{_iso(year, month, first)}/{_iso(year, month, day)}")
        return _match(m.start("day"), end, _iso(year, month, day))
    if abbreviated and year is None:
        return None
    return _match(m.start("month"), end, _iso(year, month))


def _era_year(m: re.Match) -> Optional[RuleMatch]:
    """``พ.ศ. 2567``, ``ค.ศ. 2030``, ``พ.ศ. 2567 - 2568``: the marker is in the span."""
    first = int(m["first"])
    if not is_year(first):
        return None
    if m["last"] and _is_range(first, int(m["last"])):
        return _match(m.start(), m.end("last"), f"{to_ce(first)}/{to_ce(int(m['last']))}")
    return _match(m.start(), m.end("first"), _iso(to_ce(first)))


def _bare_year(m: re.Match, norm: str) -> Optional[RuleMatch]:
    """A dash range of years (always), or one year right after a year cue."""
    first = int(m["first"])
    if m["last"] and _is_range(first, int(m["last"])):
        return _match(m.start(), m.end("last"), f"{to_ce(first)}/{to_ce(int(m['last']))}")
    if is_year(first) and _preceded_by(norm, m.start(), YEAR_CUES):
        return _match(m.start(), m.end("first"), _iso(to_ce(first)))
    return None


def _numeric_date(m: re.Match) -> Optional[RuleMatch]:
    """``15/12/2024`` (day first, Vietnamese order) when it is a real calendar date."""
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    if not is_year(year) or not _valid_day(to_ce(year), month, day):
        return None
    return _match(m.start(), m.end(), _iso(to_ce(year), month, day))


def _short_numeric_date(m: re.Match, norm: str) -> Optional[RuleMatch]:
    """``20/3`` as ``--03-20``, only right after a day cue (วันที่); else a fraction or score."""
    month, day = int(m["month"]), int(m["day"])
    if not _valid_day(None, month, day) or not _preceded_by(norm, m.start(), DAY_CUES):
        return None
    return _match(m.start(), m.end(), _iso(None, month, day))


def _candidates(norm: str) -> List[RuleMatch]:
    """Every reading of every pattern, before overlaps are resolved."""
    found: List[Optional[RuleMatch]] = []
    found += [_thai_date(m) for m in THAI_DATE.finditer(norm)]
    found += [_era_year(m) for m in ERA_YEAR.finditer(norm)]
    found += [_bare_year(m, norm) for m in BARE_YEAR.finditer(norm)]
    found += [_numeric_date(m) for m in NUMERIC_DATE.finditer(norm)]
    found += [_short_numeric_date(m, norm) for m in SHORT_NUMERIC_DATE.finditer(norm)]
    return [m for m in found if m is not None]


def _blocked_spans(text: str) -> List[Tuple[int, int]]:
    """Spans no date may overlap: URLs and document codes."""
    return url_spans(text) + [(m.start, m.end) for m in find_doc_codes(text)]


def _share_range_year(matches: List[RuleMatch], norm: str) -> List[RuleMatch]:
    """``6 พ.ค.-5 มิ.ย. 68``: a yearless date before a dash takes the year of the date after it."""
    out = list(matches)
    for i in range(len(out) - 1):
        first, last = out[i], out[i + 1]
        value, next_value = first.attrs["value"], last.attrs["value"]
        if not value.startswith("--") or "/" in value or next_value.startswith("--") or len(next_value) < 7:
            continue
        if RANGE_GAP.fullmatch(norm, first.end, last.start):
            out[i] = _match(first.start, first.end, next_value[:4] + value[1:])
    return out


def find_dates(text: str) -> List[RuleMatch]:
    """All DATE spans in ``text``, sorted and non-overlapping, with ISO values."""
    norm = ascii_digits(text)
    blocked = _blocked_spans(text)
    candidates = [
        m for m in _candidates(norm) if not any(m.start < e and m.end > s for s, e in blocked)
    ]
    return _share_range_year(non_overlapping(candidates), norm)
