"""Fit sin(x) on [−π, π] with ŷ = a + b·x + c·x² + d·x³, by gradient descent and in closed form.

With X the matrix whose row i is (1, x_i, x_i², x_i³), the loss J(θ) = Σ(ŷ_i − y_i)² of
θ = (a, b, c, d) is a quadratic with Hessian H = 2XᵀX; plain descent on it converges
exactly when lr < 2/λ_max(H).

>>> loss([1.0, 2.0, 0.0, 0.0], [0.0, 1.0], [1.0, 3.0])
0.0
>>> gradients([1.0, 1.0, 0.0, 0.0], [0.0, 1.0], [1.0, 3.0]).tolist()
[-2.0, -2.0, -2.0, -2.0]
"""

from __future__ import annotations

import math

import numpy as np

from descent.losses import sse
from descent.optim import GD, Adam, Momentum, Run, descend
from descent.validate import as_vector, finite_result, paired, positive_number, whole_number

N_POINTS = 2000  # x = linspace(−π, π, 2000), as in the familiar PyTorch example
LR = 1e-6
STEPS = 2000
SEED = 0  # θ₀ = four standard-normal draws from default_rng(SEED)


def sin_data(n: int = N_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """Return ``n`` points x evenly spaced on [−π, π] and their targets y = sin(x).

    >>> x, y = sin_data(3)
    >>> float(x[0] + x[2]), float(x[1]), float(y[1])
    (0.0, 0.0, 0.0)
    """
    n = whole_number("n", n, minimum=2)
    x = np.linspace(-math.pi, math.pi, n)
    return x, np.sin(x)


def start(seed: int = SEED) -> np.ndarray:
    """Return θ₀ = (a₀, b₀, c₀, d₀), four standard-normal draws from ``default_rng(seed)``.

    >>> bool(np.array_equal(start(0), start(0))), start(0).shape
    (True, (4,))
    """
    return np.random.default_rng(seed).standard_normal(4)


def _theta(name: str, theta: np.ndarray, size: int = 4) -> np.ndarray:
    theta = as_vector(name, theta)
    if len(theta) != size:
        raise ValueError(f"{name} must hold {size} coefficients, got {len(theta)}")
    return theta


# --8<-- [start:cubic-model]
@finite_result
def predict(theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Return ŷ_i = a + b·x_i + c·x_i² + d·x_i³ for θ = (a, b, c, d).

    >>> predict([1.0, 2.0, 0.0, 0.5], [2.0]).tolist()
    [9.0]
    """
    a, b, c, d = _theta("theta", theta)
    x = as_vector("x", x)
    return a + b * x + c * x**2 + d * x**3


def loss(theta: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """Return J(θ) = Σ(ŷ_i − y_i)², the sum of squared errors of the cubic."""
    x, y = paired(x, y)
    return sse(predict(theta, x), y)


# --8<-- [end:cubic-model]


# --8<-- [start:cubic-gradients]
@finite_result
def gradients(theta: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Return (∂J/∂a, ∂J/∂b, ∂J/∂c, ∂J/∂d), each through the residual ŷ_i − y_i."""
    x, y = paired(x, y)
    grad_y_pred = 2 * (predict(theta, x) - y)  # ∂J/∂ŷ_i = 2(ŷ_i − y_i)
    grad_a = grad_y_pred.sum()  # ∂ŷ_i/∂a = 1
    grad_b = (grad_y_pred * x).sum()  # ∂ŷ_i/∂b = x_i
    grad_c = (grad_y_pred * x**2).sum()  # ∂ŷ_i/∂c = x_i²
    grad_d = (grad_y_pred * x**3).sum()  # ∂ŷ_i/∂d = x_i³
    return np.array([grad_a, grad_b, grad_c, grad_d])


# --8<-- [end:cubic-gradients]


def features(x: np.ndarray, degree: int = 3) -> np.ndarray:
    """Return X whose row i is (1, x_i, x_i², …, x_i^degree), so that ŷ = Xθ.

    >>> features([2.0]).tolist()
    [[1.0, 2.0, 4.0, 8.0]]
    """
    x = as_vector("x", x)
    degree = whole_number("degree", degree)
    return np.vander(x, degree + 1, increasing=True)


# --8<-- [start:cubic-descent]
def fit(
    x: np.ndarray,
    y: np.ndarray,
    theta0: np.ndarray,
    optimizer: GD | Momentum | Adam,
    *,
    steps: int = STEPS,
    stop_below: float | None = None,
) -> Run:
    """Descend on J from θ₀ using all points at once: ∇J = 2Xᵀ(Xθ − y)."""
    x, y = paired(x, y)
    theta0 = as_vector("theta0", theta0)
    Xt = features(x, len(theta0) - 1).T.copy()  # row j of Xᵀ holds every x_i^j
    last: list = [None, None]  # descend asks for J(θ), then ∇J(θ) at the same θ

    def residuals(theta: np.ndarray) -> np.ndarray:
        if last[0] is not theta:  # ŷ_i − y_i for all i in one product, once per θ
            last[:] = [theta, theta @ Xt - y]
        return last[1]

    def J(theta: np.ndarray) -> float:
        r = residuals(theta)
        return float(r @ r)

    def grad(theta: np.ndarray) -> np.ndarray:
        # row j of Xᵀ times 2(ŷ − y) is 2Σ(ŷ_i − y_i)·x_i^j: grad_a … grad_d at once
        return 2 * (Xt @ residuals(theta))

    return descend(J, grad, theta0, optimizer, steps=steps, stop_below=stop_below)


# --8<-- [end:cubic-descent]


# --8<-- [start:cubic-loop]
def fit_loop(
    x: list[float], y: list[float], theta0: list[float], lr: float, steps: int
) -> list[float]:
    """The same descent with plain Python floats and a loop over the points (for timing)."""
    x, y = paired(x, y)
    lr = positive_number("lr", lr)
    steps = whole_number("steps", steps)
    a, b, c, d = (float(t) for t in _theta("theta0", theta0))
    points = list(zip(x.tolist(), y.tolist(), strict=True))
    for _ in range(steps):
        grad_a = grad_b = grad_c = grad_d = 0.0
        for xi, yi in points:
            g = 2.0 * (a + b * xi + c * xi * xi + d * xi * xi * xi - yi)  # ∂J/∂ŷ_i
            grad_a += g
            grad_b += g * xi
            grad_c += g * xi * xi
            grad_d += g * xi * xi * xi
        a, b, c, d = a - lr * grad_a, b - lr * grad_b, c - lr * grad_c, d - lr * grad_d
    if not all(math.isfinite(t) for t in (a, b, c, d)):
        raise ArithmeticError(f"fit_loop diverged with lr={lr:g}; try a smaller learning rate")
    return [a, b, c, d]


# --8<-- [end:cubic-loop]


# --8<-- [start:least-squares-cubic]
def least_squares(x: np.ndarray, y: np.ndarray, degree: int = 3) -> np.ndarray:
    """Return θ* minimising J, by np.linalg.lstsq (it solves XᵀXθ = Xᵀy via the SVD of X)."""
    x, y = paired(x, y)
    X = features(x, degree)
    theta, _, rank, _ = np.linalg.lstsq(X, y, rcond=None)
    if rank < X.shape[1]:  # as least_squares_wb: no single minimum, so no answer
        raise ValueError(
            f"x needs at least {X.shape[1]} different values to fix {X.shape[1]} "
            f"coefficients, got {len(np.unique(x))}"
        )
    return theta


# --8<-- [end:least-squares-cubic]


# --8<-- [start:cubic-curvature]
@finite_result
def hessian(x: np.ndarray, degree: int = 3) -> np.ndarray:
    """Return H = 2XᵀX: entry (j, k) is ∂²J/∂θ_j∂θ_k = 2Σx_i^(j+k), the same at every θ."""
    X = features(x, degree)
    return 2 * X.T @ X


def curvatures(x: np.ndarray, degree: int = 3) -> np.ndarray:
    """Return the eigenvalues of H, smallest first: λ_min, …, λ_max."""
    return np.linalg.eigvalsh(hessian(x, degree))


# --8<-- [end:cubic-curvature]


def to_original_x(theta_u: np.ndarray, s: float) -> np.ndarray:
    """Coefficients in x of a polynomial fitted in u = x/s: θ_j / s^j.

    >>> to_original_x([1.0, 2.0, 4.0, 8.0], 2.0).tolist()
    [1.0, 1.0, 1.0, 1.0]
    """
    theta_u = as_vector("theta_u", theta_u)
    s = positive_number("s", s)
    # a·1 + b·(x/s) + c·(x/s)² + … : the x^j term carries 1/s^j
    return theta_u / s ** np.arange(len(theta_u))
