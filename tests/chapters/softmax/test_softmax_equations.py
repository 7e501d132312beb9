"""Sympy checks of equations 13.1–13.5 on the softmax page, with three classes."""

from __future__ import annotations

import pytest
import sympy as sp

K = 3
z = sp.symbols(f"z0:{K}", real=True)
c = sp.Symbol("c", real=True)
total = sum(sp.exp(v) for v in z)
p = [sp.exp(v) / total for v in z]


def same(lhs: sp.Expr, rhs: sp.Expr) -> bool:
    return sp.simplify(lhs - rhs) == 0


def delta(i: int, j: int) -> int:
    return int(i == j)


@pytest.mark.equation("13.1")
def test_eq_13_1_softmax_sums_to_one_and_generalises_sigma() -> None:
    assert same(sum(p), 1)
    t = sp.Symbol("t", real=True)
    two = sp.exp(t) / (sp.exp(0) + sp.exp(t))
    assert same(two, 1 / (1 + sp.exp(-t)))


@pytest.mark.equation("13.2")
def test_eq_13_2_jacobian_quotient_rule_then_p_i_delta_minus_p_j() -> None:
    for i in range(K):
        for j in range(K):
            quotient = (
                delta(i, j) * sp.exp(z[i]) * total - sp.exp(z[i]) * sp.exp(z[j])
            ) / total**2
            assert same(sp.diff(p[i], z[j]), quotient)
            assert same(quotient, p[i] * (delta(i, j) - p[j]))


@pytest.mark.equation("13.3")
def test_eq_13_3_cross_entropy_is_minus_z_y_plus_log_sum() -> None:
    for y in range(K):
        assert same(sp.expand_log(-sp.log(p[y]), force=True), -z[y] + sp.log(total))
        onehot = [delta(i, y) for i in range(K)]
        assert same(-sum(o * sp.log(pi) for o, pi in zip(onehot, p, strict=True)), -sp.log(p[y]))


@pytest.mark.equation("13.4")
def test_eq_13_4_gradient_is_p_minus_onehot_both_routes() -> None:
    for y in range(K):
        loss = -z[y] + sp.log(total)
        for j in range(K):
            chain = -1 / p[y] * p[y] * (delta(y, j) - p[j])  # route 1: through (13.2)
            assert same(chain, p[j] - delta(j, y))
            assert same(sp.diff(loss, z[j]), p[j] - delta(j, y))  # route 2: from (13.3)


@pytest.mark.equation("13.5")
def test_eq_13_5_log_sum_exp_shift() -> None:
    m = sp.Symbol("m", real=True)
    shifted = m + sp.log(sum(sp.exp(v - m) for v in z))
    assert same(sp.exp(shifted), total)  # same number, so same logarithm
    for i in range(K):
        assert same(sp.exp(z[i] - shifted), p[i])  # ln p_i = z_i − m − ln Σ e^(z_j − m)
    for i in range(K):  # a shift by c changes no probability
        assert same(sp.exp(z[i] + c) / sum(sp.exp(v + c) for v in z), p[i])
