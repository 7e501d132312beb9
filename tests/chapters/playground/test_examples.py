"""Tests for playground/examples.py: functions, the trajectory, links, and the page's claims."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from pages import DOCS, central_difference

from descent import landscapes as ls
from descent.chapters.playground import examples as pg
from descent.data import SAMPLE_1_1
from descent.linear import least_squares_wb
from descent.linefit import mse_wb
from descent.optim import GD, DivergenceError, Momentum, descend

H = 1e-6
PAGES = [DOCS / "playground.md", DOCS / "playground.en.md"]
SCRIPT = DOCS / "javascripts" / "playground.js"

POINTS = {  # non-degenerate points: no coordinate at a stationary value
    "square": [(1.7,), (-0.3,)],
    "sin_bowl": [(0.7, 1.1), (-2.5, -0.4)],
    "double_well": [(-1.7,), (0.9,), (1.6,)],
    "line": [(0.5, 1.5), (3.2, -2.0)],
}


# ---- the four functions ----------------------------------------------------------------------


def test_three_functions_are_the_chapters_landscapes():
    assert pg.FUNCTIONS["square"].loss is ls.square
    assert pg.FUNCTIONS["sin_bowl"].grad is ls.sin_bowl_grad
    assert pg.FUNCTIONS["double_well"].loss is ls.double_well
    assert pg.FUNCTIONS["double_well"].grad is ls.double_well_grad


@pytest.mark.parametrize("w, b", [(0.0, 0.0), (2.0, 0.0), (1.5, -3.0)])
def test_line_loss_is_the_mse_on_sample_set_1_1(w, b):
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    by_hand = sum((w * xi + b - yi) ** 2 for xi, yi in zip(x, y, strict=True)) / len(x)
    assert pg.line_loss(np.array([w, b])) == pytest.approx(by_hand, rel=1e-14)
    assert pg.line_loss(np.array([w, b])) == mse_wb(w, b, x, y)


@pytest.mark.parametrize(
    ("name", "point"), [(n, p) for n, points in POINTS.items() for p in points]
)
def test_gradient_matches_central_differences(name, point):
    fn = pg.function(name)
    theta = np.array(point)
    numeric = central_difference(fn.loss, theta, H)
    assert np.allclose(fn.grad(theta), numeric, rtol=1e-7, atol=1e-7)


def test_line_gradient_vanishes_at_the_least_squares_line():
    w, b = least_squares_wb(SAMPLE_1_1.x, SAMPLE_1_1.y)
    assert np.allclose(pg.line_grad(np.array([w, b])), 0.0, atol=1e-12)


# ---- the trajectory --------------------------------------------------------------------------


def plain_loop(name: str, lr: float, start, steps: int, beta: float | None) -> np.ndarray:
    """The two update rules written out, with no optimiser object."""
    fn = pg.function(name)
    theta, v, path = np.array(start, dtype=float), None, [np.array(start, dtype=float)]
    for _ in range(steps):
        g = np.asarray(fn.grad(theta))  # the landscapes return lists
        if beta is None:
            theta = theta - lr * g
        else:
            v = g if v is None else beta * v + g
            theta = theta - lr * v
        path.append(theta)
    return np.array(path)


CASES = [
    ("square", 0.3, (1.2,), 25),
    ("sin_bowl", 0.1, (3.0, 1.0), 40),
    ("double_well", 0.05, (-0.5,), 40),
    ("line", 0.02, (0.0, 0.0), 60),
]


@pytest.mark.parametrize("beta", [None, 0.9])
@pytest.mark.parametrize(("name", "lr", "start", "steps"), CASES)
def test_trajectory_is_optim_descend(name, lr, start, steps, beta):
    fn = pg.function(name)
    run = pg.trajectory(name, lr, start, steps, beta)
    optimizer = GD(lr) if beta is None else Momentum(lr, beta)
    same = descend(fn.loss, fn.grad, start, optimizer, steps=steps)
    assert np.array_equal(run.thetas, same.thetas)
    assert np.array_equal(run.losses, same.losses)
    assert np.allclose(run.thetas, plain_loop(name, lr, start, steps, beta), rtol=1e-13)
    assert run.losses.tolist() == [fn.loss(t) for t in run.thetas]


def test_first_momentum_step_is_a_plain_step_and_beta_zero_is_plain_gd():
    gd = pg.trajectory("sin_bowl", 0.1, (3.0, 1.0), 10)
    heavy = pg.trajectory("sin_bowl", 0.1, (3.0, 1.0), 10, beta=0.9)
    assert np.array_equal(gd.thetas[:2], heavy.thetas[:2])
    assert not np.allclose(gd.thetas[2:], heavy.thetas[2:])
    assert np.array_equal(gd.thetas, pg.trajectory("sin_bowl", 0.1, (3.0, 1.0), 10, 0.0).thetas)


def test_a_diverging_run_names_its_step_and_learning_rate():
    # on x² with η = 1.1 each step multiplies x by 1 − 2η = −1.2, so |x_k| = 1.2^(k+1);
    # J = x² passes the limit 10¹² at the first k with 1.2^(k+1) > 10⁶
    expected = next(k for k in range(1, 200) if 1.2 ** (k + 1) > 1e6)
    with pytest.raises(DivergenceError, match=rf"step {expected} with lr=1.1") as err:
        pg.trajectory("square", 1.1, (1.2,), 500)
    assert err.value.run.steps == expected
    assert abs(err.value.run.losses[-1]) > 1e12 >= abs(err.value.run.losses[-2])


@pytest.mark.parametrize("name", list(pg.FUNCTIONS))
def test_every_function_diverges_without_overflow_at_the_largest_rate(name):
    fn = pg.function(name)
    with pytest.raises(DivergenceError):
        pg.trajectory(name, pg.LR_MAX, fn.start, pg.MAX_STEPS, beta=0.99)


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"f": "cube", "lr": 0.1, "start": [1.0], "steps": 1}, "f must be one of"),
        ({"f": "square", "lr": 0.1, "start": [1.0, 2.0], "steps": 1}, "start must have 1"),
        ({"f": "line", "lr": 0.1, "start": [1.0], "steps": 1}, "start must have 2"),
        ({"f": "square", "lr": 0.1, "start": [math.nan], "steps": 1}, "start contains"),
        ({"f": "square", "lr": 0.0, "start": [1.0], "steps": 1}, "lr must be > 0"),
        ({"f": "square", "lr": -0.1, "start": [1.0], "steps": 1}, "lr must be > 0"),
        ({"f": "square", "lr": math.nan, "start": [1.0], "steps": 1}, "lr must be finite"),
        ({"f": "square", "lr": 0.1, "start": [1.0], "steps": 1, "beta": 1.0}, "momentum must"),
        ({"f": "square", "lr": 0.1, "start": [1.0], "steps": 1, "beta": -0.1}, "momentum must"),
        ({"f": "square", "lr": 0.1, "start": [1.0], "steps": -1}, "steps must be"),
    ],
)
def test_bad_input_raises_naming_the_argument(kwargs, named):
    with pytest.raises(ValueError, match=named):
        pg.trajectory(**kwargs)


# ---- settings and links ----------------------------------------------------------------------


def test_defaults_come_from_the_function():
    assert pg.parse_query("") == pg.Settings("square", 0.3, (1.2,))
    assert pg.parse_query("f=line") == pg.Settings("line", 0.02, (0.0, 0.0))
    assert pg.parse_query("?f=sin_bowl&y=0.5") == pg.Settings("sin_bowl", 0.1, (3.0, 0.5))
    full = pg.parse_query("f=double_well&x=2&lr=0.05&momentum=0.8&steps=60")
    assert full == pg.Settings("double_well", 0.05, (2.0,), beta=0.8, steps=60)


@pytest.mark.parametrize(
    "s",
    [
        pg.settings("square", lr=0.3, x=1.2),
        pg.settings("sin_bowl", x=3, y=1, lr=0.1),
        pg.settings("line", lr=0.1 + 0.2, w=-1 / 3, momentum=0.9, steps=1000),
        pg.settings("double_well", lr=1e-4, x=-0.5),
    ],
)
def test_link_and_parse_query_are_inverse(s):
    url = pg.link(s)
    assert url.startswith("playground.md?f=")
    assert pg.parse_query(url.split("?", 1)[1]) == s


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("f=cube", "f must be one of"),
        ("lr=-1", "lr must be > 0"),
        ("lr=abc", "lr must be a number"),
        ("lr=11", "lr must be at most 10"),
        ("lr=nan", "lr must be a number"),
        ("x=inf", "x must be a number"),
        ("momentum=1", "momentum must be in"),
        ("steps=1001", "steps must be"),
        ("steps=2.5", "steps must be"),
        ("steps=-1", "steps must be"),
        ("y=1", "unknown parameter.*y"),
        ("f=sin_bowl&w=1", "unknown parameter.*w"),
    ],
)
def test_a_bad_link_parameter_raises_naming_it(query, named):
    with pytest.raises(ValueError, match=named):
        pg.parse_query(query)


# ---- the page and its script -----------------------------------------------------------------

LINK = re.compile(r"\]\(playground\.md\?([^)#\s]+)\)")
FUNCTION_ROW = re.compile(r"^\|[^|]+\| `(\w+)` \| ([^|]+) \| ([^|]+) \|", re.M)


def _numbers(cell: str) -> tuple[float, ...]:
    return tuple(float(v.replace("−", "-")) for v in re.findall(r"[−-]?\d+(?:\.\d+)?", cell))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_pages_function_table_shows_the_defaults(page):
    found = FUNCTION_ROW.findall(page.read_text(encoding="utf-8"))
    rows = {m[0]: m for m in found if m[0] != "f"}  # not the header row
    assert sorted(rows) == sorted(pg.FUNCTIONS)
    for name, (_, start, lr) in rows.items():
        assert _numbers(start) == pg.FUNCTIONS[name].start, name
        assert _numbers(lr) == (pg.FUNCTIONS[name].lr,), name


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_on_the_page_is_a_valid_setting(page):
    text = page.read_text(encoding="utf-8")
    queries = LINK.findall(text)
    assert len(queries) >= 10
    for query in queries:
        pg.parse_query(query)  # raises on a bad parameter
    # the examples print their query beside the link, and it is the link's own
    examples = re.findall(
        r"`playground/\?([^`]+)`(?:：|: )\[[^\]]+\]\(playground\.md\?([^)]+)\)", text
    )
    assert len(examples) == 3
    for shown, query in examples:
        assert shown == query


def test_the_script_uses_the_packages_constants():
    js = SCRIPT.read_text(encoding="utf-8")

    def array(name: str) -> list[float]:
        body = re.search(rf"var {name} = \[([^\]]+)\]", js).group(1)
        return [float(v) for v in body.split(",")]

    assert array("SAMPLE_X") == SAMPLE_1_1.x.tolist()
    assert array("SAMPLE_Y") == SAMPLE_1_1.y.tolist()
    assert f"var MAX_STEPS = {pg.MAX_STEPS};" in js
    assert f"var LR_MAX = {pg.LR_MAX:g};" in js
    assert "var LIMIT = 1e12;" in js  # optim.descend's default limit
    for name, fn in pg.FUNCTIONS.items():
        coords = ", ".join(f'"{c}"' for c in fn.coords)
        start = ", ".join(f"{v:.1f}" if v == int(v) else repr(v) for v in fn.start)
        pattern = rf"{name}: \{{\s*coords: \[{coords}\], start: \[([^\]]+)\], lr: ([\d.]+),"
        found = re.search(pattern, js)
        assert found, name
        assert [float(v) for v in found.group(1).split(",")] == list(fn.start), start
        assert float(found.group(2)) == fn.lr


# ---- the claims of "Things to try" (both languages say the same) -----------------------------


def test_try_learning_rates_on_x_squared():
    steady = pg.trajectory("square", 0.3, (1.2,), 30).thetas[:, 0]
    assert np.all(steady > 0) and np.all(np.diff(steady) < 0)
    bouncing = pg.trajectory("square", 0.9, (1.2,), 10).thetas[:, 0]
    assert np.all(np.sign(bouncing[1:]) == -np.sign(bouncing[:-1]))
    assert np.all(np.diff(np.abs(bouncing)) < 0)
    with pytest.raises(DivergenceError):
        pg.trajectory("square", 1.1, (1.2,), pg.MAX_STEPS)


def test_try_which_valley():
    left, _, right = ls.double_well_stationary()

    def end(x0: float, beta: float | None = None) -> float:
        return pg.trajectory("double_well", 0.05, (x0,), 300, beta).theta[0]

    assert end(-0.5) == pytest.approx(left, abs=1e-6)  # the deeper valley
    assert end(0.5) == pytest.approx(right, abs=1e-6)
    assert ls.double_well(np.array([left])) < ls.double_well(np.array([right]))
    assert end(2.0, beta=0.5) == pytest.approx(right, abs=1e-6)
    assert end(2.0, beta=0.8) == pytest.approx(left, abs=1e-6)


def test_try_the_narrow_bowl():
    best = np.array(least_squares_wb(SAMPLE_1_1.x, SAMPLE_1_1.y))
    hessian = np.array([[2 * np.mean(SAMPLE_1_1.x**2), 2 * np.mean(SAMPLE_1_1.x)]])
    hessian = np.vstack([hessian, [2 * np.mean(SAMPLE_1_1.x), 2.0]])
    curvatures, axes = np.linalg.eigh(hessian)
    assert curvatures[1] / curvatures[0] > 100  # long and narrow
    plain = pg.trajectory("line", 0.02, (0.0, 0.0), pg.MAX_STEPS).thetas - best
    steep, flat = np.abs(plain @ axes[:, 1]), np.abs(plain @ axes[:, 0])
    assert steep[10] < 0.01 * steep[0]  # crossed within the first few steps
    assert flat[100] > 0.3 * flat[0]  # while the valley floor takes hundreds
    assert np.linalg.norm(plain[-1]) > 1e-5  # not quite there after 1000 steps
    with pytest.raises(DivergenceError):
        pg.trajectory("line", 0.03, (0.0, 0.0), pg.MAX_STEPS)
    heavy = pg.trajectory("line", 0.02, (0.0, 0.0), 300, beta=0.9).theta
    assert np.linalg.norm(heavy - best) < 1e-6


CHAPTER_LINK = re.compile(r"\]\(playground\.md\?([^)#]+)\)")


@pytest.mark.parametrize(
    "page",
    sorted(p for p in DOCS.glob("*.md") if not p.name.startswith("playground")),
    ids=lambda p: p.name,
)
def test_chapter_links_to_the_playground_are_valid_settings(page):
    for query in CHAPTER_LINK.findall(page.read_text(encoding="utf-8")):
        pg.parse_query(query)  # raises naming a bad parameter


def test_the_gradient_descent_chapter_links_the_valleys_checked_above():
    # the tip in chapter 4 makes the claims test_try_which_valley checks, with the same settings
    queries = CHAPTER_LINK.findall((DOCS / "gradient-descent.md").read_text(encoding="utf-8"))
    wells = {q for q in queries if "double_well" in q}
    assert wells == {
        "f=double_well&lr=0.05&x=0.5",
        "f=double_well&lr=0.05&x=-0.5",
        "f=double_well&lr=0.05&x=2&momentum=0.5",
        "f=double_well&lr=0.05&x=2&momentum=0.8",
    }
