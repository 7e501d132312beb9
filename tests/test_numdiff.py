"""Tests for descent.numdiff: central differences against exact derivatives, and bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from descent import numdiff as nd

coord = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)
angle = st.floats(min_value=0.0, max_value=2 * math.pi, allow_nan=False)


def smooth(q: np.ndarray) -> float:
    """f(x, y) = sin(x)·e^(y/2) + x²y, with ∇f = (cos(x)·e^(y/2) + 2xy, sin(x)·e^(y/2)/2 + x²)."""
    x, y = q
    return math.sin(x) * math.exp(y / 2) + x * x * y


def smooth_grad(q: np.ndarray) -> np.ndarray:
    x, y = q
    e = math.exp(y / 2)
    return np.array([math.cos(x) * e + 2 * x * y, math.sin(x) * e / 2 + x * x])


@given(coord)
def test_central_difference_matches_cos(x: float) -> None:
    assert nd.derivative(math.sin, x) == pytest.approx(math.cos(x), abs=1e-9)


@given(coord)
def test_central_difference_is_exact_for_quadratics_up_to_rounding(x: float) -> None:
    # f''' = 0: no truncation error (3.17), only rounding of size ε·|f|/h
    assert nd.derivative(lambda t: 3 * t * t - t, x) == pytest.approx(6 * x - 1, abs=1e-8)


@given(coord, coord)
def test_gradient_matches_the_analytic_gradient(x: float, y: float) -> None:
    p = np.array([x, y])
    np.testing.assert_allclose(nd.gradient(smooth, p), smooth_grad(p), atol=1e-8)


@given(coord, coord, angle)
def test_directional_derivative_is_gradient_dot_unit_direction(
    x: float, y: float, theta: float
) -> None:
    p, u = np.array([x, y]), np.array([math.cos(theta), math.sin(theta)])
    d = nd.directional_derivative(smooth, p, u)
    assert d == pytest.approx(smooth_grad(p) @ u, abs=1e-8)
    # a longer vector in the same direction gives the same directional derivative
    assert nd.directional_derivative(smooth, p, 7.5 * u) == pytest.approx(d, abs=1e-8)


@given(coord, coord, angle)
@settings(max_examples=50)
def test_no_direction_beats_the_gradient(x: float, y: float, theta: float) -> None:
    p = np.array([x, y])
    g = smooth_grad(p)
    d = nd.directional_derivative(smooth, p, [math.cos(theta), math.sin(theta)])
    assert d <= np.linalg.norm(g) + 1e-8


def test_difference_quotient_from_both_sides() -> None:
    # (x0 + h)² − x0² over h is 2·x0 + h exactly in real arithmetic
    assert nd.difference_quotient(lambda t: t * t, 3.0, 0.25) == 6.25
    assert nd.difference_quotient(lambda t: t * t, 3.0, -0.25) == 5.75


def test_relative_error_values() -> None:
    assert nd.relative_error([0.0, 0.0], [0.0, 0.0]) == 0.0
    assert nd.relative_error([3.0, 4.0], [3.0, 4.0]) == 0.0
    assert nd.relative_error([1.0, 0.0], [0.0, 1.0]) == pytest.approx(math.sqrt(2))
    assert nd.relative_error(3.0, 4.0) == nd.relative_error(4.0, 3.0) == 0.25


@given(st.floats(min_value=1e-3, max_value=1e3))
def test_relative_error_is_scale_free(k: float) -> None:
    a, b = np.array([1.0, -2.0]), np.array([1.5, -1.0])
    assert nd.relative_error(k * a, k * b) == pytest.approx(nd.relative_error(a, b))


def test_check_gradient_passes_a_right_gradient_and_fails_a_wrong_one() -> None:
    p = np.array([0.7, -0.3])
    good = nd.check_gradient(smooth, smooth_grad, p)
    assert good.ok and good.rel_error < 1e-9
    bad = nd.check_gradient(smooth, lambda q: smooth_grad(q) * np.array([1.0, 2.0]), p)
    assert not bad.ok and bad.rel_error > 0.1
    np.testing.assert_allclose(good.numeric, bad.numeric)


def test_step_too_small_spoils_the_check() -> None:
    p = np.array([0.7, -0.3])
    good = nd.check_gradient(smooth, smooth_grad, p, h=1e-5)
    tiny = nd.check_gradient(smooth, smooth_grad, p, h=1e-13)
    assert tiny.rel_error > 1000 * good.rel_error


def test_central_error_model_matches_sympy_taylor_coefficient() -> None:
    # (D_h f − f')/h² → f'''/6 for f = e^x at x = 1, seen numerically at moderate h
    h = 1e-2
    err = nd.derivative(math.exp, 1.0, h) - math.e
    assert err / h**2 == pytest.approx(float(sp.E / 6), rel=1e-3)


@pytest.mark.parametrize("h", [0.0, -1e-5, math.nan, math.inf])
def test_bad_step_is_rejected(h: float) -> None:
    with pytest.raises(ValueError, match="h must"):
        nd.derivative(math.sin, 1.0, h)
    with pytest.raises(ValueError, match="h must"):
        nd.gradient(smooth, [1.0, 2.0], h)


def test_zero_quotient_step_is_rejected() -> None:
    with pytest.raises(ValueError, match="h must be non-zero"):
        nd.difference_quotient(math.sin, 1.0, 0.0)


def test_zero_direction_is_rejected() -> None:
    with pytest.raises(ValueError, match="non-zero direction"):
        nd.directional_derivative(smooth, [1.0, 2.0], [0.0, 0.0])


def test_direction_of_wrong_length_is_rejected() -> None:
    with pytest.raises(ValueError, match="u has 3 components but p has 2"):
        nd.directional_derivative(smooth, [1.0, 2.0], [1.0, 0.0, 0.0])


def test_non_finite_input_is_rejected() -> None:
    with pytest.raises(ValueError, match="x must be finite"):
        nd.derivative(math.sin, math.nan)
    with pytest.raises(ValueError, match="p contains a non-finite value"):
        nd.gradient(smooth, [1.0, math.inf])


def test_non_finite_output_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"f at .* must be finite, got nan"):
        nd.derivative(lambda t: math.nan, 1.0)
    with pytest.raises(ValueError, match=r"f at .* must be finite, got inf"):
        nd.derivative(lambda t: 1.0 / t if t > 0 else math.inf, 0.0, 1.0)
    with pytest.raises(TypeError, match="must be a real number"):
        nd.derivative(lambda t: [t, t], 1.0)


def test_gradient_of_wrong_shape_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"grad_f\(p\) has 1 components but p has 2"):
        nd.check_gradient(smooth, lambda q: np.array([1.0]), [1.0, 2.0])
    with pytest.raises(ValueError, match="tol must be > 0"):
        nd.check_gradient(smooth, smooth_grad, [1.0, 2.0], tol=0.0)
