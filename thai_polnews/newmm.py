"""pythainlp's newmm word segmentation: the same words in about three quarters of the time.

pythainlp's ``word_tokenize(engine="newmm")`` is maximal matching over its
dictionary trie, constrained to Thai Character Cluster (TCC) boundaries. Tokens
feed everything downstream (spaCy tokens, the CRFCut features, the span repairs),
so this module keeps newmm's algorithm step for step (the same trie, the same TCC
rules, the same breadth-first choice of path and the same skip over words the
dictionary lacks) and changes only how each step is done: TCC boundaries come
from one regex scan instead of a slice per cluster, and dictionary words are
found by walking the trie in place, keeping end positions, not word strings.
A chunk with a formatted number (``1,234``, ``12:30``) goes to pythainlp itself,
which joins such numbers after segmenting, and so does every chunk when the
installed pythainlp no longer has the newmm internals this module reads. ``tests/test_newmm.py`` compares the
two on every text of the project and on random strings.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from heapq import heappop, heappush
from typing import Dict, Iterator, List

from pythainlp.tokenize import word_dict_trie, word_tokenize

try:  # newmm's own limits and patterns, so that the words stay its words
    from pythainlp.tokenize.newmm import _MAX_GRAPH_SIZE, _PAT_NONTHAI, _PAT_THAI_TWOCHARS
    from pythainlp.tokenize.tcc_p import _PAT_TCC
except ImportError:  # a pythainlp whose newmm is laid out otherwise: segment with it directly
    _PAT_TCC = None

FORMATTED_NUMBER = re.compile(r"\d[.,:]\d")
CLUSTERS = re.compile(f"(?:{_PAT_TCC.pattern})|.", re.S) if _PAT_TCC is not None else None


def segment(text: str) -> List[str]:
    """newmm's words of ``text`` (pythainlp ``word_tokenize(text, engine="newmm")``)."""
    if not text:
        return []
    if CLUSTERS is None or FORMATTED_NUMBER.search(text):
        return word_tokenize(text, engine="newmm", keep_whitespace=True)
    return list(_onecut(text, _root()))


@lru_cache(maxsize=1)
def _root():
    """The root node of pythainlp's default dictionary trie (built once per process)."""
    return word_dict_trie().root


def cluster_ends(text: str) -> bytearray:
    """``ends[i]`` is 1 where a TCC ends at offset ``i`` (pythainlp's ``tcc_pos_array``)."""
    ends = bytearray(len(text) + 1)
    for match in CLUSTERS.finditer(text):
        ends[match.end()] = 1
    return ends


def word_ends(text: str, begin: int, root) -> List[int]:
    """End offsets of the dictionary words that start at ``begin``, shortest first."""
    ends = []
    node = root
    i = begin
    length = len(text)
    while i < length:
        children = node.children
        if children is None:
            break
        node = children.get(text[i])
        if node is None:
            break
        i += 1
        if node.end:
            ends.append(i)
    return ends


def _first_path(graph: Dict[int, List[int]], start: int, goal: int) -> List[int]:
    """The first path from ``start`` to ``goal`` that newmm's breadth-first search yields."""
    visited = {start}
    queue = [(start, [start])]
    while queue:
        vertex, path = queue.pop(0)
        for pos in graph[vertex]:
            if pos == goal:
                return [*path, pos]
            if pos not in visited:
                visited.add(pos)
                queue.append((pos, [*path, pos]))
    raise ValueError(f"no path from {start} to {goal}")


def _skip_end(text: str, begin: int, valid: bytearray, root) -> int:
    """Where a word the dictionary lacks, starting at ``begin``, ends (newmm's ``_find_skip_end``)."""
    match = _PAT_NONTHAI.match(text, begin)
    if match:
        return match.end()
    for pos in range(begin + 1, len(text)):
        if valid[pos]:
            if any(valid[end] and not _PAT_THAI_TWOCHARS.match(text, pos, end) for end in word_ends(text, pos, root)):
                return pos
            if _PAT_NONTHAI.match(text, pos):
                return pos
    return len(text)


def _onecut(text: str, root) -> Iterator[str]:
    """newmm's ``_onecut``: words of ``text`` in order.

    The trie walk of :func:`word_ends` is written out here, the hottest loop of the
    tokenizer; the graph is built and searched as newmm does.
    """
    graph: Dict[int, List[int]] = defaultdict(list)
    graph_size = 0
    valid = cluster_ends(text)
    length = len(text)
    pos_list = [0]
    end_pos = 0
    while pos_list[0] < length:
        begin = heappop(pos_list)
        node = root
        i = begin
        while i < length:
            children = node.children
            if children is None:
                break
            node = children.get(text[i])
            if node is None:
                break
            i += 1
            if node.end and valid[i]:
                graph[begin].append(i)
                graph_size += 1
                if i not in pos_list:
                    heappush(pos_list, i)
                if graph_size > _MAX_GRAPH_SIZE:
                    break
        if len(pos_list) == 1:
            path = _first_path(graph, end_pos, pos_list[0])
            graph_size = 0
            graph.clear()
            for pos in path[1:]:
                yield text[end_pos:pos]
                end_pos = pos
        elif not pos_list:
            end_pos = _skip_end(text, begin, valid, root)
            graph_size = 0
            graph.clear()
            yield text[begin:end_pos]
            heappush(pos_list, end_pos)
