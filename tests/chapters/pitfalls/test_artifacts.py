"""Chapter 11 (Pitfalls, executed): sympy checks of 11.1-11.5, and every table and value
recomputed independently with plain numpy loops (the PyTorch columns come from the committed
record; `nox -s torch` checks that record against PyTorch itself)."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from pages import table_rows as rows

from descent.chapters.pitfalls import examples as pf
from descent.chapters.pitfalls import tables as t
from descent.chapters.pytorch import examples as ex
from descent.twins import record as torch_record

V = t.values()
R = torch_record.load()
X, Y = ex.line_data()


def same(lhs, rhs) -> bool:
    return sp.simplify(lhs - rhs) == 0


def full_batch_loop(lr: float, steps: int, reduction: str = "mean", zero_grad: bool = True):
    """Batch gradient descent written out; without zero_grad the gradients are summed up."""
    w, b, acc, losses = ex.W0, ex.B0, np.zeros(2), []
    scale = 1.0 if reduction == "sum" else 1.0 / len(X)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            r = w * X + b - Y
            losses.append(scale * np.sum(r**2))
            g = scale * np.array([np.sum(2 * r * X), np.sum(2 * r)])
            acc = g if zero_grad else acc + g  # equation 11.1
            w, b = w - lr * acc[0], b - lr * acc[1]
    return np.array(losses)


# ---- equations ----------------------------------------------------------------------------


@pytest.mark.equation("11.1")
def test_eq_11_1():
    g = sp.symbols("g1:6")
    tilde = [g[0]]
    for k in range(1, len(g)):
        tilde.append(tilde[-1] + g[k])  # .grad += g_k
        assert same(tilde[k], sum(g[: k + 1]))
        if k >= 2:
            assert same(tilde[k], tilde[k - 2] + g[k - 1] + g[k])


@pytest.mark.equation("11.2")
def test_eq_11_2():
    a = sp.symbols("a", real=True)
    assert sp.diff(a + a, a) == 1 + 1 == 2
    assert same(sp.diff(a * a, a), a + a) and same(a + a, 2 * a)
    assert same(sp.diff(a * a + a, a), (a + a) + 1) and same((a + a) + 1, 2 * a + 1)


@pytest.mark.equation("11.3")
def test_eq_11_3():
    n = 4
    theta, eta = sp.symbols("theta eta", real=True)
    r = [theta * sp.Symbol(f"x{i}") - sp.Symbol(f"y{i}") for i in range(n)]
    J_sum, J_mean = sum(ri**2 for ri in r), sum(ri**2 for ri in r) / n
    assert same(sp.diff(J_sum, theta), n * sp.diff(J_mean, theta))
    assert same(theta - eta * sp.diff(J_sum, theta), theta - (n * eta) * sp.diff(J_mean, theta))


@pytest.mark.equation("11.4")
def test_eq_11_4():
    assert sp.Integer(2) ** 26 == 67108864 <= 10**8 < 134217728 == sp.Integer(2) ** 27
    assert sp.Integer(2) ** (26 - 23) == 8
    spacing = np.spacing(np.float32(1e8))
    assert spacing == 8 and np.float32(1e8) + np.float32(1) == np.float32(1e8)


@pytest.mark.equation("11.5")
def test_eq_11_5():
    i, j = sp.symbols("i j", integer=True)
    total = sp.summation(sp.summation((i - j) ** 2, (i, 1, 3)), (j, 1, 3))
    assert total == 0 + 1 + 4 + 1 + 0 + 1 + 4 + 1 + 0 == 12
    assert sp.Rational(total, 9) == sp.Rational(4, 3)


# ---- tables and values --------------------------------------------------------------------


def test_backward_again_table():
    cells = rows(t.table_torch_backward_again())
    for k, row in enumerate(cells, start=1):
        assert [float(v) for v in row[1:]] == [5.0 * k, 5.0 * k, 1.0 * k, 1.0 * k]
    assert "retain_graph=True" in t.table_torch_error_backward()


def test_no_zero_grad_table_against_a_plain_loop():
    with_zero = full_batch_loop(pf.FULL_LR, pf.FULL_STEPS)
    without = full_batch_loop(pf.FULL_LR, pf.FULL_STEPS, zero_grad=False)
    for row in rows(t.table_torch_no_zero_grad()):
        k = int(row[0])
        for cell, ref in zip(row[1:], [with_zero[k]] * 2 + [without[k]] * 2, strict=True):
            assert float(cell) == pytest.approx(ref, rel=1e-7)  # 8 digits shown
    assert float(V["full_loss_end"]) == pytest.approx(with_zero[-1], rel=1e-3)
    assert float(V["no_zero_max"]) == pytest.approx(without[-100:].max(), rel=1e-3)
    assert float(V["no_zero_min"]) == pytest.approx(without[-100:].min(), rel=1e-3)
    assert float(V["no_zero_end"]) == pytest.approx(without[-1], rel=1e-3)
    np.testing.assert_allclose(R["no_zero_grad"]["loss"]["value"], without, rtol=1e-10)


def test_used_twice_table():
    cells = rows(t.table_torch_used_twice())
    a = pf.TWICE_A
    assert [[float(c) for c in r[1:4]] for r in cells] == [[2, 2, 2], [2 * a] * 3, [2 * a + 1] * 3]
    assert [float(r[4]) for r in cells] == [1.0, a, a]  # only the last path survives


def test_sum_vs_mean_against_a_plain_loop():
    mean = full_batch_loop(pf.FULL_LR, pf.SUM_STEPS)
    total = full_batch_loop(pf.FULL_LR, pf.SUM_STEPS, reduction="sum")
    k = int(V["sum_inf_step"])
    assert np.isfinite(total[k - 1]) and math.isinf(total[k])
    for row in rows(t.table_torch_sum_vs_mean()):
        s = int(row[0])
        assert float(row[1]) == pytest.approx(mean[s], rel=1e-5)
        assert float(row[3]) == pytest.approx(total[s], rel=1e-5)
        assert row[4] == "—" if s >= k else float(row[4]) == pytest.approx(total[s], rel=1e-5)
    assert float(V["sum_factor"]) == pytest.approx(total[1] / total[0], rel=1e-2)
    assert "OverflowError" in t.table_scratch_error_sum()
    w = ex.W0
    b = ex.B0
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(pf.SUM_STEPS):
            r = w * X + b - Y
            w, b = w - pf.FULL_LR * np.sum(2 * r * X), b - pf.FULL_LR * np.sum(2 * r)
    assert np.isfinite(w) and float(V["sum_w_end"]) == pytest.approx(w, rel=1e-2)
    assert V["n_steps"] == str(pf.SUM_STEPS)


def test_float32_table():
    cells = {r[0]: r[1:] for r in rows(t.table_torch_float32())}
    assert cells["`0.1, float32`"] == [repr(float(np.float32(0.1)))] * 2
    assert cells["`(1e8 + 1) - 1e8, float32`"] == ["0.0", "0.0"]
    w = np.float32(ex.W0)
    for _ in range(ex.EPOCHS):
        for x_i, y_i in zip(X.astype(np.float32), Y.astype(np.float32), strict=True):
            w = w - np.float32(ex.LR) * (np.float32(2) * (w * x_i - y_i) * x_i)
    assert abs(float(cells["$w$, float32"][0]) - float(w)) < 1e-6 * abs(float(w))
    assert float(V["w32_gap"]) == pytest.approx(abs(float(w) - float(V["w64"])), rel=0.1)
    assert "same dtype" in t.table_torch_error_dtype()


def test_rebind_tables():
    cells = rows(t.table_scratch_rebind())
    assert [(int(k), int(n)) for k, n in cells] == [
        (k, 6 + 2 * (k - 1)) for k in (1, 2, 3, 10, 100)
    ]
    assert V["nodes_100"] == str(6 + 2 * 99)
    text = t.table_torch_rebind()
    assert "SubBackward0" in text and "NoneType" in text and "in-place" in text
    w = ex.W0
    for _ in range(3):
        w -= 0.1 * 2 * (w * ex.ONE_X - ex.ONE_Y) * ex.ONE_X
    assert float(V["no_grad_w"]) == pytest.approx(w, rel=1e-4)
    assert float(V["rebind_w1"]) == pytest.approx(ex.W0 - 0.1 * 2 * (ex.W0 - 2.0))


def test_shape_mismatch():
    assert float(V["broadcast_loss"]) == pytest.approx(4 / 3, rel=1e-4)
    cells = rows(t.table_torch_shape_mismatch())
    assert cells[0][2] == "`ValueError`" and cells[1][2] == "0"
    assert "different to the input size" in t.table_torch_warning_shape()


def test_exercise_values():
    assert float(V["lr_sum_safe"]) == pf.FULL_LR / len(X)
    mean = full_batch_loop(pf.FULL_LR, pf.FULL_STEPS)
    fixed = full_batch_loop(pf.FULL_LR / len(X), pf.FULL_STEPS, reduction="sum")
    assert np.max(np.abs(fixed / len(X) - mean) / mean) < 1e-12
    assert float(V["sum_fixed_gap"]) < 1e-12
    k = next(k for k in range(1, 100) if np.float32(1e8 + k) != np.float32(1e8))
    assert V["f32_k"] == str(k) == "5"
    assert float(V["cube_right"]) == 3 * pf.TWICE_A**2
    assert float(V["cube_wrong"]) == pf.TWICE_A**2  # the last edge a → p, a·a, overwrote
