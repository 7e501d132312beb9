"""The chapter's test functions J(θ) and their gradients ∇J(θ), each pair side by side.

Every loss takes the parameter vector θ (a list or 1-D array of numbers) and returns a float;
every gradient returns a list as long as θ, so any pair plugs straight into
:func:`descent.optim.descend`. The one- and two-variable functions need only ``math``, so
their code runs in the page too; the bowl ``Quadratic`` and the roots use numpy.

>>> square([3.0]), square_grad([3.0])
(9.0, [6.0])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from descent.finite import finite_number, positive_number

if TYPE_CHECKING:
    import numpy as np


def _point(theta: Sequence[float], size: int) -> list[float]:
    """θ as a list of ``size`` finite numbers, or an error naming θ.

    >>> _point([1, 2.5], 2)
    [1.0, 2.5]
    """
    try:
        values = list(theta)  # a list, a tuple or a 1-D array
    except TypeError:
        values = [theta]  # one number
    if len(values) != size:
        raise ValueError(f"theta must have {size} coordinate(s), got {len(values)}")
    return [finite_number(f"theta[{i}]", v) for i, v in enumerate(values)]


# --8<-- [start:square]
def square(theta: Sequence[float]) -> float:
    """J(x) = x².

    >>> square([-0.5])
    0.25
    """
    (x,) = _point(theta, 1)
    return x**2


def square_grad(theta: Sequence[float]) -> list[float]:
    """J'(x) = 2x.

    >>> square_grad([-0.5])
    [-1.0]
    """
    (x,) = _point(theta, 1)
    return [2.0 * x]


# --8<-- [end:square]


# --8<-- [start:sin-bowl]
def sin_bowl(theta: Sequence[float]) -> float:
    """J(x, y) = x² + sin²y.

    >>> sin_bowl([0.5, 0.0])
    0.25
    """
    x, y = _point(theta, 2)
    return x**2 + math.sin(y) ** 2


def sin_bowl_grad(theta: Sequence[float]) -> list[float]:
    """∇J(x, y) = (2x, 2·sin y·cos y).

    >>> sin_bowl_grad([0.5, 0.0])
    [1.0, 0.0]
    """
    x, y = _point(theta, 2)
    # chain rule on sin²y: outer u² gives 2u, inner sin y gives cos y
    return [2.0 * x, 2.0 * math.sin(y) * math.cos(y)]


# --8<-- [end:sin-bowl]


@dataclass(frozen=True)
class Quadratic:
    """J(θ) = ½·Σ Lᵢ·θᵢ², a bowl whose curvature along axis i is Lᵢ.

    One curvature gives J = (L/2)·x²; two unequal ones give an elongated valley.

    >>> bowl = Quadratic((1.0, 4.0))
    >>> bowl([2.0, 0.5]), bowl.grad([2.0, 0.5])
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

    def __call__(self, theta: Sequence[float] | np.ndarray) -> float:
        import numpy as np  # only here: the one- and two-variable functions need no numpy

        theta = np.array(_point(theta, len(self.curvatures)))
        return float(0.5 * np.dot(self.curvatures, theta**2))

    def grad(self, theta: Sequence[float] | np.ndarray) -> np.ndarray:
        import numpy as np

        # ∂/∂θᵢ of ½·Lᵢ·θᵢ² is Lᵢ·θᵢ: each axis is its own one-dimensional parabola
        return np.asarray(self.curvatures) * np.array(_point(theta, len(self.curvatures)))


# --8<-- [start:double-well]
def double_well(theta: Sequence[float]) -> float:
    """J(x) = x⁴ − 3x² + x: two valleys of different depth.

    >>> double_well([1.0])
    -1.0
    """
    (x,) = _point(theta, 1)
    return x**4 - 3.0 * x**2 + x


def double_well_grad(theta: Sequence[float]) -> list[float]:
    """J'(x) = 4x³ − 6x + 1.

    >>> double_well_grad([1.0])
    [-1.0]
    """
    (x,) = _point(theta, 1)
    return [4.0 * x**3 - 6.0 * x + 1.0]


# --8<-- [end:double-well]


def double_well_stationary() -> tuple[float, float, float]:
    """The roots of J'(x) = 4x³ − 6x + 1, left to right: minimum, maximum, minimum.

    >>> [round(r, 4) for r in double_well_stationary()]
    [-1.3008, 0.1699, 1.1309]
    """
    import numpy as np

    roots = np.roots([4.0, 0.0, -6.0, 1.0])
    # the discriminant of the cubic is positive, so all three roots are real
    left, middle, right = sorted(float(r.real) for r in roots)
    return left, middle, right
