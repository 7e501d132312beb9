"""Tests for descent.polyfit: the cubic's gradients against finite differences, the descent
against its closed-form iterate, the vectorised run against the plain loop, lstsq against the
normal equations, bad input, and the chapter's equations (6.1)-(6.14) step by step with sympy."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from descent.numdiff import gradient
from descent.optim import GD, DivergenceError
from descent.polyfit import (
    LR,
    STEPS,
    curvatures,
    features,
    fit,
    fit_loop,
    gradients,
    hessian,
    least_squares,
    loss,
    predict,
    sin_data,
    start,
    to_original_x,
)

N = 3  # symbolic checks use three points; every step is a finite sum, the same for any n
a, b, c, d, eta = sp.symbols("a b c d eta", real=True)
xs = sp.symbols(f"x1:{N + 1}", real=True)
ys = sp.symbols(f"y1:{N + 1}", real=True)
THETA = sp.Matrix([a, b, c, d])
X = sp.Matrix([[1, xi, xi**2, xi**3] for xi in xs])
Y = sp.Matrix(ys)
y_hat = [a + b * xi + c * xi**2 + d * xi**3 for xi in xs]
J = sum((p - t) ** 2 for p, t in zip(y_hat, ys, strict=True))


def chain_holds(*steps: sp.Expr) -> None:
    """Assert every `=` in a chain: each step equals the next."""
    for left, right in itertools.pairwise(steps):
        assert sp.simplify(sp.expand(left - right)) == 0, (left, right)


def matrices_equal(A: sp.Matrix, B: sp.Matrix) -> None:
    assert (A - B).applyfunc(lambda e: sp.simplify(sp.expand(e))) == sp.zeros(*A.shape)


# ---- equations (6.1)-(6.5): the loss and its four partial derivatives ----


@pytest.mark.equation("6.1")
def test_eq_6_1_loss_of_the_cubic() -> None:
    chain_holds(
        J,
        sum((a + b * xi + c * xi**2 + d * xi**3 - yi) ** 2 for xi, yi in zip(xs, ys, strict=True)),
    )


@pytest.mark.equation("6.2")
def test_eq_6_2_chain_rule_for_a() -> None:
    terms = [(p - t) ** 2 for p, t in zip(y_hat, ys, strict=True)]
    residuals = [p - t for p, t in zip(y_hat, ys, strict=True)]
    chain_holds(
        sp.diff(J, a),
        sum(sp.diff(term, a) for term in terms),
        sum(2 * r * sp.diff(p, a) for r, p in zip(residuals, y_hat, strict=True)),
        sum(2 * r * 1 for r in residuals),
        2 * sum(residuals),
    )


@pytest.mark.equation("6.3")
def test_eq_6_3_derivatives_of_the_prediction() -> None:
    for p, xi in zip(y_hat, xs, strict=True):
        assert [sp.diff(p, v) for v in (a, b, c, d)] == [1, xi, xi**2, xi**3]


@pytest.mark.equation("6.4")
def test_eq_6_4_the_four_gradients() -> None:
    residuals = [p - t for p, t in zip(y_hat, ys, strict=True)]
    for j, v in enumerate((a, b, c, d)):
        chain_holds(
            sp.diff(J, v),
            sum(2 * r * sp.diff(p, v) for r, p in zip(residuals, y_hat, strict=True)),
            2 * sum(r * xi**j for r, xi in zip(residuals, xs, strict=True)),
        )


@pytest.mark.equation("6.5")
def test_eq_6_5_gradient_as_one_matrix_product() -> None:
    grad = sp.Matrix([sp.diff(J, v) for v in (a, b, c, d)])
    matrices_equal(X * THETA, sp.Matrix(y_hat))
    matrices_equal(grad, 2 * X.T * (X * THETA - Y))


# ---- equations (6.6)-(6.8): J is a quadratic with Hessian H = 2XᵀX ----


@pytest.mark.equation("6.6")
def test_eq_6_6_loss_as_a_quadratic() -> None:
    r = X * THETA - Y
    chain_holds(
        J,
        (r.T * r)[0],
        (THETA.T * X.T * X * THETA)[0] - 2 * (Y.T * X * THETA)[0] + (Y.T * Y)[0],
    )
    # the middle terms yᵀXθ and θᵀXᵀy are one number, so they add up to 2yᵀXθ
    chain_holds((Y.T * X * THETA)[0], (THETA.T * X.T * Y)[0])


@pytest.mark.equation("6.7")
def test_eq_6_7_hessian() -> None:
    H = sp.hessian(J, (a, b, c, d))
    for j, k in itertools.product(range(4), repeat=2):
        chain_holds(H[j, k], 2 * sum(xi ** (j + k) for xi in xs))
    matrices_equal(H, 2 * X.T * X)
    grad = sp.Matrix([sp.diff(J, v) for v in (a, b, c, d)])
    matrices_equal(grad, H * THETA - 2 * X.T * Y)


@pytest.mark.equation("6.8")
def test_eq_6_8_gradient_measured_from_the_minimum() -> None:
    # three concrete points and targets, so θ* is a definite vector of rationals
    Xn = sp.Matrix([[1, -1, 1, -1], [1, 0, 0, 0], [1, 2, 4, 8], [1, 3, 9, 27], [1, 1, 1, 1]])
    Yn = sp.Matrix([1, 0, 2, -1, sp.Rational(1, 2)])
    H = 2 * Xn.T * Xn
    theta_star = (Xn.T * Xn).solve(Xn.T * Yn)
    matrices_equal(Xn.T * Xn * theta_star, Xn.T * Yn)  # normal equations
    grad = H * THETA - 2 * Xn.T * Yn
    matrices_equal(grad, H * THETA - H * theta_star)
    matrices_equal(H * THETA - H * theta_star, H * (THETA - theta_star))


# ---- equations (6.9)-(6.13): one step multiplies the error by I − ηH ----


H2 = sp.Matrix([[3, 1], [1, 3]])  # a small symmetric H with eigenvalues 2 and 4
V2 = [sp.Matrix([1, -1]) / sp.sqrt(2), sp.Matrix([1, 1]) / sp.sqrt(2)]
L2 = [2, 4]


@pytest.mark.equation("6.9")
def test_eq_6_9_error_recursion() -> None:
    t = sp.Matrix(sp.symbols("t1:3", real=True))
    t_star = sp.Matrix(sp.symbols("s1:3", real=True))
    step = t - eta * H2 * (t - t_star)  # θ_{k+1} = θ_k − η∇J(θ_k), ∇J = H(θ − θ*)
    matrices_equal(step - t_star, (t - t_star) - eta * H2 * (t - t_star))
    matrices_equal((t - t_star) - eta * H2 * (t - t_star), (sp.eye(2) - eta * H2) * (t - t_star))
    e = t - t_star
    for _ in range(3):  # e_k = (I − ηH)^k e_0, checked for k = 3
        e = (sp.eye(2) - eta * H2) * e
    matrices_equal(e, (sp.eye(2) - eta * H2) ** 3 * (t - t_star))


@pytest.mark.equation("6.10")
def test_eq_6_10_each_eigen_direction_on_its_own() -> None:
    z = sp.symbols("z1:3", real=True)
    for v, lam in zip(V2, L2, strict=True):
        matrices_equal(H2 * v, lam * v)
        matrices_equal((sp.eye(2) - eta * H2) * v, v - eta * lam * v)
        matrices_equal(v - eta * lam * v, (1 - eta * lam) * v)
    e0 = z[0] * V2[0] + z[1] * V2[1]
    k = 4
    matrices_equal(
        (sp.eye(2) - eta * H2) ** k * e0,
        sum(((1 - eta * lam) ** k * zj * v for v, lam, zj in zip(V2, L2, z, strict=True)),
            sp.zeros(2, 1)),
    )  # fmt: skip


@pytest.mark.equation("6.11")
def test_eq_6_11_stable_learning_rates() -> None:
    lam = sp.symbols("lambda", positive=True)
    e = sp.symbols("eta", real=True)
    assert sp.solveset(sp.Abs(1 - e * lam) < 1, e, sp.S.Reals) == sp.Interval.open(0, 2 / lam)
    # each rewriting of the condition has the same solutions; sympy intersects concrete λ
    for value in (sp.Rational(1, 3), sp.Integer(2), sp.Integer(562121)):
        target = sp.Interval.open(0, 2 / value)
        chains = (
            [sp.Abs(1 - e * value) < 1],
            [-1 < 1 - e * value, 1 - e * value < 1],
            [0 < e * value, e * value < 2],
            [0 < e, e < 2 / value],
        )
        for inequalities in chains:
            sets = [sp.solveset(q, e, sp.S.Reals) for q in inequalities]
            assert sp.Intersection(*sets) == target, inequalities
    # the binding direction is the steepest one: 2/λ is smallest for λ = λ_max
    assert min(sp.Rational(2, v) for v in (1, 5, 9)) == sp.Rational(2, 9)


@pytest.mark.equation("6.12")
def test_eq_6_12_loss_gap_along_the_directions() -> None:
    Xn = sp.Matrix([[1, -1], [1, 0], [1, 2]])
    Yn = sp.Matrix([1, 0, 3])
    H = 2 * Xn.T * Xn
    theta_star = (Xn.T * Xn).solve(Xn.T * Yn)
    e = sp.Matrix(sp.symbols("e1:3", real=True))

    def Jn(t: sp.Matrix) -> sp.Expr:
        r = Xn * t - Yn
        return (r.T * r)[0]

    chain_holds(Jn(theta_star + e) - Jn(theta_star), (e.T * Xn.T * Xn * e)[0])
    chain_holds((e.T * Xn.T * Xn * e)[0], (e.T * H * e)[0] / 2)
    z = sp.symbols("z1:3", real=True)
    ek = sum(((1 - eta * lam) ** 2 * zj * v for v, lam, zj in zip(V2, L2, z, strict=True)),
             sp.zeros(2, 1))  # fmt: skip
    chain_holds(
        (ek.T * H2 * ek)[0] / 2,
        sum(lam * (1 - eta * lam) ** 4 * zj**2 for lam, zj in zip(L2, z, strict=True)) / 2,
    )


@pytest.mark.equation("6.13")
def test_eq_6_13_slowest_factor_near_the_limit() -> None:
    lmin, lmax = sp.symbols("lambda_min lambda_max", positive=True)
    e = sp.Rational(98, 100) * 2 / lmax
    kappa = lmax / lmin
    chain_holds(
        1 - e * lmin, 1 - sp.Rational(196, 100) * lmin / lmax, 1 - sp.Rational(196, 100) / kappa
    )


@pytest.mark.equation("6.14")
def test_eq_6_14_coefficients_back_in_x() -> None:
    x, s = sp.symbols("x s", positive=True)
    al, be, ga, de = sp.symbols("alpha beta gamma delta", real=True)
    u = x / s
    chain_holds(
        al + be * u + ga * u**2 + de * u**3,
        al + (be / s) * x + (ga / s**2) * x**2 + (de / s**3) * x**3,
    )
    theta = to_original_x([1.0, 2.0, 3.0, 4.0], np.pi)
    np.testing.assert_allclose(theta, [1.0, 2.0 / np.pi, 3.0 / np.pi**2, 4.0 / np.pi**3])


# ---- numbers ----


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(-2, 2), min_size=4, max_size=4),
    st.integers(3, 12),
    st.floats(0.5, 3),
)
def test_gradients_match_central_differences(theta, n, span) -> None:
    x = np.linspace(-span, span, n)
    y = np.cos(x)
    numeric = gradient(lambda t: loss(t, x, y), np.array(theta))
    np.testing.assert_allclose(gradients(theta, x, y), numeric, rtol=1e-5, atol=1e-5)


@settings(max_examples=20, deadline=None)
@given(st.lists(st.floats(-2, 2), min_size=4, max_size=4))
def test_matrix_gradient_in_fit_equals_the_four_sums(theta) -> None:
    x, y = sin_data(50)
    run = fit(x, y, theta, GD(1e-3), steps=1)
    np.testing.assert_allclose(run.grads[0], gradients(theta, x, y), rtol=1e-12, atol=1e-10)


def test_descent_follows_the_closed_form_iterate() -> None:
    x, y = sin_data()
    H = hessian(x)
    theta_star = np.linalg.solve(H / 2, features(x).T @ y)  # normal equations, not lstsq
    run = fit(x, y, start(), GD(LR), steps=STEPS)
    for k in (1, 10, 500, STEPS):
        expected = theta_star + np.linalg.matrix_power(np.eye(4) - LR * H, k) @ (
            start() - theta_star
        )
        np.testing.assert_allclose(run.thetas[k], expected, rtol=1e-8, atol=1e-10)


def test_descent_matches_a_direct_loop() -> None:
    x, y = sin_data()
    theta = start()
    for _ in range(STEPS):
        r = theta[0] + theta[1] * x + theta[2] * x**2 + theta[3] * x**3 - y
        theta = theta - LR * 2 * np.array(
            [r.sum(), (r * x).sum(), (r * x**2).sum(), (r * x**3).sum()]
        )
    np.testing.assert_allclose(fit(x, y, start(), GD(LR)).theta, theta, rtol=1e-10, atol=1e-12)


def test_vectorised_and_plain_loop_agree() -> None:
    x, y = sin_data(40)
    vectorised = fit(x, y, start(), GD(1e-4), steps=25).theta
    plain = fit_loop(x.tolist(), y.tolist(), start().tolist(), 1e-4, 25)
    assert np.abs(vectorised - start()).max() > 0.01  # the runs really moved
    np.testing.assert_allclose(plain, vectorised, rtol=0, atol=1e-9)


def test_least_squares_solves_the_normal_equations() -> None:
    x, y = sin_data()
    theta = least_squares(x, y)
    X = features(x)
    np.testing.assert_allclose(X.T @ X @ theta, X.T @ y, atol=1e-8)
    np.testing.assert_allclose(theta, np.polynomial.polynomial.polyfit(x, y, 3), atol=1e-10)
    np.testing.assert_allclose(gradients(theta, x, y), 0, atol=1e-9)
    assert loss(theta, x, y) < loss(theta + np.array([0, 1e-4, 0, 0]), x, y)


def test_curvatures_are_the_eigenvalues_of_2_xtx() -> None:
    x, _ = sin_data()
    lam = curvatures(x)
    s = np.linalg.svd(features(x), compute_uv=False)  # λ_j(2XᵀX) = 2σ_j²
    np.testing.assert_allclose(lam, np.sort(2 * s**2), rtol=1e-10)
    assert np.all(lam > 0)


def test_just_below_the_limit_converges_just_above_diverges() -> None:
    x, y = sin_data()
    limit = 2 / curvatures(x)[-1]
    run = fit(x, y, start(), GD(0.98 * limit), steps=STEPS)
    assert run.losses[-1] < loss(least_squares(x, y), x, y) + 1e-8
    with pytest.raises(DivergenceError, match="lr="):
        fit(x, y, start(), GD(1.02 * limit), steps=STEPS)


def test_predict_and_data() -> None:
    x, _ = sin_data(5)
    np.testing.assert_allclose(x, [-np.pi, -np.pi / 2, 0, np.pi / 2, np.pi])
    np.testing.assert_allclose(predict([1, 2, 3, 4], [2.0]), [1 + 4 + 12 + 32])
    np.testing.assert_array_equal(start(7), np.random.default_rng(7).standard_normal(4))


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: loss([1, 2, 3], [0.0], [0.0]), "theta must hold 4"),
        (lambda: loss([1, 2, 3, 4], [0.0, 1.0], [0.0]), "length mismatch"),
        (lambda: gradients([1, 2, 3, 4], [np.nan], [0.0]), "x contains a non-finite"),
        (lambda: fit([0.0, 1.0], [0.0, 1.0], [0, 0, 0, 0], GD(0)), "lr must be > 0"),
        (lambda: fit_loop([0.0], [0.0], [0, 0, 0, 0], -1.0, 1), "lr must be > 0"),
        (lambda: fit_loop([0.0], [0.0], [0, 0, 0, 0], 0.1, -1), "steps must be"),
        (lambda: fit_loop([0.0], [0.0, 1.0], [0, 0, 0, 0], 0.1, 1), "length mismatch"),
        (lambda: sin_data(1), "n must be an integer"),
        (lambda: features([1.0], degree=-1), "degree must be"),
        (lambda: to_original_x([1.0], 0.0), "s must be > 0"),
        (lambda: least_squares([], []), "x is empty"),
    ],
)
def test_bad_input_raises(call, match) -> None:
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_plain_loop_reports_divergence() -> None:
    x, y = sin_data(20)
    with pytest.raises(ArithmeticError, match="diverged with lr=1"):
        fit_loop(x.tolist(), y.tolist(), [0, 0, 0, 0], 1.0, 200)
