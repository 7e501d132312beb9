"""Every built page, both languages, in real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks import (
    Watch,
    accessibility_violations,
    broken_images,
    math_problems,
    notebook_problems,
    raw_tex,
    wait_for_repairs,
    wait_until_typeset,
)
from conftest import built_pages


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        site = metafunc.config.getoption("--site")
        paths = built_pages(Path(site)) if site else []
        metafunc.parametrize("page_path", paths or ["<no site>"], ids=lambda p: p or "/")


def test_page(context, base_url, page_path):
    assert page_path != "<no site>", "no built site: run `nox -s browser`"
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    response = page.goto(base_url + page_path, wait_until="load")
    assert response is not None and response.status == 200
    wait_until_typeset(page)
    page.wait_for_load_state("networkidle")
    problems = [f"raw TeX in text: {m}" for m in raw_tex(page)]
    problems += math_problems(page)
    problems += [f"image not loaded: {src}" for src in broken_images(page)]
    problems += [f"request to another host: {u}" for u in watch.foreign_requests()]
    problems += [f"failed request: {u}" for u in watch.unexpected_failures()]
    problems += [f"console/page error: {e}" for e in watch.errors()]
    if "notebooks/" in page_path:
        problems += notebook_problems(page)
    wait_for_repairs(page)
    problems += [f"axe: {v}" for v in accessibility_violations(page)]
    assert not problems, f"/{page_path}: " + "; ".join(problems)


LAYOUT_SHIFT_JS = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 1000);
})"""


@pytest.mark.parametrize("viewport", [(412, 823), (1920, 1080)], ids=["phone", "desktop"])
def test_pages_do_not_shift_while_loading(chromium, base_url, site_dir, viewport):
    # Blocks past the first screen are laid out only near the viewport (content-visibility in
    # extra.css) and figures carry their size (hooks/figures.py): neither may move what the
    # reader sees. 0.1 is the threshold of a "good" cumulative layout shift.
    context = chromium.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    shifts = {}
    for path in [p for p in built_pages(site_dir) if not p.startswith("en/")]:
        page = context.new_page()
        page.goto(base_url + path, wait_until="load")
        shifts[path] = page.evaluate(LAYOUT_SHIFT_JS)
        page.close()
    context.close()
    assert len(shifts) > 15
    assert {p: s for p, s in shifts.items() if s > 0.1} == {}
