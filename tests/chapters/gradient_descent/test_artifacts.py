"""Tests for the gradient-descent chapter's tables, values and figures, recomputed by plain loops;
sympy checks of the momentum and Adam equations 4.11–4.14."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure
from matplotlib.text import Text
from pages import table_rows as rows

from descent.chapters.gradient_descent import figures as figs
from descent.chapters.gradient_descent import tables as t
from descent.optim import GD, Adam, Momentum

V = t.values()


def num(text: str) -> float | None:
    return None if text == "—" else float(text)


# ---- independent recomputations: plain Python loops, no descent.optim ---------------------


def loop_square(x0: float, lr: float, tol: float = 0.01, steps: int = 1000):
    """x ← x − η·2x; returns (xs, how) with how = ("reached", k), ("diverged", k) or None."""
    xs = [x0]
    for k in range(1, steps + 1):
        if xs[-1] ** 2 < tol:
            return xs, ("reached", k - 1)
        xs.append(xs[-1] - lr * 2 * xs[-1])
        if not math.isfinite(xs[-1] ** 2) or xs[-1] ** 2 > 1e12:
            return xs, ("diverged", k)
    return xs, ("reached", steps) if xs[-1] ** 2 < tol else None


def bowl_J(p: tuple[float, float]) -> float:
    return p[0] ** 2 + math.sin(p[1]) ** 2


def loop_bowl(start, lr: float, tol: float = 0.01, steps: int = 1000):
    ps = [tuple(start)]
    for k in range(1, steps + 1):
        if bowl_J(ps[-1]) < tol:
            return ps, ("reached", k - 1)
        x, y = ps[-1]
        ps.append((x - lr * 2 * x, y - lr * 2 * math.sin(y) * math.cos(y)))
        if bowl_J(ps[-1]) > 1e12:
            return ps, ("diverged", k)
    return ps, ("reached", steps) if bowl_J(ps[-1]) < tol else None


def loop_valley(name: str, lr: float, beta: float | None, tol: float) -> int:
    """Steps to J < tol on ½(x² + 25y²) from (−4, 1), each update rule written out here."""
    c = np.array([1.0, 25.0])
    theta, v, m, s = np.array([-4.0, 1.0]), np.zeros(2), np.zeros(2), np.zeros(2)
    for k in range(10_000):
        if 0.5 * c @ theta**2 < tol:
            return k
        g = c * theta
        if name == "GD":
            theta = theta - lr * g
        elif name == "Momentum":
            v = beta * v + g
            theta = theta - lr * v
        else:
            m, s = 0.9 * m + 0.1 * g, 0.999 * s + 0.001 * g * g
            m_hat, s_hat = m / (1 - 0.9 ** (k + 1)), s / (1 - 0.999 ** (k + 1))
            theta = theta - lr * m_hat / (np.sqrt(s_hat) + 1e-8)
    raise AssertionError("no convergence")


# ---- tables ----------------------------------------------------------------------------


def test_square_log_matches_the_closed_form() -> None:
    table = rows(t.table_gd_square_log())
    _, how = loop_square(1.2, 0.3)
    assert how == ("reached", len(table) - 1) == ("reached", 3)
    for k, r in enumerate(table):
        closed = 0.4**k * 1.2  # (4.5): x_k = (1 − 2η)^k·x₀ with η = 0.3
        assert int(r[0]) == k
        for cell, exact in zip(r[1:], (closed, closed, closed**2, 2 * closed), strict=True):
            assert float(cell) == pytest.approx(exact, abs=5e-7)
    assert float(table[-1][3]) < 0.01 <= float(table[-2][3])


def test_sin_bowl_log_matches_a_direct_loop() -> None:
    table = rows(t.table_gd_sin_bowl_log())
    ps, how = loop_bowl((3.0, 1.0), 0.1)
    assert how == ("reached", 16) and len(table) == len(ps) == 17
    for k, (r, (x, y)) in enumerate(zip(table, ps, strict=True)):
        exact = (x, y, bowl_J((x, y)), 2 * x, math.sin(2 * y))
        assert int(r[0]) == k
        for cell, value in zip(r[1:], exact, strict=True):
            assert float(cell) == pytest.approx(value, abs=5e-7)


def test_learning_rate_table_matches_direct_loops() -> None:
    table = rows(t.table_gd_learning_rates())
    assert len(table) == 2 * len(t.SWEEP_LRS)
    for r in table:
        lr = float(r[1])
        if r[0] == "$x^2$":
            path, how = loop_square(1.2, lr)
            last = path[-1] ** 2
        else:
            path, how = loop_bowl((3.0, 1.0), lr)
            last = bowl_J(path[-1])
        reached, diverged = num(r[2]), num(r[3])
        if how is None:
            assert reached is None and diverged is None
        else:
            assert (reached if how[0] == "reached" else diverged) == how[1]
            assert (diverged if how[0] == "reached" else reached) is None
        assert float(r[4]) == pytest.approx(last, rel=5e-3, abs=1e-300)
    kinds = {(r[0], float(r[1])): (num(r[2]), num(r[3])) for r in table}
    # the four regimes of the figure: slow, fast, oscillating but converging, diverging
    assert kinds[("$x^2$", 0.02)][0] > kinds[("$x^2$", 0.9)][0] > kinds[("$x^2$", 0.3)][0]
    assert kinds[("$x^2$", 1.1)][1] is not None
    # |1 − 2·0.1| = |1 − 2·0.9|: the same number of steps, one side versus both sides
    assert kinds[("$x^2$", 0.1)] == kinds[("$x^2$", 0.9)]
    assert kinds[(r"$x^2+\sin^2 y$", 1.1)][1] is not None


def test_stability_table_matches_the_closed_form() -> None:
    for r, lr in zip(rows(t.table_gd_stability()), t.STABILITY_LRS, strict=True):
        q = 1 - 2 * lr  # (4.8) with L = 2
        assert float(r[0]) == lr and float(r[1]) == pytest.approx(q)
        assert float(r[2]) == pytest.approx(q**10 * 1.2, abs=5e-7)
        _, how = loop_square(1.2, lr)
        assert how is None if lr == 1.0 else (num(r[3]) or num(r[4])) == how[1]


def test_double_well_table_ends_at_the_sympy_minima() -> None:
    x = sp.Symbol("x", real=True)
    J = x**4 - 3 * x**2 + x
    left, top, right = sorted(float(r) for r in sp.real_roots(sp.Poly(sp.diff(J, x), x)))
    for r in rows(t.table_gd_double_well()):
        x0, x_end = float(r[0]), float(r[1])
        target = left if x0 < top else right
        assert x_end == pytest.approx(target, abs=5e-7)
        assert float(r[2]) == pytest.approx(float(J.subs(x, target)), abs=5e-7)
        assert abs(float(r[3])) < 1e-12


def test_optimizer_table_matches_direct_loops() -> None:
    table = rows(t.table_gd_optimizers())
    for r, (name, lr, beta) in zip(table, t.OPTIMIZERS, strict=True):
        assert r[0] == rf"$\mathrm{{{name}}}$" and float(r[1]) == lr
        assert [int(c) for c in r[3:]] == [
            loop_valley(name, lr, beta, tol) for tol in (1e-4, 1e-6)
        ]
    # momentum with β = 0.5 beats plain GD at the same η
    assert int(table[1][3]) < int(table[0][3])


# ---- values ----------------------------------------------------------------------------


def test_values_of_the_examples() -> None:
    xs, _ = loop_square(1.2, 0.3)
    assert V["sq_steps"] == "3" and float(V["sq_factor"]) == 0.4
    assert float(V["bowl_factor"]) == pytest.approx(1 - 2 * 0.1)
    assert float(V["sq_x_end"]) == pytest.approx(xs[-1], abs=5e-7)
    assert float(V["sq_j_end"]) == pytest.approx(xs[-1] ** 2, abs=5e-7)
    ps, _ = loop_bowl((3.0, 1.0), 0.1)
    assert int(V["bowl_steps"]) == len(ps) - 1
    assert float(V["bowl_j0"]) == pytest.approx(9 + math.sin(1) ** 2, abs=5e-7)
    assert float(V["bowl_gy0"]) == pytest.approx(math.sin(2.0), abs=5e-7)
    assert (float(V["bowl_x1"]), float(V["bowl_y1"])) == pytest.approx(ps[1], abs=5e-7)
    assert float(V["bowl_j1"]) == pytest.approx(bowl_J(ps[1]), abs=5e-7)
    assert (float(V["bowl_x_end"]), float(V["bowl_y_end"])) == pytest.approx(ps[-1], abs=5e-7)
    assert float(V["bowl_j_end"]) == pytest.approx(bowl_J(ps[-1]), abs=5e-7)


def test_values_of_the_learning_rate_study() -> None:
    for prefix, run in (
        ("sq", lambda lr: loop_square(1.2, lr)),
        ("bowl", lambda lr: loop_bowl((3.0, 1.0), lr)),
    ):
        for key, lr in zip(("small", "good", "osc"), (0.02, 0.3, 0.9), strict=True):
            assert run(lr)[1] == ("reached", int(V[f"{prefix}_{key}_steps"]))
        assert run(1.1)[1] == ("diverged", int(V[f"{prefix}_div_step"]))
    assert V["stab_critical"] == "1"
    assert loop_square(1.2, 0.95)[1] == ("reached", int(V["stab_below_steps"]))
    assert loop_square(1.2, 1.05)[1] == ("diverged", int(V["stab_above_div"]))
    assert float(V["stab_at_last"]) == 1.2 and V["stab_at_steps"] == "1000"


def test_values_of_the_double_well_and_the_valley() -> None:
    x = sp.Symbol("x", real=True)
    J = x**4 - 3 * x**2 + x
    roots = sorted(sp.real_roots(sp.Poly(sp.diff(J, x), x)))
    for key, r in zip(("well_left", "well_top", "well_right"), roots, strict=True):
        assert float(V[key]) == pytest.approx(float(r), abs=5e-5)
    # η must stay below 2/L with L the steeper valley floor's J''
    steepest = max(float(sp.diff(J, x, 2).subs(x, r)) for r in (roots[0], roots[2]))
    assert float(V["well_lr_limit"]) == pytest.approx(2 / steepest, abs=5e-4)
    assert float(V["well_lr_limit"]) > 0.05 and float(V["well_lr_bound"]) == 2 / 0.05
    table = rows(t.table_gd_double_well_points())
    for r, root in zip(table, roots, strict=True):
        assert float(r[0]) == pytest.approx(float(root), abs=5e-5)
        assert float(r[1]) == pytest.approx(float(J.subs(x, root)), abs=5e-5)
        assert float(r[2]) == pytest.approx(float(sp.diff(J, x, 2).subs(x, root)), abs=5e-3)
    assert float(table[0][2]) > 0 > float(table[1][2]) and float(table[2][2]) > 0
    assert float(table[0][1]) < float(table[2][1])  # the left valley is the deeper one
    assert float(V["valley_critical"]) == pytest.approx(2 / 25)
    assert float(V["valley_qx"]) == pytest.approx(1 - 0.07)
    assert float(V["valley_qy"]) == pytest.approx(1 - 0.07 * 25)
    keys = ("gd", "mom5", "mom9", "adam1", "adam3")
    for (name, lr, beta), key in zip(t.OPTIMIZERS, keys, strict=True):
        assert int(V[f"valley_{key}"]) == loop_valley(name, lr, beta, 1e-4)
    # v_{k+1} → g/(1 − β) under a constant gradient, checked by iterating v ← βv + 1
    for beta, key in ((0.5, "mom_gain_5"), (0.9, "mom_gain_9")):
        v = 0.0
        for _ in range(2000):
            v = beta * v + 1.0
        assert float(V[key]) == pytest.approx(v)


def test_exercise_values() -> None:
    # 4.1: two steps of x ← x − 0.1·2x from 2, by hand: 2 → 1.6 → 1.28
    assert (float(V["ex1_g0"]), float(V["ex1_x1"])) == (4.0, 1.6)
    assert (float(V["ex1_g1"]), float(V["ex1_x2"])) == (3.2, 1.28)
    assert float(V["ex1_j2"]) == pytest.approx(1.28**2, abs=5e-5)
    assert float(V["ex1_err"]) == pytest.approx(0.8**2 * 2, abs=5e-5)
    assert float(V["ex1_drop"]) == pytest.approx(0.8**4, abs=5e-5)
    assert float(V["ex1_factor"]) == 0.8
    # 4.2: J = 5x², L = 10; x_20 = (1 − 10η)^20 from x₀ = 1
    assert float(V["ex2_critical"]) == 0.2 and float(V["ex2_one_step"]) == 0.1
    assert float(V["ex2_x_below"]) == pytest.approx((1 - 1.9) ** 20, abs=5e-5)
    assert float(V["ex2_x_above"]) == pytest.approx((1 - 2.1) ** 20, abs=5e-5)
    assert (float(V["ex2_q_below"]), float(V["ex2_q_above"])) == pytest.approx((-0.9, -1.1))
    # 4.3: momentum from 2 crosses the top into the left valley, from 1.5 it does not
    left, top, right = sorted(
        float(r) for r in sp.real_roots(sp.Poly(4 * sp.Symbol("x") ** 3 - 6 * sp.Symbol("x") + 1))
    )
    assert float(V["ex3_gd_end"]) == pytest.approx(right, abs=5e-5)
    assert float(V["ex3_mom_far"]) == pytest.approx(left, abs=5e-5)
    assert float(V["ex3_mom_near"]) == pytest.approx(right, abs=5e-5)
    assert float(V["ex3_mom_far_left"]) < top < float(V["ex3_mom_near_left"])
    xs, v = [2.0], 0.0
    for _ in range(300):
        v = 0.8 * v + (4 * xs[-1] ** 3 - 6 * xs[-1] + 1)
        xs.append(xs[-1] - 0.05 * v)
    assert float(V["ex3_mom_far_left"]) == pytest.approx(min(xs), abs=5e-5)
    # 4.4: Adam's first step moves each coordinate by η·g/(|g| + ε) ≈ ±η
    g = (6.0, math.sin(2.0))
    assert (float(V["ex4_gx"]), float(V["ex4_gy"])) == pytest.approx(g, abs=5e-7)
    adam = (3 - 0.1 * g[0] / (abs(g[0]) + 1e-8), 1 - 0.1 * g[1] / (abs(g[1]) + 1e-8))
    assert (float(V["ex4_adam_x"]), float(V["ex4_adam_y"])) == pytest.approx(adam, abs=5e-7)
    gd = (3 - 0.1 * g[0], 1 - 0.1 * g[1])
    assert (float(V["ex4_gd_x"]), float(V["ex4_gd_y"])) == pytest.approx(gd, abs=5e-7)


def test_values_are_formatted_text() -> None:
    assert all(isinstance(v, str) and v for v in V.values())


# ---- figures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make", [getattr(figs, n) for n in sorted(dir(figs)) if n.startswith("fig_")]
)
def test_figures_are_figures_without_words(make) -> None:
    fig = make()
    assert isinstance(fig, Figure)
    for text in (txt.get_text() for txt in fig.findobj(Text)):
        outside_math = re.sub(r"\$[^$]*\$", "", text)
        assert not re.search(r"[A-Za-z]{2,}", outside_math), f"{make.__name__}: {text!r}"


# ---- the page's equations 4.11–4.14, step by step --------------------------------------

beta, beta1, beta2, eta, eps = sp.symbols("beta beta_1 beta_2 eta epsilon", positive=True)
gs = sp.symbols("g_0:5", real=True)
g = sp.Symbol("g", real=True)


@pytest.mark.equation("4.11")
def test_momentum_update() -> None:
    # v_{k+1} = β·v_k + g_k, θ_{k+1} = θ_k − η·v_{k+1}, with v_0 = 0: the first step is plain GD
    theta0, v1 = sp.Symbol("theta_0"), beta * 0 + gs[0]
    assert sp.simplify(theta0 - eta * v1 - (theta0 - eta * gs[0])) == 0
    # optim.Momentum follows the same recurrence: with β = 0 it is plain GD
    m, p = Momentum(0.25, 0.0), np.array([1.0])
    np.testing.assert_array_equal(m.step(p, np.array([2.0])), GD(0.25).step(p, np.array([2.0])))


@pytest.mark.equation("4.12")
def test_momentum_unrolled() -> None:
    v = sp.Integer(0)
    for k in range(5):
        v = beta * v + gs[k]
    unrolled = sum(beta ** (4 - i) * gs[i] for i in range(5))
    assert sp.expand(v - unrolled) == 0
    # equal gradients: g·(1 + β + … + β⁴) = g·(1 − β⁵)/(1 − β) → g/(1 − β)
    same = unrolled.subs({gi: g for gi in gs})
    assert sp.simplify(same - g * (1 - beta**5) / (1 - beta)) == 0
    n = sp.Symbol("n", integer=True, positive=True)
    geometric = sp.summation(beta**n, (n, 0, sp.oo))
    assert sp.simplify(geometric.args[0][0] - 1 / (1 - beta)) == 0
    # alternating gradients g, −g, g, …: g·(1 − β + β² − …) → g/(1 + β)
    assert sp.simplify(sp.summation((-beta) ** n, (n, 0, sp.oo)).args[0][0] - 1 / (1 + beta)) == 0


@pytest.mark.equation("4.13")
def test_adam_update_matches_optim() -> None:
    # with a constant gradient, m_t = (1 − β₁)(1 + β₁ + … + β₁^{t−1})·g = (1 − β₁^t)·g,
    # so dividing by 1 − β₁^t recovers g exactly: the bias correction
    m = sp.Integer(0)
    for step in range(1, 5):
        m = beta1 * m + (1 - beta1) * g
        assert sp.simplify(m - (1 - beta1**step) * g) == 0
        assert sp.simplify(m / (1 - beta1**step) - g) == 0
    adam, theta = Adam(0.1), np.array([1.0, -2.0])
    m, s = np.zeros(2), np.zeros(2)
    for step, grad in enumerate(([4.0, -0.5], [1.0, 0.25], [-2.0, 3.0]), start=1):
        grad = np.array(grad)
        m = 0.9 * m + 0.1 * grad
        s = 0.999 * s + 0.001 * grad**2
        expected = theta - 0.1 * (m / (1 - 0.9**step)) / (np.sqrt(s / (1 - 0.999**step)) + 1e-8)
        theta = adam.step(theta, grad)
        np.testing.assert_allclose(theta, expected, rtol=1e-14)


@pytest.mark.equation("4.14")
def test_adam_first_step() -> None:
    m1 = beta1 * 0 + (1 - beta1) * g
    s1 = beta2 * 0 + (1 - beta2) * g**2
    assert sp.simplify(m1 / (1 - beta1) - g) == 0
    assert sp.simplify(s1 / (1 - beta2) - g**2) == 0
    step = eta * g / (sp.sqrt(g**2) + eps)
    assert sp.simplify(step - eta * g / (sp.Abs(g) + eps)) == 0
    # as ε → 0 the step is ±η whatever the size of g
    assert sp.limit(step.subs(g, 7), eps, 0) == eta
    assert sp.limit(step.subs(g, -sp.Rational(1, 100)), eps, 0) == -eta
