"""Tests for the line-fit tables, values and figures, against independent computations.

Every check recomputes the numbers with plain numpy loops or closed forms (lstsq, the normal
equations), never with the functions that produced the table.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from matplotlib.figure import Figure
from pages import table_rows as rows

from descent.chapters.line_fit import figures, tables
from descent.data import SAMPLE_1_1

X, Y = SAMPLE_1_1.x, SAMPLE_1_1.y


def number(text: str) -> float:
    text = text.strip().strip("$").replace("−", "-")
    m = re.fullmatch(r"(-?[\d.]+)\\times 10\^\{(-?\d+)\}", text)
    return float(m[1]) * 10 ** int(m[2]) if m else float(text)


def close(text: str, value: float, decimals: int) -> None:
    """The printed number equals ``value`` to the precision it is printed with."""
    assert number(text) == pytest.approx(value, abs=0.5 * 10**-decimals + 1e-12), (text, value)


def lstsq(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]


def plain_gd(x, y, lr, steps, start=(0.0, 0.0)) -> np.ndarray:
    w, b, path = *start, [start]
    for _ in range(steps):
        e = w * x + b - y
        w, b = w - lr * 2 * np.mean(e * x), b - lr * 2 * np.mean(e)
        path.append((w, b))
    return np.array(path)


def noisy_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(tables.SEED)
    x = np.arange(1.0, 101)
    return x, 10 * x + rng.uniform(0, 100, 100)


def test_line_fit_gd_table() -> None:
    table = rows(tables.table_line_fit_gd())
    path = plain_gd(X, Y, 0.02, 2000)
    for row, k in zip(table, tables.GD_SHOW, strict=False):
        assert int(row[0]) == k
        for cell, value in zip(row[1:3], path[k], strict=True):
            close(cell, value, 6)
        close(row[3], np.mean((path[k][0] * X + path[k][1] - Y) ** 2), 6)
    w, b = lstsq(X, Y)
    assert table[-1][0] == "$\\ast$"
    close(table[-1][1], w, 6)
    close(table[-1][2], b, 6)
    np.testing.assert_allclose(path[-1], [w, b], atol=1e-7)


def test_per_sample_log_to_its_printed_precision() -> None:
    table = rows(tables.table_per_sample_log())
    assert len(table) == 30
    w, x, y = 1.0, [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]
    for k, row in enumerate(table):
        i = k % 3
        e = w * x[i] - y[i]
        grad = 2 * x[i] * e
        expected = [k // 3 + 1, i + 1, x[i], y[i], w, e, e * e, grad, w - 0.01 * grad]
        for cell, value in zip(row, expected, strict=True):
            close(cell, value, 6)
        w -= 0.01 * grad


def test_sum_vs_mean_table() -> None:
    table = rows(tables.table_sum_vs_mean())
    sxx, sxy = float(X @ X), float(X @ Y)
    w_mean = w_sum = w_small = 0.0
    for row in table:
        close(row[1], w_mean, 6)
        close(row[3], w_small, 6)
        if row[2] != "—":
            close(row[2], w_sum, 6)
        w_mean -= 0.02 * 2 * (w_mean * sxx - sxy) / 10
        w_small -= 0.002 * 2 * (w_small * sxx - sxy)
        w_sum -= 0.02 * 2 * (w_sum * sxx - sxy)
    dashes = [r[0] for r in table if r[2] == "—"]
    assert dashes == ["5", "6"]  # the loss passed 1e12 at step 4
    assert ((-87613.71312 * X - Y) ** 2).sum() > 1e12 > ((6086.4648 * X - Y) ** 2).sum()


def test_input_scaling_table() -> None:
    x, y = noisy_data()
    table = rows(tables.table_input_scaling())
    raw = plain_gd(x, y, 0.1, 2)
    close(table[0][3], raw[2][0], -3)  # printed with 4 significant figures
    assert table[0][2] == "2"
    slow = plain_gd(x, y, 2.5e-4, 1000)[-1]
    close(table[1][3], slow[0], 4)
    close(table[1][4], slow[1], 4)
    mu, sigma = x.mean(), x.std()
    w_s, b_s = plain_gd((x - mu) / sigma, y, 0.1, 100)[-1]
    w, b = lstsq(x, y)
    close(table[2][3], w_s / sigma, 4)
    close(table[2][4], b_s - w_s * mu / sigma, 4)
    close(table[3][3], w, 4)
    close(table[3][4], b, 4)
    close(table[3][5], np.mean((w * x + b - y) ** 2), 4)


def test_shuffle_pairs_table() -> None:
    x, y = noisy_data()
    rng = np.random.default_rng(tables.BATCH_SEED)
    p, q = rng.permutation(100), rng.permutation(100)
    for k, row in enumerate(rows(tables.table_shuffle_pairs())):
        close(row[1], x[p[k]], 4)
        close(row[2], y[p[k]], 2)
        close(row[3], y[p[k]] / x[p[k]], 2)
        close(row[4], y[q[k]], 2)
        close(row[5], y[q[k]] / x[p[k]], 2)


def minibatch_path(x, y, size, steps, seed, separate=False) -> np.ndarray:
    """Mini-batch GD written out: reshuffle every epoch, slice, step on the batch MSE."""
    rng, t, path = np.random.default_rng(seed), np.zeros(2), [np.zeros(2)]
    while len(path) <= steps:
        p = rng.permutation(len(x))
        xs, ys = x[p], y[rng.permutation(len(y)) if separate else p]
        for s in range(0, len(x), size):
            if len(path) > steps:
                break
            xb, yb = xs[s : s + size], ys[s : s + size]
            e = t[0] * xb + t[1] - yb
            t = t - 0.05 * np.array([2 * np.mean(e * xb), 2 * np.mean(e)])
            path.append(t)
    return np.array(path)


def test_batch_noise_table() -> None:
    x, y = noisy_data()
    mu, sigma = x.mean(), x.std()
    xs = (x - mu) / sigma
    w_star, b_star = lstsq(x, y)
    j_star = np.mean((w_star * x + b_star - y) ** 2)
    for row, size in zip(rows(tables.table_batch_noise()), tables.BATCH_SIZES, strict=True):
        path = minibatch_path(xs, y, size, 300, tables.BATCH_SEED)
        losses = np.array([np.mean((w * xs + b - y) ** 2) for w, b in path]) - j_star
        assert (int(row[0]), int(row[1])) == (size, math.ceil(100 / size))
        close(row[2], losses[-100:].mean(), 3)
        close(row[3], losses[-100:].std(), 3)
        close(row[4], path[-1][0] / sigma, 4)
        close(row[5], path[-1][1] - path[-1][0] * mu / sigma, 4)
    means = [number(r[2]) for r in rows(tables.table_batch_noise())]
    assert means == sorted(means, reverse=True)  # smaller batches, noisier floor


def test_shuffle_values() -> None:
    x, y = noisy_data()
    mu, sigma = x.mean(), x.std()
    v = tables.values()
    for name, separate in (("paired", False), ("separate", True)):
        w_s, b_s = minibatch_path((x - mu) / sigma, y, 10, 500, tables.BATCH_SEED, separate)[-1]
        close(v[f"sh_{name}_w"], w_s / sigma, 4)
        close(v[f"sh_{name}_b"], b_s - w_s * mu / sigma, 4)
    assert abs(number(v["sh_separate_w"])) < 1 < number(v["sh_paired_w"]) - 9
    assert number(v["sh_separate_loss"]) > number(v["sh_var_y"]) == pytest.approx(np.var(y))


def test_regularization_table_against_normal_equations() -> None:
    A, n = np.column_stack([X, np.ones_like(X)]), len(X)
    for row, lam in zip(rows(tables.table_regularization()), tables.LAMBDAS, strict=True):
        ridge = np.linalg.solve(A.T @ A / n + np.diag([lam, 0.0]), A.T @ Y / n)
        close(row[1], ridge[0], 6)
        close(row[2], ridge[0], 6)
        # L1 by brute force over w, with b = ȳ − w·x̄ optimal for each w
        grid = np.linspace(-0.5, 2.5, 300001)
        b = Y.mean() - grid * X.mean()
        j1 = ((grid[:, None] * X + b[:, None] - Y) ** 2).mean(axis=1) + lam * np.abs(grid)
        close(row[3], grid[j1.argmin()], 4)
        close(row[4], grid[j1.argmin()], 4)
    last = rows(tables.table_regularization())[-1]
    assert last[3] == last[4] == "0"
    assert number(last[6]) - number(last[5]) > 0.5  # the subgradient method keeps jumping


def test_values_against_independent_computations() -> None:
    v = tables.values()
    w, b = lstsq(X, Y)
    close(v["ls_w"], w, 6)
    close(v["ls_b"], b, 6)
    close(v["gd_j0"], np.mean(Y**2), 2)
    H = 2 * np.array([[np.mean(X**2), X.mean()], [X.mean(), 1]])
    close(v["gd_lr_max"], 2 / max(np.linalg.eigvalsh(H)), 6)
    factor = 0.98 * 0.92 * 0.82
    close(v["toy_factor"], factor, 6)
    close(v["toy_predicted"], 2 - factor**10, 6)
    close(v["toy_w_end"], 2 - factor**10, 6)
    close(v["sm_lr_mse"], 10 / 385, 6)
    close(v["sm_lr_sse"], 1 / 385, 6)
    assert (number(v["sm_factor_mse"]), number(v["sm_factor_sse"])) == pytest.approx(
        (-0.54, -14.4)
    )
    assert v["sm_div_step"] == "4"
    x, y = noisy_data()
    close(v["sc_mean_x2"], np.mean(x**2), 4)
    assert number(v["sc_mean_x2"]) == pytest.approx(101 * 201 / 6)  # (1/n)·Σk² = (n+1)(2n+1)/6
    assert number(v["sc_lr_w"]) == pytest.approx(6 / (101 * 201), rel=1e-3)
    close(v["sc_xy"], np.mean((x - x.mean()) / x.std() * y), 4)
    close(v["sc_ws"], np.mean((x - x.mean()) / x.std() * y), 4)  # eq. 5.7: w' = mean(x'y)
    close(v["sc_bs"], y.mean(), 4)
    s_xx, s_xy = np.var(X), np.cov(X, Y, bias=True)[0, 1]
    close(v["reg_sxx"], s_xx, 4)
    close(v["reg_sxy"], s_xy, 4)
    close(v["reg_l1_zero"], 2 * s_xy, 4)
    ex = {k: number(t) for k, t in v.items() if k.startswith("ex1_")}
    assert [ex["ex1_e2"], ex["ex1_g2"], ex["ex1_w2"]] == pytest.approx([-1.96, -7.84, 1.0984])
    e3 = 1.0984 * 3 - 6
    assert [ex["ex1_e3"], ex["ex1_g3"]] == pytest.approx([e3, 6 * e3])
    close(v["ex1_w3"], 1.0984 - 0.06 * e3, 6)
    mu, sigma = X.mean(), X.std()
    w_s, b_s = plain_gd((X - mu) / sigma, Y, 0.1, 100)[-1]
    close(v["ex3_sigma"], math.sqrt(8.25), 6)
    close(v["ex3_ws"], w_s, 6)
    close(v["ex3_bs"], b_s, 6)
    close(v["ex3_bs"], Y.mean(), 6)
    close(v["ex3_w"], w, 6)
    close(v["ex3_b"], b, 6)


def test_values_are_text_without_ascii_minus() -> None:
    for key, text in tables.values().items():
        assert isinstance(text, str) and "-" not in text.replace("10^{-", ""), key


@pytest.mark.parametrize("name", [n for n in dir(figures) if n.startswith("fig_")])
def test_figures_build(name: str) -> None:
    fig = getattr(figures, name)()
    assert isinstance(fig, Figure)
    assert fig.axes
