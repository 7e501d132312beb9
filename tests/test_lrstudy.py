"""Tests for descent.lrstudy against closed forms, and sympy checks of equations 4.8 and 4.9."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent import landscapes as ls
from descent.lrstudy import attempt, contraction, critical_lr, lr_sweep, settle
from descent.optim import GD, DivergenceError, Momentum, descend

SQUARE = (ls.square, ls.square_grad)
x, xk = sp.symbols("x x_k", real=True)
eta, L = sp.symbols("eta L", positive=True)


def closed_form_reach(x0: float, q: float, tol: float) -> int:
    """The first k with ((q^k)·x0)² < tol, by a plain loop over the closed form."""
    k = 0
    while (q**k * x0) ** 2 >= tol:
        k += 1
    return k


def closed_form_divergence(x0: float, q: float, limit: float = 1e12) -> int:
    k = 0
    while (q**k * x0) ** 2 <= limit:
        k += 1
    return k


@given(lr=st.floats(0.01, 0.99), x0=st.floats(0.2, 5.0))
def test_attempt_reaches_tolerance_when_the_closed_form_does(lr: float, x0: float) -> None:
    out = attempt(*SQUARE, [x0], GD(lr), stop_below=0.01)
    assert out.diverged_at is None and out.lr == lr
    assert out.reached == closed_form_reach(x0, 1 - 2 * lr, 0.01)
    assert out.run.losses[-1] < 0.01


@given(lr=st.floats(1.02, 3.0), x0=st.floats(0.2, 5.0))
def test_attempt_records_where_a_run_diverges(lr: float, x0: float) -> None:
    out = attempt(*SQUARE, [x0], GD(lr), stop_below=0.01, steps=5000)
    assert out.reached is None
    assert out.diverged_at == closed_form_divergence(x0, 1 - 2 * lr)
    assert out.run.steps == out.diverged_at and out.run.losses[-1] > 1e12


def test_divergence_message_names_step_and_lr() -> None:
    with pytest.raises(DivergenceError, match=r"step 75 with lr=1\.1") as err:
        descend(*SQUARE, [1.2], GD(1.1), stop_below=0.01)
    assert err.value.run.steps == 75 == closed_form_divergence(1.2, 1 - 2.2)


def test_neither_reached_nor_diverged_at_two_over_L() -> None:
    out = attempt(*SQUARE, [1.2], GD(1.0), stop_below=0.01, steps=50)
    assert out.reached is None and out.diverged_at is None
    np.testing.assert_allclose(np.abs(out.run.thetas[:, 0]), 1.2)  # ±1.2 forever


def test_lr_sweep_runs_each_rate_from_the_same_start() -> None:
    outs = lr_sweep(*SQUARE, [1.2], [0.3, 0.5], stop_below=0.01)
    assert [o.lr for o in outs] == [0.3, 0.5]
    assert [o.reached for o in outs] == [3, 1]
    assert all(o.run.thetas[0, 0] == 1.2 for o in outs)


def test_attempt_works_with_any_optimiser() -> None:
    out = attempt(*SQUARE, [1.0], Momentum(0.1, 0.5), stop_below=1e-6)
    assert out.reached is not None and out.run.losses[-1] < 1e-6


@given(lr=st.floats(1e-3, 10.0), curvature=st.floats(1e-2, 100.0))
def test_contraction_is_the_one_step_factor(lr: float, curvature: float) -> None:
    bowl = ls.Quadratic((curvature,))
    run = descend(bowl, bowl.grad, [1.0], GD(lr), steps=1, limit=math.inf)
    assert run.theta[0] == pytest.approx(contraction(lr, curvature), rel=1e-12, abs=1e-12)
    assert (abs(contraction(lr, curvature)) < 1) == (lr < critical_lr(curvature))


def test_settle_ends_in_the_valley_on_each_side_of_the_top() -> None:
    left, top, right = ls.double_well_stationary()
    runs = settle(ls.double_well, ls.double_well_grad, [top - 0.05, top + 0.05], 0.05)
    assert runs[0].theta[0] == pytest.approx(left, abs=1e-10)
    assert runs[1].theta[0] == pytest.approx(right, abs=1e-10)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: attempt(*SQUARE, [math.nan], GD(0.1), stop_below=0.01), "start"),
        (lambda: attempt(*SQUARE, [1.0], GD(0.0), stop_below=0.01), "lr"),
        (lambda: attempt(*SQUARE, [1.0], GD(-0.3), stop_below=0.01), "lr"),
        (lambda: attempt(*SQUARE, [1.0], GD(0.1), stop_below=0.0), "stop_below"),
        (lambda: lr_sweep(*SQUARE, [1.0], [], stop_below=0.01), "lrs"),
        (lambda: lr_sweep(*SQUARE, [1.0], [0.1, -1.0], stop_below=0.01), "lr"),
        (lambda: contraction(0.1, 0.0), "L"),
        (lambda: critical_lr(-2.0), "L"),
        (lambda: settle(*SQUARE, [0.5, math.nan], 0.1), "starts"),
    ],
)
def test_bad_input_raises_naming_the_argument(call, name: str) -> None:
    with pytest.raises(ValueError, match=name):
        call()


# ---- the page's equations, step by step ------------------------------------------------


@pytest.mark.equation("4.8")
def test_quadratic_update() -> None:
    J = L / 2 * x**2
    assert sp.simplify(sp.diff(J, x) - L * x) == 0
    step = xk - eta * sp.diff(J, x).subs(x, xk)
    assert sp.simplify(step - (xk - eta * L * xk)) == 0
    assert sp.simplify(xk - eta * L * xk - (1 - eta * L) * xk) == 0


@pytest.mark.equation("4.9")
def test_stability_condition() -> None:
    q = 1 - eta * L
    forms = [
        sp.Abs(q) < 1,
        sp.And(-1 < q, q < 1),
        sp.And(-2 < -eta * L, -eta * L < 0),
        sp.And(0 < eta * L, eta * L < 2),
        sp.And(0 < eta, eta < 2 / L),
    ]
    # each form describes the same set of η (for several curvatures L)
    for curvature in (sp.Rational(1, 3), 2, 25):
        sets = [
            sp.solveset(f.subs(L, curvature), eta, domain=sp.Interval.open(0, sp.oo))
            for f in forms
        ]
        assert all(s == sp.Interval.open(0, 2 / sp.sympify(curvature)) for s in sets)
    # and symbolically in L: |1 − ηL| < 1 reduces to η < 2/L when η, L > 0
    assert sp.reduce_inequalities([sp.Abs(q) < 1], [eta]) == (eta < 2 / L)
    # step 1 → 2 subtracts 1 from each side; step 2 → 3 multiplies by −1
    assert sp.simplify((q - 1) - (-eta * L)) == 0
