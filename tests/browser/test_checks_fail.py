"""The page checks, shown to fail: a page with each defect must be flagged.

A check that cannot fail proves nothing, so each one is run against a page built to break it.
"""

from __future__ import annotations

import pytest
from checks import (
    Watch,
    accessibility_violations,
    broken_images,
    math_problems,
    notebook_problems,
    raw_tex,
)
from conftest import serve

BROKEN = """<!doctype html><html><head><meta charset="utf-8"></head><body><article>
<p>Left raw: $$x^2$$ and \\frac{a}{b}, and <span class="arithmatex">\\(y\\)</span> untypeset.</p>
<div class="arithmatex"><mjx-container style="display:inline-block;width:0;overflow:hidden">
<svg width="0" height="10"></svg></mjx-container></div>
<img src="missing.png" alt="">
<img src="http://198.51.100.7/tracker.png" alt="">
<p style="color:#ddd;background:#fff">faint text</p>
<script>console.error("boom"); undefinedFunction();</script>
</article></body></html>"""


@pytest.fixture(scope="module")
def broken_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken")
    (root / "index.html").write_text(BROKEN, encoding="utf-8")
    server, url = serve(root)
    yield url
    server.shutdown()
    server.server_close()


def test_each_check_flags_its_defect(context, broken_url):
    page = context.new_page()
    page.route("http://198.51.100.7/**", lambda route: route.abort())  # never leaves the machine
    watch = Watch(broken_url).attach(page)
    page.goto(broken_url, wait_until="load")
    assert "$$" in raw_tex(page) and "\\frac" in raw_tex(page)
    assert any("zero width" in p for p in math_problems(page))
    assert "1 of 2 math sources not typeset" in math_problems(page)
    assert len(broken_images(page)) == 2
    assert set(watch.foreign_requests()) == {"http://198.51.100.7/tracker.png"}
    assert any("missing.png" in u for u in watch.unexpected_failures())
    assert any("boom" in e for e in watch.errors())
    assert any("undefinedFunction" in e for e in watch.errors())
    assert notebook_problems(page) == ["no rendered notebook cells", "no cell outputs"]
    assert any(v.startswith("color-contrast (serious)") for v in accessibility_violations(page))
