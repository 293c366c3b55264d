"""A small record with all six labels, two spellings of one person and of one place, and markup in its text."""
from __future__ import annotations

import pytest

LINE_1 = "สหายเหงียน เตี่ยน ถั่น เลขาธิการคณะกรรมการพรรคประจำจังหวัดไห่เซือง ลงนามคำสั่งเลขที่ 27-CT/TW เมื่อวันที่ 25 ธันวาคม 2023"
LINE_2 = "นายเหงียน เตี๊ยน ถันห์ เยือนไห่ดวง กับคณะกรรมการ <A&B> \"ทดสอบ\""

SPANS = [
    ("เหงียน เตี่ยน ถั่น", "PERSON", {"canonical": "Nguyen Tien Thanh"}, 1),
    ("เลขาธิการคณะกรรมการพรรคประจำจังหวัด", "POSITION", {}, 1),
    ("ไห่เซือง", "LOCATION", {"canonical": "Hai Duong"}, 1),
    ("27-CT/TW", "DOC_CODE", {"number": "27", "type": "CT", "issuer": "TW", "year": None}, 1),
    ("25 ธันวาคม 2023", "DATE", {"value": "2023-12-25"}, 1),
    ("เหงียน เตี๊ยน ถันห์", "PERSON", {"canonical": "Nguyen Tien Thanh"}, 2),
    ("ไห่ดวง", "LOCATION", {"canonical": "Hai Duong"}, 2),
    ("คณะกรรมการ <A&B>", "ORGANIZATION", {}, 2),
]


def make_record() -> dict:
    text = LINE_1 + "\n" + LINE_2
    offset = {1: 0, 2: len(LINE_1) + 1}
    entities = []
    for surface, label, attrs, line in SPANS:
        start = text.index(surface, offset[line])
        entities.append({"start": start, "end": start + len(surface), "label": label, "text": surface, "attrs": attrs})
    return {
        "id": "sample <1>",
        "text": text,
        "sentences": [[0, len(LINE_1)], [len(LINE_1) + 1, len(text)]],
        "entities": entities,
    }


@pytest.fixture()
def record() -> dict:
    return make_record()


class PageParser:
    """Collects the entity marks (attributes and own text), sentence rows and cluster items of a page."""

    def __init__(self, page: str) -> None:
        from html.parser import HTMLParser

        self.marks: list = []
        self.sentences: list = []
        self.clusters: list = []
        outer = self
        stack: list = []

        class _Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                attrs = dict(attrs)
                classes = (attrs.get("class") or "").split()
                kind = None
                if tag == "mark" and "entity" in classes:
                    kind = "mark"
                    outer.marks.append({**attrs, "text": ""})
                elif tag == "span" and "ent-label" in classes:
                    kind = "label"
                elif tag == "div" and "sent" in classes:
                    kind = "sent"
                    outer.sentences.append({**attrs, "text": ""})
                elif tag == "span" and "sent-no" in classes:
                    kind = "label"
                elif tag == "li" and "cluster" in classes:
                    kind = "cluster"
                    outer.clusters.append({**attrs, "text": ""})
                if tag not in {"br", "meta"}:
                    stack.append(kind)

            def handle_endtag(self, tag):
                if tag not in {"br", "meta"} and stack:
                    stack.pop()

            def handle_data(self, data):
                if "label" in stack:
                    return
                if "mark" in stack:
                    outer.marks[-1]["text"] += data
                if "sent" in stack:
                    outer.sentences[-1]["text"] += data
                if "cluster" in stack:
                    outer.clusters[-1]["text"] += data

        parser = _Parser(convert_charrefs=True)
        parser.feed(page)
        parser.close()


@pytest.fixture()
def parse_page():
    return PageParser
