"""Eigenvalues and eigenvectors of a symmetric 2×2 matrix, in closed form, and the curvature
of the quadratic bowl ½·θᵀAθ along a direction: the linear algebra the book uses, small
enough to check by hand.

A symmetric 2×2 matrix is written by its three numbers, ``[[a, b], [b, d]]``.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from descent.finite import finite_number


class Eigen2(NamedTuple):
    """The two eigenvalues, largest first, and a unit eigenvector for each."""

    lam_max: float
    lam_min: float
    v_max: tuple[float, float]
    v_min: tuple[float, float]


# --8<-- [start:eigen-2x2]
def eigen_symmetric(a: float, b: float, d: float) -> Eigen2:
    """Eigenvalues and unit eigenvectors of the symmetric matrix [[a, b], [b, d]].

    λ = (a + d)/2 ± √(((a − d)/2)² + b²): the root is of a sum of squares, so both
    eigenvalues are real, and the two eigenvectors are perpendicular.

    >>> e = eigen_symmetric(3.0, 1.0, 3.0)
    >>> e.lam_max, e.lam_min
    (4.0, 2.0)
    >>> eigen_symmetric(2.0, 0.0, 1.0).v_max
    (1.0, 0.0)
    """
    a, b, d = (finite_number(n, v) for n, v in (("a", a), ("b", b), ("d", d)))
    mean, half_gap = (a + d) / 2, (a - d) / 2
    radius = math.hypot(half_gap, b)
    lam_max, lam_min = mean + radius, mean - radius
    if radius == 0.0:  # a multiple of the identity: every direction is an eigenvector
        return Eigen2(lam_max, lam_min, (1.0, 0.0), (0.0, 1.0))
    # (A − λI)v = 0: the first row (a − λ, b) is perpendicular to v, so v ∥ (b, λ − a);
    # if that is zero (b = 0 and λ = a), the second row (b, d − λ) gives v ∥ (λ − d, b)
    x, y = (b, lam_max - a) if abs(lam_max - a) + abs(b) > abs(lam_max - d) else (lam_max - d, b)
    norm = math.hypot(x, y)
    x, y = x / norm, y / norm
    if x < 0 or (x == 0 and y < 0):  # one of ±v, always the same one
        x, y = -x, -y
    return Eigen2(lam_max, lam_min, (x + 0.0, y + 0.0), (-y + 0.0, x + 0.0))


# --8<-- [end:eigen-2x2]


# --8<-- [start:curvature]
def curvature(a: float, b: float, d: float, u: tuple[float, float]) -> float:
    """Second derivative of J(θ) = ½·θᵀAθ along the unit vector u: uᵀAu.

    >>> curvature(3.0, 1.0, 3.0, (1.0, 0.0))
    3.0
    """
    u1, u2 = (finite_number(f"u[{i}]", v) for i, v in enumerate(u))
    if not math.isclose(math.hypot(u1, u2), 1.0, rel_tol=1e-12):
        raise ValueError(f"u must be a unit vector, got length {math.hypot(u1, u2)!r}")
    return a * u1 * u1 + 2 * b * u1 * u2 + d * u2 * u2


# --8<-- [end:curvature]
