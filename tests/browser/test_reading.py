"""What a reader sees on a phone and on a desktop: formulas at their width, notebook figures
as images, links to a heading landing on it.

Each test runs at the widths where the defect showed: display equations shrank to 1 px
below 45em (Material's `width: min-content` against the SVG's `max-width: 100%`), and links
to a heading landed hundreds of pixels away on long chapters (blocks off screen skip layout
and count with an estimated height; docs/javascripts/anchors.js lays them out first).
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from checks import equation_problems
from conftest import built_pages
from test_layout import DESKTOP, every_page, measure_width
from test_phone import PHONE, measure_phone

WIDTHS = {"phone": (390, 844), "tablet": (768, 1024), "desktop": (1280, 900)}


def viewport(width: str) -> dict:
    w, h = WIDTHS[width]
    return {"width": w, "height": h}


def test_equation_problems_catch_a_shrunk_formula():
    natural = {"tex": "x", "natural": 200.0, "column": 358.0, "overflow": "auto"}
    shrunk = {**natural, "drawn": 1.0, "box": 1.0, "scrollWidth": 1}
    assert len(equation_problems([shrunk])) == 1
    cut = {**natural, "natural": 500.0, "drawn": 500.0, "box": 358.0, "scrollWidth": 358}
    assert len(equation_problems([cut])) == 1
    scrolled = {**cut, "scrollWidth": 500}
    fits = {**natural, "drawn": 200.0, "box": 200.0, "scrollWidth": 200}
    assert equation_problems([scrolled, fits]) == []


@pytest.mark.parametrize(
    "width",
    [
        # the desktop and phone figures come from the whole-site passes of test_layout and
        # test_phone at the same viewport, in their xdist group; the tablet has its own pass
        pytest.param("phone", marks=pytest.mark.xdist_group("phone-pass"), id="phone"),
        pytest.param("tablet", id="tablet"),
        pytest.param("desktop", marks=pytest.mark.xdist_group("layout-1280"), id="desktop"),
    ],
)
def test_display_equations_keep_their_width(chromium, base_url, site_dir, width):
    if width == "desktop":
        assert viewport("desktop") == {"width": DESKTOP, "height": 900}
        measured = measure_width(chromium, base_url, site_dir, DESKTOP)
    elif width == "phone":
        assert viewport("phone") == PHONE
        measured = measure_phone(chromium, base_url, site_dir)
    else:
        with_math = [
            p
            for p in built_pages(site_dir)
            if 'display="true"' in (site_dir / p / "index.html").read_text("utf-8")
        ]
        measured = every_page(chromium, base_url, site_dir, viewport(width), paths=with_math)
    found = {p: m["displayed"] for p, m in measured.items()}
    assert sum(1 for equations in found.values() if equations) > 20
    assert sum(len(equations) for equations in found.values()) > 200
    problems = {p: bad for p, equations in found.items() if (bad := equation_problems(equations))}
    assert problems == {}


NOTEBOOK_FIGURES_JS = """() => [...document.querySelectorAll('.jp-CodeCell')]
  .filter(cell => /\\bFigure\\(/.test(cell.querySelector('.jp-InputArea').textContent))
  .map(cell => [...cell.querySelectorAll('.jp-OutputArea-output img')]
    .filter(img => img.complete && img.naturalWidth > 100).length)"""


def test_notebook_figures_show_as_images(chromium, base_url, site_dir):
    notebooks = [p for p in built_pages(site_dir) if p.startswith(("notebooks/", "en/notebooks/"))]
    assert len(notebooks) >= 4
    context = chromium.new_context(viewport=viewport("phone"))
    page = context.new_page()
    found = {}
    for path in notebooks:
        assert "&lt;Figure size" not in (site_dir / path / "index.html").read_text("utf-8")
        page.goto(base_url + path, wait_until="load")
        found[path] = page.evaluate(NOTEBOOK_FIGURES_JS)
    context.close()
    assert sum(len(cells) for cells in found.values()) >= 4  # part 2 and part 4, both languages
    assert {p: cells for p, cells in found.items() if 0 in cells} == {}


# The long chapters and the home page: every heading, half of them in each language (the ids
# are the same); every other page: its last heading, where the page may end before the line.
LONG = ["", "loss/", "autograd/", "derivatives/", "gradient-descent/"]

HEADINGS_JS = """() => [...document.querySelectorAll(
  '.md-typeset :is(h1, h2, h3, h4, h5, h6)[id]')].map(h => h.id)"""

LANDING_JS = """(id) => {
  const heading = document.getElementById(id);
  const root = document.scrollingElement;
  const active = document.querySelector('.md-nav--secondary .md-nav__link--active');
  return {
    top: heading.getBoundingClientRect().top,
    margin: parseFloat(getComputedStyle(heading).scrollMarginTop),  // under the sticky header
    start: root.scrollTop <= 1,
    end: root.scrollTop >= root.scrollHeight - root.clientHeight - 1,
    inToc: !!document.querySelector(`.md-nav--secondary a[href="#${CSS.escape(id)}"]`),
    active: active && active.getAttribute('href'),
  };
}"""


def heading_ids(html: Path) -> list[str]:
    """The ids of the headings in a built page's article, in order, read from its HTML (what
    HEADINGS_JS finds in the browser, without opening the page)."""
    text = html.read_text(encoding="utf-8")
    article = text[text.index("md-content__inner md-typeset") : text.index("</article>")]
    return [unescape(i) for i in re.findall(r'<h[1-6]\b[^>]*?\sid="([^"]+)"', article)]


def landing_problem(target: str, r: dict) -> str | None:
    """Where a jump to ``target`` went wrong, or None.

    The heading must sit just under the sticky header (its scroll margin), unless the page
    cannot scroll that far (at its start or end; then the heading must be on screen below
    that line); and the table of contents must highlight the heading's section.
    """
    at_line = abs(r["top"] - r["margin"]) <= 4
    clamped = (r["start"] or r["end"]) and r["top"] >= r["margin"] - 4
    if not (at_line or clamped):
        return f"#{target}: heading at {r['top']:.0f} px, expected {r['margin']:.0f} px"
    if r["inToc"] and not r["end"] and r["active"] != f"#{target}":
        return f"#{target}: the table of contents highlights {r['active']}"
    return None


def test_landing_problem_catches_a_wrong_landing():
    good = {"top": 68.0, "margin": 68.0, "start": False, "end": False, "inToc": True}
    assert landing_problem("a", {**good, "active": "#a"}) is None
    assert landing_problem("a", {**good, "top": 359.0, "active": "#a"}) is not None
    assert landing_problem("a", {**good, "active": "#previous"}) is not None
    at_end = {**good, "top": 359.0, "end": True, "active": "#previous"}
    assert landing_problem("a", at_end) is None


@pytest.mark.parametrize("width", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["", "en/"], ids=["zh", "en"])
def test_links_to_headings_land_on_them(chromium, base_url, site_dir, width, lang):
    w, h = WIDTHS[width]
    context = chromium.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    chinese = [p for p in built_pages(site_dir) if not p.startswith("en/")]
    others = [p for p in chinese if p not in LONG and not p.startswith("notebooks/")]
    targets = []
    for path in LONG + others:
        ids = heading_ids(site_dir / (lang + path) / "index.html")
        chosen = ids[(lang == "en/") :: 2] if path in LONG else ids[-1:]
        targets += [(lang + path, i) for i in chosen]
    assert len(targets) > 40
    page.goto(base_url + lang + LONG[1], wait_until="domcontentloaded")
    assert page.evaluate(HEADINGS_JS) == heading_ids(site_dir / (lang + LONG[1]) / "index.html")
    problems = []
    for path, target in targets:
        page.goto("about:blank")  # a fresh visit, not a jump inside the same document
        page.goto(f"{base_url}{path}#{target}", wait_until="load")
        page.wait_for_timeout(700)  # anchors.js keeps the target in place until 500 ms after load
        if problem := landing_problem(target, page.evaluate(LANDING_JS, target)):
            problems.append(f"/{path}{problem}")
    context.close()
    assert problems == []


def test_a_click_in_the_table_of_contents_lands_on_the_heading(chromium, base_url):
    context = chromium.new_context(viewport=viewport("desktop"))
    page = context.new_page()
    page.goto(base_url + "gradient-descent/", wait_until="load")
    ids = page.evaluate(HEADINGS_JS)
    target = ids[-3]
    page.click(f'.md-sidebar--secondary a[href="#{target}"]')
    page.wait_for_timeout(800)
    problem = landing_problem(target, page.evaluate(LANDING_JS, target))
    context.close()
    assert problem is None
