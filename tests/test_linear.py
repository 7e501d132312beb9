"""Tests for descent.linear: the loss over (w, b), its expansion, gradients and minimum."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from descent.data import SAMPLE_1_1
from descent.linear import (
    grad_mse,
    grad_sse,
    least_squares_w,
    least_squares_wb,
    loss_w,
    loss_wb,
    quadratic_coefficients,
)

w, b = sp.symbols("w b", real=True)
R = sp.Rational


def central_difference(f, t: float, h: float = 1e-6) -> float:
    return (f(t + h) - f(t - h)) / (2 * h)


def chain_holds(*steps: sp.Expr) -> None:
    """Assert every `=` in a chain: each step equals the next."""
    for left, right in itertools.pairwise(steps):
        assert sp.expand(left - right) == 0, (left, right)


# ---- the two-sample expansion (2.5), its minimum (2.6)-(2.7), the general form (2.8) ----


@pytest.mark.equation("2.5")
def test_eq_2_5_two_sample_expansion() -> None:
    from descent.chapters.loss.tables import values

    v = {k: sp.Rational(t.replace("−", "-")) for k, t in values().items() if k.startswith("q2_")}
    last = (
        v["q2_ww"] * w**2
        + v["q2_bb"] * b**2
        + v["q2_wb"] * w * b
        + v["q2_w"] * w
        + v["q2_b"] * b
        + v["q2_one"]
    )
    chain_holds(
        (w * 1 + b - 2) ** 2 + (w * 2 + b - R("4.1")) ** 2,
        (w + b - 2) ** 2 + (2 * w + b - R("4.1")) ** 2,
        (w**2 + b**2 + 4 + 2 * w * b - 4 * w - 4 * b)
        + (4 * w**2 + b**2 + R("16.81") + 4 * w * b - R("16.4") * w - R("8.2") * b),
        last,
        5 * w**2 + 2 * b**2 + 6 * w * b - R("20.4") * w - R("12.2") * b + R("20.81"),
    )
    # the doubled expansion is a different function: it is wrong at w = b = 0
    doubled = 10 * w**2 + 4 * b**2 + 12 * w * b - R("40.8") * w - R("24.4") * b + R("41.62")
    assert sp.expand(doubled - last) != 0


@pytest.mark.equation("2.6")
def test_eq_2_6_partial_derivatives_of_two_sample_loss() -> None:
    J = (w + b - 2) ** 2 + (2 * w + b - R("4.1")) ** 2
    chain_holds(sp.diff(J, w), 10 * w + 6 * b - R("20.4"))
    chain_holds(sp.diff(J, b), 4 * b + 6 * w - R("12.2"))


@pytest.mark.equation("2.7")
def test_eq_2_7_solving_for_the_minimum() -> None:
    b_of_w = (R("12.2") - 6 * w) / 4
    chain_holds(b_of_w, R("3.05") - R("1.5") * w)
    chain_holds(
        10 * w + 6 * (R("3.05") - R("1.5") * w) - R("20.4"),
        10 * w + R("18.3") - 9 * w - R("20.4"),
        w - R("2.1"),
    )
    # and the solution really zeroes both equations of (2.6)
    solution = sp.solve([10 * w + 6 * b - R("20.4"), 4 * b + 6 * w - R("12.2")], [w, b])
    assert solution == {w: R("2.1"), b: R("-0.1")}
    assert R("3.05") - R("1.5") * R("2.1") == R("-0.1")


@pytest.mark.equation("2.8")
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_eq_2_8_general_quadratic(n: int) -> None:
    x = sp.symbols(f"x1:{n + 1}", real=True)
    y = sp.symbols(f"y1:{n + 1}", real=True)
    idx = range(n)
    chain_holds(
        sum((w * x[i] + b - y[i]) ** 2 for i in idx),
        sum(
            x[i] ** 2 * w**2
            + b**2
            + y[i] ** 2
            + 2 * x[i] * w * b
            - 2 * x[i] * y[i] * w
            - 2 * y[i] * b
            for i in idx
        ),
        sum(x[i] ** 2 for i in idx) * w**2
        + n * b**2
        + 2 * sum(x[i] for i in idx) * w * b
        - 2 * sum(x[i] * y[i] for i in idx) * w
        - 2 * sum(y[i] for i in idx) * b
        + sum(y[i] ** 2 for i in idx),
    )


# ---- numeric functions against independent computations ----


def test_two_sample_coefficients_and_minimum() -> None:
    head = SAMPLE_1_1.head(2)
    q = quadratic_coefficients(head.x, head.y)
    np.testing.assert_allclose(q, [5, 2, 6, -20.4, -12.2, 20.81], rtol=1e-12)
    w_star, b_star = least_squares_wb(head.x, head.y)
    assert w_star == pytest.approx(2.1, abs=1e-12)
    assert b_star == pytest.approx(-0.1, abs=1e-12)
    assert loss_wb(w_star, b_star, head.x, head.y) == pytest.approx(0.0, abs=1e-20)


def test_least_squares_matches_numpy_polyfit() -> None:
    w_star, b_star = least_squares_wb(SAMPLE_1_1.x, SAMPLE_1_1.y)
    np.testing.assert_allclose([w_star, b_star], np.polyfit(SAMPLE_1_1.x, SAMPLE_1_1.y, 1))
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    w_lsq = np.linalg.lstsq(x[:, None], y, rcond=None)[0][0]
    assert least_squares_w(x, y) == pytest.approx(w_lsq)


points = st.floats(min_value=-5.0, max_value=5.0, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(points, points)
def test_quadratic_equals_loss_everywhere(w0: float, b0: float) -> None:
    q = quadratic_coefficients(SAMPLE_1_1.x, SAMPLE_1_1.y)
    assert q(w0, b0) == pytest.approx(loss_wb(w0, b0, SAMPLE_1_1.x, SAMPLE_1_1.y), rel=1e-9)
    assert loss_w(w0, SAMPLE_1_1.x, SAMPLE_1_1.y) == loss_wb(w0, 0.0, SAMPLE_1_1.x, SAMPLE_1_1.y)


@settings(max_examples=50, deadline=None)
@given(points, points)
def test_gradients_match_finite_differences(w0: float, b0: float) -> None:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    grad_w, grad_b = grad_sse(w0, b0, x, y)
    assert grad_w == pytest.approx(
        central_difference(lambda t: loss_wb(t, b0, x, y), w0), rel=1e-6, abs=1e-4
    )
    assert grad_b == pytest.approx(
        central_difference(lambda t: loss_wb(w0, t, x, y), b0), rel=1e-6, abs=1e-4
    )
    mse_w, mse_b = grad_mse(w0, b0, x, y)
    assert (mse_w, mse_b) == pytest.approx((grad_w / 10, grad_b / 10))


def test_gradient_vanishes_at_the_minimum() -> None:
    w_star, b_star = least_squares_wb(SAMPLE_1_1.x, SAMPLE_1_1.y)
    assert grad_sse(w_star, b_star, SAMPLE_1_1.x, SAMPLE_1_1.y) == pytest.approx((0, 0), abs=1e-9)
    w1 = least_squares_w(SAMPLE_1_1.x, SAMPLE_1_1.y)
    assert grad_sse(w1, 0.0, SAMPLE_1_1.x, SAMPLE_1_1.y)[0] == pytest.approx(0.0, abs=1e-9)


def test_bad_input_raises() -> None:
    with pytest.raises(ValueError, match="length mismatch"):
        loss_wb(1.0, 0.0, [1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="x is empty"):
        quadratic_coefficients([], [])
    with pytest.raises(ValueError, match="w must be finite"):
        loss_wb(float("nan"), 0.0, [1.0], [1.0])
    with pytest.raises(ValueError, match="y contains a non-finite"):
        grad_sse(1.0, 0.0, [1.0, 2.0], [1.0, float("nan")])
    with pytest.raises(ValueError, match="two different values"):
        least_squares_wb([3.0, 3.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="all zeros"):
        least_squares_w([0.0, 0.0], [1.0, 2.0])


# ---- the parabola of y = w·x (2.3)-(2.4), n-sample gradients (2.9)-(2.11), step size (2.13) ----


def symbols_xy(n: int) -> tuple[tuple[sp.Symbol, ...], tuple[sp.Symbol, ...]]:
    return sp.symbols(f"x1:{n + 1}", real=True), sp.symbols(f"y1:{n + 1}", real=True)


@pytest.mark.equation("2.3")
@pytest.mark.parametrize("n", [1, 3])
def test_eq_2_3_parabola_over_w(n: int) -> None:
    x, y = symbols_xy(n)
    chain_holds(
        sum((w * xi - yi) ** 2 for xi, yi in zip(x, y, strict=True)),
        sum(xi**2 * w**2 - 2 * xi * yi * w + yi**2 for xi, yi in zip(x, y, strict=True)),
        sum(xi**2 for xi in x) * w**2
        - 2 * sum(xi * yi for xi, yi in zip(x, y, strict=True)) * w
        + sum(yi**2 for yi in y),
    )


@pytest.mark.equation("2.4")
@pytest.mark.parametrize("n", [1, 3])
def test_eq_2_4_minimum_of_the_parabola(n: int) -> None:
    x, y = symbols_xy(n)
    sxx = sum(v**2 for v in x)
    sxy = sum(a * c for a, c in zip(x, y, strict=True))
    syy = sum(v**2 for v in y)
    J = sxx * w**2 - 2 * sxy * w + syy
    chain_holds(sp.diff(J, w), 2 * sxx * w - 2 * sxy)
    (w_star,) = sp.solve(sp.diff(J, w), w)
    assert sp.simplify(w_star - sxy / sxx) == 0
    x1, y1 = SAMPLE_1_1.x, SAMPLE_1_1.y
    assert least_squares_w(x1, y1) == pytest.approx(float(x1 @ y1 / (x1 @ x1)))


def _line_terms(n: int):
    x, y = symbols_xy(n)
    return x, y, [w * xi + b - yi for xi, yi in zip(x, y, strict=True)]


@pytest.mark.equation("2.9")
@pytest.mark.parametrize("n", [1, 2, 4])
def test_eq_2_9_gradient_in_w(n: int) -> None:
    x, _, e = _line_terms(n)
    chain_holds(
        sp.diff(sum(ei**2 for ei in e), w),
        sum(sp.diff(ei**2, w) for ei in e),
        sum(2 * ei * xi for ei, xi in zip(e, x, strict=True)),
        2 * sum(ei * xi for ei, xi in zip(e, x, strict=True)),
    )


@pytest.mark.equation("2.10")
@pytest.mark.parametrize("n", [1, 2, 4])
def test_eq_2_10_gradient_in_b(n: int) -> None:
    _, _, e = _line_terms(n)
    chain_holds(
        sp.diff(sum(ei**2 for ei in e), b),
        sum(sp.diff(ei**2, b) for ei in e),
        sum(2 * ei * 1 for ei in e),
        2 * sum(e),
    )


@pytest.mark.equation("2.11")
@pytest.mark.parametrize("n", [1, 2, 4])
def test_eq_2_11_mse_gradients(n: int) -> None:
    x, _, e = _line_terms(n)
    sse_sym = sum(ei**2 for ei in e)
    chain_holds(
        sp.diff(sse_sym / n, w),
        sp.diff(sse_sym, w) / n,
        sp.Rational(2, n) * sum(ei * xi for ei, xi in zip(e, x, strict=True)),
    )
    chain_holds(sp.diff(sse_sym / n, b), sp.diff(sse_sym, b) / n, sp.Rational(2, n) * sum(e))


@pytest.mark.equation("2.13")
def test_eq_2_13_one_step_on_a_parabola() -> None:
    A, B, C, eta = sp.symbols("A B C eta", positive=True)
    w_star = -B / (2 * A)
    J = A * w**2 + B * w + C
    chain_holds(sp.diff(J, w), 2 * A * w + B, 2 * A * (w - w_star))
    w_new = w - eta * sp.diff(J, w)
    chain_holds(
        w_new - w_star,
        (w - w_star) - 2 * A * eta * (w - w_star),
        (1 - 2 * A * eta) * (w - w_star),
    )


@pytest.mark.parametrize("scale", [1.0, 0.1, 0.05])
def test_lr_limit_separates_convergence_from_divergence(scale: float) -> None:
    from descent.linear import lr_limit_w

    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    w_star = least_squares_w(x, y)
    limit = lr_limit_w(x, scale)
    assert limit == pytest.approx(1 / (scale * float(x @ x)))
    for factor, shrinks in [(0.9, True), (1.1, False)]:
        w0 = 0.0
        for _ in range(50):  # gradient descent on J = scale·Σ(w·x_i − y_i)²
            w0 -= factor * limit * scale * 2 * float((w0 * x - y) @ x)
        assert (abs(w0 - w_star) < abs(0.0 - w_star)) is shrinks


def test_lr_limit_rejects_bad_scale() -> None:
    from descent.linear import lr_limit_w

    with pytest.raises(ValueError, match="scale must be > 0"):
        lr_limit_w([1.0], 0.0)
