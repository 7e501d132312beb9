"""The section "Where the rules come from": each identity and limit it states, with sympy, and
the table of the three base limits against the limits themselves."""

from __future__ import annotations

import math

import pytest
import sympy as sp
from pages import table_rows as rows

from descent.chapters.derivatives import tables

x, h, c = sp.symbols("x h c", real=True)
f, g = sp.Function("f"), sp.Function("g")


def quotient(expr):
    return (expr.subs(x, x + h) - expr) / h


def test_sum_and_constant_factor_quotients_split():
    assert sp.simplify(quotient(f(x) + g(x)) - (quotient(f(x)) + quotient(g(x)))) == 0
    assert sp.simplify(quotient(c * f(x)) - c * quotient(f(x))) == 0
    assert quotient(sp.Integer(3)) == 0


@pytest.mark.parametrize("power", range(1, 7))
def test_power_rule_from_the_binomial_expansion(power):
    expanded = sp.expand((x + h) ** power)
    rest = sp.expand(expanded - x**power - power * x ** (power - 1) * h)
    assert all(sp.degree(term, h) >= 2 for term in sp.Add.make_args(rest) if term != 0)
    assert sp.limit(quotient(x**power), h, 0) == power * x ** (power - 1)


def test_reciprocal_and_square_root():
    assert sp.simplify(quotient(1 / x) + 1 / (x * (x + h))) == 0
    xp = sp.symbols("x", positive=True)
    hp = sp.symbols("h", positive=True)
    q = (sp.sqrt(xp + hp) - sp.sqrt(xp)) / hp
    assert sp.simplify(q - 1 / (sp.sqrt(xp + hp) + sp.sqrt(xp))) == 0
    assert sp.limit(q, hp, 0) == 1 / (2 * sp.sqrt(xp))


def test_exp_sin_cos_reduce_to_quotients_at_zero():
    assert sp.simplify(quotient(sp.exp(x)) - sp.exp(x) * (sp.exp(h) - 1) / h) == 0
    sin_split = sp.cos(x) * sp.sin(h) / h + sp.sin(x) * (sp.cos(h) - 1) / h
    cos_split = -sp.sin(x) * sp.sin(h) / h + sp.cos(x) * (sp.cos(h) - 1) / h
    assert sp.simplify(sp.expand_trig(quotient(sp.sin(x))) - sin_split) == 0
    assert sp.simplify(sp.expand_trig(quotient(sp.cos(x))) - cos_split) == 0


def test_the_three_base_limits_and_how_the_third_follows():
    assert sp.limit((sp.exp(h) - 1) / h, h, 0) == 1
    assert sp.limit(sp.sin(h) / h, h, 0) == 1
    assert sp.limit((sp.cos(h) - 1) / h, h, 0) == 0
    third = -sp.sin(h) / h * sp.sin(h) / (1 + sp.cos(h))
    assert sp.simplify(third - (sp.cos(h) - 1) / h) == 0


def test_ln_from_the_inverse_of_exp():
    d = sp.symbols("d")  # d = (ln x)′ unknown: e^{ln x}·d = 1
    xp = sp.symbols("x", positive=True)
    assert sp.solve(sp.exp(sp.log(xp)) * d - 1, d) == [1 / xp]
    assert sp.diff(sp.log(xp), xp) == 1 / xp


def test_base_limit_table_tends_to_the_limits():
    table = rows(tables.table_derivative_base_limits())
    assert [float(r[0]) for r in table] == list(tables.BASE_LIMIT_STEPS)
    for row, step in zip(table, tables.BASE_LIMIT_STEPS, strict=True):
        exp_q, sin_q, cos_q = (float(cell.replace("−", "-")) for cell in row[1:])
        # Taylor: (e^h − 1)/h ≈ 1 + h/2, sin h / h ≈ 1 − h²/6, (cos h − 1)/h ≈ −h/2
        assert exp_q == pytest.approx(1 + step / 2, abs=step**2)
        assert sin_q == pytest.approx(1 - step**2 / 6, abs=step**4 + 1e-8)
        assert cos_q == pytest.approx(-step / 2, abs=step**3 + 1e-8)
        assert exp_q == pytest.approx((math.expm1(step)) / step, abs=1e-8)
