"""L2 and L1 penalties on the slope w of y = w·x + b: gradients, exact minima, and descent.

The penalised loss is J_MSE(w, b) + λ·w² (L2) or J_MSE(w, b) + λ·|w| (L1); the intercept b
is not penalised. L1 has no derivative at w = 0, so it is minimised with a proximal step
(a gradient step on J_MSE, then soft-thresholding of w); a plain subgradient step is kept for
comparison.

>>> soft_threshold(0.75, 0.25), soft_threshold(-0.125, 0.25)
(0.5, 0.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from descent.linear import grad_mse
from descent.linefit import mse_wb
from descent.optim import GD, Run, descend
from descent.validate import finite_number, paired, positive_number


def _lam(lam: float) -> float:
    lam = finite_number("lam", lam)
    if lam < 0:
        raise ValueError(f"lam must be ≥ 0, got {lam}")
    return lam


# --8<-- [start:penalised-gradients]
def grad_l2(w: float, b: float, x: np.ndarray, y: np.ndarray, lam: float) -> tuple[float, float]:
    """Return the gradient of J_MSE + λ·w²: the MSE gradient plus (2λw, 0).

    >>> grad_l2(1.0, 0.0, [1.0, 2.0], [2.0, 4.0], lam=0.5)
    (-4.0, -3.0)
    """
    grad_w, grad_b = grad_mse(w, b, x, y)
    return grad_w + 2 * _lam(lam) * w, grad_b  # d(λw²)/dw = 2λw; the penalty has no b


def subgrad_l1(
    w: float, b: float, x: np.ndarray, y: np.ndarray, lam: float
) -> tuple[float, float]:
    """Return a subgradient of J_MSE + λ·|w|: the MSE gradient plus (λ·sign(w), 0).

    >>> subgrad_l1(1.0, 0.0, [1.0, 2.0], [2.0, 4.0], lam=0.5)
    (-4.5, -3.0)
    """
    grad_w, grad_b = grad_mse(w, b, x, y)
    # d|w|/dw = sign(w) for w ≠ 0; at w = 0 any value in [−1, 1] is a subgradient, we take 0
    return grad_w + _lam(lam) * float(np.sign(w)), grad_b


# --8<-- [end:penalised-gradients]


# --8<-- [start:soft-threshold]
def soft_threshold(v: float, t: float) -> float:
    """Return S_t(v) = sign(v)·max(|v| − t, 0): the u minimising (u − v)²/2 + t·|u|.

    >>> soft_threshold(-2.0, 0.5)
    -1.5
    """
    v, t = finite_number("v", v), finite_number("t", t)
    if t < 0:
        raise ValueError(f"t must be ≥ 0, got {t}")
    if abs(v) <= t:
        return 0.0  # the kink of |u| at 0 absorbs a pull of up to t: exactly zero
    return v - t if v > 0 else v + t


@dataclass
class ProximalL1:
    """A GD step on J_MSE, then w ← S_{ηλ}(w): the L1 penalty handled exactly."""

    lr: float
    lam: float

    def __post_init__(self) -> None:
        self.lr, self.lam = positive_number("lr", self.lr), _lam(self.lam)

    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        theta = theta - self.lr * grad  # grad is the MSE gradient only
        theta[0] = soft_threshold(theta[0], self.lr * self.lam)  # only w is penalised
        return theta


# --8<-- [end:soft-threshold]


# --8<-- [start:penalised-minimum]
def centred_moments(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Return (S_xx, S_xy) = ((1/n)Σ(x_i − x̄)², (1/n)Σ(x_i − x̄)(y_i − ȳ)).

    >>> centred_moments([1.0, 3.0], [2.0, 6.0])
    (1.0, 2.0)
    """
    x, y = paired(x, y)
    dx = x - x.mean()
    return float(np.mean(dx * dx)), float(np.mean(dx * (y - y.mean())))


def penalised_minimum(
    x: np.ndarray, y: np.ndarray, lam: float, penalty: str
) -> tuple[float, float]:
    """Return the exact (w, b) minimising J_MSE + λ·w² ("l2") or J_MSE + λ·|w| ("l1").

    >>> x, y = [1.0, 3.0], [2.0, 6.0]
    >>> penalised_minimum(x, y, 1.0, "l2"), penalised_minimum(x, y, 1.0, "l1")
    ((1.0, 2.0), (1.5, 1.0))
    """
    x, y = paired(x, y)
    s_xx, s_xy = centred_moments(x, y)
    if s_xx == 0:
        raise ValueError("x needs at least two different values to fix w")
    if penalty == "l2":
        w = s_xy / (s_xx + _lam(lam))
    elif penalty == "l1":
        w = float(np.sign(s_xy)) * max(abs(s_xy) - _lam(lam) / 2, 0.0) / s_xx
    else:
        raise ValueError(f"penalty must be 'l1' or 'l2', got {penalty!r}")
    return w, float(y.mean() - w * x.mean())  # ∂J/∂b = 0 gives b = ȳ − w·x̄ for either penalty


# --8<-- [end:penalised-minimum]


def fit_penalised(
    x: np.ndarray, y: np.ndarray, lam: float, method: str, lr: float, steps: int
) -> Run:
    """Descend on the penalised loss from (0, 0): "l2", "l1-prox" or "l1-subgradient".

    >>> run = fit_penalised([1.0, 3.0], [2.0, 6.0], 1.0, "l1-prox", lr=0.125, steps=400)
    >>> run.theta.round(6).tolist()
    [1.5, 1.0]
    """
    x, y = paired(x, y)
    lam = _lam(lam)
    losses = {
        "l2": lambda t: mse_wb(t[0], t[1], x, y) + lam * t[0] ** 2,
        "l1-prox": lambda t: mse_wb(t[0], t[1], x, y) + lam * abs(t[0]),
    }
    losses["l1-subgradient"] = losses["l1-prox"]
    grads = {
        "l2": lambda t: np.array(grad_l2(t[0], t[1], x, y, lam)),
        "l1-prox": lambda t: np.array(grad_mse(t[0], t[1], x, y)),
        "l1-subgradient": lambda t: np.array(subgrad_l1(t[0], t[1], x, y, lam)),
    }
    if method not in grads:
        raise ValueError(f"method must be one of {sorted(grads)}, got {method!r}")
    optimizer = ProximalL1(lr, lam) if method == "l1-prox" else GD(lr)
    return descend(losses[method], grads[method], [0.0, 0.0], optimizer, steps=steps)
