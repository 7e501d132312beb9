"""Every page of both languages on a 390-px phone: nothing shrunk out of sight, nothing off screen.

- Every inline formula keeps its natural size. Material caps an <svg> at its box's width,
  which had shrunk 317 inline formulas at 390 px, 20 of them (in table cells) to under a tenth.
- The page never scrolls sideways: whatever is wider than the column (a figure, a table, a
  long formula) sits in a container that scrolls on its own (.figure-pan, the table's wrapper,
  the paragraph or the equation).
- Every image is either within the column or inside such a container; the figures' text size
  at 390 px is checked by test_layout.test_figure_text_is_legible.
- Notebook code cells have the column to themselves (no "In [1]:" prompt beside them; with
  one, the code had two thirds of it; without, 0.89, the rest is the cell's own padding).

Every block is laid out first (test_layout.LAY_OUT_JS), so that no overflow hides behind the
paint containment of a block that skips layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_layout import every_page

PHONE = {"width": 390, "height": 844}

MEASURE_JS = r"""() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  const W = document.documentElement.clientWidth;
  const scroller = e => {
    for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
      if (/(auto|scroll)/.test(getComputedStyle(p).overflowX)) return p;
    }
    return null;
  };
  const shrunk = [...document.querySelectorAll(
      '.md-content mjx-container:not([display="true"]) > svg')].flatMap(s => {
    const width = s.getAttribute('width');
    if (!width.endsWith('ex')) return [];
    const natural = parseFloat(width) * parseFloat(getComputedStyle(s).fontSize) / 2;
    const scale = s.getBoundingClientRect().width / natural;
    if (scale > 0.98) return [];
    const text = s.parentElement.querySelector('mjx-assistive-mml').textContent;
    return [`${text.slice(0, 30)} at ${scale.toFixed(2)}`];
  });
  const images = [...document.querySelectorAll('.md-content img')].flatMap(i => {
    const box = i.getBoundingClientRect();
    if (box.right <= column.right + 0.5) return [];
    const pan = scroller(i);
    if (pan && pan.getBoundingClientRect().right <= W) return [];
    return [`${i.getAttribute('src').slice(-40)} ends at ${Math.round(box.right)} px`];
  });
  const prompts = [...document.querySelectorAll('.jp-InputPrompt, .jp-OutputPrompt')]
    .filter(p => p.getBoundingClientRect().width > 0).length;
  const cells = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-editor')]
    .map(e => e.getBoundingClientRect().width / column.width);
  return {shrunk, images, prompts, cells,
          sideways: document.documentElement.scrollWidth - W};
}"""


# the tests below share one pass over every page: one xdist worker runs them all
pytestmark = pytest.mark.xdist_group("phone-pass")


# kept for the whole run, not the module's: xdist may interleave another module's tests, and
# pytest then sets a module's fixtures up again
_RESULTS: dict[str, dict] = {}


def measure_phone(chromium, base_url: str, site_dir: Path) -> dict[str, dict]:
    """{page: what MEASURE_JS found, plus "displayed": EQUATIONS_JS} at 390 × 844 px, once per
    worker (the tests that read it, here and test_reading's phone case, share one group)."""
    if not _RESULTS:
        results = every_page(chromium, base_url, site_dir, PHONE, MEASURE_JS)
        assert len(results) > 30 and sum(1 for p in results if p.startswith("en/")) > 15
        _RESULTS.update(results)
    return _RESULTS


@pytest.fixture(scope="module")
def measured(chromium, base_url, site_dir):
    return measure_phone(chromium, base_url, site_dir)


def test_inline_formulas_keep_their_size(measured):
    found = [f"/{path}: {f}" for path, m in measured.items() for f in m["shrunk"]]
    assert not found, "inline formulas shrunk at 390 px:\n" + "\n".join(found)


def test_no_page_scrolls_sideways(measured):
    found = [f"/{path}: {m['sideways']} px" for path, m in measured.items() if m["sideways"] > 0]
    assert not found, "pages wider than a 390-px screen:\n" + "\n".join(found)


def test_images_fit_the_column_or_pan_in_their_own_box(measured):
    found = [f"/{path}: {i}" for path, m in measured.items() for i in m["images"]]
    assert not found, "images past the column, not in a scrolling box:\n" + "\n".join(found)


def test_notebook_code_has_the_column(measured):
    notebooks = {path: m for path, m in measured.items() if "notebooks/" in path}
    assert len(notebooks) >= 6
    for path, m in notebooks.items():
        assert m["prompts"] == 0, f"/{path}: {m['prompts']} prompts shown"
        assert m["cells"] and min(m["cells"]) > 0.85, f"/{path}: code cells {m['cells'][:5]}"
