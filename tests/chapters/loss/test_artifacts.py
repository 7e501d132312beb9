"""Tests for the loss chapter's tables and figures, against independent computations."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure
from pages import table_rows as rows

from descent.chapters.loss import figures as loss_figures
from descent.chapters.loss import tables as loss_tables
from descent.data import SAMPLE_1_1


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def test_loss_quadratic_table_matches_polyfit_and_direct_sums() -> None:
    table = rows(loss_tables.table_loss_quadratic())
    assert [r[0] for r in table] == ["2", "10"]
    for row, n in zip(table, (2, 10), strict=True):
        x, y = SAMPLE_1_1.x[:n], SAMPLE_1_1.y[:n]
        expected = [
            (x**2).sum(),
            n,
            2 * x.sum(),
            -2 * (x * y).sum(),
            -2 * y.sum(),
            (y**2).sum(),
            *np.polyfit(x, y, 1),
        ]
        # the minimum first (w*, b*, J(w*, b*)), then the coefficients
        got = [number(c) for c in (*row[4:10], *row[1:3])]
        np.testing.assert_allclose(got, expected, atol=5e-5)
        w, b = expected[6], expected[7]
        assert number(row[3]) == pytest.approx(((w * x + b - y) ** 2).sum(), abs=5e-5)


def test_values_two_sample_and_minimum() -> None:
    v = {k: number(t) for k, t in loss_tables.values().items()}
    assert [v[f"q2_{k}"] for k in ("ww", "bb", "wb", "w", "b", "one")] == pytest.approx(
        [5, 2, 6, -20.4, -12.2, 20.81]
    )
    assert v["q2_one"] == pytest.approx(2.0**2 + 4.1**2)
    assert (v["min2_w"], v["min2_b"], v["min2_loss"]) == pytest.approx((2.1, -0.1, 0.0))
    w, b = np.polyfit(SAMPLE_1_1.x, SAMPLE_1_1.y, 1)
    assert (v["min10_w"], v["min10_b"]) == pytest.approx((w, b), abs=5e-5)
    resid = w * SAMPLE_1_1.x + b - SAMPLE_1_1.y
    assert v["min10_loss"] == pytest.approx((resid**2).sum(), abs=5e-5)


def test_values_parabola() -> None:
    v = {k: number(t) for k, t in loss_tables.values().items()}
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    assert v["parabola_sxx"] == pytest.approx(385)  # 1² + 2² + … + 10²
    assert v["parabola_sxy"] == pytest.approx(float(x @ y))
    assert v["parabola_syy"] == pytest.approx(float(y @ y))
    assert v["parabola_w"] == pytest.approx(float(x @ y) / 385, abs=5e-5)


def test_values_gradients_at_w1_b0() -> None:
    v = {k: number(t) for k, t in loss_tables.values().items()}
    e = 1.0 * SAMPLE_1_1.x + 0.0 - SAMPLE_1_1.y  # the line y = x
    assert v["grad_sse_w"] == pytest.approx(2 * (e * SAMPLE_1_1.x).sum())
    assert v["grad_sse_b"] == pytest.approx(2 * e.sum())
    assert v["grad_mse_w"] == pytest.approx(2 * (e * SAMPLE_1_1.x).mean())
    assert v["grad_mse_b"] == pytest.approx(2 * e.mean())


def test_values_are_text_without_ascii_minus() -> None:
    for key, text in loss_tables.values().items():
        assert isinstance(text, str) and "-" not in text, key


@pytest.mark.parametrize("name", [n for n in dir(loss_figures) if n.startswith("fig_")])
def test_figures_build(name: str) -> None:
    fig = getattr(loss_figures, name)()
    assert isinstance(fig, Figure)
    assert fig.axes


def test_signed_errors_table() -> None:
    table = rows(loss_tables.table_signed_errors())
    y = SAMPLE_1_1.y
    e = y.mean() - y
    body, total = table[:-1], table[-1]
    np.testing.assert_allclose([number(r[3]) for r in body], e, atol=5e-5)
    np.testing.assert_allclose([number(r[5]) for r in body], e**2, atol=5e-5)
    assert number(total[3]) == 0.0
    assert number(total[4]) == pytest.approx(np.abs(e).sum())
    assert number(total[5]) == pytest.approx((e**2).sum())


def test_gradient_scaling_table() -> None:
    table = rows(loss_tables.table_gradient_scaling())
    for row, k in zip(table, (1, 2, 4), strict=True):
        x, y = np.tile(SAMPLE_1_1.x, k), np.tile(SAMPLE_1_1.y, k)
        n = len(x)
        g = 2 * ((x - y) * x).sum()  # d/dw Σ(w·x − y)² at w = 1
        expected = [n, g, g / n, g / (2 * n), 1 / (x @ x), n / (x @ x), 2 * n / (x @ x)]
        np.testing.assert_allclose([number(c) for c in row], expected, rtol=1e-3)


def test_values_signed_bce_and_exercises() -> None:
    v = {k: number(t) for k, t in loss_tables.values().items()}
    y, x = SAMPLE_1_1.y, SAMPLE_1_1.x
    assert v["flat_y"] == pytest.approx(y.mean())
    assert v["flat_sum_e"] == 0.0
    assert v["flat_sse"] == pytest.approx(((y - y.mean()) ** 2).sum(), abs=5e-5)
    assert v["flat_mae"] == pytest.approx(np.abs(y - y.mean()).mean(), abs=5e-5)
    s2 = 1 / (1 + np.exp(-2.0))
    assert v["bce_sigma"] == pytest.approx(s2, abs=5e-5)
    assert v["bce_loss_y1"] == pytest.approx(np.log1p(np.exp(-2.0)), abs=5e-5)
    assert v["bce_loss_y0"] == pytest.approx(2 + np.log1p(np.exp(-2.0)), abs=5e-5)
    assert (v["bce_grad_y1"], v["bce_grad_y0"]) == pytest.approx((s2 - 1, s2), abs=5e-5)
    e = 2 * x - y
    assert v["ex1_sse"] == pytest.approx((e**2).sum())
    assert v["ex1_mse"] == pytest.approx((e**2).mean())
    assert v["ex1_half_mse"] == pytest.approx((e**2).mean() / 2)
    assert v["ex1_mae"] == pytest.approx(np.abs(e).mean())
    x3, y3 = x[:3], y[:3]
    q3 = [(x3**2).sum(), 3, 2 * x3.sum(), -2 * (x3 @ y3), -2 * y3.sum(), (y3**2).sum()]
    assert [v[f"q3_{k}"] for k in ("ww", "bb", "wb", "w", "b", "one")] == pytest.approx(q3)
    w3, b3 = np.polyfit(x3, y3, 1)
    assert (v["min3_w"], v["min3_b"]) == pytest.approx((w3, b3), abs=5e-5)
    assert v["min3_loss"] == pytest.approx(((w3 * x3 + b3 - y3) ** 2).sum(), abs=5e-5)
    assert (v["ex3_sse_w"], v["ex3_sse_b"]) == pytest.approx((2 * (e @ x), 2 * e.sum()))
    assert (v["ex3_mse_w"], v["ex3_mse_b"]) == pytest.approx((2 * (e @ x) / 10, 2 * e.sum() / 10))
    s1 = 1 / (1 + np.exp(-1.0))
    assert v["ex4_z"] == 1.0
    assert v["ex4_sigma"] == pytest.approx(s1, abs=5e-5)
    assert v["ex4_loss"] == pytest.approx(-np.log(1 - s1), abs=5e-5)
    assert (v["ex4_grad_w"], v["ex4_grad_b"]) == pytest.approx((1.5 * s1, s1), abs=5e-5)
    assert v["lr_sse"] == pytest.approx(1 / 385, abs=5e-7)
    assert v["lr_mse"] == pytest.approx(10 / 385, abs=5e-7)
