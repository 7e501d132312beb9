"""Chapter 8's tables, values and figures, recomputed without the engine: c = √(ln x²),
dc/dx = 1/(x·c), and plain loops for the error-division and gradient-descent runs."""

from __future__ import annotations

import math
import re

import pytest
from matplotlib.figure import Figure
from pages import table_rows as rows

from descent.build.figure import svg_bytes
from descent.chapters.nonlinear_backprop import examples as nl
from descent.chapters.nonlinear_backprop import figures as figs
from descent.chapters.nonlinear_backprop import tables as t

V = t.values()
TARGET = 2.13


def c_of(x: float) -> float:
    return math.sqrt(math.log(x * x))


def sci(cell: str) -> float:
    m = re.fullmatch(r"\$(-?[\d.]+) \\times 10\^\{(-?\d+)\}\$", cell)
    assert m, cell
    return float(m[1]) * 10 ** int(m[2])


def newton(x: float = 2.0) -> list[float]:
    xs = [x]
    while abs(c_of(x) - TARGET) >= 1e-3:
        x -= (c_of(x) - TARGET) * x * c_of(x)
        xs.append(x)
    return xs


def gd(lr: float, x: float = 2.0) -> list[float]:
    xs = [x]
    while abs(c_of(x) - TARGET) >= 1e-3:
        x -= lr * (c_of(x) - TARGET) / (x * c_of(x))
        xs.append(x)
    return xs


def test_rounds_table() -> None:
    got = rows(t.table_chain_rounds())
    xs = newton()
    cols = []
    for k, x in enumerate(xs):
        a, b, c = x * x, math.log(x * x), c_of(x)
        col = [x, a, b, c, c - TARGET]
        if k + 1 < len(xs):
            dc = c - TARGET
            col += [dc * 2 * math.sqrt(b), dc * 2 * math.sqrt(b) * a, x - xs[k + 1]]
        cols.append(col)
    assert len(got) == 8 and all(len(r) == len(xs) + 1 for r in got)
    for i, row in enumerate(got):
        for k, cell in enumerate(row[1:]):
            if i < len(cols[k]):
                assert float(cell) == pytest.approx(cols[k][i], abs=5e-4)
                assert re.fullmatch(r"-?\d+\.\d{3}", cell)
            else:
                assert cell == ""


def test_local_derivatives_table() -> None:
    got = {r[0]: (float(r[1]), float(r[2])) for r in rows(t.table_chain_local())}
    b = math.log(4)
    want = {"$da/dx$": 4, "$db/da$": 0.25, "$dc/db$": 1 / (2 * math.sqrt(b))}
    want["$dc/dx$"] = 1 / (2 * c_of(2))
    assert set(got) == set(want)
    for key, value in want.items():
        assert got[key] == pytest.approx((value, value), abs=5e-7)


def test_methods_table() -> None:
    got = rows(t.table_chain_methods())
    runs = [newton()] + [gd(lr) for lr in (1.0, 10.0, 100.0, 400.0)]
    assert len(got) == len(runs)
    for row, xs in zip(got, runs, strict=True):
        assert int(row[1]) == len(xs) - 1
        assert float(row[2]) == pytest.approx(xs[-1], abs=5e-7)
        assert sci(row[3]) == pytest.approx(c_of(xs[-1]) - TARGET, rel=2e-3)


def test_values() -> None:
    root = math.exp(TARGET**2 / 2)
    expected = {
        "b": math.log(4),
        "c": c_of(2),
        "dc_dx": 1 / (2 * c_of(2)),
        "dc_dx_numeric": 1 / (2 * c_of(2)),
        "dc_dx_root": 1 / (root * TARGET),
        "curvature_root": 1 / (root * TARGET) ** 2,
        "curvature_start": 1 / (2 * c_of(2)) ** 2,
        "ln_x2": TARGET**2,
        "half_sq": TARGET**2 / 2,
        "root": root,
        "final_x": newton()[-1],
        "final_c": c_of(newton()[-1]),
        "final_x_error": root - newton()[-1],
        "first_x": newton()[1],
        "mirror_x": newton(-2.0)[-1],
        "eta_match": (root * TARGET) ** 2,
        "eta_far_x1": gd((root * TARGET) ** 2)[1],
    }
    for key, value in expected.items():
        assert float(V[key]) == pytest.approx(value, abs=5e-7), key
    assert V["a"] == "4"
    assert int(V["steps"]) == len(newton()) - 1
    assert int(V["mirror_steps"]) == len(newton(-2.0)) - 1
    assert int(V["eta_far_steps"]) == len(gd((root * TARGET) ** 2)) - 1
    assert int(V["eta_near_steps"]) == len(gd((root * TARGET) ** 2, 9.0)) - 1
    for lr in (1.0, 10.0, 100.0, 400.0):
        assert int(V[f"gd_steps_{lr:g}"]) == len(gd(lr)) - 1
        assert float(V[f"gd_x_{lr:g}"]) == pytest.approx(gd(lr)[-1], abs=5e-7)


@pytest.mark.parametrize("name", ["fig_chain_graph", "fig_chain_newton", "fig_chain_errors"])
def test_figures_build_and_are_reproducible(name: str) -> None:
    build = getattr(figs, name)
    fig = build()
    assert isinstance(fig, Figure) and fig.axes
    assert svg_bytes(fig) == svg_bytes(build())


def test_overshoot_start() -> None:
    x = float(V["overshoot_x"])
    c = c_of(x)
    # one step from there lands inside [-1, 1]: x·(1 − (c − t)·c) is about 0
    assert abs(x * (1 - (c - TARGET) * c)) < 1
    with pytest.raises(ValueError, match=r"x must satisfy \|x\| > 1"):
        nl.divide_error_chain(t.overshoot_start())
