"""Tests for the sin-cubic tables, values and figures: each number recomputed independently
(closed-form iterates, plain numpy loops, eigenvalues from the SVD, np.linalg.cond)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure
from pages import table_rows as rows

from descent.chapters.sin_cubic import figures
from descent.chapters.sin_cubic import tables as chapter

X_DATA = np.linspace(-math.pi, math.pi, 2000)
Y_DATA = np.sin(X_DATA)
X = np.vander(X_DATA, 4, increasing=True)
H = 2 * X.T @ X
THETA_STAR = np.linalg.solve(X.T @ X, X.T @ Y_DATA)  # normal equations, independent of lstsq
J_STAR = float(np.sum((X @ THETA_STAR - Y_DATA) ** 2))
LAM = np.sort(2 * np.linalg.svd(X, compute_uv=False) ** 2)
THETA0 = np.random.default_rng(0).standard_normal(4)


def J(theta: np.ndarray, x: np.ndarray = X) -> float:
    return float(np.sum((x @ theta - Y_DATA) ** 2))


def iterate(k: int, lr: float) -> np.ndarray:
    """θ_k = θ* + (I − lr·H)^k (θ₀ − θ*), the closed form of (6.9)."""
    return THETA_STAR + np.linalg.matrix_power(np.eye(4) - lr * H, k) @ (THETA0 - THETA_STAR)


def number(text: str) -> float:
    """Read back a formatted number, including LaTeX scientific notation."""
    text = text.replace("−", "-").replace(" \\times 10^{", "e").rstrip("}")
    return float(text)


@pytest.fixture(scope="module")
def values() -> dict[str, str]:
    return chapter.values()


def test_formatters() -> None:
    assert chapter.sci(3.5579e-6) == "3.558 \\times 10^{-6}"
    assert chapter.power(0.5, 3) == "1.25 \\times 10^{-1}"
    assert number(chapter.power(0.437878, 2000)) == 0  # underflows as a float, not as text
    assert chapter.power(0.437878, 2000).endswith("10^{-718}")
    assert chapter.poly_text([1.0, -0.5, 0.0, 2.0]) == "1 − 0.5x + 0x^2 + 2x^3"


def test_polynomial_after_2000_steps_matches_closed_form_iterate(values) -> None:
    theta = iterate(2000, 1e-6)
    b, d = round(theta[1], 6), round(theta[3], 6)
    expected = chapter.poly_text(theta)
    assert values["gd_poly"] == expected
    assert f"{b:.6f}".rstrip("0") in expected and f"{-d:.6f}".rstrip("0") in expected
    assert number(values["gd_loss"]) == pytest.approx(J(theta), abs=1e-4)
    assert number(values["gd_gap"]) == pytest.approx(J(theta) - J_STAR, abs=1e-4)


def test_log_table_matches_a_direct_loop() -> None:
    table = rows(chapter.table_sin_cubic_log())
    theta, seen = THETA0.copy(), {}
    for k in range(2001):
        seen[k] = theta.copy()
        r = X @ theta - Y_DATA
        theta = theta - 1e-6 * 2 * (X.T @ r)
    assert [int(r[0]) for r in table] == list(chapter.LOG_STEPS)
    for row in table:
        k = int(row[0])
        np.testing.assert_allclose([number(c) for c in row[1:5]], seen[k], atol=6e-7)
        assert number(row[5]) == pytest.approx(J(seen[k]), abs=1e-4)


def test_fits_table_and_least_squares_values(values) -> None:
    table = rows(chapter.table_sin_cubic_fits())
    for row, theta in zip(table, (THETA0, iterate(2000, 1e-6), THETA_STAR), strict=True):
        np.testing.assert_allclose([number(c) for c in row[1:5]], theta, atol=6e-7)
        assert number(row[5]) == pytest.approx(J(theta), abs=1e-4)
    assert values["ls_poly"] == chapter.poly_text(THETA_STAR)
    assert number(values["ls_loss"]) == pytest.approx(J_STAR, abs=1e-4)
    assert number(values["ls_b"]) == pytest.approx(THETA_STAR[1], abs=1e-4)
    taylor = np.array([0, 1, 0, -1 / 6])
    assert number(values["taylor_loss"]) == pytest.approx(J(taylor), abs=0.05)
    for key, t in zip("abcd", THETA0, strict=True):
        assert number(values[f"start_{key}"]) == pytest.approx(t, abs=5e-5)


def test_curvature_values(values) -> None:
    assert number(values["lam_max"]) == pytest.approx(LAM[-1], abs=0.05)
    assert number(values["lam_min"]) == pytest.approx(LAM[0], abs=0.05)
    assert number(values["kappa"]) == pytest.approx(LAM[-1] / LAM[0], abs=0.05)
    assert number(values["lr_limit"]) == pytest.approx(2 / LAM[-1], rel=1e-3)
    assert number(values["slow_main"]) == pytest.approx(1 - 1e-6 * LAM[0], abs=5e-7)
    assert number(values["slow_main_2000"]) == pytest.approx((1 - 1e-6 * LAM[0]) ** 2000, abs=5e-5)
    rho = 1 - 1.96 / (LAM[-1] / LAM[0])
    assert number(values["slow_below"]) == pytest.approx(rho, abs=5e-7)
    assert int(values["efold_below"]) == round(-1 / math.log(rho))


def test_directions_table_against_svd() -> None:
    table = rows(chapter.table_sin_cubic_directions())
    _, _, Vt = np.linalg.svd(X)  # right singular vectors of X are the eigenvectors of H
    for row, lam in zip(table, LAM, strict=True):
        assert number(row[0]) == pytest.approx(lam, abs=0.05)
        v = np.array([number(c) for c in row[1].strip("()").split(",")])
        match = np.max(np.abs(Vt @ v))  # |cos| with the closest singular vector
        assert match == pytest.approx(1, abs=2e-3)
        assert number(row[2]) == pytest.approx(1 - 1e-6 * lam, abs=5e-7)
        rho = 1 - 0.98 * 2 / LAM[-1] * lam
        assert number(row[4]) == pytest.approx(rho, abs=5e-7)
        exponent = 2000 * math.log10(abs(rho))
        assert row[5].endswith(f"10^{{{math.floor(exponent)}}}$") or row[5] == "$1$"


def test_just_below_and_just_above(values) -> None:
    below = iterate(2000, 0.98 * 2 / LAM[-1])
    assert number(values["below_gap"]) == pytest.approx(J(below) - J_STAR, rel=0.05)
    lr = 1.02 * 2 / LAM[-1]
    k = next(k for k in range(1, 2001) if J(iterate(k, lr)) > 1e12)
    assert values["diverge_step"] == str(k)
    assert f"step {k} " in chapter.table_sin_cubic_divergence()
    assert number(values["top_factor_below"]) == pytest.approx(-0.96)
    assert number(values["top_factor_above"]) == pytest.approx(-1.04)
    assert number(values["top_rho"]) == pytest.approx(1.04)
    # exercise 6.4: the prediction from the steepest direction alone
    _, V = np.linalg.eigh(H)
    z = V[:, -1] @ (THETA0 - THETA_STAR)
    assert number(values["top_z"]) == pytest.approx(abs(z), abs=5e-5)
    predicted = math.ceil(
        math.log((1e12 - J_STAR) / (0.5 * LAM[-1] * z**2)) / (2 * math.log(1.04))
    )
    assert values["predicted_step"] == str(predicted) == str(k)


def steps_to_gap(x: np.ndarray, theta: np.ndarray, lr: float, beta: float = 0.0) -> tuple:
    """A plain heavy-ball / GD loop to J − J* < 10⁻⁶, independent of descend."""
    v = np.zeros(4)
    for k in range(20_001):
        if J(theta, x) < J_STAR + 1e-6:
            return k, theta
        g = 2 * x.T @ (x @ theta - Y_DATA)
        v = beta * v + g if k else g
        theta = theta - lr * v
    raise AssertionError("did not reach the gap")


def test_speed_table_against_plain_loops(values) -> None:
    U = np.vander(X_DATA / np.pi, 4, increasing=True)
    lam_u = np.linalg.eigvalsh(2 * U.T @ U)
    limit = 2 / LAM[-1]
    expected = [
        steps_to_gap(X, THETA0, 1e-6),
        steps_to_gap(X, THETA0, 0.98 * limit),
        steps_to_gap(X, THETA0, 0.98 * limit, beta=0.9),
        steps_to_gap(U, THETA0 * np.pi ** np.arange(4), 0.98 * 2 / lam_u[-1]),
    ]
    expected[3] = (expected[3][0], expected[3][1] / np.pi ** np.arange(4))
    table = rows(chapter.table_sin_cubic_speed())
    keys = ("steps_gd", "steps_below", "steps_momentum", "steps_u")
    for row, (k, theta), key in zip(table, expected, keys, strict=False):
        assert row[4] == values[key] == str(k)
        np.testing.assert_allclose([number(c) for c in row[5:9]], theta, atol=6e-7)
    np.testing.assert_allclose([number(c) for c in table[-1][5:9]], THETA_STAR, atol=6e-7)
    assert number(values["kappa_u"]) == pytest.approx(lam_u[-1] / lam_u[0], abs=0.05)
    assert number(values["lr_limit_u"]) == pytest.approx(2 / lam_u[-1], rel=1e-3)
    dev = max(np.abs(theta - THETA_STAR).max() for _, theta in expected)
    assert number(values["speed_max_dev"]) == pytest.approx(dev, rel=0.5)
    assert dev < 1e-4


def test_zero_start_keeps_a_and_c_at_zero(values) -> None:
    theta = THETA_STAR + np.linalg.matrix_power(np.eye(4) - 1e-6 * H, 2000) @ (-THETA_STAR)
    assert abs(theta[0]) < 1e-12 and abs(theta[2]) < 1e-12
    assert values["zero_poly"] == chapter.poly_text(theta)
    assert number(values["zero_loss"]) == pytest.approx(J(theta), abs=1e-4)
    run = chapter.run_zero_start()
    assert np.abs(run.thetas[:, [0, 2]]).max() < 1e-12


def test_mse_with_n_times_the_rate_takes_the_same_steps(values) -> None:
    np.testing.assert_allclose(chapter.run_mse().thetas, chapter.run_main().thetas, atol=1e-12)
    assert number(values["mse_lr"]) == pytest.approx(2000 * 1e-6)
    assert number(values["mse_lam_max"]) == pytest.approx(LAM[-1] / 2000, abs=0.005)
    assert number(values["mse_limit"]) == pytest.approx(2000 * 2 / LAM[-1], abs=5e-6)


def test_degrees_table_against_condition_numbers() -> None:
    for row in rows(chapter.table_sin_cubic_degrees()):
        m = int(row[0])
        k_x = np.linalg.cond(np.vander(X_DATA, m + 1, increasing=True)) ** 2
        k_u = np.linalg.cond(np.vander(X_DATA / np.pi, m + 1, increasing=True)) ** 2
        assert number(row[1]) == pytest.approx(k_x, abs=0.05)
        assert number(row[2]) == pytest.approx(k_u, abs=0.05)
        assert number(row[3]) == pytest.approx(k_x / k_u, abs=0.06)


@pytest.mark.parametrize("name", ["fit", "threshold", "directions", "speed"])
def test_figures_build(name: str) -> None:
    fig = getattr(figures, f"fig_sin_cubic_{name}")()
    assert isinstance(fig, Figure) and fig.axes
