"""Tests for chapter 7 (computation_graph/examples.py): sympy checks of equations 7.1–7.16, the
engine's partials against sympy and central differences, every log against a plain loop."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st

from descent.chapters.computation_graph import examples as bp
from descent.numdiff import derivative
from descent.optim import DivergenceError

w, b, x, y, h, D, eta = sp.symbols("w b x y h Delta eta", real=True)
dz, t, gw, gb = sp.symbols("Delta_z t g_w g_b", real=True)
X, Y = 2 * w + 3 * b, 2 * b + 1
Z = X * Y
AT = {w: 3, b: 4}


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    return sp.simplify(lhs - rhs) == 0


def z_of(w_: float, b_: float) -> float:
    return (2 * w_ + 3 * b_) * (2 * b_ + 1)


def dz_of(w_: float, b_: float) -> tuple[float, float]:
    """Closed forms 4b + 2 and 4w + 12b + 3 (from the expansion, eq. 7.4)."""
    return 4 * b_ + 2, 4 * w_ + 12 * b_ + 3


# ---- equations -----------------------------------------------------------------------------


@pytest.mark.equation("7.1")
def test_eq_7_1_one_path_to_w() -> None:
    dz_dx, dx_dw = sp.diff(x * y, x), sp.diff(X, w)
    assert dz_dx == y and dx_dw == 2
    step = dz_dx * dx_dw
    assert same(step, y * 2) and same((y * 2).subs(y, Y), 2 * (2 * b + 1))
    assert same(2 * (2 * b + 1), sp.diff(Z, w)) and 2 * (2 * b + 1).subs(AT) == 18


@pytest.mark.equation("7.2")
def test_eq_7_2_two_paths_to_b() -> None:
    paths = sp.diff(x * y, x) * sp.diff(X, b) + sp.diff(x * y, y) * sp.diff(Y, b)
    assert same(paths, y * 3 + x * 2)
    step2 = 3 * (2 * b + 1) + 2 * (2 * w + 3 * b)
    assert same((y * 3 + x * 2).subs({x: X, y: Y}), step2)
    assert same(step2, 4 * w + 12 * b + 3) and same(step2, sp.diff(Z, b))
    assert step2.subs(AT) == 63


@pytest.mark.equation("7.3")
def test_eq_7_3_expansion() -> None:
    assert sp.expand(Z) == sp.expand(4 * w * b + 2 * w + 6 * b**2 + 3 * b)


@pytest.mark.equation("7.4")
def test_eq_7_4_partials_of_the_expansion() -> None:
    expanded = 4 * w * b + 2 * w + 6 * b**2 + 3 * b
    assert same(sp.diff(expanded, w), 4 * b + 2) and (4 * b + 2).subs(AT) == 18
    assert same(sp.diff(expanded, b), 4 * w + 12 * b + 3) and (4 * w + 12 * b + 3).subs(AT) == 63


@pytest.mark.equation("7.5")
def test_eq_7_5_one_step_in_w_is_exact() -> None:
    assert same(Z.subs(w, w + h), Z + (4 * b + 2) * h)  # z is linear in w
    step = Z.subs(w, w - dz / (4 * b + 2))
    assert same(step, Z - (4 * b + 2) * dz / (4 * b + 2)) and same(step, Z - dz)
    assert same((Z - dz).subs(dz, Z - t), t)


@pytest.mark.equation("7.6")
def test_eq_7_6_error_division_from_the_linear_approximation() -> None:
    zb = sp.Symbol("z_b", positive=True)  # ∂z/∂b at the current point
    z0 = sp.Symbol("z", real=True)
    (solution,) = sp.solve(sp.Eq(z0 - zb * D, 150), D)
    assert same(solution, (z0 - 150) / zb) and same(solution, dz.subs(dz, z0 - 150) / zb)


@pytest.mark.equation("7.7")
def test_eq_7_7_exact_roots() -> None:
    z3 = sp.expand(Z.subs(w, 3))
    assert z3 == 6 * b**2 + 15 * b + 6
    assert same((z3 - 150) / 3, 2 * b**2 + 5 * b - 48)
    roots = sp.solve(2 * b**2 + 5 * b - 48, b)
    assert {sp.nsimplify(r) for r in roots} == {(-5 - sp.sqrt(409)) / 4, (-5 + sp.sqrt(409)) / 4}
    assert bp.exact_b() == pytest.approx(((-5 - 409**0.5) / 4, (-5 + 409**0.5) / 4), rel=1e-15)


@pytest.mark.equation("7.8")
def test_eq_7_8_the_halves_add_up_to_the_error() -> None:
    dw, db = (dz / 2) / gw, (dz / 2) / gb
    step1 = gw * ((dz / 2) / gw) + gb * ((dz / 2) / gb)
    assert same(gw * dw + gb * db, step1) and same(step1, dz / 2 + dz / 2)
    assert same(dz / 2 + dz / 2, dz)


@pytest.mark.equation("7.9")
def test_eq_7_9_newton_step_is_the_tangent_zero() -> None:
    bk, bn, zk, zpk = sp.symbols("b_k b_next z_k zp_k", real=True)
    tangent = zk + zpk * (bn - bk)
    (solution,) = sp.solve(sp.Eq(tangent, 150), bn)
    assert same(solution, bk - (zk - 150) / zpk)


@pytest.mark.equation("7.10")
def test_eq_7_10_exact_taylor_expansion_in_b() -> None:
    z3 = Z.subs(w, 3)
    assert same(z3.subs(b, b - D), z3 - sp.diff(z3, b) * D + 6 * D**2)
    assert sp.diff(z3, b, 2) == 12


@pytest.mark.equation("7.11")
def test_eq_7_11_newton_error_is_squared() -> None:
    z3 = Z.subs(w, 3)
    zp = sp.diff(z3, b)
    d = z3 - 150
    nxt = z3.subs(b, b - d / zp) - 150
    step1 = d - zp * (d / zp) + 6 * (d / zp) ** 2
    assert same(nxt, step1) and same(step1, d - d + 6 * d**2 / zp**2)
    assert same(d - d + 6 * d**2 / zp**2, 6 * d**2 / zp**2)


@pytest.mark.equation("7.12")
def test_eq_7_12_fixed_factor_error_is_scaled() -> None:
    z3 = Z.subs(w, 3)
    zp = sp.diff(z3, b)
    d = z3 - 150
    nxt = z3.subs(b, b - d / 63) - 150
    step1 = d - zp * d / 63 + 6 * d**2 / 63**2
    assert same(nxt, step1) and same(step1, (1 - zp / 63) * d + 6 * (d / 63) ** 2)


@pytest.mark.equation("7.13")
def test_eq_7_13_gradient_of_the_loss() -> None:
    J = sp.Rational(1, 2) * (Z - 150) ** 2
    step1 = (Z - 150) * sp.diff(Z, b)
    assert same(sp.diff(J, b), step1)
    assert same(step1, (Z - 150) * (4 * w + 12 * b + 3))  # Δz·∂z/∂b with Δz = z − 150


@pytest.mark.equation("7.14")
def test_eq_7_14_when_a_gd_step_is_a_newton_step() -> None:
    zb = sp.Symbol("z_b", positive=True)
    (solution,) = sp.solve(sp.Eq(eta * dz * zb, dz / zb), eta)
    assert same(solution, 1 / zb**2)


@pytest.mark.equation("7.15")
def test_eq_7_15_curvature_of_the_loss() -> None:
    z3 = Z.subs(w, 3)
    J = sp.Rational(1, 2) * (z3 - 150) ** 2
    step1 = sp.diff(z3, b) ** 2 + (z3 - 150) * sp.diff(z3, b, 2)
    assert same(sp.diff(J, b, 2), step1)
    root = (-5 + sp.sqrt(409)) / 4
    assert same(step1.subs(b, root), sp.diff(z3, b).subs(b, root) ** 2)


@pytest.mark.equation("7.16")
def test_eq_7_16_shortest_step_along_the_gradient() -> None:
    dw, db = dz * gw / (gw**2 + gb**2), dz * gb / (gw**2 + gb**2)
    step1 = (gw**2 + gb**2) * dz / (gw**2 + gb**2)
    assert same(gw * dw + gb * db, step1) and same(step1, dz)
    # the shortest (Δw, Δb) with gw·Δw + gb·Δb = Δz: Lagrange multiplier along (gw, gb)
    lam = sp.Symbol("lambda", real=True)
    sol = sp.solve([2 * D - lam * gw, 2 * h - lam * gb, gw * D + gb * h - dz], [D, h, lam])
    assert same(sol[D], dw) and same(sol[h], db)


# ---- the module ----------------------------------------------------------------------------


@given(st.floats(-5, 5), st.floats(-5, 5))
def test_partials_match_sympy_and_central_differences(w_: float, b_: float) -> None:
    z, gw_, gb_ = bp.partials(w_, b_)
    assert z == pytest.approx(z_of(w_, b_), rel=1e-12, abs=1e-12)
    assert (gw_, gb_) == pytest.approx(dz_of(w_, b_), rel=1e-12, abs=1e-12)
    assert gw_ == pytest.approx(derivative(lambda v: z_of(v, b_), w_), rel=1e-6, abs=1e-6)
    assert gb_ == pytest.approx(derivative(lambda v: z_of(w_, v), b_), rel=1e-6, abs=1e-6)


def test_the_example_point() -> None:
    assert bp.partials(3, 4) == (162.0, 18.0, 63.0)


def plain_log(move: str, recompute: bool) -> list[tuple[float, float, float]]:
    """The error-division loop with closed-form partials, no engine: (w, b, z) per line."""
    w_, b_ = bp.W0, bp.B0
    f0 = dz_of(w_, b_)
    out = []
    while True:
        z = z_of(w_, b_)
        out.append((w_, b_, z))
        if abs(z - 150) < 1e-5:
            return out
        fw, fb = dz_of(w_, b_) if recompute else f0
        share = (z - 150) / len(move)
        w_, b_ = w_ - (share / fw if "w" in move else 0), b_ - (share / fb if "b" in move else 0)


@pytest.mark.parametrize("move", ["w", "b", "wb"])
@pytest.mark.parametrize("recompute", [False, True])
def test_divide_error_matches_a_plain_loop(move: str, recompute: bool) -> None:
    got = [(s.w, s.b, s.z) for s in bp.divide_error(move=move, recompute=recompute)]
    want = plain_log(move, recompute)
    assert len(got) == len(want)
    assert np.allclose(got, want, rtol=1e-13, atol=1e-13)


def test_the_split_moves_w_and_b_by_half_of_the_error_each() -> None:
    first = bp.divide_error(move="wb")[0]
    assert first.factor_w * first.delta_w == pytest.approx(first.dz / 2, rel=1e-15)
    assert first.factor_b * first.delta_b == pytest.approx(first.dz / 2, rel=1e-15)


def test_moving_w_alone_lands_in_one_step() -> None:
    log = bp.divide_error(move="w")
    assert len(log) == 2 and log[1].w == pytest.approx(7 / 3, rel=1e-15) and log[1].z == 150


@pytest.mark.parametrize("move", ["b", "wb"])
@pytest.mark.parametrize("lr", [1e-4, 2e-4])
def test_descend_on_loss_matches_plain_gradient_descent(move: str, lr: float) -> None:
    run = bp.descend_on_loss(lr, move=move)
    theta = np.array([3.0, 4.0])
    path = [theta]
    while abs(z_of(*theta) - 150) >= 1e-5:
        d = z_of(*theta) - 150
        g = d * np.array(dz_of(*theta))  # ∂J/∂θ = (z − 150)·∂z/∂θ
        theta = theta - lr * (g if move == "wb" else np.array([0.0, g[1]]))
        path.append(theta)
    want = np.array(path) if move == "wb" else np.array(path)[:, 1:]
    assert run.thetas.shape == want.shape and np.allclose(run.thetas, want, rtol=1e-12)


def test_a_zero_derivative_cannot_divide_the_error() -> None:
    with pytest.raises(ZeroDivisionError, match=r"∂z/∂b = 0 at w = 3, b = -1.25"):
        bp.divide_error(3, -1.25, move="b")
    with pytest.raises(ZeroDivisionError, match=r"∂z/∂w = 0"):
        bp.divide_error(3, -0.5, move="w")


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError, match="w must be finite"):
        bp.divide_error(math.nan, 4)
    with pytest.raises(ValueError, match="target must be finite"):
        bp.divide_error(target=math.inf)
    with pytest.raises(ValueError, match="tol must be > 0"):
        bp.divide_error(tol=0)
    with pytest.raises(ValueError, match="move must be"):
        bp.divide_error(move="x")
    with pytest.raises(ValueError, match="move must be"):
        bp.descend_on_loss(1e-4, move="w")
    with pytest.raises(ValueError, match="lr must be > 0"):
        bp.descend_on_loss(-1.0)


def test_an_unreachable_target_is_reported() -> None:
    # at w = 3 the least z is 6 − 15²/24 = −3.375: z = −10 has no b
    with pytest.raises(ValueError, match=r"below the least z = -3\.375"):
        bp.exact_b(3, -10)
    with pytest.raises(ArithmeticError, match="did not fall below"):
        bp.divide_error(move="b", target=-10)


def test_too_large_a_learning_rate_diverges() -> None:
    with pytest.raises(DivergenceError, match=r"lr=0\.01"):
        bp.descend_on_loss(1e-2)
