"""Run buttons (hooks/live.py): every runnable block, in both languages, prints in Chromium
(Pyodide) exactly what the same code prints under CPython; edits run; Stop ends a loop; and
nothing of Pyodide is fetched before the first click."""

from __future__ import annotations

import ast
import json

import pytest
from checks import AXE, Watch, use_palette
from conftest import built_pages
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from descent.build.runnable import SRC, analyse, included
from descent.live import run

REVEAL = """el => {
  for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  for (let b = el.closest('.tabbed-block'); b; b = b.parentElement.closest('.tabbed-block')) {
    const tab = [...b.parentElement.children].indexOf(b);
    b.closest('.tabbed-set').querySelectorAll(':scope > input')[tab].click();
  }
}"""
BUSY = ("正在加载", "运行中", "Loading Python", "Running")

# One worker runs these one after another (nox -s browser: --dist loadgroup): several Pyodide
# runtimes compiling at once on two cores made a first Run wait past its timeout.
pytestmark = pytest.mark.xdist_group("pyodide")


def test_these_tests_share_one_worker(request):
    """Under ``nox -s browser`` (xdist, --dist loadgroup) this module's tests carry their group:
    a pytest whose node ids drop it (9.2, pytest-dev/pytest-xdist#1386) would spread them over
    every worker, and several Pyodide runtimes starting at once time out on two cores."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run by pytest-xdist with --dist loadgroup")
    assert request.node.nodeid.endswith("@pyodide"), request.node.nodeid


def _pages(site_dir) -> list[str]:
    return built_pages(site_dir, containing='id="live-data"')


def _open(context, base_url, path):
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    context.on("request", lambda r: fetched.append(r.url))
    watch = Watch(base_url).attach(page)
    page.goto(base_url + path, wait_until="networkidle")
    # Every block laid out now: a block that skips layout until it comes near the viewport
    # (extra.css) changes height as it is scrolled to, and could move a button away from
    # under the mouse between Playwright's check of the click point and the click.
    page.add_style_tag(content=".md-typeset * { content-visibility: visible !important; }")
    return page, watch, fetched


def _output(page, box, timeout=120_000, watch: Watch | None = None) -> str:
    out = box.locator(".live-output")
    try:
        page.wait_for_function(
            "([el, busy]) => !el.hidden && !busy.some(b => el.textContent.startsWith(b))",
            arg=[out.element_handle(), list(BUSY)],
            timeout=timeout,
        )
    except PlaywrightTimeout:
        seen = watch and (watch.errors() + watch.unexpected_failures())
        state = out.evaluate(
            "el => ({hidden: el.hidden, runDisabled: el.closest('.live')"
            ".querySelector('[data-live=run]').disabled})"
        )
        live = watch and [u.rsplit("/", 1)[1] for u in watch.requests if "live" in u]
        raise AssertionError(
            f"still {out.text_content()!r} after {timeout / 1000:.0f} s ({state}); "
            f"page errors: {seen}; requested: {live}"
        ) from None
    return out.text_content()


def _expected(block: dict, code: str | None = None) -> str:
    section = analyse(SRC.parent / block["file"], block["section"])
    doc = ast.get_docstring(ast.parse(section.path.read_text(encoding="utf-8"))) or ""
    return run(section.code if code is None else code, section.preamble, doc)


def _runnable_pages() -> list[str]:
    """URL paths of the pages that include a runnable section, both languages, from docs/."""
    paths = []
    for md in sorted((SRC.parent / "docs").glob("*.md")):
        if any(s.blocker is None for s in included(md)):
            stem = md.name.removesuffix(".md")
            slug = stem.removesuffix(".en")
            path = "" if slug == "index" else f"{slug}/"
            paths.append(f"en/{path}" if stem.endswith(".en") else path)
    return paths


RUNNABLE_PAGES = _runnable_pages()


def test_the_pages_with_run_buttons_are_those_including_runnable_code(site_dir):
    assert sorted(_pages(site_dir)) == sorted(RUNNABLE_PAGES)
    for slug in ("autograd", "computation-graph", "derivatives", "gradient-descent"):
        assert {f"{slug}/", f"en/{slug}/"} <= set(RUNNABLE_PAGES), slug


@pytest.mark.parametrize("path", RUNNABLE_PAGES)
def test_every_runnable_block_prints_what_cpython_prints(context, base_url, path):
    page, watch, fetched = _open(context, base_url, path)
    assert not [u for u in fetched if "pyodide" in u or "live-ui" in u], path
    data = json.loads(page.locator("#live-data").text_content())
    boxes = page.locator(".live")
    assert boxes.count() == len(data) > 0
    for i in range(boxes.count()):
        box = boxes.nth(i)
        box.evaluate(REVEAL)  # blocks in solutions and in tabs may be hidden
        box.locator("[data-live=run]").click()
        empty = "(finished, no output)" if path.startswith("en/") else "（运行完毕，没有输出）"
        expected = _expected(data[i]) or empty
        got = _output(page, box, watch=watch)
        assert got == expected, f"{path} block {i} ({data[i]['section']})"
    assert not watch.foreign_requests(), watch.foreign_requests()
    assert not watch.unexpected_failures() and not watch.errors()
    page.close()


def test_an_edited_block_runs_the_edit_and_reset_restores(context, base_url, site_dir):
    page, watch, _ = _open(context, base_url, "en/computation-graph/")
    box = page.locator(".live").first
    data = json.loads(page.locator("#live-data").text_content())
    box.locator("[data-live=edit]").press("Enter")  # keyboard, as a reader without a mouse
    editor = box.locator("textarea")
    original = editor.input_value()
    edited = original.replace("return", "return 10 +", 1) + "\nprint(parabola(2.0) * 3)\n"
    editor.fill(edited)
    box.locator("[data-live=run]").click()
    got = _output(page, box)
    assert got == _expected(data[0], edited)
    assert got != _expected(data[0])
    box.locator("[data-live=reset]").click()
    assert box.locator("textarea").count() == 0
    assert page.locator("#live-code-0").is_visible()
    assert not watch.errors()


def test_a_runtime_that_cannot_load_says_so_and_the_next_run_retries(context, base_url):
    """If Pyodide does not arrive (a dropped connection), the block says Python could not
    start instead of loading for ever, and the next click starts it again."""
    page, watch, _ = _open(context, base_url, "en/computation-graph/")
    page.route("**/assets/pyodide/pyodide.mjs", lambda route: route.abort())
    box = page.locator(".live").first
    box.locator("[data-live=run]").click()
    failed = _output(page, box, timeout=30_000)
    assert failed.startswith("Python could not start: ") and "try again" in failed, failed
    assert box.locator("[data-live=run]").is_enabled()
    page.unroute("**/assets/pyodide/pyodide.mjs")
    data = json.loads(page.locator("#live-data").text_content())
    box.locator("[data-live=run]").click()
    assert _output(page, box, watch=watch) == _expected(data[0])


def test_stop_ends_an_infinite_loop_and_python_starts_again(context, base_url):
    page, watch, _ = _open(context, base_url, "computation-graph/")
    box = page.locator(".live").first
    box.locator("[data-live=edit]").click()
    box.locator("textarea").fill("while True:\n    pass\n")
    box.locator("[data-live=run]").click()
    page.wait_for_function(
        "el => el.textContent.startsWith('运行中')",
        arg=box.locator(".live-output").element_handle(),
        timeout=120_000,
    )
    page.wait_for_timeout(500)
    box.locator("[data-live=stop]").click()
    assert box.locator(".live-output").text_content() == "已停止。"
    assert page.evaluate("1 + 1") == 2  # the page itself never froze
    box.locator("textarea").fill("print(6 * 7)\n")
    box.locator("[data-live=run]").click()
    assert _output(page, box) == "42\n"
    assert _violations(page) == []
    assert not watch.errors()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_block_on_a_phone_in_either_palette(chromium, base_url, scheme):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page, watch, _ = _open(context, base_url, "en/computation-graph/")
    use_palette(page, scheme)
    box = page.locator(".live").first
    box.locator("[data-live=edit]").click()
    box.locator("[data-live=run]").click()
    assert _output(page, box).startswith(">>> ")
    for part in (".live-editor", ".live-output", ".live-bar"):
        right = box.locator(part).evaluate("el => el.getBoundingClientRect().right")
        assert right <= 390, f"{part} runs off a 390 px screen"
    assert _violations(page) == []
    assert not watch.errors()
    context.close()


def _violations(page) -> list[str]:
    """axe-core's serious and critical violations inside the Run boxes and the numpy notes."""
    page.add_style_tag(content="* { transition: none !important; }")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run({include: [['.live'], ['.live-note']]}, {resultTypes: ['violations']})"
    )
    return [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
