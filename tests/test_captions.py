"""Figure captions name the book's colours as they look, in both languages.

The figures draw with the Okabe–Ito palette (descent.build.figure): its "RED" is vermilion
(#D55E00), which beside its orange (#E69F00) a reader cannot call red. A caption that names
orange calls the other one vermilion (朱红).
"""

from __future__ import annotations

import re

import pytest
from pages import DOCS

from descent.build.figure import ORANGE, RED

CAPTION = re.compile(r"^!\[[^\]]*\]\(figures/[^)]+\)\s*\n\s*\n(\*.+\*)\s*$", re.M)
PAGES = sorted(DOCS.glob("*.md"))


def captions(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    alts = re.findall(r"^!\[([^\]]*)\]\(figures/", text, re.M)
    return [m.group(1) for m in CAPTION.finditer(text)] + alts


def test_the_palette_is_vermilion_and_orange():
    assert (RED, ORANGE) == ("#D55E00", "#E69F00")


def test_captions_were_found():
    assert sum(len(captions(p)) for p in PAGES) > 80


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_caption_calls_vermilion_red_beside_orange(path):
    wrong = []
    for caption in captions(path):
        if path.name.endswith(".en.md"):
            if "orange" in caption.lower() and re.search(r"\bred\b", caption, re.I):
                wrong.append(caption[:80])
        elif "橙" in caption and re.search(r"(?<!朱)红", caption):
            wrong.append(caption[:80])
    assert not wrong, f"{path.name}: 'red' beside 'orange': {wrong}"
