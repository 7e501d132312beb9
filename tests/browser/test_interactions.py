"""Search, the language switcher and the palette toggle, driven like a reader would."""

from __future__ import annotations

import re

import pytest
from checks import Watch, accessibility_violations, wait_for_repairs, wait_until_typeset


def _search(page, term: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(term)
    box.press("End")  # fill() alone does not trigger Material's search
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15_000)
    return results.all_inner_texts()


@pytest.mark.parametrize(("path", "term"), [("", "梯度"), ("en/", "gradient")])
def test_search_finds_a_term(context, base_url, path, term):
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    page.goto(base_url + path, wait_until="load")
    hits = _search(page, term)
    assert hits, f"no search result for {term!r}"
    assert any(term.lower() in h.lower() for h in hits), hits[:3]
    assert not watch.foreign_requests()


def test_search_index_is_fetched_only_when_search_opens(context, base_url):
    # docs/javascripts/requests.js holds the index back: it is not part of a page's weight
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    page.goto(base_url + "en/", wait_until="networkidle")
    index = [u for u in watch.requests if "search/search_index" in u]
    assert not index, "the search index was fetched before search was opened"
    # only the page's language (hooks/search.py writes one index per language)
    with page.expect_response(lambda r: "search/search_index" in r.url) as response:
        page.locator("input.md-search__input").click()
    assert response.value.status == 200
    assert response.value.url.endswith("search/search_index.en.json")
    assert _search(page, "gradient")


def _switch_language(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f".md-header__option a[hreflang={lang}]").first.click()
    page.wait_for_load_state("load")


def test_language_switcher_keeps_the_page(context, base_url, site_dir):
    chapter = "loss/" if (site_dir / "loss" / "index.html").exists() else ""
    page = context.new_page()
    page.goto(base_url + chapter, wait_until="load")
    assert page.locator("html").get_attribute("lang") == "zh"
    _switch_language(page, "en")
    assert page.url == base_url + "en/" + chapter
    assert page.locator("html").get_attribute("lang") == "en"
    _switch_language(page, "zh")
    assert page.url == base_url + chapter
    assert page.locator("html").get_attribute("lang") == "zh"


def test_palette_toggle_switches_scheme(context, base_url):
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== '{before}'")
    after = scheme()
    assert {before, after} == {"default", "slate"}
    page.reload(wait_until="load")
    assert scheme() == after, "the chosen palette is not remembered"


def test_theme_state_settles_after_load(context, base_url):
    """overrides/main.html sets <html>'s classes and body[data-md-color-switching] before the
    chapter is parsed; Material's bundle must still finish the job: the switching attribute
    (which turns every transition off) gone after load and after a palette switch, the
    focus-visible polyfill working, no "no-js" styles left."""
    page = context.new_page()
    page.goto(base_url + "loss/", wait_until="load")
    settled = "() => !document.body.hasAttribute('data-md-color-switching')"
    page.wait_for_function(settled, timeout=5000)
    classes = page.locator("html").get_attribute("class").split()
    assert "js" in classes and "js-focus-visible" in classes and "no-js" not in classes
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert "focus-visible" in focused.split(), focused
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_function(settled, timeout=5000)
    scheme = page.evaluate("() => document.querySelector('meta[name=color-scheme]').content")
    assert scheme == "dark"


def test_notebook_download_links_work(context, base_url, site_dir):
    page = context.new_page()
    for folder in sorted(site_dir.glob("**/notebooks/*/")):
        url = base_url + folder.relative_to(site_dir).as_posix() + "/"
        page.goto(url, wait_until="load")
        links = page.locator("a[download]")
        assert links.count() == 2, url
        for i in range(links.count()):
            href = links.nth(i).get_attribute("href")
            response = page.request.get(url + href)
            assert response.status == 200 and re.search(r"\.(ipynb|py)$", href)


@pytest.mark.parametrize("path", ["loss/", "en/notebooks/part1/"])
def test_dark_palette_has_no_serious_accessibility_violation(context, base_url, path):
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    wait_until_typeset(page)
    wait_for_repairs(page)
    assert accessibility_violations(page) == []
