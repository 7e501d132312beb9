"""Tests for descent.functional and Tensor indexing: every backward against central differences,
the stable log-softmax where a naive one overflows, and bad input raising."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from descent import functional as F
from descent.numdiff import gradient
from descent.tensor import Tensor

UNARY = {
    "relu": (F.relu, -2.0, 2.0),
    "tanh": (F.tanh, -3.0, 3.0),
    "sigmoid": (F.sigmoid, -5.0, 5.0),
    "exp": (F.exp, -3.0, 3.0),
    "log": (F.log, 0.2, 3.0),
    "log_softmax": (F.log_softmax, -4.0, 4.0),
}


def check(f, x: np.ndarray, weight: np.ndarray) -> None:
    """The engine's ∂/∂x of Σ weight·f(x) equals the central difference."""
    t = Tensor(x, requires_grad=True)
    (f(t) * weight).sum().backward()

    def L(flat: np.ndarray) -> float:
        return float(np.sum(weight * f(Tensor(flat.reshape(x.shape))).data))

    assert t.grad.shape == x.shape
    assert np.allclose(t.grad, gradient(L, x.ravel()).reshape(x.shape), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("name", UNARY)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_unary_gradients_match_central_differences(name, data) -> None:
    f, low, high = UNARY[name]
    x = data.draw(arrays(np.float64, (2, 3), elements=st.floats(low, high)))
    if name == "relu":  # the kink at 0 has no derivative: keep the points away from it
        x = np.where(np.abs(x) < 1e-3, 0.5, x)
    weight = data.draw(arrays(np.float64, (2, 3), elements=st.floats(-1.0, 1.0)))
    check(f, x, weight)


def test_forward_values_against_math() -> None:
    x = [-1.5, 0.25, 2.0]
    assert np.allclose(F.tanh(Tensor(x)).data, [math.tanh(v) for v in x], rtol=0, atol=1e-15)
    assert F.relu(Tensor(x)).data.tolist() == [0.0, 0.25, 2.0]
    assert np.allclose(F.sigmoid(Tensor(x)).data, [1 / (1 + math.exp(-v)) for v in x], 0, 1e-16)
    assert np.allclose(F.exp(Tensor(x)).data, [math.exp(v) for v in x], rtol=1e-15)
    assert F.log(Tensor([math.e**2])).item() == pytest.approx(2.0, abs=1e-15)


def test_log_softmax_is_stable_where_the_naive_one_overflows() -> None:
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 1001.0, 1002.0]])
    with np.errstate(over="ignore", invalid="ignore"):
        naive = np.log(np.exp(z) / np.exp(z).sum(axis=1, keepdims=True))
    assert not np.isfinite(naive[1]).any()
    stable = F.log_softmax(Tensor(z)).data
    assert np.allclose(stable[0], naive[0], rtol=0, atol=1e-15)
    assert np.allclose(stable[1], stable[0], rtol=0, atol=1e-12)  # shift by 999: same answer
    e = [math.exp(v) for v in (1.0, 2.0, 3.0)]
    assert stable[0].tolist() == pytest.approx([math.log(v / sum(e)) for v in e], abs=1e-15)


def test_cross_entropy_value_and_gradient_p_minus_onehot() -> None:
    z = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 2.0]])
    t = Tensor(z, requires_grad=True)
    loss = F.cross_entropy(t, [1, 2])
    loss.backward()
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    expected = -(math.log(p[0, 1]) + math.log(p[1, 2])) / 2
    assert loss.item() == pytest.approx(expected, abs=1e-15)
    onehot = np.array([[0, 1, 0], [0, 0, 1]])
    assert np.allclose(t.grad, (p - onehot) / 2, rtol=0, atol=1e-16)

    def L(flat):
        return F.cross_entropy(Tensor(flat.reshape(2, 3)), [1, 2]).item()

    assert np.allclose(t.grad.ravel(), gradient(L, z.ravel()), rtol=0, atol=1e-9)


@pytest.mark.parametrize(
    ("logits", "targets", "error", "words"),
    [
        ([[0.0, 1.0]], [2], ValueError, "0..1"),
        ([[0.0, 1.0]], [-1], ValueError, "0..1"),
        ([[0.0, 1.0], [1.0, 0.0]], [1], ValueError, "one label per row"),
        ([[0.0, 1.0]], [0.5], TypeError, "class indices"),
        ([[0.0, 1.0]], [[0.0, 1.0]], ValueError, "one label per row"),  # one-hot, not indices
        ([0.0, 1.0], [1], ValueError, "shape (n, classes)"),
    ],
)
def test_cross_entropy_refuses_bad_targets(logits, targets, error, words) -> None:
    with pytest.raises(error, match=words.replace("(", r"\(").replace(")", r"\)")):
        F.cross_entropy(Tensor(logits), targets)


def test_bad_input_to_the_elementwise_functions() -> None:
    with pytest.raises(ValueError, match="log: x must be positive"):
        F.log(Tensor([1.0, 0.0]))
    with pytest.raises(OverflowError, match="exp"):
        F.exp(Tensor([800.0]))
    with pytest.raises(ValueError, match="finite"):
        F.cross_entropy(Tensor([[np.inf, 0.0]]), [0])
    with pytest.raises(ValueError, match="at least one axis"):
        F.log_softmax(Tensor(1.0))


def test_getitem_gradient_adds_repeated_picks() -> None:
    x = np.arange(6.0).reshape(2, 3)
    t = Tensor(x, requires_grad=True)
    picked = t[[0, 0, 1], [2, 2, 0]]
    assert picked.data.tolist() == [2.0, 2.0, 3.0]
    (picked * Tensor([1.0, 10.0, 100.0])).sum().backward()
    assert t.grad.tolist() == [[0.0, 0.0, 11.0], [100.0, 0.0, 0.0]]
    check(lambda v: v[1:, ::2], x, np.array([[2.0, -3.0]]))


def test_getitem_bad_index() -> None:
    with pytest.raises(IndexError):
        Tensor([1.0, 2.0])[5]
    with pytest.raises(TypeError, match="not a Tensor"):
        Tensor([1.0, 2.0])[Tensor([0.0])]


def test_non_finite_logits_changed_in_place_are_refused_by_name() -> None:
    for bad in (np.nan, np.inf, -np.inf):
        z = Tensor([[0.0, 1.0], [1.0, 0.0]], requires_grad=True)
        z.data[1, 0] = bad  # the constructor checks; an in-place change slips past it
        with pytest.raises(ValueError, match="logits must be finite"):
            F.cross_entropy(z, [1, 0])
        with pytest.raises(ValueError, match="z must be finite"):
            F.log_softmax(z)


def test_linear_is_matmul_plus_bias_in_one_node_with_its_gradients() -> None:
    rng = np.random.default_rng(3)
    x, w, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 2)), rng.normal(size=2)
    weight = rng.normal(size=(4, 2))
    xt, wt, bt = (Tensor(a, requires_grad=True) for a in (x, w, b))
    out = F.linear(xt, wt, bt)
    assert out.op == "linear" and out._parents == (xt, wt, bt)
    two = Tensor(x) @ Tensor(w) + Tensor(b)
    assert np.array_equal(out.data, two.data)  # the same numbers as the two-node version
    (out * weight).sum().backward()
    for t, a, i in ((xt, x, 0), (wt, w, 1), (bt, b, 2)):

        def L(flat: np.ndarray, a=a, i=i) -> float:
            args = [x, w, b]
            args[i] = flat.reshape(a.shape)
            return float(np.sum(weight * (args[0] @ args[1] + args[2])))

        expected = gradient(L, a.ravel()).reshape(a.shape)
        assert np.allclose(t.grad, expected, rtol=1e-6, atol=1e-7), i


@pytest.mark.parametrize(
    "shapes",
    [
        ((4, 3), (2, 2), (2,)),
        ((4, 3), (3, 2), (3,)),
        ((3,), (3, 2), (2,)),
        ((4, 3), (3, 2), (1, 2)),
    ],
    ids=["inner", "bias", "1-d x", "2-d b"],
)
def test_linear_refuses_shapes_that_do_not_fit(shapes) -> None:
    x, w, b = (Tensor(np.ones(s)) for s in shapes)
    with pytest.raises(ValueError, match=r"linear: expected x \(n, d_in\)"):
        F.linear(x, w, b)
