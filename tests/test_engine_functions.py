"""Tests for descent.engine_functions: each function's value and derivative, and its domain."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from descent.engine import Value
from descent.numdiff import derivative

real = st.floats(min_value=-4.0, max_value=4.0, allow_nan=False)
positive = st.floats(min_value=0.05, max_value=4.0)

# name: (method, plain-float function, inputs where it is smooth)
FUNCTIONS = {
    "exp": (Value.exp, math.exp, real),
    "log": (Value.log, math.log, positive),
    "sqrt": (Value.sqrt, math.sqrt, positive),
    "sin": (Value.sin, math.sin, real),
    "tanh": (Value.tanh, math.tanh, real),
    "sigmoid": (Value.sigmoid, lambda x: 1 / (1 + math.exp(-x)), real),
    "relu": (Value.relu, lambda x: max(x, 0.0), real.filter(lambda x: abs(x) > 1e-3)),
}


@pytest.mark.parametrize("name", FUNCTIONS)
@given(data=st.data())
def test_function_value_and_gradient(name: str, data: st.DataObject) -> None:
    method, plain, inputs = FUNCTIONS[name]
    x = data.draw(inputs)
    v = Value(x)
    y = method(v)
    y.backward()
    assert y.op == name
    assert y.data == pytest.approx(plain(x), rel=1e-12, abs=1e-15)
    assert v.grad == pytest.approx(derivative(plain, x), rel=1e-6, abs=1e-7)


@pytest.mark.parametrize("x", [-800.0, -40.0, 0.0, 40.0, 800.0])
def test_sigmoid_is_stable_for_large_inputs(x: float) -> None:
    v = Value(x)
    y = v.sigmoid()
    y.backward()
    assert 0.0 <= y.data <= 1.0
    assert v.grad == pytest.approx(y.data * (1 - y.data))


def test_relu_takes_slope_zero_at_the_kink() -> None:
    v = Value(0.0)
    v.relu().backward()
    assert v.grad == 0.0


@pytest.mark.parametrize("x", [0.0, -1.0, -1e-300])
def test_log_of_a_non_positive_number_is_refused(x: float) -> None:
    with pytest.raises(ValueError, match="log needs a positive number"):
        Value(x).log()


@pytest.mark.parametrize("x", [-1.0, -1e-300, 0.0])
def test_sqrt_of_a_negative_number_or_zero_is_refused(x: float) -> None:
    with pytest.raises(ValueError, match="sqrt needs x > 0"):
        Value(x).sqrt()


def test_exp_overflow_is_refused() -> None:
    with pytest.raises(OverflowError, match="too large"):
        Value(710.0).exp()
