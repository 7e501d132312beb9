"""Both engines at the edges: tiny and huge magnitudes, in-place edits, copies of deep graphs.

The rule tested here: a result is refused only when it, or one of its true derivatives, is not
a finite float; otherwise it is computed, and its gradient is finite and correct.
"""

from __future__ import annotations

import copy
import math
import pickle
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from descent.engine import Value
from descent.tensor import Tensor


def magnitude(low: int = -300, high: int = 300) -> st.SearchStrategy[float]:
    """A float m·10^e with m in ±[1, 10) and e anywhere in [low, high]: every scale equally."""
    return st.builds(
        lambda m, e, s: s * m * 10.0**e,
        st.floats(1.0, 9.99),
        st.integers(low, high),
        st.sampled_from((1.0, -1.0)),
    )


def exact_division(x: float, y: float) -> tuple[float, float, float] | None:
    """(x/y, ∂/∂x, ∂/∂y) rounded once from exact rationals; None if any is not a finite float."""
    fx, fy = Fraction(x), Fraction(y)
    try:
        out = [float(q) for q in (fx / fy, 1 / fy, -fx / (fy * fy))]
    except OverflowError:
        return None
    return tuple(out)


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-300)


@given(x=magnitude(), y=magnitude())
def test_value_division_is_refused_only_when_something_is_truly_infinite(x, y) -> None:
    exact = exact_division(x, y)
    a, b = Value(x), Value(y)
    if exact is None:
        with pytest.raises(OverflowError, match="/"):
            (a / b).backward()
        return
    out = a / b
    out.backward()
    assert all(map(close, (out.data, a.grad, b.grad), exact))


@given(x=magnitude(), y=magnitude())
def test_tensor_division_is_refused_only_when_something_is_truly_infinite(x, y) -> None:
    exact = exact_division(x, y)
    a, b = Tensor([x], requires_grad=True), Tensor([y], requires_grad=True)
    if exact is None:  # (a numpy warning would fail the test: warnings are errors here)
        with pytest.raises(OverflowError):
            (a / b).sum().backward()
        return
    out = (a / b).sum()
    out.backward()
    assert all(map(close, (out.item(), a.grad[0], b.grad[0]), exact))


def test_tiny_over_tiny_divides() -> None:
    a, b = Value(1e-200), Value(1e-170)
    (a / b).backward()
    assert (a.grad, b.grad) == (1e170, pytest.approx(-1e140, rel=1e-12))


@given(x=magnitude(-150, 150), n=st.sampled_from((-3, -2, -1.5, -1, 0.5, 2, 3)))
def test_power_overflow_names_the_operation(x, n) -> None:
    v = Value(abs(x))
    try:
        true_value = abs(x) ** n
        true_slope = n * abs(x) ** (n - 1)
        finite = math.isfinite(true_value) and math.isfinite(true_slope)
    except OverflowError:
        finite = False
    if finite:
        assert (v**n).data == true_value
    else:
        with pytest.raises(OverflowError, match=rf"\*\*{n:g}"):
            v**n


def test_power_overflow_message() -> None:
    with pytest.raises(OverflowError, match=r"\*\*2.*too large") as info:
        Value(1e200) ** 2
    assert info.value.args[0].startswith("**2")  # a message, not errno 34
    with pytest.raises(OverflowError, match=r"\*\*-2"):
        Value(1e-200) ** -2


def test_each_tensor_leaf_owns_its_gradient() -> None:
    x, y = Tensor([1.0, 2.0], requires_grad=True), Tensor([3.0, 4.0], requires_grad=True)
    (x + y).sum().backward()
    assert x.grad is not y.grad
    x.grad[:] = 0.0  # zeroing one in place leaves the other alone
    assert y.grad.tolist() == [1.0, 1.0]
    seed = np.array([5.0, 6.0])
    x.backward(grad=seed)  # a leaf's own backward must not keep the caller's seed array
    seed[:] = 0.0
    assert x.grad.tolist() == [5.0, 6.0]


@pytest.mark.parametrize(
    "make",
    [
        lambda x, w: (x * w).sum(),
        lambda x, w: (w / x).sum(),
        lambda x, w: (x**2).sum(),
        lambda x, w: x @ w,
    ],
    ids=["mul", "div", "pow", "matmul"],
)
def test_changing_data_in_place_after_the_forward_pass_is_caught(make) -> None:
    x, w = Tensor([1.0, 2.0], requires_grad=True), Tensor([3.0, 4.0], requires_grad=True)
    loss = make(x, w)
    x.data[0] = 10.0  # the backward pass would use the new value with the old result
    with pytest.raises(RuntimeError, match="changed in place"):
        loss.backward()


def test_unchanged_data_backward_still_works_after_reading_it() -> None:
    x = Tensor([1.0, 2.0], requires_grad=True)
    loss = (x * x).sum()
    _ = x.data.copy()
    loss.backward()
    assert x.grad.tolist() == [2.0, 4.0]


def test_a_leaf_is_compared_by_shape_and_bits_not_by_identity() -> None:
    w = Tensor([[1.0, 2.0, 3.0, 4.0]], requires_grad=True)
    loss = (w * w).sum()
    w.data = w.data.copy()  # a new array holding the same numbers: nothing changed
    loss.backward()
    assert w.grad.tolist() == [[2.0, 4.0, 6.0, 8.0]]
    loss = (w * w).sum()
    w.data = w.data.reshape(2, 2)  # the same bytes in another shape is a change
    with pytest.raises(RuntimeError, match="changed in place"):
        loss.backward()


def deep_chain(n: int) -> tuple[Value, Value]:
    x = Value(1.0, label="x")
    out = x
    for _ in range(n):
        out = out * 1.0 + 0.0
    return x, out


@pytest.mark.parametrize("how", ["deepcopy", "pickle"])
def test_a_deep_graph_can_be_copied(how: str) -> None:
    x, out = deep_chain(50_000)
    if how == "deepcopy":
        x2, out2 = copy.deepcopy((x, out))
    else:
        x2, out2 = pickle.loads(pickle.dumps((x, out)))
    assert x2 is not x and out2.data == out.data
    out2.backward()
    assert x2.grad == 1.0 and x.grad == 0.0  # the copy owns its graph, and its leaf is x2


def test_a_copied_graph_keeps_its_shape_and_shared_nodes() -> None:
    a = Value(2.0, label="a")
    h = a * a
    loss = h + h.sin() + a
    loss.backward()
    copies = {
        "deepcopy": copy.deepcopy((a, h, loss)),
        "pickle": pickle.loads(pickle.dumps((a, h, loss))),
    }
    for how, (a2, h2, loss2) in copies.items():
        assert (loss2.data, loss2.grad, a2.grad, a2.label) == (loss.data, loss.grad, a.grad, "a")
        assert [p.op for p in loss2._parents] == [p.op for p in loss._parents]
        first = loss2._parents[0]  # h + sin(h): both of its paths lead to the one copy of h
        assert first._parents[0] is first._parents[1]._parents[0]
        assert loss2._parents[1] is a2 and h2._parents == (a2, a2)  # leaves stay shared
        # deepcopy keeps every shared node shared; pickle rebuilds the results behind each
        # pickled object (only leaves are shared), as the docstring of Value.__reduce__ says
        assert (first._parents[0] is h2) == (how == "deepcopy")


def test_a_recorded_tensor_graph_is_refused_by_pickle_with_a_reason() -> None:
    w = Tensor([1.0], requires_grad=True)
    assert pickle.loads(pickle.dumps(w)).data.tolist() == [1.0]  # a leaf is fine
    with pytest.raises(TypeError, match=r"pickle.*backward"):
        pickle.dumps((w * w).sum())
    deep = w
    for _ in range(20_000):
        deep = deep * 1.0
    clone = copy.deepcopy(deep)
    clone.sum().backward()
    assert clone.data.tolist() == [1.0] and w.grad is None


def test_a_recorded_result_is_read_only_so_it_cannot_drift_from_its_graph() -> None:
    x = Tensor([1.0, 2.0], requires_grad=True)
    h = x * 2.0
    with pytest.raises(ValueError, match="read-only"):
        h.data[0] = 5.0
    (h * h).sum().backward()
    assert x.grad.tolist() == [8.0, 16.0]  # d/dx (2x)² = 8x
    assert x.data.flags.writeable  # a leaf stays writable: optimisers update it in place


def test_replacing_a_results_data_after_the_forward_pass_is_caught() -> None:
    x = Tensor([1.0, 2.0], requires_grad=True)
    h = x * 2.0
    loss = (h * h).sum()
    h.data = h.data + 1.0
    with pytest.raises(RuntimeError, match="changed in place"):
        loss.backward()
