"""Tests for descent.engine: each arithmetic operation's gradient, composites against sympy,
accumulation, deep graphs without recursion, and bad input."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.engine import Value, lift
from descent.graph import graph
from descent.numdiff import derivative

real = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)
away_from_zero = real.filter(lambda v: abs(v) > 0.1)
positive = st.floats(min_value=0.1, max_value=3.0)


def grads(f, *xs: float) -> tuple[float, list[float]]:
    """Run f on fresh Values, backward, and return (value, [∂f/∂x_i])."""
    vs = [Value(x) for x in xs]
    out = f(*vs)
    out.backward()
    return out.data, [v.grad for v in vs]


def numeric(f, *xs: float) -> list[float]:
    """Central-difference partial derivatives of f, evaluated on plain Values (no backward)."""
    out = []
    for i in range(len(xs)):

        def along(t: float, i: int = i) -> float:
            moved = [Value(x + t if j == i else x) for j, x in enumerate(xs)]
            return f(*moved).data

        out.append(derivative(along, 0.0))
    return out


BINARY = {
    "add": lambda x, y: x + y,
    "sub": lambda x, y: x - y,
    "mul": lambda x, y: x * y,
    "div": lambda x, y: x / y,
}


@pytest.mark.parametrize("name", BINARY)
@given(x=real, y=away_from_zero)
def test_binary_gradients_match_central_differences(name: str, x: float, y: float) -> None:
    f = BINARY[name]
    value, analytic = grads(f, x, y)
    assert value == pytest.approx(f(x, y))
    assert analytic == pytest.approx(numeric(f, x, y), rel=1e-6, abs=1e-6)


REFLECTED = {
    "2 + v": lambda v: 2 + v,
    "1 - v": lambda v: 1 - v,
    "2 * v": lambda v: 2 * v,
    "2 / v": lambda v: 2 / v,
    "-v": lambda v: -v,
}


@pytest.mark.parametrize("name", REFLECTED)
@given(x=away_from_zero)
def test_reflected_and_negation_gradients(name: str, x: float) -> None:
    f = REFLECTED[name]
    value, analytic = grads(f, x)
    assert value == pytest.approx(f(x))
    assert analytic == pytest.approx(numeric(f, x), rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("n", [0, 1, 2, 3, -1, -2, 0.5, 1.5, -0.5])
@given(x=positive)
def test_power_gradient(n: float, x: float) -> None:
    value, (analytic,) = grads(lambda v: v**n, x)
    assert value == pytest.approx(x**n)
    assert analytic == pytest.approx(numeric(lambda v: v**n, x)[0], rel=1e-6, abs=1e-6)


@given(x=real.filter(lambda v: abs(v) > 1e-3))
def test_integer_power_of_a_negative_number(x: float) -> None:
    _, (analytic,) = grads(lambda v: v**3, x)
    assert analytic == pytest.approx(3 * x * x)


x_, y_, z_ = sp.symbols("x y z", real=True)
COMPOSITES = [
    # (engine expression, sympy expression, point)
    (lambda x, y, z: (x * y + x.sin()) * y, (x_ * y_ + sp.sin(x_)) * y_, (1.0, 2.0, 0.5)),
    (lambda x, y, z: (x * x + y).log() / z, sp.log(x_**2 + y_) / z_, (0.7, 1.3, -2.0)),
    (
        lambda x, y, z: (x.tanh() - y.sigmoid()) ** 2 + (z * x).exp(),
        (sp.tanh(x_) - 1 / (1 + sp.exp(-y_))) ** 2 + sp.exp(z_ * x_),
        (0.3, -1.1, 0.8),
    ),
    (
        lambda x, y, z: ((x**2 + y**2).sqrt() * z - 1).relu() + 3 / (1 + x * x),
        sp.Max(sp.sqrt(x_**2 + y_**2) * z_ - 1, 0) + 3 / (1 + x_**2),
        (1.2, -0.4, 2.5),
    ),
    (
        lambda x, y, z: (x * y * z).sin() * (x - y) ** 3 - 2 * z,
        sp.sin(x_ * y_ * z_) * (x_ - y_) ** 3 - 2 * z_,
        (0.9, 0.2, -1.4),
    ),
]


@pytest.mark.parametrize("i", range(len(COMPOSITES)))
def test_composite_expressions_against_sympy(i: int) -> None:
    f, expr, point = COMPOSITES[i]
    subs = dict(zip((x_, y_, z_), point, strict=True))
    value, analytic = grads(f, *point)
    assert value == pytest.approx(float(expr.subs(subs)), rel=1e-12)
    exact = [float(sp.diff(expr, s).subs(subs)) for s in (x_, y_, z_)]
    assert analytic == pytest.approx(exact, rel=1e-12, abs=1e-14)


# ---- accumulation --------------------------------------------------------------------------


def test_a_node_used_twice_collects_both_paths() -> None:
    assert grads(lambda a: a + a, 3.0)[1] == [2.0]
    assert grads(lambda a: a * a, 3.0)[1] == [6.0]
    a = Value(3.0)
    nodes = graph(a + a)
    assert nodes[1].parents == (0, 0)  # kept twice, in order: never collapsed as in a set


def test_backward_twice_adds_exactly_the_same_amount_to_every_node() -> None:
    a, b = Value(1.5), Value(-2.0)
    c = a * b
    L = (c * c).tanh() + c
    L.backward()
    once = [n.grad for n in graph(L)]
    L.backward()
    assert [n.grad for n in graph(L)] == [2 * g for g in once]  # intermediates too
    for v in (a, b, c):
        v.zero_grad()
    assert (a.grad, b.grad, c.grad) == (0.0, 0.0, 0.0)


def test_backward_with_a_seed_scales_every_gradient() -> None:
    a = Value(2.0)
    L = a * a
    L.backward(grad=0.5)
    assert a.grad == 2.0


# ---- deep graphs ---------------------------------------------------------------------------


def test_a_million_node_chain_has_no_recursion_limit() -> None:
    x = Value(0.5)
    v = x
    for _ in range(1_000_000):
        v = v.sin()  # one node per step: x → sin → sin → … (10⁶ + 1 nodes)
    v.backward()
    assert 0 < x.grad < 1e-2  # ∏ cos(aₖ): each factor below 1, aₖ shrinking slowly
    assert v.data == pytest.approx(math.sqrt(3 / 1_000_000), rel=0.05)  # sin iterates ~ √(3/k)


def test_heavy_reuse_graph_matches_forward_mode() -> None:
    # a_{k+1} = a_k/2 + tanh(a_{k−1})/2: every node feeds two later nodes (>10⁵ nodes in all)
    x = Value(0.3)
    prev, cur = x, x.tanh()
    d_prev, d_cur = 1.0, 1 - math.tanh(0.3) ** 2  # forward mode: da_k/dx in plain floats
    for _ in range(20_000):
        nxt = cur * 0.5 + prev.tanh() * 0.5
        d_nxt = d_cur * 0.5 + (1 - math.tanh(prev.data) ** 2) * d_prev * 0.5
        prev, cur, d_prev, d_cur = cur, nxt, d_cur, d_nxt
    assert len(graph(cur)) > 100_000
    cur.backward()
    assert abs(d_cur) > 1e-6
    assert x.grad == pytest.approx(d_cur, rel=1e-9)


def test_topological_order_is_the_same_every_time() -> None:
    def build() -> list[tuple[str, float, tuple[int, ...]]]:
        a, b = Value(1.0), Value(2.0)
        L = (a * b + b.exp()) * (a - b) + a
        return [(n.op, n.value, n.parents) for n in graph(L)]

    assert build() == build()
    nodes = build()
    for i, (_, _, parents) in enumerate(nodes):
        assert all(p < i for p in parents)  # inputs always come first


# ---- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_input_is_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="data must be finite"):
        Value(bad)
    with pytest.raises(ValueError, match="operand must be finite"):
        Value(1.0) + bad


@pytest.mark.parametrize("bad", ["2", None, [1.0], True, 1j])
def test_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a real number"):
        Value(bad)
    with pytest.raises(TypeError, match="operand must be a real number"):
        lift(bad)


def test_domain_errors_name_the_problem() -> None:
    with pytest.raises(ZeroDivisionError, match="divisor is 0"):
        Value(1.0) / 0
    with pytest.raises(ValueError, match="no real derivative"):
        Value(-2.0) ** 0.5
    with pytest.raises(ValueError, match="no real derivative"):
        Value(0.0) ** -1
    with pytest.raises(TypeError, match="exponent must be a plain number"):
        Value(2.0) ** Value(2.0)
    with pytest.raises(OverflowError, match=r"\*: got inf"):
        Value(1e200) * 1e200


def test_a_gradient_that_overflows_is_reported_not_returned() -> None:
    x = Value(1e-300)
    L = x * 1e300  # L = 1: every value is finite …
    with pytest.raises(OverflowError, match="gradient reached inf"):
        L.backward(grad=1e10)  # … but ∂L/∂x · 1e10 = 1e310 is not
    assert x.grad == 0.0  # nothing was added
    with pytest.raises(ValueError, match="grad must be finite"):
        x.backward(math.nan)
