"""What fits where: display equations, tables and figure text, at desktop and phone widths.

Every page of both languages is opened at 1280 px (desktop) and at 390 px (phone):
- at 1280 px every display equation, tag included, fits its column, and every table fits its
  column (no sideways scrolling on a desktop);
- at both widths the smallest text of every figure renders at LEGIBLE_PX CSS px or more;
- at 390 px the loss chapter's table shows its key columns, w*, b* and J(w*, b*), unscrolled;
- at both widths no full-width closing punctuation (，。；：、）…) after an inline formula starts
  a line;
- no formula writes a number in e-notation (2.2e−16), where e would read as Euler's number.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from checks import EQUATIONS_JS
from conftest import built_pages

LEGIBLE_PX = 9.0
DESKTOP, PHONE = 1280, 390

# Blocks far off screen skip layout (content-visibility) and solutions sit in closed
# <details>: open and lay out everything before measuring.
LAY_OUT_JS = """() => {
  for (const d of document.querySelectorAll('.md-typeset details')) d.open = true;
  for (const e of document.querySelectorAll('.md-typeset *')) {
    if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
  }
}"""

MEASURE_JS = r"""() => {
  const equations = [...document.querySelectorAll('.md-content mjx-container[display="true"]')]
    .map(c => {
      const svg = c.querySelector('svg');
      // a tagged equation's <svg> is 100% wide with a min-width: its natural width
      const natural = Math.max(parseFloat(getComputedStyle(svg).minWidth) || 0,
        svg.getAttribute('width') === '100%' ? 0 : svg.getBoundingClientRect().width);
      const tag = c.querySelector('mjx-assistive-mml mlabeledtr > mtd');
      const text = c.querySelector('mjx-assistive-mml').textContent.slice(0, 40);
      return {natural, column: c.parentElement.clientWidth,
              overflow: c.scrollWidth - c.clientWidth, what: tag ? tag.textContent : text};
    });
  const tables = [...document.querySelectorAll('.md-content table')].map(t => {
    const box = t.closest('.md-typeset__scrollwrap') || t;
    return {overflow: box.scrollWidth - box.clientWidth,
            what: [...t.querySelectorAll('th')].map(h => h.textContent).join('|').slice(0, 60)};
  });
  const figures = [...document.querySelectorAll('.md-content img[src$=".svg"]')].map(i => ({
    src: i.getAttribute('src'), rendered: i.getBoundingClientRect().width,
  }));
  // a number in e-notation inside any formula (its MathML text reads 2.2e−16; the sign
  // tells it from a product such as 2e_1)
  const eNotation = [...document.querySelectorAll('.md-content mjx-assistive-mml')]
    .map(m => m.textContent).filter(t => /\d\s*e\s*[−+-]\s*\d/.test(t));
  // full-width closing punctuation right after an inline formula, wrapped to the next line
  const lineStarts = [];
  for (const math of document.querySelectorAll('.md-content span.arithmatex')) {
    const next = math.nextSibling;
    if (!next || next.nodeType !== 3 || !/^[，。；：、）！？”」』》]/.test(next.data)) continue;
    const range = document.createRange();
    range.setStart(next, 0);
    range.setEnd(next, 1);
    const mark = range.getBoundingClientRect(), box = math.getBoundingClientRect();
    if (mark.width && mark.left < box.right - 1) {
      lineStarts.push(math.textContent.slice(0, 30) + next.data.slice(0, 8));
    }
  }
  return {equations, tables, figures, eNotation, lineStarts};
}"""


# kept for the whole run, not the module's: xdist may interleave another module's tests, and
# pytest then sets a module's fixtures up again
_FOUND: dict[int, dict[str, dict]] = {}


def measure_width(chromium, base_url: str, site_dir: Path, width: int) -> dict[str, dict]:
    """{page: what MEASURE_JS found, plus "displayed": EQUATIONS_JS} at ``width`` × 900 px.

    Each width's pass over every page runs once per worker; the tests that read it are in
    one xdist group (``at``, ``on_desktop``; test_reading's desktop case), so once per run.
    """
    if width not in _FOUND:
        viewport = {"width": width, "height": 900}
        _FOUND[width] = every_page(chromium, base_url, site_dir, viewport, MEASURE_JS)
    return _FOUND[width]


def every_page(
    chromium,
    base_url: str,
    site_dir: Path,
    viewport: dict,
    measure_js: str = "() => ({})",
    paths: list[str] | None = None,
) -> dict:
    """{page: measure_js's result, plus "displayed": EQUATIONS_JS's} for every built page (or
    those in ``paths``), each opened at ``viewport`` with every block laid out (LAY_OUT_JS)."""
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    found = {}
    for path in built_pages(site_dir) if paths is None else paths:
        page.goto(base_url + path, wait_until="load")
        page.evaluate(LAY_OUT_JS)
        found[path] = page.evaluate(measure_js) | {"displayed": page.evaluate(EQUATIONS_JS)}
    context.close()
    return found


class Measured:
    """``measured[width]``: :func:`measure_width` for this module's tests."""

    def __init__(self, chromium, base_url: str, site_dir: Path) -> None:
        self.chromium, self.base_url, self.site_dir = chromium, base_url, site_dir

    def __getitem__(self, width: int) -> dict[str, dict]:
        return measure_width(self.chromium, self.base_url, self.site_dir, width)


@pytest.fixture(scope="module")
def measured(chromium, base_url, site_dir):
    """{width: {page: what MEASURE_JS found}} for every page, at DESKTOP and PHONE."""
    return Measured(chromium, base_url, site_dir)


def at(width: int):
    """``width`` as a parameter, in the xdist group of the tests that share its measurements."""
    return pytest.param(width, marks=pytest.mark.xdist_group(f"layout-{width}"), id=str(width))


on_desktop = pytest.mark.xdist_group(f"layout-{DESKTOP}")


@on_desktop
def test_every_page_was_measured(measured):
    assert len(measured[DESKTOP]) > 30
    assert sum(len(m["equations"]) for m in measured[DESKTOP].values()) > 100
    assert sum(len(m["figures"]) for m in measured[DESKTOP].values()) > 40


@on_desktop
def test_display_equations_fit_the_column_on_a_desktop(measured):
    wide = [
        f"/{path} {eq['what']}: {eq['natural']:.0f} px in a {eq['column']} px column"
        for path, found in measured[DESKTOP].items()
        for eq in found["equations"]
        if eq["natural"] > eq["column"] + 0.5 or eq["overflow"] > 1
    ]
    assert not wide, "equations wider than their column at 1280 px:\n" + "\n".join(wide)


@on_desktop
def test_tables_fit_the_column_on_a_desktop(measured):
    wide = [
        f"/{path} [{table['what']}]: {table['overflow']} px hidden"
        for path, found in measured[DESKTOP].items()
        for table in found["tables"]
        if table["overflow"] > 1
    ]
    assert not wide, "tables that scroll at 1280 px:\n" + "\n".join(wide)


@on_desktop
def test_no_formula_has_a_number_in_e_notation(measured):
    found = [
        f"/{path}: {text}" for path, m in measured[DESKTOP].items() for text in m["eNotation"]
    ]
    assert not found, "e-notation in formulas:\n" + "\n".join(found)


@pytest.mark.parametrize("width", [at(DESKTOP), at(PHONE)])
def test_no_line_starts_with_punctuation_after_a_formula(measured, width):
    found = [f"/{path}: {text}" for path, m in measured[width].items() for text in m["lineStarts"]]
    assert not found, f"punctuation at a line start at {width} px:\n" + "\n".join(found)


@cache
def smallest_font_pt(svg: Path) -> float:
    """The smallest text in a matplotlib SVG, in pt of the SVG's own units.

    matplotlib writes text (svg.fonttype = path) as glyph outlines 100 units tall inside a
    group whose transform ends in scale(s -s): the font size is 100·s.
    """
    scale = re.compile(r"scale\(([\d.]+) -([\d.]+)\)\s*$")
    sizes = []
    for element in ET.parse(svg).iter():
        found = scale.search(element.get("transform", ""))
        if found and found[1] == found[2]:
            sizes.append(100 * float(found[1]))
    assert sizes, f"{svg.name}: no text found"
    return min(sizes)


def svg_width_pt(svg: Path) -> float:
    width = ET.parse(svg).getroot().get("width")
    assert width.endswith("pt"), f"{svg.name}: width {width} not in pt"
    return float(width[:-2])


@pytest.mark.parametrize("width", [at(DESKTOP), at(PHONE)])
def test_figure_text_is_legible(measured, site_dir, width):
    small = []
    for path, found in measured[width].items():
        for figure in found["figures"]:
            svg = (site_dir / path / figure["src"]).resolve()
            # rendered at r CSS px, a figure W pt wide shows f-pt text at f·r/W CSS px
            px = smallest_font_pt(svg) * figure["rendered"] / svg_width_pt(svg)
            if px < LEGIBLE_PX:
                small.append(f"/{path} {svg.name}: smallest text {px:.1f} px")
    assert not small, f"figure text under {LEGIBLE_PX} px at {width} px:\n" + "\n".join(small)


def test_smallest_font_reads_matplotlib_text(tmp_path):
    from matplotlib.figure import Figure

    from descent.build.figure import svg_bytes

    fig = Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.set_xlabel("$x$", fontsize=7)
    ax.tick_params(labelsize=12)
    path = tmp_path / "f.svg"
    path.write_bytes(svg_bytes(fig))
    assert smallest_font_pt(path) == pytest.approx(7)
    assert svg_width_pt(path) == pytest.approx(4 * 72)


@pytest.mark.parametrize("path", ["loss/", "en/loss/"])
def test_loss_table_shows_the_minimum_on_a_phone(chromium, base_url, path):
    context = chromium.new_context(viewport={"width": PHONE, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    page.evaluate(LAY_OUT_JS)
    hidden = page.evaluate("""() => {
      const table = [...document.querySelectorAll('.md-content table')]
        .find(t => [...t.querySelectorAll('th')].some(h => h.textContent.includes('J(w∗,b∗)')));
      if (!table) return null;
      const box = table.closest('.md-typeset__scrollwrap').getBoundingClientRect();
      return [...table.querySelectorAll('th')].slice(0, 4)
        .filter(th => th.getBoundingClientRect().right > box.right + 0.5)
        .map(th => th.textContent);
    }""")
    context.close()
    assert hidden is not None, f"/{path}: the table of the minimum was not found"
    assert not hidden, f"/{path}: columns hidden on a {PHONE}-px screen: {hidden}"


@pytest.mark.parametrize("path", ["gradient-descent/", "en/gradient-descent/"])
def test_chinese_captions_are_not_slanted(chromium, base_url, path):
    context = chromium.new_context(viewport={"width": DESKTOP, "height": 900})
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    styles = page.evaluate(
        "() => [...document.querySelectorAll('.md-content p > em')]"
        ".map(e => getComputedStyle(e).fontStyle)"
    )
    context.close()
    assert len(styles) > 3
    # no italic for CJK (synthesised oblique glyphs); English captions keep theirs
    expected = "italic" if path.startswith("en/") else "normal"
    assert set(styles) == {expected}, f"/{path}: {sorted(set(styles))}"
