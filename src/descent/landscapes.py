"""The chapter's test functions J(θ) and their gradients ∇J(θ), each pair side by side.

Every loss takes the parameter vector θ (a 1-D array) and returns a float; every gradient
returns an array shaped like θ, so any pair plugs straight into :func:`descent.optim.descend`.

>>> square(np.array([3.0])), square_grad(np.array([3.0]))
(9.0, array([6.]))
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from descent.validate import as_vector, positive_number


def _point(theta: np.ndarray, size: int) -> np.ndarray:
    """θ as a finite vector of ``size`` numbers, or a ValueError naming θ."""
    theta = as_vector("theta", theta)
    if theta.size != size:
        raise ValueError(f"theta must have {size} coordinate(s), got {theta.size}")
    return theta


# --8<-- [start:square]
def square(theta: np.ndarray) -> float:
    """J(x) = x².

    >>> square(np.array([-0.5]))
    0.25
    """
    x = float(_point(theta, 1)[0])
    return x**2


def square_grad(theta: np.ndarray) -> np.ndarray:
    """J'(x) = 2x.

    >>> square_grad(np.array([-0.5]))
    array([-1.])
    """
    x = float(_point(theta, 1)[0])
    return np.array([2.0 * x])


# --8<-- [end:square]


# --8<-- [start:sin-bowl]
def sin_bowl(theta: np.ndarray) -> float:
    """J(x, y) = x² + sin²y.

    >>> sin_bowl(np.array([0.5, 0.0]))
    0.25
    """
    x, y = map(float, _point(theta, 2))
    return x**2 + math.sin(y) ** 2


def sin_bowl_grad(theta: np.ndarray) -> np.ndarray:
    """∇J(x, y) = (2x, 2·sin y·cos y).

    >>> sin_bowl_grad(np.array([0.5, 0.0]))
    array([1., 0.])
    """
    x, y = map(float, _point(theta, 2))
    # chain rule on sin²y: outer u² gives 2u, inner sin y gives cos y
    return np.array([2.0 * x, 2.0 * math.sin(y) * math.cos(y)])


# --8<-- [end:sin-bowl]


@dataclass(frozen=True)
class Quadratic:
    """J(θ) = ½·Σ Lᵢ·θᵢ², a bowl whose curvature along axis i is Lᵢ.

    One curvature gives J = (L/2)·x²; two unequal ones give an elongated valley.

    >>> bowl = Quadratic((1.0, 4.0))
    >>> bowl(np.array([2.0, 0.5])), bowl.grad(np.array([2.0, 0.5]))
    (2.5, array([2., 2.]))
    """

    curvatures: tuple[float, ...]

    def __post_init__(self) -> None:
        if not self.curvatures:
            raise ValueError("curvatures is empty")
        for i, L in enumerate(self.curvatures):
            positive_number(f"curvatures[{i}]", L)

    @property
    def L(self) -> float:
        """The largest curvature: the one that limits the learning rate."""
        return max(self.curvatures)

    def __call__(self, theta: np.ndarray) -> float:
        theta = _point(theta, len(self.curvatures))
        return float(0.5 * np.dot(self.curvatures, theta**2))

    def grad(self, theta: np.ndarray) -> np.ndarray:
        # ∂/∂θᵢ of ½·Lᵢ·θᵢ² is Lᵢ·θᵢ: each axis is its own one-dimensional parabola
        return np.asarray(self.curvatures) * _point(theta, len(self.curvatures))


# --8<-- [start:double-well]
def double_well(theta: np.ndarray) -> float:
    """J(x) = x⁴ − 3x² + x: two valleys of different depth.

    >>> double_well(np.array([1.0]))
    -1.0
    """
    x = float(_point(theta, 1)[0])
    return x**4 - 3.0 * x**2 + x


def double_well_grad(theta: np.ndarray) -> np.ndarray:
    """J'(x) = 4x³ − 6x + 1.

    >>> double_well_grad(np.array([1.0]))
    array([-1.])
    """
    x = float(_point(theta, 1)[0])
    return np.array([4.0 * x**3 - 6.0 * x + 1.0])


# --8<-- [end:double-well]


def double_well_stationary() -> tuple[float, float, float]:
    """The roots of J'(x) = 4x³ − 6x + 1, left to right: minimum, maximum, minimum.

    >>> [round(r, 4) for r in double_well_stationary()]
    [-1.3008, 0.1699, 1.1309]
    """
    roots = np.roots([4.0, 0.0, -6.0, 1.0])
    # the discriminant of the cubic is positive, so all three roots are real
    left, middle, right = sorted(float(r.real) for r in roots)
    return left, middle, right
