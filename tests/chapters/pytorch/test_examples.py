"""From-scratch twins of chapter 10's PyTorch examples: checked against closed forms, central
differences and plain loops (the PyTorch side is compared with them in tests/pytorch_parity)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch import training as tr
from descent.graph import graph
from descent.numdiff import derivative

finite = st.floats(-5, 5, allow_nan=False)


@given(finite, finite)
def test_requires_grad_matches_central_differences(w, b):
    out = ex.requires_grad(w, b)
    assert out["y"].data == pytest.approx(w**2 + w + b)
    assert out["w.grad"] == pytest.approx(derivative(lambda v: v**2 + v + b, w), abs=1e-6)
    assert out["b.grad"] == 1.0


def test_leaves_and_the_one_sample_graph():
    assert ex.leaves() == {"w is a leaf": True, "y is a leaf": False, "y.grad": 1.0}
    ops = [n.op or n.label or "const" for n in graph(ex.one_sample_loss())]
    assert ops == ["w", "const", "*", "b", "+", "const", "-", "**2"]


def test_zero_grad_clears_only_w():
    out = ex.zero_grad()
    g = 2 * (ex.W0 * ex.ONE_X + ex.B0 - ex.ONE_Y)
    assert out["w.grad 1"] == pytest.approx(g * ex.ONE_X) == out["w.grad 2"]
    assert out["b.grad 2"] == pytest.approx(2 * out["b.grad 1"]) == pytest.approx(2 * g)


def test_optimizer_step_is_theta_minus_lr_grad():
    out = ex.optimizer_step(lr=0.25)
    g = 2 * (ex.W0 * ex.ONE_X + ex.B0 - ex.ONE_Y)
    assert out["w after"].data == pytest.approx(ex.W0 - 0.25 * g * ex.ONE_X)
    assert out["b after"].data == pytest.approx(ex.B0 - 0.25 * g)
    assert out["w after"].op == ""  # still an input, not a new node


def test_line_data_is_seeded_and_checked():
    x1, y1 = ex.line_data()
    x2, y2 = ex.line_data()
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
    assert x1.min() >= 0.01 and x1.max() <= 0.99
    assert np.all((y1 - 10 * x1 >= 1) & (y1 - 10 * x1 < 2))
    with pytest.raises(ValueError, match="n must be"):
        ex.line_data(n=1)


def per_sample_loop(x, y, with_b, lr, epochs):
    w, b = ex.W0, ex.B0 if with_b else 0.0
    for _ in range(epochs):
        for xi, yi in zip(x, y, strict=True):
            r = w * xi + b - yi
            w, b = w - lr * 2 * r * xi, (b - lr * 2 * r) if with_b else 0.0
    return w, b


@given(st.lists(st.tuples(st.floats(0.05, 1), st.floats(-2, 2)), min_size=1, max_size=6))
def test_per_sample_fits_match_a_plain_loop(pairs):
    x, y = (np.array(v) for v in zip(*pairs, strict=True))
    w, _ = per_sample_loop(x, y, False, 0.05, 3)
    assert tr.fit_w_per_sample(x, y, lr=0.05, epochs=3)["w"].data == pytest.approx(w, abs=1e-12)
    w, b = per_sample_loop(x, y, True, 0.05, 3)
    out = tr.fit_wb_per_sample(x, y, lr=0.05, epochs=3)
    assert (out["w"].data, out["b"].data) == pytest.approx((w, b), abs=1e-12)


def test_mse_loss_reductions():
    d = np.array(ex.MSE_INPUT) - np.array(ex.MSE_TARGET)
    out = tr.mse_loss()
    assert out["mean"].item() == np.mean(d**2) and out["sum"].item() == np.sum(d**2)
    assert out["mean grad"].tolist() == (2 * d / d.size).tolist()
    assert out["sum grad"].tolist() == (2 * d).tolist()


def test_minibatch_fit_matches_a_plain_loop_and_the_sum_variant():
    x, y = ex.line_data()
    orders = tr.epoch_orders(len(x), 5, np.random.default_rng(3))
    assert all(sorted(o.tolist()) == list(range(len(x))) for o in orders)
    w, b = ex.W0, ex.B0
    for order in orders:
        for k in range(0, len(order), 5):
            i = order[k : k + 5]
            r = w * x[i] + b - y[i]
            w, b = w - 0.1 * np.mean(2 * r * x[i]), b - 0.1 * np.mean(2 * r)
    out = tr.fit_minibatch(x, y, orders)
    assert (out["w"].item(), out["b"].item()) == pytest.approx((w, b), abs=1e-12)
    summed = tr.fit_minibatch(x, y, orders, lr=0.02, reduction="sum")
    assert summed["w"].item() == pytest.approx(w, abs=1e-12)


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="x"):
        tr.fit_w_per_sample([1.0, 2.0], [1.0], epochs=1)
    with pytest.raises(ValueError, match="lr"):
        tr.fit_minibatch([1.0], [2.0], [np.array([0])], lr=0.0)
    with pytest.raises(ValueError, match="reduction"):
        tr.fit_minibatch([1.0], [2.0], [np.array([0])], reduction="max")
