"""Tests for descent.tensor: gradients of every operation under broadcasting, against central
differences, accumulation, and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays, mutually_broadcastable_shapes

from descent.numdiff import gradient
from descent.tensor import Tensor

BINARY = {
    "add": lambda x, y: x + y,
    "sub": lambda x, y: x - y,
    "mul": lambda x, y: x * y,
    "div": lambda x, y: x / y,
}


def values(shape: tuple[int, ...], low: float, high: float):
    return arrays(np.float64, shape, elements=st.floats(low, high))


def numeric_grads(f, inputs: list[np.ndarray], weight: np.ndarray) -> list[np.ndarray]:
    """∂/∂input of Σ weight·f(inputs), one central-difference gradient per input."""
    out = []
    for i, x in enumerate(inputs):

        def L(flat: np.ndarray, i: int = i, x: np.ndarray = x) -> float:
            moved = [flat.reshape(x.shape) if j == i else v for j, v in enumerate(inputs)]
            return float(np.sum(weight * f(*moved)))

        out.append(gradient(L, x.ravel()).reshape(x.shape))
    return out


def engine_grads(f, inputs: list[np.ndarray], weight: np.ndarray) -> list[np.ndarray]:
    ts = [Tensor(x, requires_grad=True) for x in inputs]
    (f(*ts) * weight).sum().backward()
    return [t.grad for t in ts]


@pytest.mark.parametrize("name", BINARY)
@settings(max_examples=40, deadline=None)
@given(data=st.data(), shapes=mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=3))
def test_broadcasting_gradients_are_summed_back(name, data, shapes) -> None:
    f = BINARY[name]
    x = data.draw(values(shapes.input_shapes[0], -2.0, 2.0))
    y = data.draw(values(shapes.input_shapes[1], 0.5, 2.0))  # a safe divisor
    weight = data.draw(values(shapes.result_shape, -1.0, 1.0))
    got = engine_grads(f, [x, y], weight)
    for g, arr in zip(got, (x, y), strict=True):
        assert g.shape == arr.shape  # the gradient has the input's shape, not the result's
    for g, n in zip(got, numeric_grads(f, [x, y], weight), strict=True):
        assert np.allclose(g, n, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("n", [2, 3, 0.5, -1])
@settings(max_examples=20, deadline=None)
@given(x=values((2, 3), 0.2, 2.0), weight=values((2, 3), -1.0, 1.0))
def test_power_gradient(n, x, weight) -> None:
    def f(v):
        return v**n

    (got,) = engine_grads(f, [x], weight)
    assert np.allclose(got, numeric_grads(f, [x], weight)[0], rtol=1e-6, atol=1e-6)


@settings(max_examples=20, deadline=None)
@given(x=values((3, 2), -2.0, 2.0))
def test_sum_mean_neg_and_reflected_operations(x) -> None:
    for f in (
        lambda v: (-v).sum(),
        lambda v: (v * v).mean(),
        lambda v: (2 - v * 3).sum(),
        lambda v: (1 / (v * v + 1)).sum(),
        lambda v: (np.ones(2) + v).mean(),  # an ndarray on the left calls Tensor.__radd__
    ):
        t = Tensor(x, requires_grad=True)
        f(t).backward()
        numeric = gradient(lambda flat, f=f: f(Tensor(flat.reshape(3, 2))).item(), x.ravel())
        assert np.allclose(t.grad, numeric.reshape(3, 2), atol=1e-7)


MATMUL_SHAPES = [((2, 3), (3, 4)), ((2, 3), (3,)), ((3,), (3, 4)), ((3,), (3,))]


@pytest.mark.parametrize(("sa", "sb"), MATMUL_SHAPES)
def test_matmul_gradients(sa, sb) -> None:
    rng = np.random.default_rng(7)
    a, b = rng.normal(size=sa), rng.normal(size=sb)
    weight = rng.normal(size=np.shape(a @ b))
    got = engine_grads(lambda u, v: u @ v, [a, b], weight)
    assert np.allclose((Tensor(a) @ Tensor(b)).data, a @ b)
    for g, n in zip(got, numeric_grads(lambda u, v: u @ v, [a, b], weight), strict=True):
        assert np.allclose(g, n, atol=1e-7)


def test_broadcast_bias_gradient_is_the_column_sum() -> None:
    X = np.arange(12.0).reshape(4, 3)
    b = Tensor(np.zeros(3), requires_grad=True)
    c = Tensor(np.zeros((4, 1)), requires_grad=True)
    (Tensor(X) + b + c).sum().backward()
    assert b.grad.tolist() == [4.0, 4.0, 4.0]  # each bᵢ was copied to 4 rows
    assert c.grad.tolist() == [[3.0]] * 4  # each row's c was copied to 3 columns


def test_accumulation_and_zero_grad_like_pytorch() -> None:
    w = Tensor([1.0, -2.0], requires_grad=True)
    x = Tensor([3.0, 4.0])
    loss = (w * x).sum()
    assert w.grad is None
    loss.backward()
    loss.backward()
    assert w.grad.tolist() == [6.0, 8.0]
    assert x.grad is None  # a constant gets no gradient
    w.zero_grad()
    assert w.grad is None


def test_backward_with_a_seed_gradient() -> None:
    w = Tensor([1.0, 2.0], requires_grad=True)
    (w * w).backward(grad=[1.0, 0.5])
    assert w.grad.tolist() == [2.0, 2.0]


# ---- bad input -----------------------------------------------------------------------------


def test_backward_on_a_non_scalar_needs_a_seed() -> None:
    w = Tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=r"shape \(2,\) needs grad="):
        (w * 2).backward()
    with pytest.raises(ValueError, match=r"grad has shape \(3,\), expected \(2,\)"):
        (w * 2).backward(grad=[1.0, 1.0, 1.0])
    with pytest.raises(RuntimeError, match="requires_grad"):
        Tensor(1.0).backward()


def test_shapes_that_cannot_broadcast_are_named() -> None:
    with pytest.raises(ValueError, match=r"\+: shapes \(3,\) and \(4,\) cannot broadcast"):
        Tensor(np.ones(3)) + Tensor(np.ones(4))
    with pytest.raises(ValueError, match=r"\*: shapes \(2, 3\) and \(2,\) cannot broadcast"):
        Tensor(np.ones((2, 3))) * np.ones(2)


def test_matmul_shape_errors() -> None:
    with pytest.raises(ValueError, match=r"shapes \(2, 3\) and \(2, 3\) do not fit"):
        Tensor(np.ones((2, 3))) @ Tensor(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"a must be 1-D or 2-D, got shape \(\)"):
        Tensor(1.0) @ Tensor(np.ones(3))
    with pytest.raises(ValueError, match=r"b must be 1-D or 2-D, got shape \(1, 1, 1\)"):
        Tensor(np.ones(1)) @ Tensor(np.ones((1, 1, 1)))


@pytest.mark.parametrize("bad", [np.nan, np.inf, [1.0, np.nan]])
def test_non_finite_data_is_refused(bad) -> None:
    with pytest.raises(ValueError, match="data must be finite"):
        Tensor(bad)
    with pytest.raises(ValueError, match="operand must be finite"):
        Tensor(1.0) * bad


@pytest.mark.parametrize("bad", ["2", ["a", "b"], None, {1: 2}])
def test_non_numbers_are_refused(bad) -> None:
    with pytest.raises(TypeError, match="data must hold real numbers"):
        Tensor(bad)


def test_domain_errors() -> None:
    with pytest.raises(ZeroDivisionError, match="divisor has an entry equal to 0"):
        Tensor([1.0, 2.0]) / Tensor([1.0, 0.0])
    with pytest.raises(OverflowError, match=r"\*\*0.5: the result has entries that are not"):
        Tensor([-1.0, 4.0]) ** 0.5
    with pytest.raises(TypeError, match="exponent must be a plain number"):
        Tensor(2.0) ** Tensor(2.0)
    x = Tensor([0.0, 1.0], requires_grad=True)
    with pytest.raises(OverflowError, match="gradient is not finite"):
        (x**0.5).sum().backward()  # the slope of √x is infinite at 0
    assert x.grad is None


@pytest.mark.parametrize(
    ("make", "where"),
    [
        (lambda x: (x**0.5).sum(), "leaf"),  # the infinite share lands on x itself
        (lambda x: ((x * 2.0) ** 0.5).sum(), r"\*"),  # … on the product, before x
        (lambda x: ((x * 2.0) ** 0.5 + x).sum(), r"\*"),  # one finite path beside it
    ],
)
def test_a_non_finite_gradient_is_named_where_it_first_appears(make, where) -> None:
    x, w = Tensor([0.0, 1.0], requires_grad=True), Tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(OverflowError, match=rf"gradient is not finite at a {where} node"):
        (make(x) + (w * w).sum()).backward()
    assert x.grad is None and w.grad is None  # nothing is half-updated


def test_the_callers_array_is_never_modified() -> None:
    data = np.array([1.0, 2.0])
    w = Tensor(data, requires_grad=True)
    w.data -= 1.0
    assert data.tolist() == [1.0, 2.0]


def test_an_overflowing_sum_or_mean_raises_cleanly_without_a_numpy_warning() -> None:
    from descent.tensor import Tensor

    big = Tensor([1e308, 1e308], requires_grad=True)
    with pytest.raises(OverflowError, match="sum: the result"):
        big.sum()
    with pytest.raises(OverflowError, match="mean: the result"):
        big.mean()
