"""Runs, tables and named numbers of the chapter fitting sin(x) with a cubic (``sin_cubic.<key>``).

The run functions here are the chapter's experiments; the figures draw from them too.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from descent.build.table import fmt, markdown_table
from descent.optim import GD, DivergenceError, Momentum, Run, descend
from descent.polyfit import (
    LR,
    STEPS,
    curvatures,
    fit,
    gradients,
    hessian,
    least_squares,
    loss,
    sin_data,
    start,
    to_original_x,
)

# The chapter's givens: 2% below and above the limit 2/λ_max, the rescaling u = x/π,
# momentum β = 0.9, and the finish line J − J* < 10⁻⁶ for the speed comparison.
BELOW, ABOVE = 0.98, 1.02
SCALE = math.pi
BETA = 0.9
GAP = 1e-6
MAX_STEPS = 20_000
LOG_STEPS = (0, 1, 10, 100, 500, 1000, 2000)
DEGREES = (1, 2, 3, 4, 5)


def sci(value: float, digits: int = 4) -> str:
    """Format ``value`` for MathJax as m × 10^e with ``digits`` significant digits.

    >>> sci(0.00025), sci(-1500.0, 2), sci(3.0)
    ('2.5 \\\\times 10^{-4}', '−1.5 \\\\times 10^{3}', '3')
    """
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".").replace("-", "−")
    e = int(exponent)
    return mantissa if e == 0 else f"{mantissa} \\times 10^{{{e}}}"


def power(rho: float, k: int) -> str:
    """Format |ρ|^k in scientific notation through logarithms, so tiny powers do not underflow.

    >>> power(-0.5, 2), power(0.1, 400)
    ('2.5 \\\\times 10^{-1}', '1 \\\\times 10^{-400}')
    """
    exponent = k * math.log10(abs(rho))
    e = math.floor(exponent)
    mantissa = round(10 ** (exponent - e), 2)
    if mantissa >= 10:  # rounding carried into the next power of ten
        mantissa, e = mantissa / 10, e + 1
    return fmt(mantissa, 2) + ("" if e == 0 else f" \\times 10^{{{e}}}")


def poly_text(theta: np.ndarray, var: str = "x", digits: int = 6) -> str:
    """Write a + b·x + c·x² + d·x³ as LaTeX with signs folded in.

    >>> poly_text([0.5, -2.0, 0.0, 0.25])
    '0.5 − 2x + 0x^2 + 0.25x^3'
    """
    powers = ["", var, f"{var}^2", f"{var}^3"]
    text = fmt(theta[0], digits)
    for t, p in zip(theta[1:], powers[1:], strict=True):
        sign = "−" if fmt(t, digits).startswith("−") else "+"
        text += f" {sign} {fmt(abs(t), digits)}{p}"
    return text


@cache
def _data() -> tuple[np.ndarray, np.ndarray]:
    return sin_data()


@cache
def theta_star() -> np.ndarray:
    """θ* of the 2000 points, from np.linalg.lstsq."""
    return least_squares(*_data())


@cache
def limit() -> float:
    """2/λ_max: the largest learning rate plain descent tolerates on these 2000 points."""
    return 2 / curvatures(_data()[0])[-1]


@cache
def run_main() -> Run:
    """The chapter's run: η = 10⁻⁶, 2000 steps from the seeded start."""
    return fit(*_data(), start(), GD(LR), steps=STEPS)


@cache
def run_below() -> Run:
    """Plain descent 2% below the limit, 2000 steps."""
    return fit(*_data(), start(), GD(BELOW * limit()), steps=STEPS)


@cache
def run_above() -> DivergenceError:
    """Plain descent 2% above the limit: the DivergenceError it raises (``run`` holds the path)."""
    try:
        fit(*_data(), start(), GD(ABOVE * limit()), steps=STEPS)
    except DivergenceError as error:
        return error
    raise AssertionError("descent above 2/λ_max did not diverge")


@cache
def run_zero_start() -> Run:
    """Exercise: the same descent from a = b = c = d = 0."""
    return fit(*_data(), np.zeros(4), GD(LR), steps=STEPS)


@cache
def run_mse() -> Run:
    """Exercise: J/n (the MSE) with η = n·10⁻⁶, using the per-coefficient gradients."""
    x, y = _data()
    n = len(x)
    return descend(
        lambda t: loss(t, x, y) / n,
        lambda t: gradients(t, x, y) / n,
        start(),
        GD(n * LR),
        steps=STEPS,
    )


@cache
def speed_runs() -> list[tuple[str, float, float, float, Run, np.ndarray]]:
    """The four ways to J − J* < 10⁻⁶: (features, β, η, κ, run, θ in x) for each."""
    x, y = _data()
    u = x / SCALE
    target = loss(theta_star(), x, y) + GAP
    lam, lam_u = curvatures(x), curvatures(u)
    kappa, kappa_u = lam[-1] / lam[0], lam_u[-1] / lam_u[0]
    lr, lr_u = BELOW * limit(), BELOW * 2 / lam_u[-1]
    start_u = start() * SCALE ** np.arange(4)  # the same starting curve, written in u
    out = []
    for name, feats, beta, eta, k, theta0 in (
        ("x", x, 0.0, LR, kappa, start()),
        ("x", x, 0.0, lr, kappa, start()),
        ("x", x, BETA, lr, kappa, start()),
        ("u", u, 0.0, lr_u, kappa_u, start_u),
    ):
        opt = Momentum(eta, beta) if beta else GD(eta)
        run = fit(feats, y, theta0, opt, steps=MAX_STEPS, stop_below=target)
        theta_x = to_original_x(run.theta, SCALE) if name == "u" else run.theta
        out.append((name, beta, eta, k, run, theta_x))
    return out


@cache
def directions() -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues λ_j of H (smallest first) and unit eigenvectors (columns, largest entry > 0)."""
    lam, V = np.linalg.eigh(hessian(_data()[0]))
    signs = np.sign(V[np.argmax(np.abs(V), axis=0), np.arange(4)])
    return lam, V * signs


def predicted_divergence_step() -> int:
    """Exercise 6.4: the first k where J* + ½λ_max·z²·ρ^(2k) passes descend's limit 10¹²."""
    x, y = _data()
    lam, V = directions()
    z_top = (V.T @ (start() - theta_star()))[-1]  # the start's offset along the top direction
    rho_top = abs(1 - ABOVE * limit() * lam[-1])
    ratio = (1e12 - loss(theta_star(), x, y)) / (0.5 * lam[-1] * z_top**2)
    return math.ceil(math.log(ratio) / (2 * math.log(rho_top)))


def table_sin_cubic_log() -> str:
    """θ_k and J(θ_k) along the run with η = 10⁻⁶."""
    run = run_main()
    rows = [[str(k), *(fmt(t, 6) for t in run.thetas[k]), fmt(run.losses[k])] for k in LOG_STEPS]
    return markdown_table(["$k$", "$a$", "$b$", "$c$", "$d$", "$J$"], rows)


def table_sin_cubic_fits() -> str:
    """Start, descent after 2000 steps, and the least-squares cubic, with their losses."""
    x, y = _data()
    rows = []
    for label, theta in (
        ("$\\theta_0$", start()),
        ("$\\theta_{2000}$", run_main().theta),
        ("$\\theta^*$", theta_star()),
    ):
        rows.append([label, *(fmt(t, 6) for t in theta), fmt(loss(theta, x, y))])
    return markdown_table(["", "$a$", "$b$", "$c$", "$d$", "$J$"], rows)


def table_sin_cubic_directions() -> str:
    """Eigen-directions of H and how much one step and 2000 steps shrink each, for two η."""
    lam, V = directions()
    rows = []
    for j in range(4):
        row = [fmt(lam[j], 1), "(" + ", ".join(fmt(v, 3) for v in V[:, j]) + ")"]
        for eta in (LR, BELOW * limit()):
            rho = 1 - eta * lam[j]
            row += [fmt(rho, 6), f"${power(rho, STEPS)}$"]
        rows.append(row)
    headers = ["$\\lambda_j$", "$v_j$", "$1-\\eta\\lambda_j$", "$\\lvert\\cdot\\rvert^{2000}$"]
    return markdown_table(headers + headers[2:], rows)


def table_sin_cubic_speed() -> str:
    """Steps to J − J* < 10⁻⁶ for plain descent, momentum and rescaled x, with θ in x."""
    rows = []
    for name, beta, eta, kappa, run, theta in speed_runs():
        feats = "$x$" if name == "x" else "$u = x/\\pi$"
        cells = [feats, fmt(beta, 1), f"${sci(eta)}$", fmt(kappa, 1), str(run.steps)]
        rows.append(cells + [fmt(t, 6) for t in theta])
    theta = theta_star()
    rows.append(["$\\theta^*$", "", "", "", "", *(fmt(t, 6) for t in theta)])
    return markdown_table(
        ["", "$\\beta$", "$\\eta$", "$\\kappa$", "$k$", "$a$", "$b$", "$c$", "$d$"], rows
    )


def table_sin_cubic_degrees() -> str:
    """Exercise: the condition number κ of H for degrees 1–5, on x and on u = x/π."""
    x = _data()[0]
    rows = []
    for degree in DEGREES:
        k_x, k_u = (
            lam[-1] / lam[0] for lam in (curvatures(x, degree), curvatures(x / SCALE, degree))
        )
        rows.append([str(degree), fmt(k_x, 1), fmt(k_u, 1), fmt(k_x / k_u, 1)])
    headers = ["$m$", "$\\kappa_x$", "$\\kappa_u$", "$\\kappa_x/\\kappa_u$"]
    return markdown_table(headers, rows)


def values() -> dict[str, str]:
    """Named numbers used in the prose of sin-cubic.md and sin-cubic.en.md."""
    x, y = _data()
    theta0, theta_s, main = start(), theta_star(), run_main()
    J_star = loss(theta_s, x, y)
    lam, V = directions()
    kappa = lam[-1] / lam[0]
    lam_u = curvatures(x / SCALE)
    below, above = run_below(), run_above()
    rho_slow = 1 - BELOW * limit() * lam[0]  # = 1 − 1.96/κ
    z0 = V.T @ (theta0 - theta_s)  # start's error along each eigen-direction
    rho_top = abs(1 - ABOVE * limit() * lam[-1])
    predicted = predicted_divergence_step()
    steps = [run.steps for *_, run, _ in speed_runs()]
    zero, n = run_zero_start(), len(x)
    out = {f"start_{k}": fmt(t, 4) for k, t in zip("abcd", theta0, strict=True)}
    out |= {
        "start_loss": fmt(loss(theta0, x, y), 1),
        "gd_poly": poly_text(main.theta),
        "gd_loss": fmt(main.losses[-1]),
        "gd_gap": fmt(main.losses[-1] - J_star),
        "ls_poly": poly_text(theta_s),
        "ls_loss": fmt(J_star),
        "ls_b": fmt(theta_s[1], 4),
        "ls_d": fmt(theta_s[3], 4),
        "taylor_loss": fmt(loss([0.0, 1.0, 0.0, -1 / 6], x, y), 1),
        "lam_min": fmt(lam[0], 1),
        "lam_max": fmt(lam[-1], 1),
        "kappa": fmt(kappa, 1),
        "lr_limit": sci(limit()),
        "lr_ratio": fmt(limit() / LR, 2),
        "slow_main": fmt(1 - LR * lam[0], 6),
        "slow_main_2000": fmt((1 - LR * lam[0]) ** STEPS, 4),
        "lr_below": sci(BELOW * limit()),
        "lr_above": sci(ABOVE * limit()),
        "below_gap": sci(below.losses[-1] - J_star, 2),
        "slow_below": fmt(rho_slow, 6),
        "efold_below": fmt(-1 / math.log(rho_slow), 0),
        "diverge_step": str(above.run.steps),
        "kappa_u": fmt(lam_u[-1] / lam_u[0], 1),
        "lam_max_u": fmt(lam_u[-1], 1),
        "lr_limit_u": sci(2 / lam_u[-1]),
        "steps_gd": str(steps[0]),
        "steps_below": str(steps[1]),
        "steps_momentum": str(steps[2]),
        "steps_u": str(steps[3]),
        "zero_poly": poly_text(zero.theta),
        "zero_loss": fmt(zero.losses[-1]),
        "mse_lr": fmt(n * LR, 6),
        "mse_lam_max": fmt(lam[-1] / n, 2),
        "mse_limit": fmt(n * limit(), 5),
        "top_z": fmt(z0[-1], 4),
        "top_rho": fmt(rho_top, 4),
        "top_factor_below": fmt(1 - BELOW * limit() * lam[-1], 4),
        "top_factor_above": fmt(1 - ABOVE * limit() * lam[-1], 4),
        "speed_max_dev": sci(max(np.abs(t - theta_s).max() for *_, t in speed_runs()), 1),
        "predicted_step": str(predicted),
    }
    # steps for the offset along the two most curved directions to shrink a millionfold
    million = [math.ceil(math.log(1e-6) / math.log(abs(1 - LR * lam_j))) for lam_j in lam[2:]]
    out |= {"million_third": str(million[0]), "million_top": str(million[1])}
    return out


def table_sin_cubic_divergence() -> str:
    """The DivergenceError that descent 2% above 2/λ_max raises, as the program prints it."""
    error = run_above()
    return f"```text\n{type(error).__name__}: {error}\n```\n"
