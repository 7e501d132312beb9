"""The playground page in Chromium: its iterates are descent's, links preselect, it stops, resets.

Every comparison drives the page as a reader would (select, type, click, keys) and reads the
exact numbers from the log table's data attributes (shortest round-trip decimals), then
compares them with chapters.playground.examples.trajectory (→ optim.descend) to 1e-9 relative.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from checks import (
    Watch,
    accessibility_violations,
    use_palette,
    wait_for_repairs,
    wait_until_typeset,
)
from playground_cases import NUMBER_CASES, STEPS_CASES

from descent.chapters.playground import examples as pg
from descent.optim import DivergenceError, Run

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "playground.js"
REL = 1e-9

ROWS_JS = """() => [...document.querySelectorAll('#pg-log tbody tr')].map(r => ({
  k: r.dataset.k, theta: r.dataset.theta, loss: r.dataset.loss,
  cells: [...r.cells].map(c => c.textContent)}))"""


def open_playground(context, base_url: str, query: str = "", lang: str = ""):
    page = context.new_page()
    watch = Watch(base_url).attach(page)
    response = page.goto(f"{base_url}{lang}playground/{query}", wait_until="load")
    assert response is not None and response.status == 200
    page.wait_for_selector("#pg-widget[data-ready]")
    return page, watch


def no_trouble(watch: Watch) -> None:
    assert not watch.foreign_requests()
    assert not watch.unexpected_failures()
    assert not watch.errors()


def configure(page, f: str, lr: float, start, beta: float | None) -> None:
    """Set every control the way a reader would: choose, type, tick."""
    page.select_option("#pg-f", f)
    page.fill("#pg-lr", repr(lr))
    for coord, value in zip(pg.function(f).coords, start, strict=True):
        page.fill(f"#pg-start-{coord}", repr(value))
    page.set_checked("#pg-momentum", beta is not None)
    if beta is not None:
        page.fill("#pg-beta", repr(beta))


def step(page, n: int) -> None:
    for _ in range(n):
        page.click("#pg-step")


def shown(page) -> list[tuple[int, list[float], float]]:
    """The iterates in the log table: (k, θ_k, J_k), exact."""
    return [
        (int(r["k"]), [float(v) for v in r["theta"].split(",")], float(r["loss"]))
        for r in page.evaluate(ROWS_JS)
    ]


def close(a: float, b: float) -> bool:
    return a == b or math.isclose(a, b, rel_tol=REL)


def mismatches(rows, run: Run) -> list[str]:
    """Where the page's iterates differ from the run's (count, θ or J), as readable lines."""
    if len(rows) != len(run.losses):
        return [f"{len(rows)} rows shown, the run has {len(run.losses)} iterates"]
    out = []
    for (k, theta, loss), want_theta, want_loss in zip(rows, run.thetas, run.losses, strict=True):
        if not all(close(a, b) for a, b in zip(theta, want_theta, strict=True)):
            out.append(f"θ_{k}: page {theta}, descent {want_theta.tolist()}")
        if not close(loss, want_loss):
            out.append(f"J_{k}: page {loss!r}, descent {want_loss!r}")
    return out


# η and starts other than the defaults, so the controls are shown to take effect
CASES = [
    ("square", 0.45, (1.7,), 15),
    ("sin_bowl", 0.2, (2.5, -1.3), 20),
    ("double_well", 0.04, (1.9,), 25),
    ("line", 0.015, (0.5, 1.5), 30),
]


@pytest.mark.parametrize("beta", [None, 0.9], ids=["gd", "momentum"])
@pytest.mark.parametrize(("f", "lr", "start", "steps"), CASES, ids=[c[0] for c in CASES])
def test_stepping_through_the_ui_reproduces_descent(context, base_url, f, lr, start, steps, beta):
    page, watch = open_playground(context, base_url, lang="en/")
    configure(page, f, lr, start, beta)
    step(page, steps)
    rows = shown(page)
    assert mismatches(rows, pg.trajectory(f, lr, start, steps, beta)) == []
    assert page.locator("#pg-status").inner_text().startswith(f"k = {steps} ")
    no_trouble(watch)


def test_the_log_slider_and_the_keyboard_alone(context, base_url):
    page, watch = open_playground(context, base_url, "?f=sin_bowl&lr=0.1")
    page.focus("#pg-loglr")
    for _ in range(5):
        page.keyboard.press("ArrowRight")  # log10 η: −1 → −0.95
    lr = float(f"{10**-0.95:.3g}")
    assert page.locator("#pg-lr").input_value() == repr(lr) == "0.112"
    assert page.locator("#pg-lr-shown").inner_text() == "η = 0.112"
    assert page.locator("#pg-loglr").get_attribute("aria-valuetext") == "η = 0.112"
    page.focus("#pg-momentum")
    page.keyboard.press("Space")
    page.focus("#pg-step")
    for _ in range(12):
        page.keyboard.press("Enter")
    assert mismatches(shown(page), pg.trajectory("sin_bowl", lr, (3.0, 1.0), 12, 0.9)) == []
    no_trouble(watch)


def test_full_precision_is_shown_on_request(context, base_url):
    page, _ = open_playground(context, base_url, "?f=square&lr=0.3&x=1.2&steps=3")
    run = pg.trajectory("square", 0.3, (1.2,), 3)
    cells = page.evaluate(ROWS_JS)[3]["cells"]
    assert cells[1] == f"{run.thetas[3, 0]:.6g}"
    page.check("#pg-full")
    cells = page.evaluate(ROWS_JS)[3]["cells"]
    assert len(re.sub(r"\D", "", cells[1]).lstrip("0")) == 17  # 17 significant digits
    assert float(cells[1]) == run.thetas[3, 0]  # enough to give back the double itself


@pytest.mark.parametrize("query", ["?f=sin_bowl&steps=120", "?f=line&lr=0.03&steps=100"])
def test_six_digits_are_written_as_python_writes_them(context, base_url, query):
    want = pg.parse_query(query)
    try:
        run = pg.trajectory(want.f, want.lr, want.start, want.steps)
    except DivergenceError as err:
        run = err.run
        assert f"loss {run.losses[-1]:.6g} " in str(err)
    page, _ = open_playground(context, base_url, query, "en/")
    for row, theta, loss in zip(page.evaluate(ROWS_JS), run.thetas, run.losses, strict=True):
        assert row["cells"][1:] == [f"{v:.6g}" for v in [*theta, loss]]
    if page.locator("#pg-message").is_visible():
        assert f"J = {run.losses[-1]:.6g} " in page.locator("#pg-message").inner_text()


# ---- links -----------------------------------------------------------------------------------

QUERIES = [
    "?f=square&lr=0.3&x=1.2",
    "?f=sin_bowl&x=3&y=1&lr=0.1",
    "?f=double_well",
    "?f=line",
    "?momentum=0.9",
    "?f=double_well&x=2&momentum=0.8&steps=60",
    "?f=line&momentum=0.9&steps=50",
]


@pytest.mark.parametrize("lang", ["", "en/"], ids=["zh", "en"])
@pytest.mark.parametrize("query", QUERIES)
def test_a_link_preselects_the_setting(context, base_url, query, lang):
    page, watch = open_playground(context, base_url, query, lang)
    want = pg.parse_query(query)
    assert page.locator("#pg-f").input_value() == want.f
    assert float(page.locator("#pg-lr").input_value()) == want.lr
    for coord, value in zip(pg.function(want.f).coords, want.start, strict=True):
        assert float(page.locator(f"#pg-start-{coord}").input_value()) == value
    assert page.locator("#pg-momentum").is_checked() == (want.beta is not None)
    if want.beta is not None:
        assert float(page.locator("#pg-beta").input_value()) == want.beta
    run = pg.trajectory(want.f, want.lr, want.start, want.steps, want.beta)
    assert mismatches(shown(page), run) == []
    # the link to the current settings names the same settings
    href = page.locator("#pg-link").get_attribute("href")
    assert pg.parse_query(href) == pg.Settings(want.f, want.lr, want.start, want.beta)
    no_trouble(watch)


def test_the_widget_speaks_the_pages_language(context, base_url):
    zh, _ = open_playground(context, base_url)
    en, _ = open_playground(context, base_url, lang="en/")
    assert zh.locator("#pg-step").inner_text() == "单步"
    assert en.locator("#pg-step").inner_text() == "Step"
    assert zh.locator("label[for=pg-lr]").inner_text() == "学习率 η"
    assert en.locator("label[for=pg-lr]").inner_text() == "Learning rate η"


def test_bad_link_values_are_ignored_and_reported(context, base_url):
    page, watch = open_playground(context, base_url, "?f=square&lr=-1&x=0.5&z=2", "en/")
    assert float(page.locator("#pg-lr").input_value()) == pg.function("square").lr
    assert page.locator("#pg-start-x").input_value() == "0.5"
    notice = page.locator("#pg-notice").inner_text()
    assert "lr=-1" in notice and "z=2" in notice
    no_trouble(watch)


# ---- stopping, resetting, the plot as input --------------------------------------------------


@pytest.mark.parametrize("lang", ["", "en/"], ids=["zh", "en"])
def test_a_diverging_rate_stops_with_a_message(context, base_url, lang):
    with pytest.raises(DivergenceError) as err:
        pg.trajectory("square", 1.1, (1.2,), pg.MAX_STEPS)
    page, watch = open_playground(context, base_url, "?f=square&x=1.2", lang)
    page.fill("#pg-lr", "1.1")
    page.click("#pg-run")
    message = page.locator("#pg-message")
    message.wait_for(state="visible", timeout=20_000)
    k = err.value.run.steps
    assert message.get_attribute("data-step") == str(k)
    assert message.get_attribute("data-lr") == "1.1"
    text = message.inner_text()
    assert str(k) in text and "η = 1.1" in text
    assert ("第 " if lang == "" else "Diverged at step ") + str(k) in text
    assert page.locator("#pg-step").is_disabled() and page.locator("#pg-run").is_disabled()
    assert mismatches(shown(page), err.value.run) == []  # the diverged iterate is listed too
    no_trouble(watch)


def test_reset_clears_the_run(context, base_url):
    page, watch = open_playground(context, base_url, "?f=square&lr=1.1&steps=80", "en/")
    assert page.locator("#pg-message").is_visible()
    page.click("#pg-reset")
    assert page.locator("#pg-message").is_hidden()
    assert page.locator("#pg-step").is_enabled() and page.locator("#pg-run").is_enabled()
    assert shown(page) == [(0, [1.2], 1.2**2)]
    assert page.locator("#pg-status").inner_text().startswith("k = 0 ")
    step(page, 2)
    assert mismatches(shown(page), pg.trajectory("square", 1.1, (1.2,), 2)) == []
    no_trouble(watch)


def _pixel(page, x: float, y: float) -> dict[str, float]:
    box = page.locator("#pg-plot").evaluate("c => Object.assign({}, c.dataset)")
    b = {key: float(v) for key, v in box.items()}
    px = b["left"] + (x - b["x0"]) / (b["x1"] - b["x0"]) * b["width"]
    py = b["top"] + (b["y1"] - y) / (b["y1"] - b["y0"]) * b["height"]
    return {"x": px, "y": py}


def test_clicking_and_dragging_on_the_plot_sets_the_start(context, base_url):
    page, watch = open_playground(context, base_url, "?f=sin_bowl", "en/")
    plot = page.locator("#pg-plot")
    plot.scroll_into_view_if_needed()
    plot.click(position=_pixel(page, -1.5, 2.0))
    x, y = (float(page.locator(f"#pg-start-{c}").input_value()) for c in "xy")
    assert abs(x + 1.5) <= 0.02 and abs(y - 2.0) <= 0.02
    assert shown(page)[0][1] == [x, y]
    origin = plot.bounding_box()
    a, b = _pixel(page, 2.0, -2.0), _pixel(page, 0.5, 1.0)
    page.mouse.move(origin["x"] + a["x"], origin["y"] + a["y"])
    page.mouse.down()
    page.mouse.move(origin["x"] + b["x"], origin["y"] + b["y"], steps=5)
    page.mouse.up()
    x, y = (float(page.locator(f"#pg-start-{c}").input_value()) for c in "xy")
    assert abs(x - 0.5) <= 0.02 and abs(y - 1.0) <= 0.02
    step(page, 3)
    assert mismatches(shown(page), pg.trajectory("sin_bowl", 0.1, (x, y), 3)) == []
    no_trouble(watch)


def test_the_plots_have_a_text_alternative(context, base_url):
    page, _ = open_playground(context, base_url, "?steps=2", "en/")
    for canvas in ("#pg-plot", "#pg-loss"):
        assert page.locator(canvas).get_attribute("role") == "img"
        assert "table" in page.locator(canvas).get_attribute("aria-label")
    table = page.get_by_role("table", name="Iterates")
    assert table.locator("tbody tr").count() == 3


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violation_after_a_run(context, base_url, scheme):
    page, _ = open_playground(context, base_url, "?f=line&lr=0.03&steps=100")
    assert page.locator("#pg-message").is_visible()  # the divergence message is on show
    use_palette(page, scheme)
    page.fill("#pg-lr", "-1")  # an invalid value, marked aria-invalid
    wait_until_typeset(page)
    wait_for_repairs(page)
    assert accessibility_violations(page) == []


def test_the_page_stays_light(context, base_url, site_dir):
    own = [site_dir / "javascripts" / "playground.js", site_dir / "stylesheets" / "playground.css"]
    assert sum(p.stat().st_size for p in own) < 60_000
    page, watch = open_playground(context, base_url)
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("javascripts/playground.js") for u in watch.requests)
    assert not any("search/search_index" in u for u in watch.requests)
    no_trouble(watch)


# ---- the comparison can fail -----------------------------------------------------------------

SIGN = "return ti - s.lr * v[i]; // against the gradient"
BETA = "v = v === null ? g : g.map(function (gi, i) { return s.beta * v[i] + gi; });"


def test_a_wrong_expectation_is_caught(context, base_url):
    """The same displayed iterates against runs that are wrong on purpose must not match."""
    page, _ = open_playground(context, base_url, "?f=double_well&x=1.9&lr=0.04&momentum=0.9")
    step(page, 10)
    rows = shown(page)
    assert mismatches(rows, pg.trajectory("double_well", 0.04, (1.9,), 10, 0.9)) == []
    assert mismatches(rows, pg.trajectory("double_well", 0.04, (1.9,), 10, 0.89)) != []
    assert mismatches(rows, pg.trajectory("double_well", 0.04, (1.9,), 10)) != []
    assert mismatches(rows, pg.trajectory("double_well", 0.04, (1.9,), 9, 0.9)) != []


@pytest.mark.parametrize(
    ("original", "broken"),
    [(SIGN, SIGN.replace("ti - s.lr", "ti + s.lr")), (BETA, BETA.replace("s.beta *", "0.8 *"))],
    ids=["plus-sign", "other-beta"],
)
def test_a_broken_script_fails_the_comparison(context, base_url, original, broken):
    script = SCRIPT.read_text(encoding="utf-8")
    assert script.count(original) == 1, "the line this test breaks has changed: update the test"
    page = context.new_page()
    page.route(
        "**/javascripts/playground.js",
        lambda route: route.fulfill(
            body=script.replace(original, broken), content_type="text/javascript"
        ),
    )
    page.goto(f"{base_url}en/playground/?f=line&momentum=0.9&steps=20", wait_until="load")
    page.wait_for_selector("#pg-widget[data-ready]")
    found = mismatches(shown(page), pg.trajectory("line", 0.02, (0.0, 0.0), 20, 0.9))
    assert found, "a broken update rule went unnoticed"


# ---- one link grammar: the page takes exactly what parse_query takes -------------------------


def _notice_names(page) -> str:
    return page.locator("#pg-notice").inner_text()


@pytest.mark.parametrize(("text", "accepted"), NUMBER_CASES)
def test_the_page_reads_numbers_as_parse_query_does(context, base_url, text, accepted):
    page, watch = open_playground(context, base_url, f"?f=square&x={quote(text, safe='')}", "en/")
    if accepted:
        assert float(page.locator("#pg-start-x").input_value()) == float(text)
        assert "x=" not in _notice_names(page)
    else:
        assert f"x={text}" in _notice_names(page)
        assert float(page.locator("#pg-start-x").input_value()) == pg.function("square").start[0]
    no_trouble(watch)


@pytest.mark.parametrize(("text", "accepted"), STEPS_CASES)
def test_the_page_reads_steps_as_parse_query_does(context, base_url, text, accepted):
    page, watch = open_playground(context, base_url, f"?f=square&steps={quote(text, safe='')}")
    rows = page.locator("#pg-log tbody tr").count()
    if accepted:
        assert "steps=" not in _notice_names(page)
        assert rows == pg.parse_query(f"f=square&steps={text}").steps + 1
    else:
        assert "steps=" in _notice_names(page)
    no_trouble(watch)
