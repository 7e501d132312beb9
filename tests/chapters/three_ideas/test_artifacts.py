"""Tests of chapter 1's tables, values and figures against independent computations."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from matplotlib.figure import Figure

from descent.chapters.three_ideas import figures as figs
from descent.chapters.three_ideas import tables as t

XS = [1.0, 1.1, 1.2, 2.0]
YS = [2.21, 2.431, 2.652, 4.42]


def plain_descent(lr: float, tol: float, w: tuple[float, float] = (1.0, 1.0)):
    """Gradient descent in plain Python: list of (w1, w2, J); 'diverged' at the climbing epoch."""
    w1, w2 = w
    history = []
    for _ in range(10_001):
        errors = [w1 * x + w2 * x * x - y for x, y in zip(XS, YS, strict=True)]
        J = sum(e * e for e in errors) / 8
        if history and J > history[0][2]:
            return history, len(history)
        history.append((w1, w2, J))
        if J < tol:
            return history, None
        w1 -= lr * sum(e * x for e, x in zip(errors, XS, strict=True)) / 4
        w2 -= lr * sum(e * x * x for e, x in zip(errors, XS, strict=True)) / 4
    raise AssertionError("no stop")


def test_samples_table_shows_the_constant_ratio() -> None:
    table = t.table_blackbox_samples()
    for i, (x, y) in enumerate(zip(XS, YS, strict=True)):
        assert Fraction(str(y)) / Fraction(str(x)) == Fraction("2.21")
        assert f"| {i + 1} | {x:.1f} | {y:.3f} | 2.210 |" in table


def test_first_epoch_numbers_are_the_exact_ones() -> None:
    x = [Fraction(s) for s in ("1", "1.1", "1.2", "2")]
    y = [Fraction(s) for s in ("2.21", "2.431", "2.652", "4.42")]
    e = [xi + xi * xi - yi for xi, yi in zip(x, y, strict=True)]  # w = (1, 1)
    J = sum(ei * ei for ei in e) / 8
    g1 = sum(ei * xi for ei, xi in zip(e, x, strict=True)) / 4
    g2 = sum(ei * xi * xi for ei, xi in zip(e, x, strict=True)) / 4
    assert J == Fraction("0.319410625")
    table = t.table_blackbox_first_epochs()
    for number in (J, g1, g2, 1 - g1 / 4, 1 - g2 / 4):
        assert f"{float(number):.6f}" in table
    assert t.values()["j0"] == f"{float(J):.6f}"
    assert t.values()["grad0_w1"] == f"{float(g1):.6f}" == "0.700625"
    assert table.count("$k=") == 3 and "| 4 | 2.0 | 4.420 | 6.0000 | 1.5800 |" in table


def test_exercise_step_starts_from_two_zero() -> None:
    x, y = np.array(XS), np.array(YS)
    e = 2 * x - y
    table = t.table_blackbox_exercise_step()
    assert f"{np.mean(e * e) / 2:.6f}" in table
    assert f"{2 - 0.25 * np.mean(e * x):.6f}" in table
    assert f"{0 - 0.25 * np.mean(e * x * x):.6f}" in table


def test_log_and_values_agree_with_a_plain_loop() -> None:
    history, diverged = plain_descent(0.25, 1e-10)
    assert diverged is None
    log = t.table_blackbox_log()
    last = len(history) - 1
    assert log.splitlines()[-1].startswith(f"| {last} | {history[-1][0]:.6f} |")
    for k in (0, 1, 2, 10, 100, 300):
        w1, w2, _ = history[k]
        assert f"| {k} | {w1:.6f} | {w2:.6f} |" in log
    v = t.values()
    assert v["epochs"] == str(last)
    assert v["w1"] == "2.2100" and v["w2"] == "0.0000"
    assert float(v["w1_long"]) == pytest.approx(history[-1][0], abs=1e-6)
    assert v["rms_tol"] == "1.4 \\times 10^{-5}"  # sqrt(2·10⁻¹⁰) = 1.414·10⁻⁵


def test_loose_stopping_rule() -> None:
    history, _ = plain_descent(0.25, 1e-3)
    v = t.values()
    assert v["loose_epochs"] == str(len(history) - 1)
    assert v["loose_w1"] == f"{history[-1][0]:.4f}" and v["loose_w2"] == f"{history[-1][1]:.4f}"
    assert float(v["loose_j"]) < 1e-3 < history[-2][2]


def test_learning_rate_table() -> None:
    table = t.table_blackbox_learning_rates()
    for lr in t.LRS:
        history, diverged = plain_descent(lr, 1e-10)
        k = diverged if diverged is not None else len(history) - 1
        assert re.search(rf"^\| {lr} \| {k} \|", table, flags=re.M)
    assert t.values()["diverge_k_03"] == "1" and t.values()["diverge_k_029"] == "11"


def test_learning_rate_limit_from_exact_eigenvalues() -> None:
    x = [sp.Rational(s) for s in ("1", "1.1", "1.2", "2")]
    H = sp.Matrix([[sum(a ** (i + j + 2) for a in x) / 4 for j in range(2)] for i in range(2)])
    lam_max = max(H.eigenvals(), key=lambda v: float(v))
    assert t.values()["lr_limit"] == f"{float(2 / lam_max):.3f}"
    assert 0.28 < float(2 / lam_max) < 0.29  # between the last stable and first diverging η


def test_guessing_and_box_tables() -> None:
    table = t.table_guess_number()
    assert table.count("\n") - 2 == 6 and "| 6 | $[37,37]$ | 37 | $g_k = s$ |" in table
    assert t.values()["worst_50"] == str(math.ceil(math.log2(51)))
    assert t.values()["worst_1000"] == str(math.ceil(math.log2(1001)))
    box = t.table_box_target()
    x = 1.0
    for k in range(7):
        assert f"| {k} | {x:.6f} | {2.21 * x:.6f} |" in box
        x -= 0.3 * (2.21 * x - 4)
    assert t.values()["box_x_exact"] == "1.809955"


def test_rifle_misses_halve_each_shot() -> None:
    shots = t.rifle_shots()
    # miss_{k+1} = (I − ηG)·miss_k, and I − 0.6·G = [[0.4, −0.3], [0.3, 0.4]] has norm 0.5
    misses = np.hypot(shots[:, 0], shots[:, 1])
    np.testing.assert_allclose(misses[1:] / misses[:-1], 0.5, rtol=1e-12)


@pytest.mark.parametrize("name", [n for n in dir(figs) if n.startswith("fig_")])
def test_figures_hold_math_not_words(name: str) -> None:
    fig = getattr(figs, name)()
    assert isinstance(fig, Figure)
    texts = [text.get_text() for ax in fig.axes for text in ax.texts]
    texts += [label for ax in fig.axes for label in ax.get_legend_handles_labels()[1]]
    texts += [ax.get_xlabel() for ax in fig.axes] + [ax.get_ylabel() for ax in fig.axes]
    for text in texts:
        assert re.fullmatch(r"(\$[^$]*\$|[0-9.]*)", text), text


def test_loop_diagram_has_the_five_steps() -> None:
    texts = {text.get_text() for text in figs.fig_training_loop().axes[0].texts}
    for needed in (r"$w_0$", r"$\hat y=f(x;w)$", r"$J(w)$", r"$\nabla J$"):
        assert needed in texts
    assert r"$w\leftarrow w-\eta\,\nabla J$" in texts


def test_loss_figure_plots_the_run() -> None:
    lines = figs.fig_blackbox_loss().axes[0].get_lines()
    blue = next(line for line in lines if line.get_label() == r"$\eta=0.25$")
    history, _ = plain_descent(0.25, 1e-10)
    np.testing.assert_allclose(blue.get_ydata(), [J for *_, J in history], rtol=1e-9)
