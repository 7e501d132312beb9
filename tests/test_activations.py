"""Tests for descent.activations: σ against its definition, σ' against finite differences."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.activations import sigmoid, sigmoid_grad

moderate = st.floats(min_value=-30.0, max_value=30.0, allow_nan=False)


def central_difference(f, z: float, h: float = 1e-5) -> float:
    return (f(z + h) - f(z - h)) / (2 * h)


@given(moderate)
def test_sigmoid_matches_definition(z: float) -> None:
    assert sigmoid(z) == pytest.approx(1.0 / (1.0 + math.exp(-z)), rel=1e-12, abs=1e-300)


@given(moderate)
def test_sigmoid_symmetry(z: float) -> None:
    # σ(−z) = 1 − σ(z)
    assert sigmoid(-z) == pytest.approx(1.0 - sigmoid(z), abs=1e-12)


@given(st.floats(min_value=-20.0, max_value=20.0))
def test_sigmoid_grad_matches_finite_difference(z: float) -> None:
    assert sigmoid_grad(z) == pytest.approx(central_difference(sigmoid, z), rel=1e-6, abs=1e-10)


def test_sigmoid_grad_is_sympy_derivative() -> None:
    z = sp.symbols("z")
    s = 1 / (1 + sp.exp(-z))
    assert sp.simplify(sp.diff(s, z) - s * (1 - s)) == 0
    for value in (-3.0, -0.5, 0.0, 0.7, 4.0):
        assert sigmoid_grad(value) == pytest.approx(float(sp.diff(s, z).subs(z, value)))


def test_extreme_inputs_do_not_overflow() -> None:
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = sigmoid(np.array([-1e4, -745.0, 0.0, 745.0, 1e4]))
    assert np.all((out >= 0) & (out <= 1))
    assert out[2] == 0.5
    assert sigmoid_grad(1e4) == 0.0


def test_array_and_scalar_types() -> None:
    assert isinstance(sigmoid(1.0), float)
    assert isinstance(sigmoid_grad(1.0), float)
    out = sigmoid(np.array([[0.0, 1.0], [2.0, 3.0]]))
    assert out.shape == (2, 2)
    np.testing.assert_allclose(sigmoid_grad([0.0, 1.0]), [0.25, sigmoid(1.0) * (1 - sigmoid(1.0))])


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), [0.0, float("nan")]])
def test_non_finite_input_raises(bad) -> None:
    with pytest.raises(ValueError, match="z must be finite"):
        sigmoid(bad)
    with pytest.raises(ValueError, match="z must be finite"):
        sigmoid_grad(bad)


def test_non_numeric_input_raises() -> None:
    with pytest.raises(TypeError, match="z must be a number"):
        sigmoid("abc")


def test_a_single_number_goes_through_the_c_library_exp():
    # Numerical derivatives of σ amplify the last bit of e^x by 1/h: the book's tables are
    # the same on every CPU only if that bit is the C library's, not numpy's vector code's.
    # (0.07 … 1.09: inputs where numpy 2.4.6 on an AVX-512 CPU differs from the C library.)
    for z in (-2.0, -1e-8, 0.5, 2.0, 30.0, 0.07, -0.24, 0.44, -0.79, 1.09):
        e = math.exp(-abs(z))
        expected = 1.0 / (1.0 + e) if z >= 0 else e / (1.0 + e)
        assert sigmoid(z) == expected
