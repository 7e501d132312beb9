"""Sympy checks of equations 12.1–12.7 on the neuron page."""

from __future__ import annotations

import pytest
import sympy as sp

w1, w2, x1, x2, b, z = sp.symbols("w_1 w_2 x_1 x_2 b z", real=True)
p = sp.Symbol("p", positive=True)  # ŷ, strictly between 0 and 1 where the logs are taken
sigma = 1 / (1 + sp.exp(-z))
Z = w1 * x1 + w2 * x2 + b


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    return sp.simplify(lhs - rhs) == 0


@pytest.mark.equation("12.1")
def test_eq_12_1_forward_at_the_worked_point() -> None:
    point = {w1: 2, w2: -3, b: -3, x1: -1, x2: -2}
    assert Z.subs(point) == 1
    assert same(sigma.subs(z, Z.subs(point)), 1 / (1 + sp.exp(-1)))


@pytest.mark.equation("12.2")
def test_eq_12_2_every_gradient_is_sigma_prime_times_the_other_factor() -> None:
    f = sigma.subs(z, Z)
    s_prime = sp.diff(sigma, z).subs(z, Z)
    assert same(s_prime, f * (1 - f))  # σ' = σ(1 − σ)
    for var, other in ((w1, x1), (w2, x2), (x1, w1), (x2, w2), (b, 1)):
        assert same(sp.diff(f, var), s_prime * other)


@pytest.mark.equation("12.3")
def test_eq_12_3_bce_is_minus_log_of_the_bernoulli_likelihood() -> None:
    bce = lambda y: -(y * sp.log(p) + (1 - y) * sp.log(1 - p))  # noqa: E731
    likelihood = lambda y: p**y * (1 - p) ** (1 - y)  # noqa: E731
    for y in (0, 1):
        assert likelihood(y) == (p if y == 1 else 1 - p)
        assert same(-sp.log(likelihood(y)), bce(y))
    y = sp.Symbol("y")
    assert same(sp.expand_log(-sp.log(likelihood(y)), force=True), sp.expand(bce(y)))


@pytest.mark.equation("12.4")
def test_eq_12_4_bce_gradient_through_sigma_collapses() -> None:
    y = sp.Symbol("y", real=True)
    dl_dp = sp.diff(-(y * sp.log(p) + (1 - y) * sp.log(1 - p)), p)
    assert same(dl_dp, -y / p + (1 - y) / (1 - p))  # the bracket on the page
    assert same(dl_dp * p * (1 - p), p - y)  # times σ' = ŷ(1 − ŷ)
    loss = -(y * sp.log(sigma) + (1 - y) * sp.log(1 - sigma))
    assert same(sp.diff(loss, z), sigma - y)  # the whole chain at once, in z


@pytest.mark.equation("12.5")
def test_eq_12_5_mse_gradient_keeps_sigma_prime() -> None:
    y = sp.Symbol("y", real=True)
    grad = sp.diff((sigma - y) ** 2 / 2, z)
    assert same(grad, (sigma - y) * sp.diff(sigma, z))
    assert same(grad, (sigma - y) * sigma * (1 - sigma))
    assert sp.limit(grad.subs(y, 1), z, -sp.oo) == 0  # saturated and wrong: no push
    assert sp.limit(sp.diff(-sp.log(sigma), z), z, -sp.oo) == -1  # BCE, y = 1: full push


@pytest.mark.equation("12.6")
def test_eq_12_6_batch_gradient_in_matrix_form() -> None:
    n, d = 3, 2
    X = sp.Matrix(n, d, sp.symbols(f"x0:{n * d}", real=True))
    y = sp.Matrix(sp.symbols(f"y0:{n}", real=True))
    w = sp.Matrix(sp.symbols(f"w0:{d}", real=True))
    zs = X * w + sp.ones(n, 1) * b
    J = (
        sum(
            -(y[i] * sp.log(sigma.subs(z, zs[i])) + (1 - y[i]) * sp.log(1 - sigma.subs(z, zs[i])))
            for i in range(n)
        )
        / n
    )
    r = sp.Matrix([sigma.subs(z, zs[i]) - y[i] for i in range(n)])
    grad_w = X.T * r / n
    for j in range(d):
        assert same(sp.diff(J, w[j]), grad_w[j])
    assert same(sp.diff(J, b), sum(r) / n)


@pytest.mark.equation("12.7")
def test_eq_12_7_hessian_is_xt_s_x_and_a_sum_of_squares() -> None:
    n = 2
    xs = sp.symbols(f"a0:{n}", real=True)  # one feature per sample
    ys = sp.symbols(f"y0:{n}", real=True)
    w = sp.Symbol("w", real=True)
    zs = [w * xi + b for xi in xs]
    J = (
        sum(
            -(yi * sp.log(sigma.subs(z, zi)) + (1 - yi) * sp.log(1 - sigma.subs(z, zi)))
            for xi, yi, zi in zip(xs, ys, zs, strict=True)
        )
        / n
    )
    H = sp.hessian(J, (w, b))
    Xt = sp.Matrix([[xi, 1] for xi in xs])
    S = sp.diag(*[(sigma * (1 - sigma)).subs(z, zi) for zi in zs])
    assert all(same(e, 0) for e in H - Xt.T * S * Xt / n)
    v = sp.Matrix(sp.symbols("v0:2", real=True))
    quad = (
        sum(
            ((sigma * (1 - sigma)).subs(z, zi) * (Xt[i, :] * v)[0] ** 2) for i, zi in enumerate(zs)
        )
        / n
    )
    assert same((v.T * H * v)[0], quad)
