"""The best constant learning rate on a quadratic (common-mistakes page).

Its table and values are re-exported by ``tables``.

On a quadratic with Hessian eigenvalues λ_min … λ_max, a step η shrinks the offset along
eigen-direction j by |1 − ηλ_j| per step. The slowest of these factors is smallest at
η = 2/(λ_min + λ_max), where it equals (κ − 1)/(κ + 1) with κ = λ_max/λ_min; the step
η = 1/λ_max leaves 1 − 1/κ, which for large κ takes about twice as many steps.
"""

from __future__ import annotations

import numpy as np

from descent import polyfit, scaling
from descent.build.table import fmt, markdown_table
from descent.chapters.mistakes.problems import problems, run_to_gap
from descent.data import SAMPLE_1_1


def worst_factor(lr: float, lam_min: float, lam_max: float) -> float:
    """max_j |1 − ηλ_j| over the eigenvalues, reached at λ_min or λ_max.

    >>> worst_factor(0.5, 1.0, 2.0), worst_factor(2 / 3, 1.0, 2.0)
    (0.5, 0.33333333333333337)
    """
    if lam_min <= 0 or lam_max < lam_min:
        raise ValueError(f"need 0 < lam_min ≤ lam_max, got lam_min={lam_min}, lam_max={lam_max}")
    return max(abs(1 - lr * lam_min), abs(1 - lr * lam_max))


def _line_extremes(x: np.ndarray) -> tuple[float, float]:
    X = np.column_stack([x, np.ones_like(x)])
    ev = np.linalg.eigvalsh(2 * X.T @ X / len(x))  # Hessian of the MSE
    return float(ev[0]), float(ev[-1])


def extremes() -> list[tuple[float, float]]:
    """(λ_min, λ_max) of each problem of the fixed-learning-rate table, in its order."""
    x, _ = scaling.noisy_line(np.random.default_rng(0))
    x_std = scaling.Scaler.fit(x).apply(x)
    cubic = polyfit.curvatures(polyfit.sin_data()[0])
    lines = [_line_extremes(np.asarray(v, dtype=float)) for v in (SAMPLE_1_1.x, x, x_std)]
    return [(2.0, 2.0), *lines, (float(cubic[0]), float(cubic[-1]))]


def comparison() -> list[tuple[str, float, int | None, int | None]]:
    """(label, κ, steps with η = 1/λ_max, steps with η = 2/(λ_min + λ_max)) per problem."""
    rows = []
    for (label, problem), (lo, hi) in zip(problems().items(), extremes(), strict=True):
        half, _ = run_to_gap(problem, 1 / hi)
        best, _ = run_to_gap(problem, 2 / (lo + hi))
        rows.append((label, hi / lo, half, best))
    return rows


def _cell(k: int | None) -> str:
    return "—" if k is None else str(k)


def best_lr_table() -> str:
    """κ, the slowest factor and the steps to J − J* < 10⁻⁶ for η = 1/λ_max and 2/(λ_min+λ_max)."""
    rows = []
    for label, kappa, half, best in comparison():
        rows.append(
            [
                label,
                str(round(kappa)),
                fmt(1 - 1 / kappa, 6),
                fmt((kappa - 1) / (kappa + 1), 6),
                _cell(half),
                _cell(best),
            ]
        )
    headers = [r"$J$", r"$\kappa$", r"$1 - 1/\kappa$", r"$\frac{\kappa - 1}{\kappa + 1}$"]
    headers += [
        r"$\eta = 1/\lambda_{\max}$: $k$",
        r"$\eta = 2/(\lambda_{\min} + \lambda_{\max})$: $k$",
    ]
    return markdown_table(headers, rows)


def best_step_values() -> dict[str, str]:
    """The sin-cubic row, quoted in the prose."""
    _, kappa, half, best = comparison()[-1]
    return {"cubic_half": _cell(half), "cubic_best": _cell(best), "cubic_kappa": str(round(kappa))}
