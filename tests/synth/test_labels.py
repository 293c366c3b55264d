"""Labels present, attrs right: DOC_CODE parsed back by the rule matcher, DATE by the date rules,
canonicals on Vietnamese persons and places, given-name references carry the full name."""
from __future__ import annotations

import re
from collections import Counter

from thai_polnews.names import unaccent
from thai_polnews.records import LABELS

L = "A-Za-zĐđ"
TYPE = rf"[A-ZĐ][{L}]{{0,5}}"
UNIT = rf"[A-ZĐ][{L}0-9]{{0,11}}"
HY, SL = r"\s?[-\u2010\u2011\u2013]\s?", r"\s?/\s?"
PARTY = re.compile(rf"(?P<num>\d{{1,5}}){HY}(?P<type>{TYPE}){SL}(?P<issuer>{UNIT}(?:[-\u2013]{UNIT})*)")
STATE = re.compile(rf"(?P<num>\d{{1,5}}){SL}(?:(?P<year>(?:19|20)\d{{2}}){SL})?(?P<type>{TYPE}){HY}(?P<issuer>{UNIT}(?:[-\u2013]{UNIT})*)")
LAW = re.compile(r"(?P<num>\d{1,4})/(?P<year>(?:19|20)\d{2})/(?P<issuer>QH\d{1,2})")
LETTER = re.compile(rf"(?P<num>\d{{1,5}})/(?P<issuer>UBND-{UNIT}|SNV-{UNIT})")

MONTHS = {m: i for i, m in enumerate(
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม".split(), 1)}
MONTHS.update({m: i for i, m in enumerate(
    "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split(), 1)})
MONTH = "(?P<month>" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
ERA = r"(?:(?:พ\.ศ\.|ค\.ศ\.) )?"
DATE_FORMS = [
    re.compile(rf"(?P<day>\d{{1,2}}) {MONTH} {ERA}(?P<year>\d{{2}}|\d{{4}})"),
    re.compile(rf"(?P<day>\d{{1,2}}) {MONTH}"),
    re.compile(rf"{MONTH} {ERA}(?P<year>\d{{4}})"),
    re.compile(rf"{MONTH}"),
    re.compile(rf"{ERA}(?P<year>\d{{4}})"),
    re.compile(rf"{ERA}(?P<year>\d{{4}})\s?[-\u2013]\s?(?P<year2>\d{{4}})"),
    re.compile(r"(?P<day>\d{1,2})/(?P<mnum>\d{1,2})/(?P<year>\d{4})"),
]


def _fold(s):
    return unaccent(s).upper()


def _ce(year: str) -> int:
    y = int(year)
    if len(year) == 2:
        return y + 2500 - 543
    return y - 543 if y >= 2400 else y


def parse_code(text):
    for kind, pattern in (("law", LAW), ("letter", LETTER), ("party", PARTY), ("state", STATE)):
        m = pattern.fullmatch(text)
        if m:
            g = m.groupdict()
            kind_type = {"law": "NQ", "letter": "CV"}.get(kind) or _fold(g["type"])
            return {"number": g["num"], "type": kind_type, "issuer": _fold(g["issuer"]), "year": g.get("year")}
    return None


def parse_date(text):
    text = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    for pattern in DATE_FORMS:
        m = pattern.fullmatch(text)
        if not m:
            continue
        g = m.groupdict()
        month = MONTHS[g["month"]] if g.get("month") else (int(g["mnum"]) if g.get("mnum") else None)
        if g.get("year2"):
            return f"{_ce(g['year']):04d}/{_ce(g['year2']):04d}"
        if g.get("year") and month and g.get("day"):
            return f"{_ce(g['year']):04d}-{month:02d}-{int(g['day']):02d}"
        if month and g.get("day"):
            return f"--{month:02d}-{int(g['day']):02d}"
        if g.get("year") and month:
            return f"{_ce(g['year']):04d}-{month:02d}"
        if month:
            return f"--{month:02d}"
        return f"{_ce(g['year']):04d}"
    return None


def test_all_six_labels_over_200_documents(first200):
    counts = Counter(e["label"] for r in first200 for e in r["entities"])
    assert set(counts) == set(LABELS)
    assert min(counts.values()) >= 50, counts


def test_doc_code_attrs_match_the_symbol(corpus):
    seen = 0
    for record in corpus:
        for ent in record["entities"]:
            if ent["label"] == "DOC_CODE":
                assert set(ent["attrs"]) == {"number", "type", "issuer", "year"}
                assert parse_code(ent["text"]) == ent["attrs"], ent
                seen += 1
    assert seen > 100


def test_doc_codes_take_every_form(corpus):
    texts = [e["text"] for r in corpus for e in r["entities"] if e["label"] == "DOC_CODE"]
    assert any(PARTY.fullmatch(t) for t in texts)
    assert any(STATE.fullmatch(t) and "/20" in t for t in texts)
    assert any(LAW.fullmatch(t) for t in texts)
    assert any(" /" in t for t in texts)
    assert any("Đ" in t for t in texts) and any("QD" in t for t in texts)


def test_date_attrs_match_the_surface(corpus):
    seen = Counter()
    for record in corpus:
        for ent in record["entities"]:
            if ent["label"] == "DATE":
                value = parse_date(ent["text"])
                assert value == ent["attrs"].get("value"), ent
                seen["--" if value.startswith("--") else "ce", len(value)] += 1
    assert set(seen) >= {("ce", 4), ("ce", 7), ("ce", 9), ("ce", 10), ("--", 4), ("--", 7)}, seen


def test_thai_digits_and_era_markers_occur(corpus):
    texts = [e["text"] for r in corpus for e in r["entities"] if e["label"] == "DATE"]
    assert any(re.search("[๐-๙]", t) for t in texts)
    assert any(t.startswith("พ.ศ.") for t in texts)


def test_vietnamese_persons_and_places_have_canonicals(corpus):
    for record in corpus:
        for ent in record["entities"]:
            if ent["label"] in ("PERSON", "LOCATION") and "canonical" in ent["attrs"]:
                canonical = ent["attrs"]["canonical"]
                assert canonical == unaccent(canonical) and canonical[:1].isupper(), ent
            if ent["label"] not in ("PERSON", "LOCATION"):
                assert "canonical" not in ent["attrs"]


def test_given_name_references_carry_the_full_canonical(corpus):
    """A one-word Latin mention of a Vietnamese person is a back-reference: its canonical
    is the full name, which a longer mention earlier in the document carries."""
    checked = 0
    for record in corpus:
        earlier = {}
        for ent in record["entities"]:
            if ent["label"] != "PERSON" or "canonical" not in ent["attrs"]:
                continue
            canonical = ent["attrs"]["canonical"]
            text = ent["text"]
            if re.fullmatch(r"[A-Za-z\u00c0-\u024f\u1e00-\u1ef9]+", text) and len(canonical.split()) >= 2:
                assert canonical.split()[-1] == unaccent(text), ent
                assert canonical in earlier and earlier[canonical] > len(text), (record["id"], ent)
                checked += 1
            earlier[canonical] = max(earlier.get(canonical, 0), len(text))
    assert checked > 20


def test_short_thai_references_follow_a_full_mention(corpus):
    checked = 0
    for record in corpus:
        longest = {}
        for ent in record["entities"]:
            if ent["label"] != "PERSON" or "canonical" not in ent["attrs"]:
                continue
            canonical = ent["attrs"]["canonical"]
            if canonical in longest and len(ent["text"]) < longest[canonical] / 2:
                checked += 1
            longest[canonical] = max(longest.get(canonical, 0), len(ent["text"]))
    assert checked > 50
