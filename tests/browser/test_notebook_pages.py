"""Notebook pages on a phone: the two downloads tell themselves apart, and stay usable.

Each notebook page offers the executed notebook (.ipynb) and its jupytext script (.py). At
390 px, in both languages: each link shows its own icon and its file type, says in the page's
language what it downloads, fits the screen beside the other, and is reached by the keyboard.
"""

from __future__ import annotations

import pytest
from checks import accessibility_violations, use_palette, wait_for_repairs, wait_until_typeset
from conftest import built_pages

PHONE = {"width": 390, "height": 844}
# what each link must say, by page language and file type
NAMES = {
    "zh": {".ipynb": "下载 Jupyter 笔记本 .ipynb", ".py": "下载 Python 脚本 .py"},
    "en": {
        ".ipynb": "Download the Jupyter notebook .ipynb",
        ".py": "Download the Python script .py",
    },
}

LINKS_JS = """() => [...document.querySelectorAll('a[download]')].map(a => {
  const box = a.getBoundingClientRect();
  return {href: a.getAttribute('href'),
          text: a.querySelector('.nb-suffix').innerText.trim(),
          icon: (a.querySelector('svg path') || {}).outerHTML || '',
          left: box.left, right: box.right, top: box.top, bottom: box.bottom,
          height: box.height, width: box.width};
})"""


@pytest.fixture(scope="module")
def phone(chromium):
    context = chromium.new_context(viewport=PHONE)
    yield context
    context.close()


def notebook_pages(site_dir) -> list[str]:
    pages = [p for p in built_pages(site_dir) if "notebooks/" in p]
    assert len(pages) >= 6, pages
    return pages


def test_the_two_downloads_tell_themselves_apart(phone, base_url, site_dir):
    page = phone.new_page()
    for path in notebook_pages(site_dir):
        lang = "en" if path.startswith("en/") else "zh"
        page.goto(base_url + path, wait_until="load")
        links = page.evaluate(LINKS_JS)
        assert len(links) == 2, f"/{path}: {links}"
        by_type = {}
        for link in links:
            suffix = "." + link["href"].rsplit(".", 1)[1]
            by_type[suffix] = link
            assert link["text"] == suffix, f"/{path}: {link['href']} shows {link['text']!r}"
            # the accessible name, as a screen reader announces it
            named = page.get_by_role("link", name=NAMES[lang][suffix], exact=True)
            assert named.count() == 1, f"/{path}: no link named {NAMES[lang][suffix]!r}"
            assert named.get_attribute("href") == link["href"], f"/{path}"
        assert set(by_type) == {".ipynb", ".py"}, f"/{path}: {sorted(by_type)}"
        notebook, script = by_type[".ipynb"], by_type[".py"]
        assert notebook["icon"] and script["icon"] and notebook["icon"] != script["icon"], path
        for link in links:  # on screen, large enough to tap
            assert 0 <= link["left"] and link["right"] <= PHONE["width"], f"/{path}: {link}"
            assert link["height"] >= 24 and link["width"] >= 24, f"/{path}: {link}"
        first, second = sorted(links, key=lambda k: k["left"])
        assert first["right"] <= second["left"], f"/{path}: the links overlap"
    page.close()


def test_the_downloads_leave_the_notebook_its_column(phone, base_url):
    """The first cell, next to the links, is as wide as the last one (not squeezed beside them)."""
    page = phone.new_page()
    page.goto(base_url + "notebooks/part1/", wait_until="load")
    widths = page.evaluate(
        "() => [...document.querySelectorAll('.jp-MarkdownCell')]"
        ".map(c => c.getBoundingClientRect().width)"
    )
    page.close()
    assert len(widths) > 3 and widths[0] >= widths[-1] - 1 > 300, widths


@pytest.mark.parametrize("path", ["notebooks/part1/", "en/notebooks/part2/"])
def test_the_keyboard_reaches_both_downloads(phone, base_url, path):
    page = phone.new_page()
    page.goto(base_url + path, wait_until="load")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        href = page.evaluate(
            "() => document.activeElement.getAttribute('download') !== null"
            " ? document.activeElement.getAttribute('href') : null"
        )
        if href:
            reached.add(href.rsplit(".", 1)[1])
        if reached == {"ipynb", "py"}:
            break
    page.close()
    assert reached == {"ipynb", "py"}, f"/{path}: Tab reached {sorted(reached)}"


@pytest.mark.parametrize("path", ["notebooks/part4/", "en/notebooks/part4/"])
def test_every_cell_that_scrolls_sideways_is_focusable_at_once(phone, base_url, path):
    """A notebook's cells never skip layout, so a11y.js measures them all when the page opens,
    not only those near the screen: a keyboard reader who jumps down the page (End, a link)
    finds every wide cell already scrollable by keyboard."""
    page = phone.new_page()
    page.goto(base_url + path, wait_until="load")
    wait_for_repairs(page)
    cells = page.evaluate(
        """() => [...document.querySelectorAll('.jp-Cell .highlight-ipynb, .jp-OutputArea-output')]
      .filter(e => e.scrollWidth > e.clientWidth)
      .map(e => ({top: Math.round(e.getBoundingClientRect().top),
                  focusable: e.getAttribute('tabindex') === '0'}))"""
    )
    page.close()
    far = [c for c in cells if c["top"] > 3 * PHONE["height"]]
    assert far, f"/{path}: no wide cell far down the page to check"
    assert [c for c in cells if not c["focusable"]] == [], f"/{path}: {cells}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["notebooks/part1/", "en/notebooks/part4/"])
def test_no_serious_accessibility_violation_on_a_phone(phone, base_url, path, scheme):
    page = phone.new_page()
    page.goto(base_url + path, wait_until="load")
    use_palette(page, scheme)
    wait_until_typeset(page)
    wait_for_repairs(page)
    violations = accessibility_violations(page)
    page.close()
    assert violations == [], f"/{path} ({scheme}): {violations}"
