"""Tests for descent.nn: SGD's step and zero_grad, MSELoss against numpy, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from descent.engine import Value
from descent.nn import SGD, MSELoss
from descent.tensor import Tensor

vec = arrays(np.float64, 5, elements=st.floats(-3, 3))


@given(yhat=vec, y=vec)
def test_mse_loss_and_its_gradient(yhat, y) -> None:
    for reduction, scale in (("mean", 1 / 5), ("sum", 1.0)):
        p = Tensor(yhat, requires_grad=True)
        loss = MSELoss(reduction)(p, Tensor(y))
        assert loss.item() == pytest.approx(scale * np.sum((yhat - y) ** 2), abs=1e-12)
        loss.backward()
        assert np.allclose(p.grad, scale * 2 * (yhat - y), atol=1e-12)


def test_sgd_steps_against_the_gradient_and_zero_grad_clears_it() -> None:
    w = Tensor([1.0, -1.0], requires_grad=True)
    v = Value(2.0)
    unused = Tensor(0.0, requires_grad=True)
    opt = SGD([w, v, unused], lr=0.5)
    ((w * w).sum() + 0.0).backward()
    (v * v).backward()
    opt.step()
    assert w.data.tolist() == [0.0, 0.0]  # w − 0.5·2w
    assert isinstance(w.data, np.ndarray)
    assert v.data == 0.0
    assert unused.data == 0.0 and unused.grad is None  # no gradient: left alone
    opt.zero_grad()
    assert w.grad is None and v.grad == 0.0


def test_sgd_matches_torch_names() -> None:
    opt = SGD([Value(1.0)], lr=0.1)
    assert callable(opt.step) and callable(opt.zero_grad) and opt.lr == 0.1


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="params is empty"):
        SGD([], lr=0.1)
    with pytest.raises(ValueError, match="lr must be > 0"):
        SGD([Value(1.0)], lr=0.0)
    with pytest.raises(TypeError, match=r"params\[0\] must be a Tensor or a Value"):
        SGD([1.0], lr=0.1)
    with pytest.raises(ValueError, match=r"params\[0\] does not require grad"):
        SGD([Tensor(1.0)], lr=0.1)
    with pytest.raises(ValueError, match="reduction must be"):
        MSELoss("max")
    with pytest.raises(ValueError, match=r"input has shape \(3,\) but target has \(3, 1\)"):
        MSELoss()(Tensor(np.ones(3)), Tensor(np.ones((3, 1))))


def test_a_step_that_leaves_the_floats_is_reported() -> None:
    v = Value(1e300)
    opt = SGD([v], lr=1e10)
    v.grad = 1e300
    with pytest.raises(ArithmeticError, match=r"params\[0\] is no longer finite"):
        opt.step()
    assert v.data == 1e300
