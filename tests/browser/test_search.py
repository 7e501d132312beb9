"""Search as a reader uses it: results in the page's language, Chinese queries understood,
snippets without TeX; the repository link in the header asks no other host for anything."""

from __future__ import annotations

import re

import pytest
from checks import RAW_TEX, Watch

RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => ({
  href: item.querySelector('a').getAttribute('href'),
  text: item.innerText,
}))"""


def _search(page, term: str) -> list[dict]:
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(term)
    box.press("End")  # fill() alone does not trigger Material's search
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').innerText.length > 0"
        " && document.querySelector('input.md-search__input').value === q",
        arg=term,
    )
    return page.evaluate(RESULTS_JS)


def _in_english(href: str, base_url: str) -> bool:
    return href.removeprefix(base_url).startswith("en/")


def test_a_chinese_query_finds_backpropagation_without_missing_words(context, base_url):
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    page.goto(base_url + "computation-graph/", wait_until="load")
    results = _search(page, "反向传播")
    chapters = {re.sub(r"[?#].*", "", r["href"]).removeprefix(base_url) for r in results}
    assert {"nonlinear-backprop/", "computation-graph/"} <= chapters, chapters
    # Material marks a result that lacks a query word with "缺少" (missing): never one that
    # has both words, and not the best matches
    complete = [r for r in results if "反向\u200b传播" in r["text"]]
    assert len(complete) >= 3
    for result in complete + results[:3]:
        assert "缺少" not in result["text"], result
    assert "反向" in results[0]["text"] and "传播" in results[0]["text"]
    assert not watch.foreign_requests() and not watch.errors()


@pytest.mark.parametrize(("path", "english"), [("pytorch/", False), ("en/pytorch/", True)])
def test_results_stay_in_the_page_language(context, base_url, path, english):
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    results = _search(page, "zero_grad")
    assert results
    assert all(_in_english(r["href"], base_url) == english for r in results), [
        r["href"] for r in results
    ]


@pytest.mark.parametrize(
    ("path", "term"), [("gradient-descent/", "学习率"), ("en/", "learning rate")]
)
def test_result_snippets_show_no_tex_and_no_pilcrow(context, base_url, path, term):
    page = context.new_page()
    page.goto(base_url + path, wait_until="load")
    page.locator("input.md-search__input").click()
    results = _search(page, term)
    for more in page.locator(".md-search-result__more summary").all():
        more.click()  # the further results on each page
    texts = page.locator(".md-search-result").inner_text()
    assert len(results) > 3
    assert not [m for m in RAW_TEX if m in texts] and "¶" not in texts


@pytest.mark.parametrize("path", ["", "en/", "en/notebooks/part1/"])
def test_the_header_links_to_the_repository_without_asking_another_host(
    context, base_url, site_dir, path
):
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    page.goto(base_url + path, wait_until="networkidle")
    link = page.locator(".md-header a.md-source")
    href = link.get_attribute("href")
    assert href.startswith("https://") and link.is_visible()
    home = re.sub(r"<[^>]+>", "", (site_dir / "index.html").read_text(encoding="utf-8"))
    assert f"git clone {href} descent" in home
    page.wait_for_timeout(500)  # Material's source widget would fetch the API right after load
    assert not watch.foreign_requests(), watch.foreign_requests()
    assert page.locator(".md-source__facts").count() == 0
