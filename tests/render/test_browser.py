"""The page in a real headless Chromium: every entity is drawn, in its label's colour.

A script appended to the page writes each entity's computed background colour and
box size into the DOM; Chromium dumps the DOM after running it. The test skips only
outside CI when no Chromium is installed (``.ci/run`` installs Debian's ``chromium``).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from thai_polnews.view import COLORS, render

PROBE = """<script>
for (const mark of document.querySelectorAll("mark.entity")) {
  const box = mark.getBoundingClientRect();
  mark.setAttribute("data-computed-bg", getComputedStyle(mark).backgroundColor);
  mark.setAttribute("data-drawn", box.width > 0 && box.height > 0 ? "yes" : "no");
}
document.body.setAttribute("data-probed", "yes");
</script>"""


def chromium_binary():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing in CI: .ci/run installs Debian's chromium package")
    pytest.skip("no chromium or chromium-browser on PATH")


def dump_dom(page: str, tmp_path) -> str:
    path = tmp_path / "page.html"
    path.write_text(page.replace("</body>", PROBE + "\n</body>"), encoding="utf-8")
    profile = tmp_path / "profile"
    command = [
        chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", "--dump-dom", path.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def rgb(hex_colour: str) -> str:
    value = hex_colour.lstrip("#")
    return "rgb({}, {}, {})".format(*(int(value[i : i + 2], 16) for i in (0, 2, 4)))


def test_every_entity_drawn_in_its_label_colour(tmp_path, root, record, parse_page):
    records = [record] + [
        json.loads(line) for line in (root / "annotations" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    dom = dump_dom(render(records), tmp_path)
    assert 'data-probed="yes"' in dom
    marks = parse_page(dom).marks
    expected = [(r["text"][e["start"] : e["end"]], e["label"]) for r in records for e in sorted(r["entities"], key=lambda e: e["start"])]
    assert [(m["text"], m["data-label"]) for m in marks] == expected
    assert {m["data-label"] for m in marks} == set(COLORS)
    for mark in marks:
        assert mark["data-drawn"] == "yes", mark["text"]
        assert mark["data-computed-bg"] == rgb(COLORS[mark["data-label"]]), (mark["text"], mark["data-label"])
