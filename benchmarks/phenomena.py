"""Count the real-page phenomena of docs/GENRE.md in annotated training data.

    python benchmarks/phenomena.py [FILE.jsonl ...] [--synth N] [--json OUT]

With no files, counts every ``annotations/train/*.jsonl``; ``--synth N`` adds N
generated documents (seed 1, as the trainer makes them). Each phenomenon is
recognised from the gold spans and the text around them, with the fact tables of
``thai_polnews/data/world`` for foreign persons and places, international bodies
and news agencies. A count is the number of occurrences (spans, or pairs of
spans for the glued and list phenomena), so "at least 30 training examples" can
be checked per phenomenon. The shapes are approximate by design (a list of bodies
is two ORGANIZATION spans with only a space, a comma or และ between them); they
count, they do not score.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Mapping, Sequence, Set

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT / "thai_polnews" / "data" / "world"
NAMES = ROOT / "thai_polnews" / "data" / "names"

LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
THAI = re.compile(r"[\u0E00-\u0E7F]")
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
DAY_NAMES = re.compile(r"วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)")
CREDIT_CUES = ("ภาพ", "Photo", "photo", "Ảnh", "ที่มา", "Nguồn", "Source", "ผู้สื่อข่าว", "รายงานโดย")
DEPARTMENT_HEADS = ("ฝ่าย", "กรม", "สำนักงาน", "Sở ", "สำนัก")
NATIONAL_ASSEMBLY = ("รัฐสภา", "สภาแห่งชาติ", "สภานิติบัญญัติแห่งชาติ", "Quốc hội")
COURTS_FRONTS_UNIONS = ("ศาล", "อัยการ", "แนวร่วม", "สหภาพ", "สหพันธ์", "สมาคม", "สมาพันธ์", "กองเยาวชน")
FOREIGN_PARTY_COUNTRIES = ("ลาว", "กัมพูชา", "จีน", "คิวบา", "รัสเซีย", "ญี่ปุ่น", "เกาหลี", "ไทย", "สหรัฐ", "อินเดีย")
COUNTRIES = ("เวียดนาม", "จีน", "ลาว", "กัมพูชา", "ไทย", "ญี่ปุ่น", "เกาหลีใต้", "เกาหลี", "สหรัฐฯ", "สหรัฐ", "รัสเซีย",
             "ฝรั่งเศส", "อินเดีย", "สิงคโปร์", "มาเลเซีย", "อินโดนีเซีย", "ฟิลิปปินส์", "ออสเตรเลีย", "คิวบา", "เยอรมนี")
VENUES = ("ทำเนียบประธานาธิบดี", "ทำเนียบรัฐบาล", "ทำเนียบขาว", "อาคารรัฐสภา", "มหาศาลาประชาชน")
GENERIC_ROLES = ("ผู้นำ", "เจ้าหน้าที่", "บรรดา", "รัฐมนตรีหลาย", "ผู้แทน", "ผู้บริหาร", "สมาชิก")
TONE_MARKS = "\u0E48\u0E49\u0E4A\u0E4B"

PHENOMENA = (
    ("1", "body_department", "department rendered with ฝ่าย / กรม / สำนักงาน / Sở"),
    ("1", "body_national_assembly", "National Assembly, any of its names, and its bodies"),
    ("1", "body_ministry", "ministry"),
    ("1", "body_court_front_union", "court, procuracy, front, union, association"),
    ("1", "body_international", "international body or meeting"),
    ("1", "body_news", "news agency or newspaper"),
    ("1", "body_foreign_party", "foreign party"),
    ("2", "foreign_person", "foreign person"),
    ("2", "foreign_place", "foreign place"),
    ("2", "title_country_glued", "title glued to a country, inside the POSITION (ประธานาธิบดีจีน)"),
    ("3", "latin_acronym", "Latin acronym span"),
    ("3", "latin_credit", "Latin credit (in brackets or after a credit cue)"),
    ("3", "latin_company", "Latin multi-word organisation name"),
    ("4", "title_glued_name", "title glued to a name (POSITION + PERSON, nothing between)"),
    ("4", "name_glued_verb", "name glued to the following Thai word"),
    ("5", "list_of_bodies", "two bodies joined by a space, comma or และ"),
    ("6", "day_name_outside", "day name left outside entities (negative)"),
    ("6", "venue_outside", "venue containing a title or body: no POSITION inside, no span over it (negative)"),
    ("6", "generic_role_outside", "generic plural role left unannotated (negative)"),
    ("7", "person_latin", "Vietnamese-style person name in Latin script"),
    ("7", "person_spelling_variant", "Thai person name whose tone-stripped form has several spellings"),
)


def _table(path: Path) -> List[Dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


def _forms(rows: Iterable[Mapping[str, str]], *columns: str) -> Set[str]:
    forms: Set[str] = set()
    for row in rows:
        for column in columns:
            for form in (row.get(column) or "").split("|"):
                form = form.strip()
                if len(form) >= 2:
                    forms.add(form)
    return forms


class Lexicon:
    """Surface forms of the fact tables that the counters look up."""

    def __init__(self) -> None:
        self.foreign_persons = _forms(_table(WORLD / "foreign_leaders.tsv"), "th", "latin")
        self.foreign_places = _forms(_table(WORLD / "foreign_places.tsv"), "th", "latin") | _forms(
            _table(NAMES / "foreign_places.tsv"), "th")
        bodies = _table(WORLD / "international_bodies.tsv")
        self.international = _forms(bodies, "th", "acronym") | {
            "อาเซียน", "เอเปค", "สหประชาชาติ", "ASEAN", "APEC", "UN", "UNESCO", "WTO", "IMF", "WB"}
        self.news = _forms(_table(WORLD / "news_agencies.tsv"), "th") | {
            "VNA", "TTXVN", "VOV", "VOVWORLD", "Xinhua", "Reuters", "AFP", "AP", "รอยเตอร์", "ซินหัว", "วีเอ็นเอ"}
        places = _table(WORLD / "foreign_places.tsv")
        self.countries = tuple(sorted(_forms([r for r in places if r.get("level") == "country"], "th") | set(COUNTRIES)))
        surnames = _table(NAMES / "surnames.tsv")
        self.vn_surnames_latin = {unicodedata.normalize("NFC", r["surname_vi"]) for r in surnames} | {
            r["surname_ascii"] for r in surnames}
        self.vn_syllables_th = {_untoned(f) for f in _forms(_table(NAMES / "syllables_th.tsv"), "th")} | _rendered_syllables()

    def is_foreign_person(self, surface: str) -> bool:
        if surface in self.foreign_persons or any(f in surface for f in self.foreign_persons if len(f) > 5):
            return True
        words = surface.split()
        if len(words) < 2 or LATIN.search(surface) or not THAI.search(surface):
            return False
        known = sum(1 for word in words if _untoned(word) in self.vn_syllables_th)
        return known * 2 < len(words)

    def in_any(self, surface: str, forms: Iterable[str]) -> bool:
        return surface in forms or any(len(f) > 3 and f in surface for f in forms)


def _untoned(word: str) -> str:
    return "".join(ch for ch in word if ch not in TONE_MARKS)


def _rendered_syllables() -> Set[str]:
    """Tone-stripped Thai renderings of every Vietnamese name syllable, in every transliteration style."""
    from thai_polnews.names.translit import render_all

    styles = [row["style"] for row in _table(NAMES / "styles.tsv")]
    forms: Set[str] = set()
    for row in _table(NAMES / "syllable_freq.tsv"):
        for style in styles:
            try:
                forms.update(_untoned(form) for form in render_all(row["syllable_vi"], [style]))
            except ValueError:
                continue
    return forms


def _between(text: str, left: Mapping, right: Mapping) -> str:
    return text[left["end"]:right["start"]]


def count_record(record: Mapping, lex: Lexicon, counts: Counter, spellings: Dict[str, Set[str]]) -> None:
    """Add the phenomena of one gold record to ``counts``."""
    text: str = record["text"]
    ents = sorted(record.get("entities", []), key=lambda e: (e["start"], e["end"]))
    covered = [False] * (len(text) + 1)
    for e in ents:
        for i in range(e["start"], e["end"]):
            covered[i] = True
    for e in ents:
        surface, label = text[e["start"]:e["end"]], e["label"]
        latin = bool(LATIN.search(surface)) and not THAI.search(surface)
        if label == "ORGANIZATION":
            if surface.startswith(DEPARTMENT_HEADS):
                counts["body_department"] += 1
            if any(n in surface for n in NATIONAL_ASSEMBLY):
                counts["body_national_assembly"] += 1
            if surface.startswith("กระทรวง") or surface.startswith("Bộ "):
                counts["body_ministry"] += 1
            if any(n in surface for n in COURTS_FRONTS_UNIONS):
                counts["body_court_front_union"] += 1
            if lex.in_any(surface, lex.international) or surface.startswith("การประชุมสุดยอด"):
                counts["body_international"] += 1
            if lex.in_any(surface, lex.news) or surface.startswith(("หนังสือพิมพ์", "สำนักข่าว", "Báo ")):
                counts["body_news"] += 1
            if "พรรค" in surface and any(c in surface for c in FOREIGN_PARTY_COUNTRIES):
                counts["body_foreign_party"] += 1
            if latin and ACRONYM.match(surface):
                counts["latin_acronym"] += 1
            elif latin and " " in surface:
                counts["latin_company"] += 1
        if label == "PERSON":
            if lex.is_foreign_person(surface):
                counts["foreign_person"] += 1
            elif latin:
                first = surface.split()[0]
                if first in lex.vn_surnames_latin or unicodedata.normalize("NFC", first) in lex.vn_surnames_latin:
                    counts["person_latin"] += 1
            else:
                key = "".join(ch for ch in surface if ch not in TONE_MARKS and not ch.isspace())
                spellings.setdefault(key, set()).add(surface)
            end = e["end"]
            if end < len(text) and THAI.match(text[end]) and not covered[end]:
                counts["name_glued_verb"] += 1
        if label == "POSITION" and surface.endswith(lex.countries):
            counts["title_country_glued"] += 1
        if label == "LOCATION" and lex.in_any(surface, lex.foreign_places):
            counts["foreign_place"] += 1
        if latin and label in ("PERSON", "ORGANIZATION"):
            before = text[max(0, e["start"] - 12):e["start"]]
            if any(cue in before for cue in CREDIT_CUES) or (before.endswith("(") and lex.in_any(surface, lex.news)):
                counts["latin_credit"] += 1
    for left, right in zip(ents, ents[1:]):
        gap = _between(text, left, right)
        if left["label"] == "POSITION" and right["label"] == "PERSON" and gap == "":
            counts["title_glued_name"] += 1
        if left["label"] == right["label"] == "ORGANIZATION" and gap.strip(" ,") in ("", "และ"):
            counts["list_of_bodies"] += 1
    for pattern, key in ((DAY_NAMES, "day_name_outside"),):
        counts[key] += sum(1 for m in pattern.finditer(text) if not any(covered[m.start():m.end()]))
    for venue in VENUES:
        start = text.find(venue)
        while start >= 0:
            end = start + len(venue)
            if not any(e["label"] == "POSITION" and e["start"] < end and e["end"] > start for e in ents) and not any(
                    e["start"] <= start and e["end"] >= end for e in ents):
                counts["venue_outside"] += 1
            start = text.find(venue, start + 1)
    for role in GENERIC_ROLES:
        start = text.find(role)
        while start >= 0:
            if not covered[start]:
                counts["generic_role_outside"] += 1
            start = text.find(role, start + 1)


def count(records: Iterable[Mapping]) -> Counter:
    """Occurrences of every phenomenon in ``records``."""
    lex = Lexicon()
    counts: Counter = Counter({key: 0 for _, key, _ in PHENOMENA})
    spellings: Dict[str, Set[str]] = {}
    for record in records:
        count_record(record, lex, counts, spellings)
    counts["person_spelling_variant"] = sum(len(forms) for forms in spellings.values() if len(forms) > 1)
    return counts


def read_jsonl(paths: Sequence[Path]) -> Iterator[dict]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def synth_records(n: int) -> List[dict]:
    from thai_polnews.training.synth import generate  # training extra, only when asked

    return list(generate(n, seed=1))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="gold JSONL files (default: annotations/train/*.jsonl)")
    parser.add_argument("--synth", type=int, default=0, help="also count N generated documents (seed 1)")
    parser.add_argument("--json", type=Path, help="write the counts here as JSON")
    args = parser.parse_args(argv)
    files = args.files or sorted((ROOT / "annotations" / "train").glob("*.jsonl"))
    columns = {"hand-written": count(read_jsonl(files))}
    if args.synth:
        columns[f"synthetic ({args.synth})"] = count(synth_records(args.synth))
    docs = sum(1 for _ in read_jsonl(files))
    print(f"{docs} documents in {len(files)} file(s)")
    print("| issue item | phenomenon | " + " | ".join(columns) + " |")
    print("|---|---|" + "---:|" * len(columns))
    for item, key, what in PHENOMENA:
        print(f"| {item} | {what} | " + " | ".join(str(c[key]) for c in columns.values()) + " |")
    if args.json:
        args.json.write_text(json.dumps({k: dict(v) for k, v in columns.items()}, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
