"""The interface around the text speaks the page's language, and its skip link lands.

Reads the built HTML of every page (no browser needed beyond the built site).
"""

from __future__ import annotations

import re

import pytest
from conftest import built_pages

ENGLISH_UI = [
    "Permanent link",
    "Copy to Clipboard",
    "Copied!",
    "Switch to dark",
    "Switch to light",
]
CHINESE_UI = ["切换到深色模式", "切换到浅色模式"]


@pytest.fixture(scope="module")
def pages(site_dir) -> dict[str, str]:
    return {
        p: (site_dir / p / "index.html").read_text(encoding="utf-8") for p in built_pages(site_dir)
    }


def test_both_languages_and_notebooks_are_there(pages):
    assert any(p.startswith("en/notebooks/") for p in pages)
    assert any(p.startswith("notebooks/") for p in pages)


def test_chinese_pages_have_no_english_interface_words(pages):
    found = [
        f"/{path}: {word}"
        for path, html in pages.items()
        if not path.startswith("en/")
        for word in ENGLISH_UI
        if word in html
    ]
    assert not found, "\n".join(found)


def test_english_pages_have_english_palette_toggles(pages):
    for path, html in pages.items():
        if path.startswith("en/"):
            assert not [w for w in CHINESE_UI if w in html], f"/{path}"
            assert 'title="Switch to dark mode"' in html, f"/{path}"


def test_skip_link_target_exists(pages):
    missing = []
    for path, html in pages.items():
        link = re.search(r'<a href="#([^"]+)" class="md-skip">', html)
        if link and f'id="{link[1]}"' not in html:
            missing.append(f"/{path}: #{link[1]}")
    assert not missing, "skip links to no element:\n" + "\n".join(missing)


def test_not_found_page_speaks_both_languages_and_links_both_home_pages(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    content = html[html.index('<article class="md-content__inner') :]
    assert "找不到这一页" in content and "page not found" in content
    homes = re.findall(r'<a href="([^"]+)">', content)
    assert len(homes) == 2 and homes[1] == homes[0] + "en/", homes
    assert "notebooks/" not in content
