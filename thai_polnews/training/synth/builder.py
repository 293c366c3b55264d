"""Write a document piece by piece while keeping entity and sentence offsets exact.

Breaks are lazy: ``brk`` only records that a sentence or paragraph ended, and the
separator is written when the next visible text arrives. So optional slots can
never leave leading, trailing or doubled separators, and every sentence offset
excludes surrounding whitespace by construction. Where a span edge would fall between
two Latin letters or digits, a space is written there: no span edge inside a Latin word.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

Entity = Dict[str, Any]
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff]")

NO_BREAK, SENTENCE, PARAGRAPH = 0, 1, 2


class TextBuilder:
    """Accumulates text, entity spans and sentence spans of one document."""

    def __init__(self, sentence_sep: str = " ", paragraph_sep: str = "\n") -> None:
        self.parts: List[str] = []
        self.pos = 0
        self.entities: List[Entity] = []
        self.sentences: List[List[int]] = []
        self.sentence_sep = sentence_sep
        self.paragraph_sep = paragraph_sep
        self._pending = NO_BREAK
        self._sent_start: Optional[int] = None
        self._sent_end = 0
        self._span: Optional[List[str]] = None
        self._span_start = 0
        self._edge = -1

    def text(self, s: str) -> None:
        """Append literal text (inside an open span it becomes part of that span)."""
        if not s:
            return
        if self._pending or self.pos == 0:
            s = self._flush(s)
            if not s:
                return
        if self.pos == self._edge and self.pos and _LATIN.match(s[0]) and _LATIN.match(self.parts[-1][-1]):
            s = " " + s
        if self._span is not None:
            self._span.append(s)
        stripped = s.strip()
        if stripped:
            lead = len(s) - len(s.lstrip())
            if self._sent_start is None:
                self._sent_start = self.pos + lead
            self._sent_end = self.pos + len(s.rstrip())
        self.parts.append(s)
        self.pos += len(s)

    @property
    def sentence_number(self) -> int:
        """Index of the sentence being written (a pending break already counts)."""
        pending_close = 1 if self._pending and self._sent_start is not None else 0
        return len(self.sentences) + pending_close

    def entity(self, s: str, label: str, attrs: Optional[Dict[str, Any]] = None) -> None:
        """Append ``s`` as one entity span (``s`` must be stripped and non-empty)."""
        if not s or s != s.strip():
            raise ValueError(f"entity text must be stripped and non-empty: {s!r}")
        if self._span is not None:
            raise ValueError(f"{label} entity {s!r} inside an open span")
        if "\n" in s:
            raise ValueError(f"entity text contains a newline: {s!r}")
        self._edge = self.pos
        self.text(s)
        self._edge = self.pos
        start = self.pos - len(s)
        self.entities.append(
            {"start": start, "end": self.pos, "label": label, "text": s, "attrs": dict(attrs or {})}
        )

    def brk(self, kind: int) -> None:
        """Record the end of a sentence (``SENTENCE``) or paragraph (``PARAGRAPH``)."""
        if self._span is not None:
            raise ValueError("sentence break inside an open span")
        self._pending = max(self._pending, kind)

    def open_span(self) -> None:
        if self._span is not None:
            raise ValueError("spans do not nest")
        self._span = []
        self._span_start = self.pos
        self._edge = self.pos

    def close_span(self, label: str, attrs: Optional[Dict[str, Any]] = None) -> None:
        """Close the open span; its stripped content becomes one entity."""
        parts, self._span = self._span, None
        self._edge = self.pos
        content = "".join(parts or [])
        stripped = content.strip()
        if not stripped:
            return
        start = self._span_start + (len(content) - len(content.lstrip()))
        self.entities.append(
            {"start": start, "end": start + len(stripped), "label": label, "text": stripped,
             "attrs": dict(attrs or {})}
        )

    def _flush(self, s: str) -> str:
        """Write the pending separator before ``s``; drop whitespace that would double it."""
        s = s.lstrip() if (self._pending or self.pos == 0) else s
        if not s:
            return s
        if self.pos == 0:
            self._pending = NO_BREAK
            return s
        self._close_sentence()
        sep = self.paragraph_sep if self._pending == PARAGRAPH else self.sentence_sep
        self._pending = NO_BREAK
        self.parts.append(sep)
        self.pos += len(sep)
        if self._span is not None:
            self._span_start = self.pos
        return s

    def _close_sentence(self) -> None:
        if self._sent_start is not None and self._sent_end > self._sent_start:
            self.sentences.append([self._sent_start, self._sent_end])
        self._sent_start = None

    def finish(self) -> str:
        """Close the last sentence and return the text."""
        self._close_sentence()
        self._pending = NO_BREAK
        return "".join(self.parts)
