"""Grouping the spelling variants of one name inside a document.

Two spellings are the same name when, syllable by syllable, their plausible
readings overlap (``ถั่น`` and ``ถันห์`` can both be Thanh; ``ซา`` can be Xa). A
given name used alone (``ดุง``) joins the nearest earlier full name whose last
syllable it matches, as Vietnamese and Thai MT refer to people after the first
mention (https://en.wikipedia.org/wiki/Vietnamese_name).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from .canonical import canonical, readings
from .thai_script import clean_thai
from .vietnamese import unaccent

READING_MARGIN = 2.0  # readings this much costlier than the best still count for matching

Signature = Tuple[frozenset, ...]


INITIAL = re.compile(r"^([A-Za-zĐđ])\.\s*(?=\S)")


@lru_cache(maxsize=4096)
def signature(surface: str) -> Optional[Signature]:
    """Per syllable, the set of plausible lower-case readings; None when unreadable.

    A Latin initial (``A.Tung``) becomes ``a*``, which matches any reading starting with a.
    """
    initial = INITIAL.match(surface.strip())
    rest = surface.strip()[initial.end():] if initial else surface
    per_syllable = readings(rest, margin=READING_MARGIN)
    if per_syllable is None:
        return None
    head = (frozenset({unaccent(initial.group(1)).lower() + "*"}),) if initial else ()
    return head + tuple(frozenset(options) for options in per_syllable)


def is_abbreviated(surface: str) -> bool:
    """True when the name starts with a Latin initial (``A.Tung``)."""
    return INITIAL.match(surface.strip()) is not None


def _overlap(x: frozenset, y: frozenset) -> bool:
    """Reading sets overlap, an initial ``a*`` matching any reading that starts with ``a``."""
    if x & y:
        return True
    stars = [r[:-1] for r in x | y if r.endswith("*")]
    return any(r.startswith(star) for star in stars for r in x | y if not r.endswith("*"))


def same_entity(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` can be spellings of the same Vietnamese name.

    Full names must agree syllable by syllable; a single syllable matches the
    last syllable (the given name) of a longer name.
    """
    if clean_thai(a) == clean_thai(b):
        return True
    sa, sb = signature(a), signature(b)
    if sa is None or sb is None:
        return False
    ca, cb = canonical(a), canonical(b)
    if ca is not None and ca == cb:
        return True
    return _full_match(sa, sb) or _given_match(sa, sb) or _given_match(sb, sa)


def _full_match(sa: Signature, sb: Signature) -> bool:
    return len(sa) == len(sb) and all(_overlap(x, y) for x, y in zip(sa, sb))


def _given_match(single: Signature, full: Signature) -> bool:
    return len(single) == 1 and len(full) >= 2 and _overlap(single[0], full[-1])


def cluster_names(surfaces: Sequence[str]) -> List[List[int]]:
    """Indices of ``surfaces`` grouped by name, clusters in order of first mention.

    Full names join when ``same_entity``; a lone given name joins the nearest
    earlier full name it matches (else the nearest later one, else the first earlier
    lone mention it matches); unreadable surfaces group only with identical text.
    Comparisons run between distinct spellings, not mentions, so a long document
    that repeats its names costs time linear in its mentions.
    """
    parent = list(range(len(surfaces)))
    sigs = [signature(s) for s in surfaces]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first: Dict[str, int] = {}  # each distinct spelling's first mention
    for i, surface in enumerate(surfaces):
        union(first.setdefault(surface, i), i)
    full = [i for i, s in enumerate(sigs) if s is not None and len(s) >= 2]
    full_set = set(full)
    distinct_full = [i for i in first.values() if i in full_set]
    for x, i in enumerate(distinct_full):
        for j in distinct_full[x + 1:]:
            if same_entity(surfaces[i], surfaces[j]):
                union(i, j)
    targets: Dict[str, List[int]] = {}  # a given name's matching full-name mentions, in order
    identical: Dict[str, int] = {}
    singles: List[int] = []  # first mention of each distinct lone spelling seen so far
    for i, sig in enumerate(sigs):
        if sig is None:
            text = clean_thai(surfaces[i])
            union(identical.setdefault(text, i), i)
        elif len(sig) == 1:
            if surfaces[i] not in targets:
                targets[surfaces[i]] = [j for j in full if _given_match(sig, sigs[j])]  # type: ignore[arg-type]
            target = _nearest(i, targets[surfaces[i]])
            if target is not None:
                union(i, target)
            else:
                earlier = [j for j in singles if _overlap(sigs[j][0], sig[0])]  # type: ignore[index]
                if earlier:
                    union(min(earlier), i)
            if first[surfaces[i]] == i:
                singles.append(i)
    groups: Dict[int, List[int]] = {}
    for i in range(len(surfaces)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _nearest(i: int, matches: Sequence[int]) -> Optional[int]:
    """The nearest of the sorted mention indices ``matches`` before ``i``, else the nearest after."""
    k = bisect_left(matches, i)
    if k > 0:
        return matches[k - 1]
    return matches[k] if k < len(matches) and matches[k] > i else None
