"""Repair of model spans with the shape rules of ANNOTATION.md.

A small model often breaks one name into pieces (``[ดุย][เติน]``, ``[Duy] [Tan]``)
or gives the parts of a Latin-script name different labels (``[Pham]PER [Van
Tuyen]LOC``). These pure functions mend that after decoding:

* an edge that falls inside a word (the model reads subwords that can straddle
  words) moves to the word's edge: out of a head word (``อำเภ[อบ๋าวเอียน]``) and
  out of an ordinary Thai word after the name (``[เกิ่นเทอก]ับ``), else out to
  take the whole word in (``ลุ[กเอียน]``);
* touching spans of one label are one span;
* a run of capitalised Latin words (a romanised Vietnamese name) that the model
  tagged PERSON or LOCATION anywhere is one span over the whole run;
* a PERSON/LOCATION span's label follows, in order: a head word glued right
  before it (``แขวง``, ``เมือง`` → LOCATION; ``สหาย``, ``นาย`` → PERSON;
  ``data/ner/span_cues.tsv``), the gazetteer of places and officials, the shape of
  a full Vietnamese personal name (three or more syllables after a known surname),
  a head word before it across a space, and for a mended span the label most of
  its characters had;
* a country name glued after a noun for people or firms (``นักลงทุน[จีน]``,
  ``วิสาหกิจ[เวียดนาม]``) is a nationality word, not a LOCATION, and is dropped;
* a PERSON/LOCATION span that is one ordinary Thai dictionary word (``ตรง``,
  ``อำนวยการ``, ``สมัชชา``) with no head word (an honorific keeps a Thai given name),
  and neither in the gazetteer nor a foreign place, is dropped;
* a PERSON loses a function word glued after it (``นาง[ฮวา]ยัง``), takes in a short
  non-word syllable after one space (``นาย[อี ควาง เอบัน]``), and two credited names
  glued at one syllable are split (``[เดียม ไม][อัน ตุง]``);
* a PERSON listed next to a LOCATION with only a comma or ``และ`` between them,
  and no honorific, is a LOCATION;
* a known place after a place head word (``แขวง[พงสาลี]``, ``cue_places``) is one
  LOCATION over the pieces the model found of it, or a new one where it found none.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Dict, List, Optional, Sequence, Tuple, Union

from ..names.canonical import readings
from ..names.gazetteer import gazetteer, latin_key, thai_key
from ..names.inventory import inventory
from ..names.negatives import VIETNAM_TH, foreign_places, is_foreign_place, thai_words
from ..names.segment import segment
from ..names.tables import read_table, split_list
from ..names.thai_script import clean_thai, is_thai
from ..names.vietnamese import LATIN_NAME_RUN
from ..rules.base import RuleMatch, without_overlaps
from ..spans import word_ends
from .cue_places import cue_places

NAME_LABELS = ("PERSON", "LOCATION")



@lru_cache(maxsize=1)
def span_cues() -> Dict[str, Tuple[str, ...]]:
    """Head words by the label they give the name after them, longest first."""
    text = resources.files("thai_polnews").joinpath("data/ner/span_cues.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    cues: Dict[str, List[str]] = {"place": [], "person": [], "demonym": [], "after": []}
    for word, kind in rows[1:]:
        cues[kind.strip()].append(word)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in cues.items()}


def cue_label(text: str, start: int, *, spaced: bool = True) -> Optional[str]:
    """The label a head word ending at ``start`` gives the name there (across a space if ``spaced``)."""
    before = text[:start].rstrip(" \u00a0") if spaced else text[:start]
    for kind, label in (("place", "LOCATION"), ("person", "PERSON")):
        if before.endswith(span_cues()[kind]):
            return label
    return None


def gazetteer_label(surface: str) -> Optional[str]:
    """LOCATION or PERSON when the whole of ``surface`` is a known place or official (not both)."""
    place, person = gazetteer().find(surface, "LOCATION"), gazetteer().find(surface, "PERSON")
    if (place is None) == (person is None):
        return None  # unknown, or both (โฮจิมินห์: the city and the man)
    return "LOCATION" if place is not None else "PERSON"


@lru_cache(maxsize=1)
def surname_keys() -> frozenset:
    """Matching keys of every Vietnamese surname, Latin and Thai spellings."""
    keys = set()
    for row in read_table("surnames.tsv"):
        keys.add(latin_key(row["surname_ascii"]))
        keys.update(thai_key(form) for form in split_list(row["th_forms"]))
    return frozenset(k for k in keys if k)


def person_shape(surface: str) -> bool:
    """True for a full personal name: three or more space-separated syllables, the first a surname."""
    words = surface.split()
    if len(words) < 3:
        return False
    first = words[0]
    key = thai_key(first) if any("\u0e00" <= ch <= "\u0e7f" for ch in first) else latin_key(first)
    return key in surname_keys()


class WordBounds:
    """``(start, end)`` of each word in the text the words join to, searchable by offset."""

    def __init__(self, words: Sequence[str]) -> None:
        self.ends = word_ends(words)
        self.starts = [end - len(word) for word, end in zip(words, self.ends)]

    @classmethod
    def clipped(cls, starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> "WordBounds":
        """The bounds of ``WordBounds(clip_words(words, start, end))`` from the words' own ``starts``
        and ``ends`` (sorted, contiguous), without slicing the words: offsets relative to ``start``."""
        bounds = cls(())
        i = bisect_right(ends, start)
        while i < len(starts) and starts[i] < end:
            bounds.starts.append(max(starts[i], start) - start)
            bounds.ends.append(min(ends[i], end) - start)
            i += 1
        return bounds

    def containing(self, offset: int) -> Optional[Tuple[int, int]]:
        """The word with ``offset`` strictly inside it, if any."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.starts[i] < offset < self.ends[i]:
            return self.starts[i], self.ends[i]
        return None

    def starting_at(self, offset: int) -> Optional[Tuple[int, int]]:
        """The word that starts at ``offset``, if any."""
        i = bisect_left(self.starts, offset)
        if i < len(self.starts) and self.starts[i] == offset and self.ends[i] > offset:
            return self.starts[i], self.ends[i]
        return None


def snap_to_words(text: str, span: RuleMatch, words: Union[Sequence[str], WordBounds]) -> RuleMatch:
    """``span`` with its edges moved to word edges and glued fragments of the name taken in.

    An edge inside a word moves out of a head word, back before a function word or
    a long dictionary word, else out to take the whole word. Then the span grows
    over Thai fragments glued to its end that are no dictionary word
    (``[คำเพ็ด สี]หาราช``), and a PERSON takes in a fragment glued to the honorific
    before it (``นางโล [ถิ เฮือง]`` → ``โล ถิ เฮือง``). (A function word glued to
    the end is left alone: ``วัน``, ``จัง`` are Thai words and Vietnamese syllables.)
    ``words`` are the text's words, or their :class:`WordBounds` when several spans
    of one text are snapped.
    """
    bounds = words if isinstance(words, WordBounds) else WordBounds(words)
    start, end = span.start, span.end
    cues = span_cues()["place"] + span_cues()["person"]
    around = bounds.containing(start)
    if around is not None and _inside_thai(text, start):
        a, b = around
        start = b if text[a:b].endswith(cues) else a
    around = bounds.containing(end)
    if around is not None and _inside_thai(text, end):
        a, b = around
        end = a if _ends_name(text[a:b]) and a > start else b
    following = bounds.starting_at(end)
    while following is not None and _inside_thai(text, end) and _is_fragment(text[following[0] : following[1]]):
        end = following[1]
        following = bounds.starting_at(end)
    if span.label == "PERSON":
        start = _after_honorific(text, start)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if (start, end) == (span.start, span.end) or start >= end:
        return span
    return RuleMatch(start, end, span.label, dict(span.attrs))


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    """pythainlp's Thai function words (``และ``, ``ยัง``, ``กับ``)."""
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords())


def _ends_name(word: str) -> bool:
    """A word a name stops before: a function word or a dictionary word of four letters or more."""
    return word in stopwords() or (len(word) >= 4 and word in thai_words())


def _is_fragment(word: str) -> bool:
    """A short Thai piece that is no dictionary word: the rest of a transliterated syllable."""
    return 0 < len(word) <= 6 and not word.isspace() and word not in thai_words() and word not in stopwords()


def _after_honorific(text: str, start: int) -> int:
    """Where a person's name starts when the chunk before it is an honorific glued to a fragment."""
    before = text[:start]
    if not before.endswith(" "):
        return start
    chunk = before.rstrip().rsplit(None, 1)[-1] if before.strip() else ""
    for cue in span_cues()["person"]:
        rest = chunk[len(cue) :]
        if chunk.startswith(cue) and rest and _is_fragment(rest) and all("\u0e00" <= ch <= "\u0e7f" for ch in rest):
            return len(before.rstrip()) - len(rest)
    return start


def _inside_thai(text: str, offset: int) -> bool:
    """True when ``offset`` lies between two Thai characters (inside a Thai run)."""
    return 0 < offset < len(text) and all("\u0e00" <= ch <= "\u0e7f" for ch in text[offset - 1 : offset + 1])


def merge_touching(spans: Sequence[RuleMatch]) -> List[RuleMatch]:
    """Join spans of one label with no character between them."""
    out: List[RuleMatch] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and out[-1].end == span.start and out[-1].label == span.label:
            out[-1] = RuleMatch(out[-1].start, span.end, span.label)
        else:
            out.append(span)
    return out


def snap_latin_runs(text: str, spans: Sequence[RuleMatch]) -> List[RuleMatch]:
    """One span per Latin name run that PERSON/LOCATION spans lie inside, labelled by majority."""
    out = list(spans)
    for run in LATIN_NAME_RUN.finditer(text):
        start, end = run.span()
        inside = [s for s in out if s.start < end and start < s.end]
        if not inside or any(s.label not in NAME_LABELS or s.start < start or s.end > end for s in inside):
            continue
        if len(inside) == 1 and (inside[0].start, inside[0].end) == (start, end):
            continue
        weight = Counter()
        for s in inside:
            weight[s.label] += s.end - s.start
        label = max(NAME_LABELS, key=lambda l: (weight[l], l == inside[0].label))
        out = [s for s in out if s not in inside] + [RuleMatch(start, end, label)]
    return sorted(out, key=lambda s: s.start)


def is_common_word(text: str, span: RuleMatch) -> bool:
    """True for a name span that is a single ordinary Thai word with nothing naming it a name."""
    surface = clean_thai(text[span.start : span.end])
    return (
        surface in thai_words()
        and cue_label(text, span.start) is None
        and gazetteer().find(surface) is None
        and not is_foreign_place(surface)
    )


def is_nationality_word(text: str, span: RuleMatch) -> bool:
    """True for a LOCATION that is a country name glued after a noun for people or firms."""
    if span.label != "LOCATION":
        return False
    surface = clean_thai(text[span.start : span.end])
    is_country = surface in VIETNAM_TH or surface in foreign_places()
    return is_country and text[: span.start].endswith(span_cues()["demonym"])


def relabel(text: str, span: RuleMatch) -> RuleMatch:
    """``span`` with the label its head word, the gazetteer or its shape gives it (PERSON/LOCATION only)."""
    if span.label not in NAME_LABELS:
        return span
    surface = text[span.start : span.end]
    label = (
        cue_label(text, span.start, spaced=False)
        or gazetteer_label(surface)
        or ("PERSON" if person_shape(surface) else None)
        or cue_label(text, span.start)
        or span.label
    )
    return span if label == span.label else RuleMatch(span.start, span.end, label, dict(span.attrs))


def repair_spans(
    text: str, spans: Sequence[RuleMatch], words: Union[Sequence[str], WordBounds, None] = None
) -> List[RuleMatch]:
    """All repairs, in order: word edges, touching pieces, Latin runs, labels, then common words.

    ``words`` are the text's dictionary words (they join back to ``text``), or their
    :class:`WordBounds`; newmm's when not given.
    """
    if words is None:
        from ..newmm import segment

        words = segment(text)
    bounds = words if isinstance(words, WordBounds) else WordBounds(words)
    snapped = [snap_to_words(text, s, bounds) if s.label in NAME_LABELS else s for s in spans]
    mended = snap_latin_runs(text, merge_touching(without_overlaps(snapped)))
    kept = [
        relabel(text, s)
        for s in mended
        if not (s.label in NAME_LABELS and (is_common_word(text, s) or is_nationality_word(text, s)))
    ]
    people = [piece for s in kept for piece in _mend_person(text, s, bounds)]
    return with_cue_places(text, relabel_listed_places(text, without_overlaps(people)), bounds)


def _mend_person(text: str, span: RuleMatch, bounds: WordBounds) -> List[RuleMatch]:
    """The person repairs in order: glued function word, last syllable, glued credits."""
    span = extend_over_last_syllable(text, trim_glued_function_word(text, span, bounds), bounds)
    return split_glued_names(text, span)


def with_cue_places(text: str, spans: Sequence[RuleMatch], bounds: WordBounds) -> List[RuleMatch]:
    """``spans`` with each known place after a place head word (``cue_places``) made a LOCATION.

    The place replaces the PERSON/LOCATION pieces inside it or reaching into its
    head word; a LOCATION that starts with it and runs on (``ห่าซาง 1``) stays, and
    nothing changes where a body or title overlaps it.
    """
    def ends_word(offset: int) -> bool:
        if not _inside_thai(text, offset):
            return True
        following = bounds.starting_at(offset)
        return following is not None and not _is_fragment(text[following[0] : following[1]])

    out = list(spans)
    for place in cue_places(text, span_cues()["place"], ends_word):
        overlapping = [s for s in out if s.start < place.end and place.start < s.end]
        if any(s.label not in NAME_LABELS for s in overlapping):
            continue
        if any(s.label == "LOCATION" and s.start == place.start and s.end >= place.end for s in overlapping):
            continue
        out = [s for s in out if s not in overlapping] + [place]
    return sorted(out, key=lambda s: s.start)


SEPARATOR = re.compile(r"\s*(?:,|และ|หรือ)?\s*")
THAI_LETTERS = re.compile("[\u0e01-\u0e4e]+")


def trim_glued_function_word(text: str, span: RuleMatch, bounds: WordBounds) -> RuleMatch:
    """A PERSON without the function word glued after it (``นาง[ฮวา]ยังได้``; ``span_cues.tsv`` kind ``after``)."""
    if span.label != "PERSON":
        return span
    last = bounds.containing(span.end - 1) or bounds.starting_at(span.end - 1)
    if last is None or last[1] != span.end or last[0] <= span.start or text[last[0] - 1].isspace():
        return span
    if text[last[0] : last[1]] not in span_cues()["after"]:
        return span
    return RuleMatch(span.start, last[0], span.label, dict(span.attrs))


def extend_over_last_syllable(text: str, span: RuleMatch, bounds: Optional[WordBounds] = None) -> RuleMatch:
    """A PERSON of two or more syllables takes in a short non-word Thai chunk after one space.

    The model often stops one syllable short of a long minority name
    (``นาย[อี ควาง] เอบัน จาก``, ``นางสาว[ทัก ถิ ซา] เร็ต รอง``): the chunk is no
    dictionary or function word, no head word, a whole space-separated chunk, and
    (with ``bounds``) none of its words is a dictionary word either.
    """
    if span.label != "PERSON" or " " not in text[span.start : span.end].strip():
        return span
    if not text.startswith(" ", span.end):
        return span
    chunk = THAI_LETTERS.match(text, span.end + 1)
    if chunk is None:
        return span
    end = chunk.end()
    if end < len(text) and not (text[end].isspace() or text[end] in ",.;:)"):
        return span
    word = chunk.group()
    cues = span_cues()
    if not _is_fragment(word) or word.startswith(cues["place"] + cues["person"]):
        return span
    if bounds is not None and not _all_fragments(text, span.end + 1, end, bounds):
        return span  # ``พบกับ`` is no word, but its words are
    return RuleMatch(span.start, end, span.label, dict(span.attrs))


def _all_fragments(text: str, start: int, end: int, bounds: WordBounds) -> bool:
    """True when every word from ``start`` to ``end`` is a non-dictionary fragment."""
    at = start
    while at < end:
        word = bounds.starting_at(at)
        if word is None or word[1] > end or not _is_fragment(text[word[0] : word[1]]):
            return False
        at = word[1]
    return True


def split_glued_names(text: str, span: RuleMatch) -> List[RuleMatch]:
    """Two PERSONs where a credit glued one name's last syllable to the next one's first.

    ``เดียม ไมอัน ตุง``: every chunk one syllable but a middle one of exactly two,
    with two or more syllables on each side, is ``เดียม ไม`` + ``อัน ตุง``.
    """
    surface = text[span.start : span.end]
    chunks = [(m.start(), m.group()) for m in re.finditer(r"\S+", surface)]
    if span.label != "PERSON" or len(chunks) < 3 or not all(is_thai(c) for _, c in chunks):
        return [span]
    counts = [_syllables(c) for _, c in chunks]
    glued = [i for i, n in enumerate(counts) if n != 1]
    if len(glued) != 1 or counts[glued[0]] != 2 or not 0 < glued[0] < len(chunks) - 1:
        return [span]
    at, chunk = chunks[glued[0]]
    cut = span.start + at + split_point(chunk)
    return [RuleMatch(span.start, cut, "PERSON"), RuleMatch(cut, span.end, "PERSON")]


def _syllables(chunk: str) -> int:
    """How many Vietnamese syllables ``chunk`` reads as (0 when it does not read as any)."""
    found = readings(chunk)
    return len(found) if found is not None else 0


def split_point(chunk: str) -> int:
    """Offset inside a two-syllable chunk where its second syllable starts."""
    seg = segment(clean_thai(chunk), inventory())
    return seg.pieces[0].end if seg is not None else len(chunk)


def relabel_listed_places(text: str, spans: Sequence[RuleMatch]) -> List[RuleMatch]:
    """A PERSON listed next to a LOCATION (``…เอียนฟอง และ[วันจุง]``) is a LOCATION.

    Applies when the neighbour is joined by a comma, ``และ`` or ``หรือ`` only, no
    honorific stands before the span, it has no full personal-name shape, and the
    neighbour on its other side is no PERSON.
    """
    out = list(spans)
    for i, span in enumerate(out):
        if span.label != "PERSON" or cue_label(text, span.start) or person_shape(text[span.start : span.end]):
            continue
        before = out[i - 1] if i > 0 else None
        after = out[i + 1] if i + 1 < len(out) else None
        joined_before = before is not None and SEPARATOR.fullmatch(text, before.end, span.start) is not None
        joined_after = after is not None and SEPARATOR.fullmatch(text, span.end, after.start) is not None
        place_before = joined_before and before.label == "LOCATION"
        place_after = joined_after and after.label == "LOCATION"
        person_near = (joined_before and before.label == "PERSON") or (joined_after and after.label == "PERSON")
        if (place_before or place_after) and not person_near:
            out[i] = RuleMatch(span.start, span.end, "LOCATION", dict(span.attrs))
    return out
