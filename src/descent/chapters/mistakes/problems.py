"""The book's quadratic problems for the common-mistakes page's learning-rate tables.

Each problem is (J, ∇J, start, λ_max, J*); :func:`run_to_gap` runs plain gradient descent
on one until J − J* < 10⁻⁶ or it diverges.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from descent import landscapes as ls
from descent import polyfit, scaling
from descent.data import SAMPLE_1_1
from descent.linear import grad_mse, least_squares_wb
from descent.linefit import mse_wb
from descent.optim import GD, DivergenceError, descend

SQUARE_X0 = 1.2  # chapter 4's x² example
GAP, MAX_STEPS = 1e-6, 10_000


Problem = tuple[Callable, Callable, np.ndarray, float, float]  # J, ∇J, start, λ_max, J*


def _line(x: np.ndarray, y: np.ndarray) -> Problem:
    X = np.column_stack([x, np.ones_like(x)])
    lam = float(np.linalg.eigvalsh(2 * X.T @ X / len(x))[-1])  # Hessian of the MSE
    w, b = least_squares_wb(x, y)
    J = lambda t: mse_wb(t[0], t[1], x, y)  # noqa: E731
    return J, lambda t: np.array(grad_mse(t[0], t[1], x, y)), np.zeros(2), lam, J([w, b])


def _cubic() -> Problem:
    x, y = polyfit.sin_data()
    J = lambda t: polyfit.loss(t, x, y)  # noqa: E731
    grad = lambda t: polyfit.gradients(t, x, y)  # noqa: E731
    lam = float(polyfit.curvatures(x)[-1])
    return J, grad, np.zeros(4), lam, J(polyfit.least_squares(x, y))


def problems() -> dict[str, Problem]:
    """The book's problems, keyed by a language-neutral label for the table."""
    x, y = scaling.noisy_line(np.random.default_rng(0))  # chapter 5's x = 1, …, 100
    x_std = scaling.Scaler.fit(x).apply(x)
    return {
        "$x^2$": (ls.square, ls.square_grad, np.array([SQUARE_X0]), 2.0, 0.0),
        r"$\text{MSE}(w, b)$, 1-1": _line(SAMPLE_1_1.x, SAMPLE_1_1.y),
        r"$\text{MSE}(w, b)$, $x = 1, \dots, 100$": _line(x, y),
        r"$\text{MSE}(w', b')$, $x' = (x - \mu)/\sigma$": _line(x_std, y),
        r"$\text{SSE}(a, b, c, d)$, $\sin x$": _cubic(),
    }


def run_to_gap(problem: Problem, lr: float) -> tuple[int | None, int | None]:
    """(steps until J − J* < 10⁻⁶, step of divergence): one of the two is None."""
    J, grad, start, _, J_star = problem
    try:
        run = descend(
            lambda t: J(t) - J_star, grad, start, GD(lr), steps=MAX_STEPS, stop_below=GAP
        )
    except DivergenceError as err:
        return None, err.run.steps
    return (run.steps if run.losses[-1] < GAP else None), None
