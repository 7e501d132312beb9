"""Statements once wrong in the book, guarded: the numbers behind each corrected claim are
recomputed here by plain loops, and the wrong wording is kept off the pages."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from pages import DOCS
from pages import table_rows as rows

from descent.chapters.gradient_descent import tables as gd
from descent.chapters.mistakes import best_step

GD_V = gd.values()
BEST_V = best_step.best_step_values()


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def well_grad(x: float) -> float:
    return 4 * x**3 - 6 * x + 1


# ---- 1. the best constant step on a quadratic is 2/(λ_min + λ_max) -----------------------


def test_best_constant_step_minimises_the_slowest_factor() -> None:
    lo, hi = 3.0, 40.0  # any quadratic: scan η over (0, 2/λ_max)
    etas = np.linspace(1e-4, 2 / hi - 1e-4, 20001)
    worst = np.maximum(abs(1 - etas * lo), abs(1 - etas * hi))
    best = etas[np.argmin(worst)]
    kappa = hi / lo
    assert best == pytest.approx(2 / (lo + hi), abs=1e-4)
    assert worst.min() == pytest.approx((kappa - 1) / (kappa + 1), abs=1e-4)
    assert best_step.worst_factor(1 / hi, lo, hi) == pytest.approx(1 - 1 / kappa)
    with pytest.raises(ValueError, match="lam_min"):
        best_step.worst_factor(0.1, 0.0, 1.0)


def cubic_steps(lr: float) -> int:
    """Plain gradient descent on ‖Xθ − y‖² for the cubic fit of sin(x), to J − J* < 10⁻⁶."""
    x = np.linspace(-math.pi, math.pi, 2000)
    X = np.vander(x, 4, increasing=True)
    y = np.sin(x)
    theta_star = np.linalg.solve(X.T @ X, X.T @ y)
    J = lambda t: float(np.sum((X @ t - y) ** 2))  # noqa: E731
    j_star, theta = J(theta_star), np.zeros(4)
    for k in range(10_000):
        if J(theta) - j_star < 1e-6:
            return k
        theta = theta - lr * 2 * X.T @ (X @ theta - y)
    raise AssertionError("no convergence")


def test_sin_cubic_best_step_against_one_over_lambda_max() -> None:
    x = np.linspace(-math.pi, math.pi, 2000)
    X = np.vander(x, 4, increasing=True)
    lam = np.linalg.eigvalsh(2 * X.T @ X)
    half, best = cubic_steps(1 / lam[-1]), cubic_steps(2 / (lam[0] + lam[-1]))
    assert (BEST_V["cubic_half"], BEST_V["cubic_best"]) == (str(half), str(best))
    assert BEST_V["cubic_kappa"] == str(round(lam[-1] / lam[0]))
    assert best < half  # the claim the page used to get wrong
    table = rows((DOCS / "generated" / "mistakes-best-lr.md").read_text(encoding="utf-8"))
    for row in table[1:]:  # multi-dimensional rows: the best step never loses
        if row[4] != "—" and row[1] != "1":
            assert int(row[5]) < int(row[4]), row


def test_one_over_lambda_max_is_not_called_fastest() -> None:
    for name in ("mistakes.md", "mistakes.en.md"):
        text = page(name)
        assert r"$\eta = 1/\lambda_{\max}$ 附近最快" not in text
        assert r"fastest choice is near $\eta = 1/\lambda_{\max}$" not in text
        assert r"2/(\lambda_{\min} + \lambda_{\max})" in text


# ---- 2. Adam accumulates gradients (momentum) and scales by their RMS (RMSProp) -----------


def test_adam_is_described_as_momentum_plus_rmsprop() -> None:
    for name in ("gradient-descent.md", "gradient-descent.en.md"):
        text = page(name)
        assert "不去累加梯度" not in text and "instead of accumulating gradients" not in text
        assert "RMSProp" in text


# ---- 3. the learning-rate limit is set by the most curved direction, not the steepest ------

CURVATURE_WORDS = re.compile(
    r"弯曲|曲率|特征值|\\lambda|因子|学习率的?(界限|上限)|curv|eigen|factor"
)


@pytest.mark.parametrize(
    "name",
    ["gradient-descent", "line-fit", "sin-cubic", "mistakes", "glossary"],
)
def test_steepest_is_not_used_for_curvature(name: str) -> None:
    texts = [page(f"{name}.md"), page(f"{name}.en.md")]
    if name == "glossary":
        texts = [(DOCS / "generated" / f"glossary-{lang}.md").read_text() for lang in ("zh", "en")]
    for text in texts:
        for sentence in re.split(r"[。；;]|\.\s", text):
            if re.search(r"最陡|steepest|steep direction", sentence):
                assert not CURVATURE_WORDS.search(sentence), sentence[:200]


# ---- 4. basins of attraction: a larger step jumps the hilltop -----------------------------


def test_double_well_first_steps_from_two() -> None:
    x1 = 2 - 0.05 * well_grad(2.0)
    right_min = float(GD_V["well_right"])
    assert GD_V["well_x1"] == f"{x1:.6g}" and x1 < right_min  # past the right-hand minimum
    x, top = 2.0, float(GD_V["well_top"])
    x = x - float(GD_V["jump_lr"]) * well_grad(x)
    assert GD_V["jump_x1"] == f"{x:.6g}" and x < top  # across the hilltop
    for _ in range(99):
        x -= 0.1 * well_grad(x)
    assert GD_V["jump_end"] == f"{x:.6g}" and x == pytest.approx(float(GD_V["well_left"]), 1e-4)


def test_no_nearest_valley_claim() -> None:
    for name in ("gradient-descent", "mistakes"):
        zh, en = page(f"{name}.md"), page(f"{name}.en.md")
        assert not re.search(r"(停在|落进|到)(离起点)?最近的(谷底|那个)", zh)
        assert not re.search(r"(into|in) the nearest valley|the one nearest the start", en)
        assert "吸引盆" in zh and "basin of attraction" in en


# ---- 5. exercise 4.4: Adam equalises by shrinking the large step --------------------------


def test_exercise_4_4_steps() -> None:
    gx, gy = 2 * 3.0, math.sin(2 * 1.0)  # ∇(x² + sin²y) at (3, 1)
    assert GD_V["ex4_gd_dx"] == f"{0.1 * gx:.6g}" and GD_V["ex4_gd_dy"] == f"{0.1 * gy:.6g}"
    assert float(GD_V["ex4_adam_dx"]) == pytest.approx(0.1, abs=1e-8)
    assert float(GD_V["ex4_adam_dy"]) == pytest.approx(0.1, abs=1e-8)
    assert abs(0.1 - 0.1 * gy) < 0.01 < 0.1 * gx - 0.1  # y barely changes, x shrinks six-fold
    for name in ("gradient-descent.md", "gradient-descent.en.md"):
        assert "几乎没动" not in page(name) and "barely moves" not in page(name)
        assert "{{ gradient_descent.ex4_adam_dx }}" in page(name)
