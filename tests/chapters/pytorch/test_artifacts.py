"""Chapter 10 (What PyTorch does): sympy checks of 10.1-10.5, and every table and value
recomputed independently — closed forms and plain numpy loops, never our engine's own output.

The PyTorch columns are read from the committed record; here they are held against these
independent computations (1e-6 for float32 runs, 1e-10 for float64, the record keeping 12
significant digits). `nox -s torch` checks that the record is what PyTorch really returns.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from pages import table_rows as rows

from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch import tables as t
from descent.twins import record as torch_record

V = t.values()
R = torch_record.load()
X, Y = ex.line_data()


def same(lhs, rhs) -> bool:
    return sp.simplify(lhs - rhs) == 0


# ---- plain-loop references ----------------------------------------------------------------


def per_sample(w: float, b: float | None, lr: float, epochs: int) -> tuple[float, float | None]:
    """Per-sample SGD written out with the gradients of equation 10.2."""
    for _ in range(epochs):
        for x_i, y_i in zip(X.tolist(), Y.tolist(), strict=True):
            r = w * x_i + (b or 0.0) - y_i
            w, b = w - lr * 2 * r * x_i, None if b is None else b - lr * 2 * r
    return w, b


def minibatch(orders, lr: float, batch: int) -> tuple[float, float]:
    w, b = ex.W0, ex.B0
    for order in orders:
        for k in range(0, len(order), batch):
            i = np.array(order[k : k + batch])
            r = w * X[i] + b - Y[i]
            w, b = w - lr * np.mean(2 * r * X[i]), b - lr * np.mean(2 * r)
    return w, b


# ---- equations ----------------------------------------------------------------------------

w, b, x, y = sp.symbols("w b x y", real=True)


@pytest.mark.equation("10.1")
def test_eq_10_1():
    Y_ = w**2 + w + b
    assert same(sp.diff(Y_, w), 2 * w + 1)
    assert (2 * w + 1).subs(w, 2) == 2 * 2 + 1 == 5 == float(V["rg_w"])
    assert sp.diff(Y_, b) == 1
    assert int(Y_.subs({w: 2, b: 3})) == float(V["rg_y"])


@pytest.mark.equation("10.2")
def test_eq_10_2():
    r = w * x + b - y
    L = r**2
    assert same(L, (w * x + b - y) ** 2)
    assert same(sp.diff(L, w), 2 * r * sp.diff(r, w))
    assert same(2 * r * sp.diff(r, w), 2 * (w * x + b - y) * x)
    assert same(sp.diff(L, b), 2 * r * sp.diff(r, b))
    assert same(2 * r * sp.diff(r, b), 2 * (w * x + b - y))


@pytest.mark.equation("10.3")
def test_eq_10_3():
    n = 3
    xs, cs = sp.symbols("x1:4", positive=True), sp.symbols("c1:4", positive=True)
    ys = [10 * xi + ci for xi, ci in zip(xs, cs, strict=True)]
    J = sum((w * xi - yi) ** 2 for xi, yi in zip(xs, ys, strict=True)) / n
    dJ = sp.diff(J, w)
    step1 = sp.Rational(2, n) * sum((w * xi - yi) * xi for xi, yi in zip(xs, ys, strict=True))
    sxx, sxy = sum(xi**2 for xi in xs), sum(xi * yi for xi, yi in zip(xs, ys, strict=True))
    assert same(dJ, step1)
    assert same(step1, sp.Rational(2, n) * (w * sxx - sxy))
    w_star = sp.solve(dJ, w)[0]
    assert same(w_star, sxy / sxx)
    assert same(sxy / sxx, sum(xi * (10 * xi + ci) for xi, ci in zip(xs, cs, strict=True)) / sxx)
    assert same(sxy / sxx, 10 + sum(ci * xi for xi, ci in zip(xs, cs, strict=True)) / sxx)


@pytest.mark.equation("10.4")
def test_eq_10_4():
    r = sp.Rational(1, 10) * 1 + sp.Rational(1, 10) - 2
    assert r == sp.Rational(-18, 10) and float(r) == float(V["one_r"])
    grad = 2 * r * 1
    assert grad == sp.Rational(-36, 10) and float(grad) == float(V["one_grad"])
    w1 = sp.Rational(1, 10) - sp.Rational(1, 10) * grad
    assert w1 == sp.Rational(46, 100) and float(w1) == float(V["one_w1"])
    assert float(r**2) == float(V["one_loss"])


@pytest.mark.equation("10.5")
def test_eq_10_5():
    n = 4
    yh, ys = sp.symbols("yh1:5", real=True), sp.symbols("y1:5", real=True)
    mean = sum((a - c) ** 2 for a, c in zip(yh, ys, strict=True)) / n
    total = sum((a - c) ** 2 for a, c in zip(yh, ys, strict=True))
    for a, c in zip(yh, ys, strict=True):
        assert same(sp.diff(mean, a), sp.Rational(1, n) * 2 * (a - c))
        assert same(sp.Rational(1, n) * 2 * (a - c), sp.Rational(2, n) * (a - c))
        assert same(sp.diff(total, a), 2 * (a - c))


# ---- tables and values --------------------------------------------------------------------


def test_requires_grad_table():
    cells = rows(t.table_torch_requires_grad())
    assert [c[0] for c in cells] == ["`y`", "`w.grad`", "`b.grad`"]
    assert cells[0][1] == "`tensor(9., grad_fn=<AddBackward0>)`"
    assert R["requires_grad"]["w.grad"]["value"] == 2 * 2 + 1
    assert R["requires_grad"]["b.grad"]["value"] == 1


def test_graph_table_matches_the_structure_of_y():
    cells = rows(t.table_torch_graph())
    # y = (w² + w) + b: leaf w, square, add (w², w), leaf b, add
    assert [c[2] for c in cells] == ["[]", "[0]", "[1, 0]", "[]", "[2, 3]"]
    assert [c[4] for c in cells] == ["[]", "[0]", "[1, 0]", "[]", "[2, 3]"]
    assert cells[1][3] == "`PowBackward0`" and cells[0][3] == "`AccumulateGrad`"


def test_loss_graph_table_lists_six_torch_nodes_and_eight_of_ours():
    cells = rows(t.table_torch_loss_graph())
    assert len(cells) == 8
    assert sum(1 for c in cells if c[3]) == 6
    assert {c[1] for c in cells} >= {"`1`", "`2`"}  # x = 1 and y = 2 as constant nodes


def test_leaves_table_and_warning():
    cells = rows(t.table_torch_leaves())
    assert [c[1] for c in cells] == ["`True`", "`False`", "`None`"]
    assert [c[3] for c in cells] == ["`True`", "`False`", "`1.0`"]
    assert "not a leaf" in t.table_torch_warning_non_leaf()


def test_zero_grad_and_step_tables_in_float32():
    cells = rows(t.table_torch_zero_grad())
    expected = [-3.6, -3.6, -3.6, -7.2]  # 2(0.1 + 0.1 − 2), then b.grad twice that
    for row, e in zip(cells, expected, strict=True):
        assert abs(float(row[3]) - e) < 1e-6 and float(row[4]) == pytest.approx(e, abs=1e-12)
        assert float(row[3]) == float(np.float32(e))
    step = rows(t.table_torch_optimizer_step())
    assert float(step[2][2]) == pytest.approx(0.1 + 0.1 * 3.6)
    assert abs(R["optimizer_step"]["w after"]["value"] - 0.46) < 1e-6


def test_mse_table():
    d = np.array(ex.MSE_INPUT) - np.array(ex.MSE_TARGET)
    cells = rows(t.table_torch_mse_loss())
    assert float(cells[0][1]) == np.mean(d**2) and float(cells[1][1]) == np.sum(d**2)
    assert cells[0][2] == str((2 * d / len(d)).tolist()) == cells[0][4]
    assert cells[1][2] == str((2 * d).tolist()) == cells[1][4]
    assert cells[2][1] == str((d**2).tolist())


def test_batches_are_a_permutation_and_keep_pairs():
    orders = R["orders"]["orders"]["value"]
    assert len(orders) == ex.BATCH_EPOCHS
    assert all(sorted(o) == list(range(ex.N)) for o in orders)
    for row in rows(t.table_torch_batches()):
        gaps = [float(v) for v in row[4].split(", ")]
        assert all(1.0 <= v <= 2.0 for v in gaps)  # y − 10x = 1 + u, u in [0, 1)


def test_fits_agree_with_plain_loops():
    w_only, _ = per_sample(ex.W0, None, ex.LR, ex.EPOCHS)
    w_wb, b_wb = per_sample(ex.W0, ex.B0, ex.LR, ex.EPOCHS)
    orders = R["orders"]["orders"]["value"]
    w_mb, b_mb = minibatch(orders, ex.BATCH_LR, ex.BATCH_SIZE)
    cells = rows(t.table_torch_fits())
    for row, (wv, bv) in zip(cells, [(w_only, None), (w_wb, b_wb), (w_mb, b_mb)], strict=True):
        assert float(row[2]) == pytest.approx(wv, rel=1e-9)  # PyTorch (10 digits shown)
        assert float(row[3]) == pytest.approx(wv, rel=1e-9)  # descent
        if bv is not None:
            assert float(row[4]) == pytest.approx(bv, rel=1e-9)
            assert float(row[5]) == pytest.approx(bv, rel=1e-9)
    assert R["per_sample_w"]["w"]["value"] == pytest.approx(w_only, rel=1e-10)
    assert R["minibatch"]["b"]["value"] == pytest.approx(b_mb, rel=1e-10)


def test_prose_values():
    w_star = np.sum(X * Y) / np.sum(X * X)
    assert float(V["w_origin"]) == pytest.approx(w_star, rel=1e-5)
    c = Y - 10 * X
    assert float(V["origin_shift"]) == pytest.approx(np.sum(c * X) / np.sum(X * X), rel=1e-3)
    assert float(V["mse_origin"]) == pytest.approx(np.mean((w_star * X - Y) ** 2), rel=1e-3)
    A = np.vstack([X, np.ones_like(X)]).T
    (w_ls, b_ls), *_ = np.linalg.lstsq(A, Y, rcond=None)
    assert float(V["ls_w"]) == pytest.approx(w_ls, rel=1e-5)
    assert float(V["ls_b"]) == pytest.approx(b_ls, rel=1e-5)
    assert float(V["mse_line"]) == pytest.approx(np.mean((w_ls * X + b_ls - Y) ** 2), rel=1e-3)
    assert V["steps_per_sample"] == str(ex.EPOCHS * ex.N)
    assert V["one_grad_f32"] == repr(float(np.float32(-3.6)))


def test_exercise_sum_reduction_equals_mean_with_lr_over_b():
    orders = R["orders"]["orders"]["value"]
    w_mb, b_mb = minibatch(orders, ex.BATCH_LR, ex.BATCH_SIZE)
    assert float(V["sum_lr"]) == ex.BATCH_LR / ex.BATCH_SIZE
    assert float(V["sum_w"]) == pytest.approx(w_mb, rel=1e-9)
    assert float(V["sum_b"]) == pytest.approx(b_mb, rel=1e-9)
    assert float(V["sum_gap"]) < 1e-12
