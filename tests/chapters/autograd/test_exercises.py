"""Tests for autograd/exercises.py: each solution against sympy, the engine, or a loop."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.chapters.autograd import exercises as ex
from descent.engine import Value
from descent.numdiff import derivative

coord = st.floats(-3.0, 3.0, allow_nan=False)


@given(coord, coord)
def test_hand_backprop_matches_sympy_and_the_engine(wv: float, bv: float) -> None:
    w, b = sp.symbols("w b", real=True)
    L = (w * b + b) ** 2
    point = {w: wv, b: bv}
    value, grad_w, grad_b = ex.hand_backprop(wv, bv)
    assert value == pytest.approx(float(L.subs(point)), rel=1e-12, abs=1e-12)
    assert grad_w == pytest.approx(float(sp.diff(L, w).subs(point)), rel=1e-12, abs=1e-12)
    assert grad_b == pytest.approx(float(sp.diff(L, b).subs(point)), rel=1e-12, abs=1e-12)
    vw, vb = Value(wv), Value(bv)
    ((vw * vb + vb) ** 2).backward()
    assert (vw.grad, vb.grad) == pytest.approx((grad_w, grad_b), rel=1e-12, abs=1e-12)


@given(st.floats(-30.0, 30.0))
def test_softplus_value_and_slope(x: float) -> None:
    v = Value(x)
    y = ex.softplus(v)
    y.backward()
    assert y.data == pytest.approx(math.log1p(math.exp(x)), rel=1e-12)
    assert v.grad == pytest.approx(1 / (1 + math.exp(-x)), rel=1e-12)
    assert v.grad == pytest.approx(derivative(lambda t: math.log1p(math.exp(t)), x), abs=1e-7)


def test_softplus_does_not_overflow() -> None:
    assert ex.softplus(Value(800.0)).data == 800.0


def test_zero_grad_path_is_plain_gd_and_forgetting_it_sums_gradients() -> None:
    w, acc, with_zero, without = ex.EX3_W0, 0.0, [], []
    for _ in range(ex.EX3_STEPS):  # w ← w − lr·2(w − 3)
        g = 2 * (w - ex.EX3_TARGET)
        with_zero.append(g)
        w = w - ex.EX3_LR * g
    assert [p[1] for p in ex.descend_on_square(True)] == pytest.approx(with_zero)
    w = ex.EX3_W0
    for _ in range(ex.EX3_STEPS):  # the gradient never cleared: it is the sum so far
        acc += 2 * (w - ex.EX3_TARGET)
        w = w - ex.EX3_LR * acc
        without.append((w, acc))
    got = ex.descend_on_square(False)
    assert np.allclose(got, without, rtol=1e-15)


def test_broadcast_bias_grad_is_a_column_sum() -> None:
    expected = 2 * np.sum(ex.EX4_X + ex.EX4_B, axis=0)
    assert np.allclose(ex.broadcast_bias_grad(), expected, rtol=1e-15)
