"""Slots filled from the world tables: international bodies, foreign leaders and places,
news agencies and credits, Latin bodies and companies, and words that are never entities
(day names).

Labels follow docs/ANNOTATION.md, "Decisions taken while studying real pages": a Thai
name and its acronym or short name are two spans with the brackets or หรือ outside; a
country glued to a title stays in the POSITION, after a linker it is its own LOCATION;
Latin names are always whole spans; foreign persons and places get no canonical.
"""
from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Dict, Optional, Tuple

from thai_polnews.names import unaccent
from .context import Context
from .grammar import ProducerSpec
from .people import Script, write_name
from .resources import pick, read_table, split_forms

_LINKED = re.compile(r"^(?P<title>.+?)(?P<link>ของ|ประจำ|แห่ง)(?P<pre>ประเทศ|จังหวัด)?(?P<place>[^\s]+)$")
_BODIES_AFTER = ("สหประชาชาติ", "อาเซียน")
_SPECIAL_REGION = "เขตบริหารพิเศษ"
_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"


# --- international bodies --------------------------------------------------------------

def intl(ctx: Context, arg: Optional[str]) -> None:
    """An international body; ``arg`` ``pair``: Thai name and acronym or short name, two spans."""
    rng, out = ctx.rng, ctx.out
    body = ctx.lex.world.intl_body(rng)
    if arg != "pair":
        r = rng.random()
        text = body.acronym if r < 0.2 else (body.short[0] if body.short and r < 0.7 else body.thai[-1])
        out.entity(text, "ORGANIZATION", {})
        return
    full = body.thai[0]
    second = body.short[0] if body.short and rng.random() < 0.5 else body.acronym
    out.entity(full, "ORGANIZATION", {})
    if second == body.acronym and rng.random() < 0.5:
        out.text(pick(rng, ((" หรือ ", 5), (" หรือ", 1))))
        out.entity(second, "ORGANIZATION", {})
    else:
        out.text(pick(rng, ((" (", 5), ("(", 1))))
        out.entity(second, "ORGANIZATION", {})
        out.text(")")


# --- foreign leaders and places --------------------------------------------------------

def _title_spans(ctx: Context, title: str) -> None:
    """A foreign title: two titles joined by และ are two spans; a linker and place after it
    are outside the POSITION (the place its own LOCATION)."""
    out = ctx.out
    head, sep, tail = title.partition("และ")
    if sep and head and "กระทรวง" not in head and tail:
        out.entity(head, "POSITION", {})
        out.text("และ")
        title = tail
    if _SPECIAL_REGION in title and not title.endswith(_SPECIAL_REGION):
        cut = title.index(_SPECIAL_REGION) + len(_SPECIAL_REGION)
        out.entity(title[:cut], "POSITION", {})
        out.entity(title[cut:], "LOCATION", {})
        return
    for body in _BODIES_AFTER:
        if title.endswith("ประจำ" + body):
            out.entity(title[: -len(body) - 5], "POSITION", {})
            out.text("ประจำ")
            out.entity(body, "ORGANIZATION", {})
            return
    if title.endswith(" เวียดนาม"):
        out.entity(title[:-9], "POSITION", {})
        out.text(" ")
        out.entity("เวียดนาม", "LOCATION", {"canonical": "Viet Nam"})
        return
    m = _LINKED.match(title)
    if m and (m.group("place") in ctx.lex.world.place_names or m.group("pre") == "จังหวัด"):
        place = m.group("place")
        out.entity(m.group("title"), "POSITION", {})
        out.text(m.group("link") + (m.group("pre") or ""))
        out.entity(place, "LOCATION", {"canonical": "Viet Nam"} if place == "เวียดนาม" else {})
        return
    out.entity(title, "POSITION", {})


def _glued_country(title: str, country: str) -> bool:
    return bool(country) and title.endswith(country)


def fleader(ctx: Context, arg: Optional[str]) -> None:
    """A foreign office holder from ``foreign_leaders.tsv`` with a title (``arg`` ``glued``:
    headline style, title and name without a space)."""
    rng, out = ctx.rng, ctx.out
    leader = ctx.lex.world.leader(rng)
    name = leader.latin[0] if leader.latin and rng.random() < 0.3 else leader.names[int(rng.random() * len(leader.names))]
    title = leader.titles[int(rng.random() * len(leader.titles))]
    if arg == "glued":
        _title_spans(ctx, title)
        out.entity(name, "PERSON", {})
        return
    r = rng.random()
    if r < 0.45:
        _title_spans(ctx, title)
        out.text(pick(rng, ((" ", 8), ("", 1), (" ฯพณฯ ", 1), (" นาย", 1))))
        out.entity(name, "PERSON", {})
        if leader.country and not _glued_country(title, leader.country) and rng.random() < 0.5:
            out.text(pick(rng, ((" แห่ง", 3), (" ของ", 2), ("แห่ง", 1))))
            out.entity(leader.country, "LOCATION", {})
    elif r < 0.75:
        out.text(pick(rng, (("นาย", 3), ("ท่าน", 2), ("ฯพณฯ ", 1), ("", 3))))
        out.entity(name, "PERSON", {})
        out.text(" ")
        _title_spans(ctx, title)
    else:
        out.entity(name, "PERSON", {})
        out.text(" ")
        _title_spans(ctx, title)
        if leader.country and not _glued_country(title, leader.country):
            out.text(pick(rng, (("ของ", 2), ("แห่ง", 2), (" ของ", 1))))
            out.entity(leader.country, "LOCATION", {})


def office(ctx: Context, arg: Optional[str]) -> None:
    """A title as written in real pages (``offices.tsv``), split as its table note says."""
    _title_spans(ctx, ctx.lex.world.office(ctx.rng))


def prov25(ctx: Context, arg: Optional[str]) -> None:
    """A province of the 2025 map, in a Thai spelling seen in real pages or in Latin script."""
    rng = ctx.rng
    vi, canonical, thai = ctx.lex.world.province(rng)
    if thai and rng.random() < 0.6:
        text = thai[int(rng.random() * len(thai))]
    else:
        text = vi if rng.random() < 0.5 else unaccent(vi)
    ctx.out.entity(text, "LOCATION", {"canonical": canonical})


def fplace(ctx: Context, arg: Optional[str]) -> None:
    """A foreign place from ``foreign_places.tsv``; its generic prefix stays outside."""
    name, prefix = ctx.lex.world.place(ctx.rng)
    if prefix and ctx.rng.random() < 0.7:
        ctx.out.text(prefix + (" " if ctx.rng.random() < 0.15 else ""))
    ctx.out.entity(name, "LOCATION", {})


# --- news agencies, credits, source lines ------------------------------------------------

def newsagency(ctx: Context, arg: Optional[str]) -> None:
    """A news agency or newspaper from ``news_agencies.tsv`` (``arg``: ``latin`` or ``th``)."""
    latin = arg == "latin" or (arg is None and ctx.rng.random() < 0.55)
    ctx.out.entity(ctx.lex.world.agency(ctx.rng, latin), "ORGANIZATION", {})


def _credit_name(ctx: Context) -> Tuple[str, str]:
    name = ctx.lex.names.sample(ctx.rng)
    if len(name.syllables) > 2 and ctx.rng.random() < 0.6:
        name = type(name)(name.syllables[-2:], name.gender, name.group)
    text = write_name(name, Script(thai=False, accents=ctx.rng.random() < 0.35))
    return text, name.canonical


def photo_credit(ctx: Context, arg: Optional[str]) -> None:
    """Latin photo credits: ``(ภาพ: name/VNA)``, ``ภาพ: VGP/name``, ``--AFP PHOTO/ NAME``."""
    rng, out = ctx.rng, ctx.out
    text, canonical = _credit_name(ctx)
    style = pick(rng, (("name_agency", 4), ("agency_name", 3), ("afp", 1.5), ("caps", 1.5), ("domain", 1.5)))
    if style == "name_agency":
        out.text(pick(rng, (("(ภาพ: ", 3), ("ภาพ: ", 2), ("(Photo: ", 1))))
        out.entity(text, "PERSON", {"canonical": canonical})
        out.text("/")
        out.entity(pick(rng, (("VNA", 4), ("TTXVN", 2), ("VGP", 1), ("VOV", 1))), "ORGANIZATION", {})
        out.text(")" if rng.random() < 0.6 else "")
    elif style == "agency_name":
        out.text(pick(rng, (("- ภาพ: ", 2), ("ภาพ: ", 3), ("ภาพ:", 1))))
        out.entity(pick(rng, (("VGP", 4), ("VNA", 2), ("TTXVN", 1))), "ORGANIZATION", {})
        out.text("/")
        out.entity(text, "PERSON", {"canonical": canonical})
    elif style == "afp":
        out.text(pick(rng, (("--", 2), ("", 1), ("(", 1))))
        out.entity(pick(rng, (("AFP", 3), ("REUTERS", 1), ("XINHUA", 1))), "ORGANIZATION", {})
        out.text(" PHOTO/ " if rng.random() < 0.6 else " PHOTO/")
        out.entity(unaccent(text).upper(), "PERSON", {"canonical": canonical})
    elif style == "caps":
        out.text(pick(rng, (("ภาพ: ", 3), ("ภาพโดย ", 1))))
        out.entity(unaccent(text).upper(), "PERSON", {"canonical": canonical})
    else:
        out.text(pick(rng, (("ภาพ: ", 3), ("(Photo: ", 1), ("ที่มาภาพ: ", 1))))
        host = ctx.lex.sources[int(rng.random() * len(ctx.lex.sources))][0]
        out.entity(host, "ORGANIZATION", {})
        out.text(")" if rng.random() < 0.3 else "")


def source_line(ctx: Context, arg: Optional[str]) -> None:
    """A source line with the outlet's name printed twice, the second glued to a date."""
    rng, out = ctx.rng, ctx.out
    name = ctx.lex.world.agency(rng, True) if rng.random() < 0.5 else ctx.lex.sources[int(rng.random() * len(ctx.lex.sources))][1]
    out.entity(name, "ORGANIZATION", {})
    out.text(" ")
    out.entity(name, "ORGANIZATION", {})
    d = ctx.doc
    text, iso = d.dates.numeric(d.year, d.month, d.day)
    out.entity(text, "DATE", {"value": iso})


def dateline(ctx: Context, arg: Optional[str]) -> None:
    """An opener: ``รอยเตอร์ -``, ``(VOVWORLD) -``, ``ฮานอย (VNA) -``."""
    rng, out = ctx.rng, ctx.out
    style = pick(rng, (("agency", 3), ("tag", 3), ("city", 2)))
    if style == "agency":
        out.entity(ctx.lex.world.agency(rng, rng.random() < 0.3), "ORGANIZATION", {})
        out.text(" - ")
    elif style == "tag":
        out.text("(")
        out.entity(pick(rng, (("VOVWORLD", 3), ("VOVWorld", 2), ("VOVworld", 1), ("VNA", 1))), "ORGANIZATION", {})
        out.text(pick(rng, ((") - ", 4), (")-", 1), (") ", 1), (")", 0.5))))
    else:
        city, attrs = pick(rng, ((("ฮานอย", {"canonical": "Ha Noi"}), 5), (("กรุงเทพฯ", {}), 2),
                                 (("เวียงจันทน์", {}), 1), (("ปักกิ่ง", {}), 1)))
        out.entity(city, "LOCATION", attrs)
        out.text(" (")
        out.entity(ctx.lex.world.agency(rng, True) if rng.random() < 0.3 else "VNA", "ORGANIZATION", {})
        out.text(") - ")


# --- Latin bodies and companies ------------------------------------------------------------

def vnbody_latin(ctx: Context, arg: Optional[str]) -> None:
    """A Vietnamese central body under its Vietnamese name, with or without diacritics."""
    name = ctx.lex.world.body_latin(ctx.rng)
    ctx.out.entity(name if ctx.rng.random() < 0.7 else unaccent(name), "ORGANIZATION", {})


def company(ctx: Context, arg: Optional[str]) -> None:
    """A Latin company name, whole (``arg`` ``list``: two to five joined by commas and และ;
    ``thai``: after the Thai word บริษัท, one span; or a Thai name with the Latin one in brackets)."""
    rng, out = ctx.rng, ctx.out
    names = ctx.lex.world.companies
    if arg == "thai":
        name = names[int(rng.random() * len(names))]
        if rng.random() < 0.7:
            out.entity("บริษัท" + pick(rng, ((" ", 3), ("  ", 1), ("", 1))) + name, "ORGANIZATION", {})
        else:
            out.entity(pick(rng, (("บริษัทโบอิ้ง", 1), ("กลุ่มเวียตเทล", 1), ("สายการบินเวียดนามแอร์ไลน์", 1))), "ORGANIZATION", {})
            out.text(" (")
            out.entity(name, "ORGANIZATION", {})
            out.text(")")
        return
    if arg != "list":
        out.entity(names[int(rng.random() * len(names))], "ORGANIZATION", {})
        return
    count = 2 + int(rng.random() * 4)
    chosen = []
    while len(chosen) < count:
        name = names[int(rng.random() * len(names))]
        if name not in chosen:
            chosen.append(name)
    for i, name in enumerate(chosen):
        if i:
            out.text(" และ " if i == count - 1 and rng.random() < 0.7 else ", ")
        out.entity(name, "ORGANIZATION", {})


# --- never entities --------------------------------------------------------------------------

def day_name(ctx: Context, arg: Optional[str]) -> None:
    """A day name (วันเสาร์, วันพฤหัสฯ): no entity, and outside any DATE."""
    rows = read_table("day_names")
    ctx.out.text(rows[int(ctx.rng.random() * len(rows))]["th"])


# --- spelling variety of Vietnamese names -------------------------------------------------------

@lru_cache(maxsize=1)
def _variants() -> Dict[str, Tuple[str, ...]]:
    """Family-name spellings of ``lexicon/spelling_variants.tsv``: transliterator form → others."""
    return {r["th"]: split_forms(r["variants"]) for r in read_table("spelling_variants")}


def respell(rng: random.Random, text: str) -> str:
    """Another spelling of a Thai-script Vietnamese name: a family name written another way
    (เจิ่น / ตรัน / ทราน / จั่น) or a tone mark changed or dropped on one syllable."""
    for head, alts in _variants().items():
        if text.startswith(head) and text[len(head):len(head) + 1] in ("", " ") and rng.random() < 0.7:
            return alts[int(rng.random() * len(alts))] + text[len(head):]
    marks = [i for i, ch in enumerate(text) if ch in _TONE_MARKS]
    if not marks:
        return text
    i = marks[int(rng.random() * len(marks))]
    other = pick(rng, (("", 2), ("\u0e48", 1), ("\u0e49", 1), ("\u0e4a", 1), ("\u0e4b", 0.5)))
    if other == text[i]:
        other = ""
    return text[:i] + other + text[i + 1:]


WORLD_PRODUCERS: Dict[str, ProducerSpec] = {
    "intl": ProducerSpec(intl, args=frozenset({None, "pair"})),
    "fleader": ProducerSpec(fleader, args=frozenset({None, "glued"})),
    "fplace": ProducerSpec(fplace),
    "office": ProducerSpec(office),
    "prov25": ProducerSpec(prov25),
    "newsagency": ProducerSpec(newsagency, args=frozenset({None, "latin", "th"})),
    "photo": ProducerSpec(photo_credit),
    "sourceline": ProducerSpec(source_line),
    "dateline": ProducerSpec(dateline),
    "vnbody": ProducerSpec(vnbody_latin),
    "company": ProducerSpec(company, args=frozenset({None, "list", "thai"})),
    "dayname": ProducerSpec(day_name, makes_entities=False),
}
