"""Lines of a text: every kind of line break ends a sentence (ANNOTATION.md).

A break is ``\\r\\n`` (one break), ``\\n``, a lone ``\\r``, vertical tab, form feed,
NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029): the
characters ``str.splitlines`` breaks at, less the information separators
U+001C..U+001E that no news text uses as a line break.
"""
from __future__ import annotations

import re
from typing import List, Tuple

LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x85\u2028\u2029]")


def line_spans(text: str) -> List[Tuple[int, int]]:
    """``(start, end)`` of each line of ``text``, breaks excluded; empty lines included."""
    spans, start = [], 0
    for match in LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans
