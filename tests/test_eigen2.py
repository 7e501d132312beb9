"""The closed-form eigen-decomposition of a symmetric 2×2 matrix against numpy's, and the
curvature of ½·θᵀAθ along a direction."""

from __future__ import annotations

import math

import numpy as np
import pytest

from descent.eigen2 import curvature, eigen_symmetric

RNG = np.random.default_rng(20261205)
CASES = [tuple(RNG.normal(size=3) * 10) for _ in range(50)]
CASES += [(3.0, 1.0, 3.0), (2.0, 0.0, 1.0), (1.0, 0.0, 2.0), (770.0, 110.0, 20.0), (5.0, 0.0, 5.0)]
CASES += [(-1.0, 2.0, -1.0), (0.0, 1e-12, 0.0)]


@pytest.mark.parametrize("abd", CASES)
def test_against_numpy_and_the_definition(abd):
    a, b, d = abd
    matrix = np.array([[a, b], [b, d]])
    e = eigen_symmetric(a, b, d)
    low, high = np.linalg.eigvalsh(matrix)
    scale = max(1.0, abs(high), abs(low))
    assert e.lam_max == pytest.approx(high, abs=1e-12 * scale)
    assert e.lam_min == pytest.approx(low, abs=1e-12 * scale)
    for lam, v in ((e.lam_max, e.v_max), (e.lam_min, e.v_min)):
        assert math.hypot(*v) == pytest.approx(1.0, abs=1e-15)
        np.testing.assert_allclose(matrix @ np.array(v), lam * np.array(v), atol=1e-12 * scale)
    assert abs(np.dot(e.v_max, e.v_min)) < 1e-15


def test_hand_worked_example():
    e = eigen_symmetric(3.0, 1.0, 3.0)
    r = 1 / math.sqrt(2)
    assert (e.lam_max, e.lam_min) == (4.0, 2.0)
    assert e.v_max == pytest.approx((r, r), abs=1e-16)
    assert e.v_min == pytest.approx((-r, r), abs=1e-16)


@pytest.mark.parametrize("abd", [*CASES[:10], (3.0, 1.0, 3.0)])
def test_curvature_lies_between_the_eigenvalues(abd):
    e = eigen_symmetric(*abd)
    assert curvature(*abd, e.v_max) == pytest.approx(e.lam_max, abs=1e-12 * abs(e.lam_max) + 1e-12)
    assert curvature(*abd, e.v_min) == pytest.approx(e.lam_min, abs=1e-12 * abs(e.lam_max) + 1e-12)
    for phi in np.linspace(0, math.pi, 37):
        k = curvature(*abd, (math.cos(phi), math.sin(phi)))
        assert e.lam_min - 1e-9 <= k <= e.lam_max + 1e-9


def test_bad_input_raises_naming_the_argument():
    with pytest.raises(ValueError, match="b must be finite"):
        eigen_symmetric(1.0, float("nan"), 1.0)
    with pytest.raises(TypeError, match="d must be a real number"):
        eigen_symmetric(1.0, 0.0, "2")
    with pytest.raises(ValueError, match="u must be a unit vector"):
        curvature(1.0, 0.0, 1.0, (1.0, 1.0))
    with pytest.raises(ValueError, match=r"u\[1\] must be finite"):
        curvature(1.0, 0.0, 1.0, (1.0, float("inf")))
