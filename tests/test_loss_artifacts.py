"""Tests for descent.tables.loss and descent.figures.loss, against independent computations."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from descent.data import SAMPLE_1_1
from descent.figures import loss as loss_figures
from descent.tables import loss as loss_tables


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def rows(table: str) -> list[list[str]]:
    lines = table.strip().splitlines()[2:]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


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
        got = [number(c) for c in row[1:9]]
        np.testing.assert_allclose(got, expected, atol=5e-5)
        w, b = expected[6], expected[7]
        assert number(row[9]) == pytest.approx(((w * x + b - y) ** 2).sum(), abs=5e-5)


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
