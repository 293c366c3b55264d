"""The ``{@name:arg}`` slots of the grammar: persons, places, codes, dates, numbers, furniture.

Each producer writes into ``ctx.out`` and may read or extend the document state
(the cast of persons, the main province, the last document issuer). The table at
the end is the only place that binds slot names to functions.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Callable, Dict, Optional

from thai_polnews.names import unaccent
from .codes import issuer_symbol
from .context import CastMember, Context
from .dates import THAI_DIGITS, Dated
from .grammar import ProducerSpec
from .numbers import NUMBER_FORMS
from .people import Script, VietName, random_script, variant_script, write_name
from .places import Place, VIET_NAM, prefix_for, write_place, write_viet_nam
from .resources import pick
from .world_producers import WORLD_PRODUCERS, respell

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
Producer = Callable[[Context, Optional[str]], None]
RESPELL_RATE = 0.12
FAMILY_REF_RATE = 0.05  # the Thai press's Western-style short reference (นายกรัฐมนตรีเหงียน)


# --- persons -----------------------------------------------------------------------------

def _person_entity(ctx: Context, name: VietName, script: Script, part: str, honorific: bool) -> None:
    text = write_name(name, script, part)
    if script.thai and ctx.rng.random() < RESPELL_RATE:
        text = respell(ctx.rng, text)
    if honorific:
        thai = not _LATIN.search(text)
        form = ctx.lex.honorifics.pick(ctx.rng, name.gender, thai)
        glue = thai and ctx.rng.random() < form.glue
        ctx.out.text(form.form + ("" if glue else " "))
    ctx.out.entity(text, "PERSON", {"canonical": name.canonical})


def _introduce(ctx: Context, honorific: bool) -> None:
    name = ctx.lex.names.sample(ctx.rng)
    script = random_script(ctx.rng, ctx.doc.latin_share)
    ctx.doc.cast.append(CastMember(name, script, ctx.out.sentence_number))
    _person_entity(ctx, name, script, "full", honorific)


def person(ctx: Context, arg: Optional[str]) -> None:
    """A new person, full name, no form of address."""
    _introduce(ctx, honorific=False)


def hperson(ctx: Context, arg: Optional[str]) -> None:
    """A form of address and a new person (the form stays outside the span)."""
    _introduce(ctx, honorific=True)


def ref(ctx: Context, arg: Optional[str]) -> None:
    """A person named in an earlier sentence: mostly the given name alone; canonical = full name."""
    current = ctx.out.sentence_number
    cast = [m for m in ctx.doc.cast if m.sentence < current]
    if not cast:
        _introduce(ctx, honorific=True)
        return
    rng = ctx.rng
    member = cast[-1] if rng.random() < 0.6 else cast[int(rng.random() * len(cast))]
    name, script = member.name, member.script
    if script.thai and len(name.syllables) > 2 and rng.random() < FAMILY_REF_RATE:
        _person_entity(ctx, name, script, "family", honorific=True)
        return
    r = rng.random()
    if name.given_len and r < 0.55:
        _person_entity(ctx, name, script, "given", honorific=True)
    elif name.given_len and r < 0.6:
        _person_entity(ctx, name, script, "given", honorific=False)
    elif r < 0.8:
        _person_entity(ctx, name, script, "full", honorific=True)
    elif name.given_len and r < 0.88:
        _person_entity(ctx, name, variant_script(rng, script), "given", honorific=True)
    else:
        _person_entity(ctx, name, variant_script(rng, script), "full", honorific=rng.random() < 0.6)


def leader(ctx: Context, arg: Optional[str]) -> None:
    """A national leader; observed Thai spellings half of the time (``arg`` ``h``: with address)."""
    name = ctx.lex.leaders.pick(ctx.rng)
    script = random_script(ctx.rng, ctx.doc.latin_share)
    ctx.doc.cast.append(CastMember(name, script, ctx.out.sentence_number))
    if name.th_forms and ctx.rng.random() < 0.5:
        if arg == "h":
            ctx.out.text(ctx.lex.honorifics.pick(ctx.rng, name.gender, True).form + " ")
        text = name.th_forms[int(ctx.rng.random() * len(name.th_forms))]
        ctx.out.entity(text, "PERSON", {"canonical": name.canonical})
        return
    _person_entity(ctx, name, script, "full", honorific=arg == "h")


def foreigner(ctx: Context, arg: Optional[str]) -> None:
    """A foreign person in Thai script (no canonical, ANNOTATION rule 3)."""
    ctx.out.entity(ctx.lex.foreign.sample(ctx.rng), "PERSON", {})


def hforeigner(ctx: Context, arg: Optional[str]) -> None:
    ctx.out.text(pick(ctx.rng, (("ท่าน", 3), ("ฯพณฯ ", 1), ("นาย", 3), ("นาย ", 1), ("Mr. ", 0.3))))
    foreigner(ctx, arg)


def ho_chi_minh(ctx: Context, arg: Optional[str]) -> None:
    text = pick(ctx.rng, (("โฮจิมินห์", 70), ("Hồ Chí Minh", 8), ("Ho Chi Minh", 7), ("โฮ จิ มินห์", 5),
                          ("ห่อจี๋มินห์", 2), ("โฮจิมินห์ห์", 0.3)))
    ctx.out.entity(text, "PERSON", {"canonical": "Ho Chi Minh"})


def _pen_name(ctx: Context) -> VietName:
    """A reporter's or photographer's name: often two syllables (middle or surname + given)."""
    name = ctx.lex.names.sample(ctx.rng)
    if len(name.syllables) > 2 and ctx.rng.random() < 0.6:
        keep = name.syllables[-2:] if ctx.rng.random() < 0.6 else (name.syllables[0], name.syllables[-1])
        return VietName(tuple(keep), name.gender, name.group)
    return name


def byline(ctx: Context, arg: Optional[str]) -> None:
    name = _pen_name(ctx)
    script = random_script(ctx.rng, 0.35)
    ctx.out.entity(write_name(name, script), "PERSON", {"canonical": name.canonical})


def credit(ctx: Context, arg: Optional[str]) -> None:
    name = _pen_name(ctx)
    r = ctx.rng.random()
    if r < 0.15 and len(name.syllables) == 2:
        first = unaccent(name.syllables[0])[0]
        text = f"{first}.{unaccent(name.syllables[1])}"
    elif r < 0.8:
        text = write_name(name, Script(thai=False, accents=ctx.rng.random() < 0.15))
    else:
        text = write_name(name, random_script(ctx.rng, 0.0))
    ctx.out.entity(text, "PERSON", {"canonical": name.canonical})


# --- bodies and furniture ----------------------------------------------------------------

def paper(ctx: Context, arg: Optional[str]) -> None:
    _, latin, th = ctx.lex.sources[int(ctx.rng.random() * len(ctx.lex.sources))]
    ctx.out.entity(latin if ctx.rng.random() < 0.5 else th, "ORGANIZATION", {})


def agency(ctx: Context, arg: Optional[str]) -> None:
    latin, th = ctx.lex.agencies[int(ctx.rng.random() * len(ctx.lex.agencies))]
    ctx.out.entity(latin if ctx.rng.random() < 0.75 else th, "ORGANIZATION", {})


def url(ctx: Context, arg: Optional[str]) -> None:
    rng = ctx.rng
    host = ctx.lex.sources[int(rng.random() * len(ctx.lex.sources))][0]
    words = ctx.lex.slug_words
    slug_parts = [words[int(rng.random() * len(words))] for _ in range(3 + int(rng.random() * 5))]
    slug_parts.insert(int(rng.random() * len(slug_parts)), unaccent(ctx.doc.province.vi).lower().replace(" ", "-"))
    slug = "-".join(slug_parts)
    ident = str(100000 + int(rng.random() * 900000))
    path = pick(rng, ((f"{slug}-{ident}.html", 4), (f"tin-tuc/{1 + int(rng.random() * 9)}/{ident}/{slug}", 2),
                      (f"th/{slug}", 2), (f"chinh-tri/{slug}-post{ident}.html", 2)))
    ctx.out.text(f"https://{'www.' if rng.random() < 0.3 else ''}{host}/{path}")


# --- places ------------------------------------------------------------------------------

def _place_entity(ctx: Context, place: Place, text: str) -> None:
    ctx.out.entity(text, "LOCATION", {"canonical": place.canonical} if place.canonical else {})


def prov(ctx: Context, arg: Optional[str]) -> None:
    """The document's province, in its usual spelling or now and then another one."""
    doc = ctx.doc
    if arg == "pre":
        ctx.out.text(prefix_for(doc.province, ctx.rng))
    text = doc.province_forms[0] if ctx.rng.random() < 0.75 else write_place(ctx.rng, doc.province)
    _place_entity(ctx, doc.province, text)


def prov2(ctx: Context, arg: Optional[str]) -> None:
    place = ctx.lex.places.province(ctx.rng, ctx.doc.era, avoid=ctx.doc.province)
    if arg == "pre":
        ctx.out.text(prefix_for(place, ctx.rng))
    _place_entity(ctx, place, write_place(ctx.rng, place))


def district(ctx: Context, arg: Optional[str]) -> None:
    places = ctx.lex.places
    if ctx.doc.era == "new" and ctx.rng.random() < 0.5:
        place = places.commune(ctx.rng)
    else:
        place = places.district(ctx.rng, ctx.doc.province)
    _place_entity(ctx, place, write_place(ctx.rng, place))


def commune(ctx: Context, arg: Optional[str]) -> None:
    place = ctx.lex.places.commune(ctx.rng)
    _place_entity(ctx, place, write_place(ctx.rng, place))


def region(ctx: Context, arg: Optional[str]) -> None:
    place = ctx.lex.places.region(ctx.rng)
    _place_entity(ctx, place, write_place(ctx.rng, place))


def feature(ctx: Context, arg: Optional[str]) -> None:
    """A natural feature or facility: the head word (แม่น้ำ, ท่าเรือ ...) stays outside."""
    place = ctx.lex.places.feature(ctx.rng)
    ctx.out.text(place.head + (" " if ctx.rng.random() < 0.25 else ""))
    _place_entity(ctx, place, write_place(ctx.rng, place))


def viet_nam(ctx: Context, arg: Optional[str]) -> None:
    _place_entity(ctx, VIET_NAM, write_viet_nam(ctx.rng))


def country(ctx: Context, arg: Optional[str]) -> None:
    ctx.out.entity(ctx.lex.places.country(ctx.rng), "LOCATION", {})


def foreign_city(ctx: Context, arg: Optional[str]) -> None:
    name, prefix = ctx.lex.places.foreign_city(ctx.rng)
    if arg == "pre" and prefix and ctx.rng.random() < 0.7:
        ctx.out.text(prefix)
    ctx.out.entity(name, "LOCATION", {})


def unit(ctx: Context, arg: Optional[str]) -> None:
    """The unit word of the document's province (จังหวัด, นคร, เมือง): part of a title."""
    ctx.out.text(ctx.doc.unit if ctx.rng.random() < 0.92 else "จังหวัด")


# --- document codes, dates, numbers ----------------------------------------------------------

def doc_code(ctx: Context, arg: Optional[str]) -> None:
    """A Thai cue word and a document symbol (``arg``: party, state or law)."""
    code = ctx.lex.codes.make(ctx.rng, ctx.doc.year, arg)
    ctx.doc.last_issuer = code.issuer
    ctx.doc.last_code_year = int(code.attrs["year"]) if code.attrs["year"] else None
    ctx.out.text(code.cue + pick(ctx.rng, ((" ", 88), ("", 12))))
    ctx.out.entity(code.text, "DOC_CODE", code.attrs)


def issuer(ctx: Context, arg: Optional[str]) -> None:
    """A body that fits the issuer of the last document code."""
    ctx.expand(issuer_symbol(ctx.doc.last_issuer, ctx.lex.grammar.symbols))


def _shift(ctx: Context, days_lo: int, days_hi: int) -> _dt.date:
    base = _dt.date(ctx.doc.year, ctx.doc.month, ctx.doc.day)
    return base + _dt.timedelta(days=days_lo + int(ctx.rng.random() * (days_hi - days_lo)))


def _iso(value: str) -> _dt.date:
    return _dt.date.fromisoformat(value)


def _term(ctx: Context) -> tuple:
    y = ctx.doc.year
    party = (2020, 2025) if (y, ctx.doc.month) < (2025, 7) else (2025, 2030)
    council = (2021, 2026) if y < 2026 else (2026, 2031)
    plan = (2021, 2025) if y <= 2025 else (2026, 2030)
    return pick(ctx.rng, ((party, 6), (council, 2), (plan, 1.5)))


def _date_event(ctx: Context, arg: Optional[str]) -> Dated:
    d = ctx.doc
    if ctx.rng.random() < 0.72:
        return d.dates.day_month(d.month, d.day)
    return d.dates.full_date(d.year, d.month, d.day)


def _date_issued(ctx: Context, numeric: bool) -> Dated:
    """An issue date before the event, in the year written in the last code if it has one."""
    day = _shift(ctx, -1100, -3)
    if ctx.doc.last_code_year and day.year != ctx.doc.last_code_year:
        day = _dt.date(ctx.doc.last_code_year, day.month, min(day.day, 28))
    writer = ctx.doc.dates
    if numeric or ctx.rng.random() < 0.08:
        return writer.numeric(day.year, day.month, day.day)
    return writer.full_date(day.year, day.month, day.day)


def _date_hist(ctx: Context, arg: Optional[str]) -> Dated:
    day = _iso(arg or "1930-02-03")
    return ctx.doc.dates.full_date(day.year, day.month, day.day)


DATE_FORMS: Dict[str, Callable[[Context, Optional[str]], Dated]] = {
    "event": _date_event,
    "eventy": lambda ctx, a: (lambda d: ctx.doc.dates.full_date(d.year, d.month, d.day))(_shift(ctx, -20, 120)),
    "numeric": lambda ctx, a: ctx.doc.dates.numeric(ctx.doc.year, ctx.doc.month, ctx.doc.day),
    "issued": lambda ctx, a: _date_issued(ctx, numeric=False),
    "issued_num": lambda ctx, a: _date_issued(ctx, numeric=True),
    "m": lambda ctx, a: ctx.doc.dates.month(1 + int(ctx.rng.random() * 12)),
    "my": lambda ctx, a: (lambda d: ctx.doc.dates.month_year(d.year, d.month))(_shift(ctx, -200, 200)),
    "y": lambda ctx, a: ctx.doc.dates.year(ctx.doc.year + pick(ctx.rng, ((0, 8), (1, 2), (-1, 2), (2, 0.5), (5, 0.5)))),
    "y2": lambda ctx, a: ctx.doc.dates.year(ctx.doc.year + 2 + int(ctx.rng.random() * 4)),
    "y_far": lambda ctx, a: ctx.doc.dates.year(pick(ctx.rng, ((2030, 4), (2035, 1), (2045, 3), (2050, 2)))),
    "y_birth": lambda ctx, a: ctx.doc.dates.year(1960 + int(ctx.rng.random() * 26)),
    "term": lambda ctx, a: ctx.doc.dates.year_range(*_term(ctx)),
    "term_be": lambda ctx, a: _be_range(ctx),
    "range": lambda ctx, a: (lambda y: ctx.doc.dates.year_range(y, y + 5))(pick(ctx.rng, ((2016, 1), (2020, 3), (2021, 3), (2025, 2), (2026, 2)))),
    "range_hist": lambda ctx, a: ctx.doc.dates.year_range(*pick(ctx.rng, (((1930, 1945), 2), ((1945, 1954), 1), ((1954, 1975), 2), ((1975, 1986), 1), ((1986, 2025), 1)))),
    "hist": _date_hist,
    "anniv": lambda ctx, a: (lambda d: ctx.doc.dates.full_date(ctx.doc.year, d.month, d.day))(_iso(a or "1930-02-03")),
    "hist_reform": lambda ctx, a: ctx.doc.dates.full_date(2025, 7, 1) if ctx.rng.random() < 0.85 else ctx.doc.dates.numeric(2025, 7, 1),
    "hist_any": lambda ctx, a: ctx.doc.dates.full_date(1930 + int(ctx.rng.random() * 60), 1 + int(ctx.rng.random() * 12), 1 + int(ctx.rng.random() * 28)),
}


def _be_range(ctx: Context) -> Dated:
    y1, y2 = _term(ctx)
    text = f"พ.ศ. {y1 + 543}{pick(ctx.rng, ((' - ', 3), ('-', 2)))}{y2 + 543}"
    return text, f"{y1:04d}/{y2:04d}"


def date(ctx: Context, arg: Optional[str]) -> None:
    """A DATE in the document's style; ``arg`` is a form of ``DATE_FORMS``."""
    text, iso = DATE_FORMS[arg or "event"](ctx, None)
    ctx.out.entity(text, "DATE", {"value": iso})


def hist(ctx: Context, arg: Optional[str]) -> None:
    text, iso = DATE_FORMS["hist"](ctx, arg)
    ctx.out.entity(text, "DATE", {"value": iso})


def anniv(ctx: Context, arg: Optional[str]) -> None:
    text, iso = DATE_FORMS["anniv"](ctx, arg)
    ctx.out.entity(text, "DATE", {"value": iso})


def since(ctx: Context, arg: Optional[str]) -> None:
    """Years since ``arg`` (an anniversary count; no entity)."""
    ctx.out.text(str(ctx.doc.year - int(arg or "1930")))


def number(ctx: Context, arg: Optional[str]) -> None:
    """A number that is no entity (``arg``: a form of ``NUMBER_FORMS``)."""
    text = NUMBER_FORMS[arg or "small"](ctx.rng)
    if ctx.rng.random() < ctx.doc.dates.style.thai_digits:
        text = text.translate(THAI_DIGITS)
    ctx.out.text(text)


def topic_part(ctx: Context, arg: Optional[str]) -> None:
    """``{@t:lead}`` expands ``lead.<topic of the document>``."""
    ctx.expand(f"{arg}.{ctx.doc.topic}")


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
YEAR = re.compile(r"\d{4}")

PRODUCERS: Dict[str, ProducerSpec] = {
    "person": ProducerSpec(person),
    "hperson": ProducerSpec(hperson),
    "ref": ProducerSpec(ref),
    "leader": ProducerSpec(leader, args=frozenset({None, "h"})),
    "foreigner": ProducerSpec(foreigner),
    "hforeigner": ProducerSpec(hforeigner),
    "hcm": ProducerSpec(ho_chi_minh),
    "byline": ProducerSpec(byline),
    "credit": ProducerSpec(credit),
    "paper": ProducerSpec(paper),
    "agency": ProducerSpec(agency),
    "url": ProducerSpec(url, makes_entities=False),
    "prov": ProducerSpec(prov, args=frozenset({None, "pre"})),
    "prov2": ProducerSpec(prov2, args=frozenset({None, "pre"})),
    "district": ProducerSpec(district),
    "commune": ProducerSpec(commune),
    "region": ProducerSpec(region),
    "feature": ProducerSpec(feature),
    "vn": ProducerSpec(viet_nam),
    "country": ProducerSpec(country),
    "fcity": ProducerSpec(foreign_city, args=frozenset({None, "pre"})),
    "unit": ProducerSpec(unit, makes_entities=False),
    "doc": ProducerSpec(doc_code, args=frozenset({None, "party", "state", "law", "letter"})),
    "issuer": ProducerSpec(issuer),
    "date": ProducerSpec(date, args=frozenset(DATE_FORMS) - {"hist", "anniv"}),
    "hist": ProducerSpec(hist, args=ISO_DAY),
    "anniv": ProducerSpec(anniv, args=ISO_DAY),
    "since": ProducerSpec(since, makes_entities=False, args=YEAR),
    "num": ProducerSpec(number, makes_entities=False, args=frozenset(NUMBER_FORMS)),
    "t": ProducerSpec(topic_part, args=frozenset({"headline", "lead", "sent", "cap"})),
}
PRODUCERS.update(WORLD_PRODUCERS)
