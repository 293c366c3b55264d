"""Rules over the entity sequence of a document and the words between entities.

Every function takes the document ``text``, its entities as :class:`Ent` tuples
sorted by start (``doc.ents`` or a record's ``entities``) and the sentence
``[start, end]`` offsets, and returns relations whose role values are indices
into that entity list. Relations never cross a sentence.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Dict, Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple

from .base import Relation, sort_relations
from .cues import event_cues, link_words


class Ent(NamedTuple):
    """One entity: character offsets (end exclusive) and label."""

    start: int
    end: int
    label: str


PERSON, POSITION, ORGANIZATION, LOCATION, DOC_CODE, DATE = (
    "PERSON", "POSITION", "ORGANIZATION", "LOCATION", "DOC_CODE", "DATE",
)


def sentence_groups(text: str, ents: Sequence[Ent], sentences: Optional[Sequence[Sequence[int]]] = None) -> List[List[int]]:
    """Entity indices per sentence (per line where no sentences are given), in order."""
    spans = [(int(s), int(e)) for s, e in sentences] if sentences else _lines(text)
    groups: List[List[int]] = [[] for _ in spans]
    k = 0
    for i, ent in enumerate(ents):
        while k < len(spans) and spans[k][1] <= ent.start:
            k += 1
        if k < len(spans) and spans[k][0] <= ent.start < spans[k][1]:
            groups[k].append(i)
    return [g for g in groups if g]


def _lines(text: str) -> List[Tuple[int, int]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _strip_words(gap: str, words: Iterable[str]) -> str:
    """``gap`` with leading words of ``words`` and whitespace removed, as often as they occur."""
    words = tuple(words)
    rest = gap.strip()
    changed = True
    while rest and changed:
        changed = False
        for w in words:
            if rest.startswith(w):
                rest = rest[len(w):].strip()
                changed = True
                break
    return rest


def _opens_with_link(text: str, ent: Ent) -> bool:
    """A POSITION span that begins with an event link word (``[POSITION เป็นสมาชิก…]``, ``[POSITION ดำรงตำแหน่ง…]``):
    the entity recogniser took the word into the span; it still links the office to the event before it."""
    if ent.label != POSITION:
        return False
    inside = text[ent.start:ent.end]
    return any(inside.startswith(w) and len(inside) > len(w) for w in link_words()["event_link"])


def _linked(gap: str) -> bool:
    """Nothing, or only an office linker (ประจำ, ของ), between a title and its body or place."""
    g = gap.strip()
    return g == "" or g in link_words()["office_link"]


# ---------------------------------------------------------------- holds_position

class _Title(NamedTuple):
    position: int
    former: bool
    organization: Optional[int]
    location: Optional[int]


def title_run_after(text: str, ents: Sequence[Ent], group: Sequence[int], k: int) -> Tuple[List[_Title], int]:
    """Titles right after the person at ``group[k]``: POSITION spans separated by spaces only
    (``อดีต`` marks a former one), each with the ORGANIZATION and/or LOCATION right after it.
    Returns the titles and the position in ``group`` after the run."""
    titles: List[List] = []
    prev_end = ents[group[k]].end
    j = k + 1
    former_words = link_words()["former"]
    while j < len(group):
        i = group[j]
        e = ents[i]
        gap = text[prev_end:e.start]
        if e.label == POSITION:
            g = gap.strip()
            if g == "," and not titles and j == k + 1:
                g = ""  # นาย[A], [x][LOC], ให้ดำรงตำแหน่ง[y]: the title between commas is A's
            if g and g not in former_words:
                break
            if j + 1 < len(group) and ents[group[j + 1]].label == PERSON and ents[group[j + 1]].start == e.end:
                break  # [PERSON A] [POSITION x][PERSON B]: x is B's title (a list of titles before names)
            if _opens_with_link(text, e):
                break  # [PERSON A] [POSITION x] [POSITION เป็นy]: a span that took the link word is the office given
            after_words = text[e.end:e.end + 12]
            titles.append([i, bool(g) or after_words.startswith(link_words().get("former_after", ())), None, None])
        elif e.label in (ORGANIZATION, LOCATION) and titles and _linked(gap):
            cur = titles[-1]
            if e.label == ORGANIZATION:
                body = text[e.start:e.end]
                pos_text = text[ents[cur[0]].start:ents[cur[0]].end]
                if cur[2] is not None or cur[3] is not None or body in pos_text:
                    break
                cur[2] = i
            else:
                if cur[3] is not None:
                    break
                cur[3] = i
        else:
            break
        prev_end = e.end
        j += 1
    return [_Title(*t) for t in titles], j


def title_before(text: str, ents: Sequence[Ent], group: Sequence[int], k: int, claimed: Set[int]) -> Optional[_Title]:
    """A title right before the person at ``group[k]`` (``[POSITION]ประจำ[LOCATION] นาย[PERSON]``),
    with only forms of address between; ``None`` when there is none or another name took it."""
    person = ents[group[k]]
    j = k - 1
    if j < 0:
        return None
    if _strip_words(text[ents[group[j]].end:person.start], link_words()["honorific"]):
        return None
    org = loc = None
    if ents[group[j]].label == LOCATION:
        loc = group[j]
        j -= 1
        if j < 0 or not _linked(text[ents[group[j]].end:ents[loc].start]):
            return None
    if j >= 0 and ents[group[j]].label == ORGANIZATION:
        org = group[j]
        j -= 1
        if j < 0 or not _linked(text[ents[group[j]].end:ents[org].start]):
            return None
    if j < 0 or ents[group[j]].label != POSITION or group[j] in claimed:
        return None
    start = ents[group[j]].start
    if text[max(0, start - 20):start].rstrip().endswith(link_words()["event_link"]):
        return None  # แต่งตั้งนาย[A]ให้ดำรงตำแหน่ง[x] นาง[B]…: x is the office A is given
    glued = ents[group[k - 1]].end == person.start
    if not glued and text[max(0, start - 20):start].rstrip().endswith(link_words()["possessor"]):
        return None  # ตามการตัดสินใจของ[นายกรัฐมนตรี] พลตรี[A]: the decision's office, not A's title
    before = text[max(0, start - 8):start].strip()
    former = any(before.endswith(w) for w in link_words()["former"])
    return _Title(group[j], former, org, loc)


def _current_title(text: str, ents: Sequence[Ent], group: Sequence[int], j: int) -> Optional[_Title]:
    """The title after ``ปัจจุบันเป็น`` (now holds) following a name's title run at ``group[j]``, before the
    next name: ``นาย[A] อดีต[x] ปัจจุบันเป็น[y]`` holds y."""
    words = link_words().get("current", ())
    while j < len(group) and ents[group[j]].label != PERSON:
        e = ents[group[j]]
        if e.label == POSITION and text[max(0, e.start - 20):e.start].rstrip().endswith(tuple(words)):
            org = loc = None
            n = j + 1
            if n < len(group) and ents[group[n]].label == ORGANIZATION and _linked(text[e.end:ents[group[n]].start]):
                org, n = group[n], n + 1
            prev = ents[group[n - 1]].end
            if n < len(group) and ents[group[n]].label == LOCATION and _linked(text[prev:ents[group[n]].start]):
                loc = group[n]
            return _Title(group[j], False, org, loc)
        j += 1
    return None


def holds_positions(text: str, ents: Sequence[Ent], groups: Sequence[Sequence[int]]) -> List[Relation]:
    """``holds_position`` for each name and the titles beside it (after it, else right before it);
    former titles (``อดีต``) give none."""
    out: List[Relation] = []
    for group in groups:
        claimed: Set[int] = set()
        for k, i in enumerate(group):
            if ents[i].label != PERSON:
                continue
            titles, j = title_run_after(text, ents, group, k)
            claimed.update(t.position for t in titles)
            before = title_before(text, ents, group, k, claimed)
            if before is not None and titles:
                gap = text[ents[before.position if before.location is None and before.organization is None else max(
                    x for x in (before.organization, before.location) if x is not None)].end:ents[i].start]
                if gap and not gap.strip():
                    before = None  # [x] [A] [y]: with titles after the name, only a title glued to it (or with a form of address) is also its own
            if before is not None:
                titles = [before] + titles
            current = _current_title(text, ents, group, j)
            if current is not None:
                claimed.add(current.position)
                titles.append(current)
            for t in titles:
                if t.former:
                    continue
                rel: Relation = {"type": "holds_position", "person": i, "position": t.position}
                if t.organization is not None:
                    rel["organization"] = t.organization
                if t.location is not None:
                    rel["location"] = t.location
                out.append(rel)
    return out


# ---------------------------------------------------------------- issued_by, dated

def _symbol_issuer(text: str, ent: Ent) -> str:
    """The part of a code after its last ``/`` (``TW`` in ``27-CT/TW``)."""
    return text[ent.start:ent.end].rsplit("/", 1)[-1].strip().upper()


def document_facts(text: str, ents: Sequence[Ent], groups: Sequence[Sequence[int]]) -> List[Relation]:
    """``dated`` (``[DOC_CODE] ลงวันที่ [DATE]``) and ``issued_by`` (``… ของ[ORG]`` after the code
    or its date, shared back along ``A และ B ของ X`` with the same issuer symbol; else ``[ORG] ได้ออก… [DOC_CODE]``)."""
    out: List[Relation] = []
    words = link_words()
    for group in groups:
        issuer_of: Dict[int, int] = {}
        dated: Set[int] = set()
        for k, i in enumerate(group):
            if ents[i].label != DOC_CODE:
                continue
            j = k + 1
            end = ents[i].end
            if j < len(group) and ents[group[j]].label == DATE and text[end:ents[group[j]].start].strip() in words["dated"]:
                out.append({"type": "dated", "doc_code": i, "date": group[j]})
                dated.add(i)
                end = ents[group[j]].end
                j += 1
            if i in dated:
                # เลขที่ A และ B ลงวันที่ D: the date belongs to both
                b = k - 1
                while b >= 0 and ents[group[b]].label == DOC_CODE and text[ents[group[b]].end:ents[group[b + 1]].start].strip() == "และ":
                    out.append({"type": "dated", "doc_code": group[b], "date": group[j - 1]})
                    dated.add(group[b])
                    b -= 1
            issuer = None
            if j < len(group) and ents[group[j]].label in (ORGANIZATION, POSITION):
                if text[end:ents[group[j]].start].strip() == "ของ":
                    issuer = group[j]
            if issuer is not None:
                issuer_of[i] = issuer
                b = k - 1
                while b >= 0 and ents[group[b]].label == DOC_CODE:
                    prev = group[b]
                    gap = text[ents[prev].end:ents[group[b + 1]].start].strip()
                    shared_date = gap == "และ" and prev in dated and i in dated
                    if not gap.startswith("และ") or len(gap) > 25 or prev in issuer_of:
                        break
                    if (prev in dated or i in dated) and not shared_date:
                        break
                    if _symbol_issuer(text, ents[prev]) != _symbol_issuer(text, ents[i]):
                        break
                    issuer_of[prev] = issuer
                    b -= 1
            elif k > 0 and i not in issuer_of:
                cand = _issuer_before(text, ents, group, k, words["issuer_verb"])
                if cand is not None:
                    issuer_of[i] = cand
                    # [ORG]ได้ประกาศการตัดสินใจเลขที่ [A] และ [B]: the codes listed after the verb share it
                    n = k + 1
                    while n < len(group) and ents[group[n]].label == DOC_CODE:
                        gap = text[ents[group[n - 1]].end:ents[group[n]].start].strip()
                        if not gap.startswith("และ") or len(gap) > 25:
                            break
                        issuer_of[group[n]] = cand
                        n += 1
        out.extend({"type": "issued_by", "doc_code": d, "issuer": x} for d, x in issuer_of.items())
    return out


def _issuer_before(text: str, ents: Sequence[Ent], group: Sequence[int], k: int, verbs: Sequence[str]) -> Optional[int]:
    """The body (or office) before the code at ``group[k]`` with an issuing verb between:
    ``[ORG]ได้ออก…``, also ``[ORG][LOC]ได้ออก…`` (the place of the body) and ``[ORG] ([ABBR]) ได้ออก…``
    or ``[ORG][LOC] ([ABBR]) ได้ออก…`` (the body, not its abbreviation)."""
    cand = k - 1
    if ents[group[cand]].label not in (ORGANIZATION, POSITION, LOCATION):
        return None
    gap = text[ents[group[cand]].end:ents[group[k]].start]
    if len(gap) > 50 or not any(v in gap for v in verbs):
        return None
    # a bracketed abbreviation after the body: the body issued it
    if cand > 0 and ents[group[cand]].label == ORGANIZATION and gap.strip().startswith(")"):
        inner = text[ents[group[cand - 1]].end:ents[group[cand]].start].strip()
        if inner == "(" and ents[group[cand - 1]].label in (ORGANIZATION, LOCATION):
            cand -= 1
    # the place right after the body: the body issued it
    if ents[group[cand]].label == LOCATION:
        if cand == 0 or ents[group[cand - 1]].label != ORGANIZATION or not _linked(text[ents[group[cand - 1]].end:ents[group[cand]].start]):
            return None
        cand -= 1
    return group[cand]


# ---------------------------------------------------------------- events

class _Cue(NamedTuple):
    start: int
    end: int
    kind: str
    event: str
    subtype: str
    voice: str


def find_cues(text: str, ents: Sequence[Ent], group: Sequence[int], span: Tuple[int, int]) -> List[_Cue]:
    """Event words in one sentence, never inside an entity, with two allowances for entity spans that
    took part of the word: a word may begin in the last few characters of an entity and run on past it
    (``[PERSON …ได่ได้]รับการแต่งตั้ง``), and it may cover a whole title, body or place span
    (``[LOCATION ถูก]ลงโทษ``, see :func:`cue_fragments`)."""
    inside = [ents[i] for i in group]
    found: List[_Cue] = []
    taken: List[Tuple[int, int]] = []
    for cue in event_cues():
        pos = text.find(cue.cue, span[0], span[1])
        while pos != -1 and pos + len(cue.cue) <= span[1]:
            stop = pos + len(cue.cue)
            if _cue_allowed(inside, pos, stop) and not any(s < stop and pos < e for s, e in taken):
                taken.append((pos, stop))
                found.append(_Cue(pos, stop, cue.kind, cue.event, cue.subtype, cue.voice))
            pos = text.find(cue.cue, pos + 1, span[1])
    return sorted(found)


_CUE_TAIL = 6
"""How many characters of an event word may lie at the end of the entity before it."""


def _cue_allowed(ents: Sequence[Ent], pos: int, stop: int) -> bool:
    for e in ents:
        if e.end <= pos or e.start >= stop:
            continue
        if pos <= e.start and e.end <= stop and e.label in (POSITION, ORGANIZATION, LOCATION):
            continue  # the whole span is a piece of the word
        if e.start < pos < e.end < stop and e.end - pos <= _CUE_TAIL:
            continue  # the word begins in the tail of the span and runs on past it
        return False
    return True


def cue_fragments(text: str, ents: Sequence[Ent], group: Sequence[int], span: Tuple[int, int]) -> Set[int]:
    """Title, body or place spans that are only a piece of an event word (``[LOCATION ถูก]ลงโทษ``): no role of any relation."""
    out: Set[int] = set()
    for cue in find_cues(text, ents, group, span):
        out.update(i for i in group if cue.start <= ents[i].start and ents[i].end <= cue.end)
    return out


def _offices_after(
    text: str, ents: Sequence[Ent], group: Sequence[int], j: int, start: int, limit: int, adjacent: bool = False
) -> List[int]:
    """The offices an event gives: the first POSITION from ``group[j]`` on (before the next name
    and before ``limit``) with an office linker (``ให้ดำรงตำแหน่ง``, ``เป็น``) before it, and the
    titles that follow it directly or after ``ควบตำแหน่ง``. With ``adjacent`` the first POSITION may
    also follow ``start`` with nothing between (``ได้รับมอบหมายให้ดำรงตำแหน่ง[x]``)."""
    links = link_words()["event_link"]
    out: List[int] = []
    prev_end = start
    while j < len(group) and ents[group[j]].start < limit:
        e = ents[group[j]]
        if e.label == PERSON:
            break
        gap = text[prev_end:e.start]
        if e.label == POSITION:
            g = gap.strip()
            if any(w in gap for w in link_words()["former_verb"]):
                break
            linked = any(w in gap for w in links) or _opens_with_link(text, e)
            if not out and (linked or (adjacent and prev_end == start and not g)):
                out.append(group[j])
            elif out and (g == "" or g in links):
                if g == "" and gap and _opens_clause(text, e):
                    break  # เป็น[x] [นายกรัฐมนตรี]ได้อนุมัติ…: the title is the subject of the next clause
                out.append(group[j])
            elif out:
                break
        elif out and not (e.label in (ORGANIZATION, LOCATION) and _linked(gap)):
            break
        prev_end = e.end
        j += 1
    return out


def _opens_clause(text: str, ent: Ent) -> bool:
    """A verb right after a title (``[POSITION นายกรัฐมนตรี]ได้อนุมัติ…``): the title stands for a person who is the
    subject of a clause of its own (docs/ANNOTATION.md, "Relations", 4)."""
    return text[ent.end:ent.end + 4].startswith(("ได้", "ยังได้", "จะ"))


def _attached_location(text: str, ents: Sequence[Ent], index: int) -> Optional[int]:
    """The LOCATION right after entity ``index`` (nothing, ประจำ or ของ between)."""
    nxt = index + 1
    if nxt < len(ents) and ents[nxt].label == LOCATION and _linked(text[ents[index].end:ents[nxt].start]):
        return nxt
    return None


def events(
    text: str,
    ents: Sequence[Ent],
    groups: Sequence[Sequence[int]],
    spans: Sequence[Tuple[int, int]],
    facts: Sequence[Relation] = (),
) -> List[Relation]:
    """Personnel events stated by a word of ``event_cues.tsv`` in the sentence, one per person and office.

    Active words (``แต่งตั้ง``) take the names after them, passive ones (``ได้รับแต่งตั้ง``) the
    name right before them; appointment, election and transfer need an office.
    A proposal (``เสนอ``, ``พิจารณา``) or a topic (``ว่าด้วย``) right before the word states no event.
    """
    words = link_words()
    issuer = {r["doc_code"]: r["issuer"] for r in facts if r["type"] == "issued_by"}
    dated = {r["doc_code"]: r["date"] for r in facts if r["type"] == "dated"}
    out: List[Relation] = []
    for group, span in zip(groups, spans):
        cues = find_cues(text, ents, group, span)
        discipline_verb = any(c.kind == "event" and c.event == "discipline" for c in cues)
        # a discipline form with a voice (ตักเตือน, ปลด) states the event itself where no discipline verb does
        verbs = [c for c in cues if c.kind == "event" or (c.kind == "subtype" and c.voice and not discipline_verb)]
        # เกษียณอายุเพื่อรับเงินบำนาญ: a second word of the same event glued to the first is the same statement
        verbs = [c for n, c in enumerate(verbs) if not n or verbs[n - 1].event != c.event
                 or _spaced(text[verbs[n - 1].end:c.start]) or c.start - verbs[n - 1].end > 8]
        proposed = False
        last_subject: Optional[int] = None
        for n, cue in enumerate(verbs):
            window = text[max(verbs[n - 1].end if n else span[0], cue.start - 60):cue.start]
            proposed = proposed or any(w in window for w in words["event_not_stated"])
            if proposed or _topic_only(window, words):
                continue
            m = n + 1
            while m < len(verbs) and text[verbs[m - 1].end:verbs[m].start].strip() == "และ":
                m += 1  # โยกย้ายและแต่งตั้ง: both words take the names after the last
            scope_end = verbs[m].start if m < len(verbs) else span[1]
            after = [k for k, i in enumerate(group) if cue.end <= ents[i].start < scope_end]
            before = [k for k, i in enumerate(group) if ents[i].start < cue.start]
            forms = [c for c in cues if c.kind == "subtype" and cue.start <= c.start < scope_end]
            subtype = cue.subtype or next((c.subtype for c in forms), "")
            targets: List[Tuple[int, List[int]]] = []
            first_person: Optional[int] = None
            voice = cue.voice
            if voice == "passive" and _list_follows(text, cue, after, ents, group, words):
                voice = "active"  # ผู้ได้รับการแต่งตั้ง ได้แก่ สหาย[A] เป็น[x] และสหาย[B] เป็น[y]: the names listed after
            if voice == "active":
                joined: List[bool] = []
                for k in after:
                    if ents[group[k]].label != PERSON:
                        continue
                    _, j = title_run_after(text, ents, group, k)
                    targets.append((group[k], _offices_after(text, ents, group, j, ents[group[j - 1]].end, scope_end)))
                    joined.append(j < len(group) and ents[group[j]].label == PERSON and _and_joined(text[ents[group[j - 1]].end:ents[group[j]].start]))
                # แต่งตั้งสหาย[A]และสหาย[B]ให้ดำรงตำแหน่ง[x]: A without an office of its own shares B's
                for t in range(len(targets) - 2, -1, -1):
                    if not targets[t][1] and joined[t]:
                        targets[t] = (targets[t][0], targets[t + 1][1])
                # มอบการตัดสินใจแต่งตั้งตำแหน่ง[x]ให้แก่สหาย[A]: the office named before the recipient
                for t, (person, offices) in enumerate(targets):
                    if not offices:
                        targets[t] = (person, _office_before_recipient(text, ents, group, after, cue, person, words))
            else:
                persons = [k for k in before if ents[group[k]].label == PERSON]
                if persons:
                    k = persons[-1]
                    _, j = title_run_after(text, ents, group, k)
                    j = _loose_run_end(text, ents, group, j, cue)
                    j = _released_over(text, ents, group, j, cue, words)
                    run_end = ents[group[j - 1]].end
                    if j >= len(group) or ents[group[j]].start >= cue.start:
                        if not _strip_words(_past_cut_tail(text[run_end:cue.start]), words["event_passive_gap"] + words.get("reason", ())):
                            first = next((x for x in after), len(group))
                            offices = _offices_after(text, ents, group, first, cue.end, scope_end, adjacent=True)
                            targets.append((group[k], offices))
                            # สหาย[A]และสหาย[B]ได้รับเลือกเป็น[x]: A too
                            while True:
                                m = next((x for x in reversed(range(k)) if ents[group[x]].label == PERSON), None)
                                if m is None or title_run_after(text, ents, group, m)[1] != k:
                                    break
                                if not _and_joined(text[ents[group[k - 1]].end:ents[group[k]].start]):
                                    break
                                k = m
                                targets.insert(0, (group[k], offices))
                            first_person = k
                    for x in after:
                        if ents[group[x]].label != PERSON or not targets or cue.event not in ("appointment", "election", "transfer"):
                            continue
                        _, j = title_run_after(text, ents, group, x)
                        more = _offices_after(text, ents, group, j, ents[group[j - 1]].end, scope_end)
                        if more:
                            targets.append((group[x], more))
                elif _since_before(text, span[0], cue.start, words):
                    # หลังจากได้รับการแต่งตั้งเป็น[x] นาย[A]…: the name after the office is the one appointed
                    targets.extend(_named_after_offices(text, ents, group, after, cue, scope_end, words))
            if not targets:
                continue
            doc = _decision_doc(text, ents, group, before, cue, after)
            org = issuer.get(doc) if doc is not None else None
            if org is not None and ents[org].label != ORGANIZATION:
                org = None
            if org is None and first_person is not None:
                org = _deciding_body_before(text, ents, group, first_person, words["deciding_verb"])
            if org is None and voice == "passive" and after and ents[group[after[0]]].label == ORGANIZATION \
                    and text[cue.end:ents[group[after[0]]].start].strip() in words.get("agent", ()):
                org = group[after[0]]  # ได้รับการแต่งตั้งจาก[ORG]ให้ดำรงตำแหน่ง[x]: the body named as the agent
            if org is None and voice == "active":
                org = _deciding_body(ents, group, before, set(issuer.values()))
                if org is not None and _new_clause_between(text, ents[org].end, cue.start, words):
                    org = None  # [ORG]…ได้จัดการประชุมครั้งแรก ที่ประชุมได้ลงคะแนนเลือก…: the meeting is the subject
                joined = before and text[ents[group[before[-1]]].end:cue.start].strip().startswith("และ")
                if org is None and joined and last_subject is not None:
                    org = last_subject  # X ลงโทษ A และลงโทษ B: one subject for both verbs
            last_subject = org
            date = dated.get(doc) if doc is not None else None
            if date is None:
                date = _effective_date(text, ents, group, after, words["event_date"])
            for person, offices in targets:
                if cue.event in ("discipline", "retirement"):
                    offices = []  # the titles beside the name are holds_position; no office is given
                if not offices and cue.event in ("appointment", "election", "transfer"):
                    continue
                for office in offices or [None]:
                    rel: Relation = {"type": "event", "event": cue.event, "person": person}
                    if subtype and cue.event == "discipline":
                        # ในรูปแบบการภาคทัณฑ์ต่อนาย[A] … และในรูปแบบการตักเตือนต่อนาง[B]: the form nearest before each name
                        own = [c.subtype for c in forms if c.end <= ents[person].start] if not cue.subtype else []
                        rel["subtype"] = own[-1] if own else subtype
                    loc = None
                    if office is not None:
                        rel["position"] = office
                        loc = _attached_location(text, ents, office)
                    if org is not None:
                        rel["organization"] = org
                        if loc is None:
                            loc = _attached_location(text, ents, org)
                    if loc is not None:
                        rel["location"] = loc
                    if doc is not None:
                        rel["doc_code"] = doc
                    if date is not None:
                        rel["date"] = date
                    out.append(rel)
    return out


def _new_clause_between(text: str, start: int, end: int, words: Dict[str, Tuple[str, ...]]) -> bool:
    """A word that opens a clause of its own (``ที่ประชุม``) after a space between ``start`` and ``end``."""
    between = text[start:end]
    return any((" " + w) in between for w in words.get("clause_subject", ()))


def _released_over(text: str, ents: Sequence[Ent], group: Sequence[int], j: int, cue: _Cue,
                   words: Dict[str, Tuple[str, ...]]) -> int:
    """Past ``พ้นจาก[ORG]เนื่องจาก`` before a retirement word (``ให้สหาย[A] [x] พ้นจาก[ORG]เนื่องจากเกษียณอายุ``):
    released from a body because of retirement, the name before is the one who retires."""
    if cue.event != "retirement" or j >= len(group) or ents[group[j]].end > cue.start:
        return j
    e = ents[group[j]]
    if e.label not in (ORGANIZATION, POSITION):
        return j
    lead = text[ents[group[j - 1]].end:e.start].strip()
    tail = text[e.end:cue.start].strip()
    if lead in words.get("released", ()) and tail in words.get("reason", ()):
        return j + 1
    return j


def _since_before(text: str, start: int, cue_start: int, words: Dict[str, Tuple[str, ...]]) -> bool:
    """``หลังจาก`` (after, since) right before a passive event word with no name before it in the sentence."""
    return text[start:cue_start].rstrip().endswith(tuple(words.get("since", ())))


def _named_after_offices(text: str, ents: Sequence[Ent], group: Sequence[int], after: Sequence[int], cue: _Cue,
                         scope_end: int, words: Dict[str, Tuple[str, ...]]) -> List[Tuple[int, List[int]]]:
    """The name right after the offices a passive word gives (``หลังจากได้รับเลือกเป็น[x][LOC] สหาย[A]…``): only spaces,
    a comma and forms of address between."""
    first = next(iter(after), len(group))
    offices = _offices_after(text, ents, group, first, cue.end, scope_end, adjacent=True)
    if not offices:
        return []
    n = group.index(offices[-1]) + 1
    while n < len(group) and ents[group[n]].label in (ORGANIZATION, LOCATION) and _linked(text[ents[group[n - 1]].end:ents[group[n]].start]):
        n += 1
    if n >= len(group) or ents[group[n]].label != PERSON:
        return []
    between = text[ents[group[n - 1]].end:ents[group[n]].start].replace(",", " ")
    if _strip_words(between, words["honorific"]):
        return []
    return [(group[n], offices)]


def _spaced(gap: str) -> bool:
    return any(ch.isspace() for ch in gap)


def _past_cut_tail(gap: str) -> str:
    """``gap`` without a fragment of at most three characters glued to the entity before it and followed by a
    space (``[POSITION รองอธิบดีกรมตำรวจจราจ]ร ถูกลงโทษ``: the span lost the last letter of its word)."""
    head = gap.split(" ", 1)
    if len(head) == 2 and 0 < len(head[0]) <= 3:
        return head[1]
    return gap


def _loose_run_end(text: str, ents: Sequence[Ent], group: Sequence[int], j: int, cue: _Cue) -> int:
    """Past titles that a short word fragment cut from the run of a name before a passive event word
    (``นาย[A] อดี[ตรองนายกรัฐมนตรี] ถูกส่งไปเป็น…``: a title span that took part of ``อดีต``):
    the run goes on over POSITION, ORGANIZATION and LOCATION spans before the word when only a
    fragment of at most four characters, no space inside, stands between them."""
    n = j
    while n < len(group) and ents[group[n]].end <= cue.start and ents[group[n]].label in (POSITION, ORGANIZATION, LOCATION):
        gap = text[ents[group[n - 1]].end:ents[group[n]].start].strip()
        if len(gap) > 4 or " " in gap:
            return j
        n += 1
    return n


def _topic_only(window: str, words: Dict[str, Tuple[str, ...]]) -> bool:
    """A topic word (``ว่าด้วย``, ``เกี่ยวกับ``) before the event word: only talked about, unless a
    decision word stands before the topic word (``การตัดสินใจของ[x]ว่าด้วยการแต่งตั้ง…``: the decision states it)."""
    for w in words["event_topic"]:
        at = window.rfind(w)
        if at != -1 and not any(d in window[:at] for d in words["decision_doc"]):
            return True
    return False


def _list_follows(text: str, cue: _Cue, after: Sequence[int], ents: Sequence[Ent], group: Sequence[int],
                  words: Dict[str, Tuple[str, ...]]) -> bool:
    """A list word (``ได้แก่``) between a passive event word and the first name after it."""
    first = next((k for k in after if ents[group[k]].label == PERSON), None)
    if first is None:
        return False
    gap = text[cue.end:ents[group[first]].start]
    return len(gap) <= 40 and any(w in gap for w in words.get("list_follows", ()))


def _office_before_recipient(text: str, ents: Sequence[Ent], group: Sequence[int], after: Sequence[int], cue: _Cue,
                             person: int, words: Dict[str, Tuple[str, ...]]) -> List[int]:
    """The office right after an active event word when the person follows as its recipient:
    ``แต่งตั้งตำแหน่ง[x][LOC] ให้แก่สหาย[A]`` gives A x (only ``ตำแหน่ง`` or nothing before x), also
    ``แต่งตั้ง[x]คนใหม่ คือ นาย[A]`` (the new holder named after the office)."""
    gap = text[ents[person - 1].end if person > 0 else cue.end:ents[person].start].strip()
    stripped = True
    while stripped:  # รองศาสตราจารย์ ดร.[A]: every form of address before the name
        stripped = False
        for h in words["honorific"]:
            if gap.endswith(h):
                gap = gap[: -len(h)].strip()
                stripped = True
                break
    if not gap.endswith(tuple(words.get("recipient", ()))) or gap.endswith(tuple(words.get("list_follows", ()))):
        return []  # ได้แก่ (namely) lists names; it is no recipient แก่
    firsts = [k for k in after if ents[group[k]].label == POSITION and ents[group[k]].end <= ents[person].start]
    if not firsts or text[cue.end:ents[group[firsts[0]]].start].strip() not in words.get("office_word", ()) + ("",):
        return []
    return [group[firsts[0]]]


def _decision_doc(
    text: str, ents: Sequence[Ent], group: Sequence[int], before: Sequence[int], cue: _Cue, after: Sequence[int] = ()
) -> Optional[int]:
    """The decision a personnel event rests on: the nearest DOC_CODE before the event word that a
    decision word names (``การตัดสินใจหมายเลข``, ``คำสั่ง``), the first of an ``A และ B`` list; else
    the first such code after the word in its clause (``ถูกขับออกจากพรรคตามการตัดสินใจหมายเลข [X]``)."""
    words = link_words()["decision_doc"]
    codes = [k for k in before if ents[group[k]].label == DOC_CODE]
    if not codes:
        for k in after:
            e = ents[group[k]]
            if e.label == DOC_CODE and any(w in text[max(0, e.start - 25):e.start] for w in words):
                return group[k]
        return None
    k = codes[-1]
    while k > 0 and ents[group[k - 1]].label == DOC_CODE and text[ents[group[k - 1]].end:ents[group[k]].start].strip() == "และ":
        k -= 1
    e = ents[group[k]]
    lead = text[max(0, e.start - 25):e.start]
    if any(w in lead for w in words) or "NS/" in text[e.start:e.end].upper():
        return group[k]
    return None


def _and_joined(gap: str) -> bool:
    """``และ`` (and forms of address) only: two names joined as one subject or object."""
    g = gap.strip()
    return g.startswith("และ") and not _strip_words(g[len("และ"):], link_words()["honorific"])


def _deciding_body_before(text: str, ents: Sequence[Ent], group: Sequence[int], k: int, verbs: Sequence[str]) -> Optional[int]:
    """The ORGANIZATION that decides about the person at ``group[k]`` before a passive event word:
    ``[ORG]อนุญาตให้สหาย[A]เกษียณ``, ``[ORG]ได้ประกาศการตัดสินใจให้สหาย[A]…`` (a deciding word between)."""
    if k == 0:
        return None
    b = k - 1
    if ents[group[b]].label == LOCATION and b > 0:
        b -= 1
    if ents[group[b]].label != ORGANIZATION:
        return None
    gap = text[ents[group[b]].end:ents[group[k]].start]
    if len(gap) <= 60 and any(v in gap for v in verbs):
        return group[b]
    return None


def _deciding_body(ents: Sequence[Ent], group: Sequence[int], before: Sequence[int], issuers: Set[int] = frozenset()) -> Optional[int]:
    """The nearest ORGANIZATION before an active event word with no name or title after it; none
    when that body is only the issuer of a document named before (``ตามระเบียบ [X] ของ[ORG] ที่ประชุมจึง…``)."""
    for k in reversed(before):
        label = ents[group[k]].label
        if label == ORGANIZATION:
            return None if group[k] in issuers else group[k]
        if label in (PERSON, POSITION):
            return None
    return None


def _effective_date(text: str, ents: Sequence[Ent], group: Sequence[int], after: Sequence[int], cues: Sequence[str]) -> Optional[int]:
    """A DATE after ``ตั้งแต่วันที่`` in the event clause."""
    for k in after:
        e = ents[group[k]]
        if e.label == DATE and text[max(0, e.start - 15):e.start].strip().endswith(tuple(cues)):
            return group[k]
    return None


# ---------------------------------------------------------------- all

def _join_split_runs(text: str, ents: Sequence[Ent], spans: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Sentences joined where a boundary inside a line cuts a run of a name and its titles
    (``สหาย[A] [x] | [y] ได้รับแต่งตั้ง…``, also right after the name: ``ให้นาย[A] | [x] หยุดทำงาน…``) or a list of appointees (``ให้ดำรงตำแหน่ง[x] | นาง[B] เป็น[y]``):
    only spaces and forms of address stand between the entities on either side, and the run is one
    sentence (docs/ANNOTATION.md, "Relations", 1)."""
    links = link_words()["event_link"]
    starts = [e.start for e in ents]  # sorted, as extract_relations's grouping assumes
    out: List[Tuple[int, int]] = []
    for span in spans:
        if out:
            prev = out[-1]
            inside = range(bisect_left(starts, prev[0]), bisect_left(starts, prev[1]))
            first = bisect_left(starts, span[0])
            nxt = first if first < len(ents) and starts[first] < span[1] else None
            between = _strip_words(text[prev[1]:ents[nxt].start], link_words()["honorific"]) if nxt is not None else "x"
            if "\n" not in text[prev[1]:span[0]] and inside and ents[inside[-1]].end == prev[1] \
                    and (not between or between in link_words()["current"]):
                last = ents[inside[-1]]
                run = ents[nxt].label == POSITION and _in_title_run(text, ents, inside) \
                    and (last.label in (POSITION, PERSON) or bool(between))  # … อดีต[x][LOC] | ปัจจุบันเป็น[y]; นาย[A] | [x] …
                listed = not between and last.label == POSITION and ents[nxt].label == PERSON \
                    and text[max(prev[0], last.start - 20):last.start].rstrip().endswith(links)
                if run or listed:
                    out[-1] = (prev[0], span[1])
                    continue
        out.append((int(span[0]), int(span[1])))
    return out


def _in_title_run(text: str, ents: Sequence[Ent], inside: Sequence[int]) -> bool:
    """The last entity of ``inside`` ends a run of titles after a name (spaces only between)."""
    k = len(inside) - 1
    while k > 0 and ents[inside[k]].label in (POSITION, ORGANIZATION, LOCATION):
        gap = text[ents[inside[k - 1]].end:ents[inside[k]].start]
        if gap.strip() and gap.strip() not in link_words()["office_link"] + link_words()["former"]:
            return False
        k -= 1
    return ents[inside[k]].label == PERSON


def extract_relations(
    text: str, ents: Sequence[Ent], sentences: Optional[Sequence[Sequence[int]]] = None
) -> List[Relation]:
    """All relations of one document, sorted (docs/ANNOTATION.md, "Relations")."""
    ents = [Ent(int(e[0]), int(e[1]), str(e[2])) for e in ents]
    if not ents:
        return []
    spans = [(int(s), int(e)) for s, e in sentences] if sentences else _lines(text)
    spans = _join_split_runs(text, ents, spans)
    groups: List[List[int]] = []
    group_spans: List[Tuple[int, int]] = []
    k = 0
    current: Dict[int, List[int]] = {}
    for i, ent in enumerate(ents):
        while k < len(spans) and spans[k][1] <= ent.start:
            k += 1
        if k < len(spans) and spans[k][0] <= ent.start < spans[k][1]:
            current.setdefault(k, []).append(i)
    for k in sorted(current):
        groups.append(current[k])
        group_spans.append(spans[k])
    fragments = [cue_fragments(text, ents, g, s) for g, s in zip(groups, group_spans)]
    groups = [[i for i in g if i not in f] for g, f in zip(groups, fragments)]
    facts = document_facts(text, ents, groups)
    return sort_relations(holds_positions(text, ents, groups) + facts + events(text, ents, groups, group_spans, facts))
