"""The linear-algebra primer: its numbers against numpy, its equations with sympy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from pages import table_rows as rows

from descent.chapters.linear_algebra import tables as t
from descent.data import SAMPLE_1_1

V = t.values()


def number(text: str) -> float:
    return float(text.replace("−", "-"))


def vector(text: str) -> list[float]:
    return [number(s) for s in text.strip("()").split(",\\ ")]


def test_vectors_and_dot_product_against_numpy():
    u, v = np.array([3.0, 4.0]), np.array([1.0, 2.0])
    assert vector(V["u_plus_v"]) == [4.0, 6.0] and vector(V["two_v"]) == [2.0, 4.0]
    assert number(V["u_len"]) == np.linalg.norm(u) == 5.0
    assert number(V["v_len"]) == pytest.approx(math.sqrt(5), abs=5e-7)
    assert number(V["dot"]) == 11.0
    angle = np.degrees(np.arccos(np.dot(u, v) / np.linalg.norm(u) / np.linalg.norm(v)))
    assert number(V["angle"]) == pytest.approx(angle, abs=0.005)
    assert np.dot(vector(V["u_perp"]), u) == number(V["perp_dot"]) == 0.0


def test_matrix_products_against_numpy():
    A = np.array([[3.0, 1.0], [1.0, 3.0]])
    assert vector(V["av"]) == list(A @ [1.0, 2.0]) == [5.0, 7.0]
    x, y = SAMPLE_1_1.x[:3], SAMPLE_1_1.y[:3]
    pred = 2.0 * x + 0.1
    assert vector(V["pred"]) == pytest.approx(pred, abs=5e-7)
    assert vector(V["err"]) == pytest.approx(pred - y, abs=5e-7)
    assert [number(V[k]) for k in ("g_xx", "g_x1", "g_11")] == [
        (SAMPLE_1_1.x**2).sum(),
        SAMPLE_1_1.x.sum(),
        len(SAMPLE_1_1.x),
    ]


def test_eigen_values_against_numpy():
    assert (number(V["lam_max"]), number(V["lam_min"])) == (4.0, 2.0)
    r = 1 / math.sqrt(2)
    assert vector(V["v_max"]) == pytest.approx([r, r], abs=5e-7)
    assert vector(V["av_max"]) == pytest.approx([4 * r, 4 * r], abs=5e-7)
    X = np.column_stack([SAMPLE_1_1.x, np.ones(10)])
    low, high = np.linalg.eigvalsh(2 * X.T @ X)
    assert number(V["h_max"]) == pytest.approx(high, abs=5e-5)
    assert number(V["h_min"]) == pytest.approx(low, abs=5e-5)
    assert number(V["h_kappa"]) == pytest.approx(high / low, abs=0.05)
    assert number(V["h_lr_limit"]) == pytest.approx(2 / high, abs=5e-7)
    assert number(V["a_lr_limit"]) == 0.5 and number(V["a_kappa"]) == 2.0


def test_curvature_table_is_u_a_u():
    A = np.array([[3.0, 1.0], [1.0, 3.0]])
    table = rows(t.table_la_curvature())
    assert [r[0] for r in table] == [f"{d}°" for d in t.ANGLES]
    for row, deg in zip(table, t.ANGLES, strict=True):
        u = np.array([math.cos(math.radians(deg)), math.sin(math.radians(deg))])
        assert number(row[2]) == pytest.approx(u @ A @ u, abs=5e-7)
        assert 2.0 <= number(row[2]) <= 4.0


a, b, d, lam, t_, c1, c2 = sp.symbols("a b d lambda t c1 c2", real=True)


@pytest.mark.equation("A.1")
def test_eq_a_1_eigenvalues_of_a_symmetric_2x2():
    M = sp.Matrix([[a - lam, b], [b, d - lam]])
    steps = [M.det(), (a - lam) * (d - lam) - b**2, lam**2 - (a + d) * lam + (a * d - b**2)]
    assert all(sp.expand(s - steps[0]) == 0 for s in steps)
    root = sp.sqrt(((a - d) / 2) ** 2 + b**2)
    for sign in (1, -1):
        assert sp.simplify(steps[-1].subs(lam, (a + d) / 2 + sign * root)) == 0
    assert sp.expand(((a - d) / 2) ** 2 + b**2 - ((a + d) ** 2 / 4 - (a * d - b**2))) == 0


@pytest.mark.equation("A.2")
def test_eq_a_2_curvature_along_a_direction():
    A = sp.Matrix([[a, b], [b, d]])
    u = sp.Matrix(sp.symbols("u1 u2", real=True))
    J = (t_ * u).T * A * (t_ * u) / 2
    assert sp.expand(J[0] - t_**2 * (u.T * A * u)[0] / 2) == 0
    assert sp.expand(sp.diff(J[0], t_, 2) - (u.T * A * u)[0]) == 0
    # any symmetric A is λ₁v₁v₁ᵀ + λ₂v₂v₂ᵀ with perpendicular unit v₁, v₂ at some angle α:
    # in u = c₁v₁ + c₂v₂ the cross terms vanish
    alpha, l1, l2 = sp.symbols("alpha lambda1 lambda2", real=True)
    v1 = sp.Matrix([sp.cos(alpha), sp.sin(alpha)])
    v2 = sp.Matrix([-sp.sin(alpha), sp.cos(alpha)])
    A_ = l1 * v1 * v1.T + l2 * v2 * v2.T
    assert sp.simplify(A_ * v1 - l1 * v1) == sp.zeros(2, 1)
    w = c1 * v1 + c2 * v2
    assert sp.simplify((w.T * A_ * w)[0] - (l1 * c1**2 + l2 * c2**2)) == 0
