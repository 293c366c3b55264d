"""How often generated documents show each phenomenon of real pages (docs/GENRE.md).

    python -m thai_polnews.training.synth.phenomena --n 5000 --seed 0

Each detector reads one record (text, entities, sentences) and returns how many times
the phenomenon occurs in it; the report gives occurrences and documents per phenomenon,
and the invariant ``latin_edge_inside_word`` (a span edge inside a Latin word) must be 0.
"""
from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from ...span_edges import edges_inside_latin_words
from .generate import generate, load_lexicon

Record = Dict[str, Any]
_LATIN_CH = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
_LATIN_WORD = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff][A-Za-z\u00c0-\u024f\u1e00-\u1eff .,&'/-]*$")
_THAI_CH = re.compile("[\u0e01-\u0e4e]")
_DAY = re.compile("วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัสฯ|ศุกร์|เสาร์|อาทิตย์)")
_VENUE = re.compile("ทำเนียบประธานาธิบดี|ทำเนียบรัฐบาล|มหาศาลาประชาชน|อาคารรัฐสภา|อาคารสภาแห่งชาติ|สำนักงานใหญ่")
_PLURAL = re.compile("ผู้นำประเทศสมาชิก|รัฐมนตรีต่างประเทศอาเซียน|คณะทูตานุทูต|เอกอัครราชทูต อุปทูต|ผู้นำระดับสูงของทั้งสองประเทศ|ประเทศสมาชิก|ผู้แทนระดับรัฐมนตรี")
_MEETING = re.compile("การประชุมสุดยอด|การประชุมรัฐมนตรีต่างประเทศ|การประชุมผู้นำเศรษฐกิจ|สมัยประชุมที่ \\d+ ของ|การประชุมระดับสูงพิเศษ|การประชุมประจำปีของ")


def _ents(record: Record, label: str) -> List[Dict[str, Any]]:
    return [e for e in record["entities"] if e["label"] == label]


def _org_matching(pattern: str) -> Callable[[Record], int]:
    rx = re.compile(pattern)
    return lambda r: sum(1 for e in _ents(r, "ORGANIZATION") if rx.search(e["text"]))


def _pairs(record: Record) -> Iterable[Tuple[Dict[str, Any], Dict[str, Any], str]]:
    ents = record["entities"]
    for a, b in zip(ents, ents[1:]):
        yield a, b, record["text"][a["end"]:b["start"]]


def intl_pair(record: Record) -> int:
    return sum(1 for a, b, gap in _pairs(record)
               if a["label"] == b["label"] == "ORGANIZATION" and gap.strip() in ("หรือ", "(") and gap)


def body_list(record: Record) -> int:
    return sum(1 for a, b, gap in _pairs(record)
               if a["label"] == b["label"] == "ORGANIZATION" and gap.strip() in ("", ",", "และ") and gap != "")


def glued_bodies(record: Record) -> int:
    return sum(1 for a, b, gap in _pairs(record) if a["label"] == b["label"] == "ORGANIZATION" and gap == "")


def title_glued_name(record: Record) -> int:
    return sum(1 for a, b, gap in _pairs(record) if a["label"] == "POSITION" and b["label"] == "PERSON" and gap == "")


def country_in_title(record: Record) -> int:
    names = load_lexicon().world.place_names
    return sum(1 for e in _ents(record, "POSITION") if any(e["text"].endswith(n) for n in names))


def name_glued_verb(record: Record) -> int:
    text = record["text"]
    return sum(1 for e in _ents(record, "PERSON") if e["end"] < len(text) and _THAI_CH.match(text[e["end"]]))


def latin_edge_inside_word(record: Record) -> int:
    """Span edges that cut a Latin word (must be 0)."""
    return len(edges_inside_latin_words(record["text"], record["entities"]))


def _outside_entities(rx: "re.Pattern[str]") -> Callable[[Record], int]:
    def count(record: Record) -> int:
        spans = [(e["start"], e["end"]) for e in record["entities"]]
        return sum(1 for m in rx.finditer(record["text"])
                   if not any(s < m.end() and m.start() < t for s, t in spans))
    return count


def _sentence_ends(test: Callable[[str], bool]) -> Callable[[Record], int]:
    return lambda r: sum(1 for s, t in r["sentences"] if test(r["text"][s:t]))


def several_on_a_line(record: Record) -> int:
    text, lines = record["text"], Counter()
    for s, _ in record["sentences"]:
        lines[text.count("\n", 0, s)] += 1
    return sum(1 for n in lines.values() if n > 1)


def _person(test: Callable[[Dict[str, Any]], bool]) -> Callable[[Record], int]:
    return lambda r: sum(1 for e in _ents(r, "PERSON") if test(e))


_VARIANT_HEADS = ("ตรัน", "ทราน", "จั่น", "เหวียน", "เหงวียน", "ฟาม", "โว", "หวาง", "ฮวง")
_DIACRITIC = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")

DETECTORS: Dict[str, Callable[[Record], int]] = {
    # 1. bodies
    "body_department_rendering": _org_matching(r"^(ฝ่าย|กรม|สำนักงาน|แผนก|Sở |So )"),
    "body_national_assembly": _org_matching("รัฐสภา|สภาแห่งชาติ|สภานิติบัญญัติแห่งชาติ"),
    "body_na_committee": _org_matching("^(คณะกรรมาธิการ|คณะกรรมการ(ถาวร|ประจำ)ของ(รัฐสภา|สภา))"),
    "body_ministry": _org_matching(r"^(กระทรวง|Bộ |Bo )"),
    "body_court_procuracy": _org_matching("ศาล|อัยการ|Tòa|Viện kiểm sát"),
    "body_front_union": _org_matching("แนวร่วม|สหภาพ|สมาคม|สมาพันธ์|สหพันธ์|กองเยาวชน"),
    "body_international": _org_matching("^(อาเซียน|เอเปค|APEC|ASEAN|สหประชาชาติ|UN|ธนาคารโลก|WB|IMF|กองทุนการเงินระหว่างประเทศ|ยูเนสโก|UNESCO|สมัชชาใหญ่สหประชาชาติ|สมาคมประชาชาติ|ความร่วมมือทางเศรษฐกิจ|ฟอรั่ม|องค์การการศึกษา)"),
    "body_intl_name_plus_acronym": intl_pair,
    "named_meeting": _outside_entities(_MEETING),
    "body_news_agency_newspaper": _org_matching(r"^(หนังสือพิมพ์|นสพ\.|Báo |สำนักข่าว|รอยเตอร์|วีเอ็นเอ|VNA|TTXVN|VOV|VGP|AFP|REUTERS|XINHUA|VietnamPlus|MGR|ThaiPublica|Thanh Nien|Voice of|[a-z]+\.(vn|net|com))"),
    "body_foreign_party": _org_matching("^(พรรคประชาชนปฏิวัติลาว|พรรคประชาชนกัมพูชา|พรรคคอมมิวนิสต์(จีน|คิวบา)|LPRP|CPC)"),
    "body_foreign_state_or_embassy": _org_matching("^(ทำเนียบขาว|สถานทูต|สถานเอกอัครราชทูต|สถานกงสุล|คณะผู้แทนถาวร|สำนักนายกรัฐมนตรี|กองทัพไทย)"),
    # 2. diplomatic news
    "foreign_person": _person(lambda e: "canonical" not in e["attrs"]),
    "foreign_place": lambda r: sum(1 for e in _ents(r, "LOCATION") if "canonical" not in e["attrs"]),
    "country_glued_to_title": country_in_title,
    # 3. Latin script
    "latin_acronym_org": _org_matching(r"^[A-Z][A-Z0-9&-]{1,9}$"),
    "latin_org_in_parentheses": lambda r: sum(1 for e in _ents(r, "ORGANIZATION") if r["text"][e["start"] - 1:e["start"]] == "(" and _LATIN_WORD.match(e["text"])),
    "latin_credit_capitals": _person(lambda e: e["text"].isupper() and bool(_LATIN_CH.search(e["text"]))),
    "latin_person_name": _person(lambda e: bool(_LATIN_WORD.match(e["text"]))),
    "latin_company_or_body": lambda r: sum(1 for e in _ents(r, "ORGANIZATION") if _LATIN_WORD.match(e["text"]) and " " in e["text"]),
    "latin_edge_inside_word": latin_edge_inside_word,
    # 4. headline style
    "title_glued_to_name": title_glued_name,
    "title_abbreviation": lambda r: sum(1 for e in _ents(r, "POSITION") if re.match(r"(ปธน\.|นายกฯ|รองนายกฯ|รมว\.|ผบ\.)", e["text"])),
    "name_glued_to_next_word": name_glued_verb,
    # 5. lists of bodies
    "bodies_joined_by_space_comma_and": body_list,
    # 6. negatives
    "day_name_unannotated": _outside_entities(_DAY),
    "venue_unannotated": _outside_entities(_VENUE),
    "generic_plural_role": _outside_entities(_PLURAL),
    # 7. spelling variety
    "thai_name_variant_spelling": _person(lambda e: e["text"].startswith(_VARIANT_HEADS) and "canonical" in e["attrs"]),
    "latin_name_with_diacritics": _person(lambda e: bool(_LATIN_WORD.match(e["text"]) and _DIACRITIC.search(e["text"]))),
    "latin_name_without_diacritics": _person(lambda e: bool(_LATIN_WORD.match(e["text"]) and not _DIACRITIC.search(e["text"]))),
    # issue 15: sentence ends
    "end_quotation_mark": _sentence_ends(lambda s: s[-1] in "\"”'"),
    "end_ellipsis": _sentence_ends(lambda s: s.endswith(("…", "..."))),
    "end_caption_pipe": _sentence_ends(lambda s: s.endswith("|")),
    "end_credit": _sentence_ends(lambda s: bool(re.search(r"ภาพ|PHOTO|Photo", s)) and len(s) < 60),
    "end_latin_or_digit": _sentence_ends(lambda s: bool(re.match(r"[A-Za-z0-9)\u00c0-\u1eff]", s[-1]))),
    "end_without_full_stop": _sentence_ends(lambda s: not s.endswith(".")),
    "line_with_several_sentences": several_on_a_line,
}


def measure(records: Iterable[Record]) -> Tuple[int, Counter, Counter]:
    """Documents seen, occurrences and documents per phenomenon."""
    occurrences, documents, n = Counter(), Counter(), 0
    for record in records:
        n += 1
        for name, detect in DETECTORS.items():
            k = detect(record)
            if k:
                occurrences[name] += k
                documents[name] += 1
    return n, occurrences, documents


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m thai_polnews.training.synth.phenomena", description=__doc__)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    records = list(generate(args.n, args.seed))
    elapsed = time.perf_counter() - began
    n, occurrences, documents = measure(records)
    print(f"{n} documents, seed {args.seed}, generated in {elapsed:.1f} s ({1000 * elapsed / max(n, 1):.2f} ms/doc)")
    print(f"{'phenomenon':<34} {'occurrences':>11} {'documents':>10} {'% docs':>7}")
    for name in DETECTORS:
        print(f"{name:<34} {occurrences[name]:>11} {documents[name]:>10} {100 * documents[name] / max(n, 1):>6.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
