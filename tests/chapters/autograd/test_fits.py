"""Tests for autograd/fits.py: the autograd runs agree with plain-numpy GD to 1e-12."""

from __future__ import annotations

import numpy as np
import pytest

from descent.chapters.autograd import fits as f
from descent.data import SAMPLE_1_1


@pytest.fixture(scope="module")
def line() -> tuple[f.Fit, f.Fit]:
    return f.train_line(SAMPLE_1_1.x, SAMPLE_1_1.y), f.line_numpy(SAMPLE_1_1.x, SAMPLE_1_1.y)


@pytest.fixture(scope="module")
def cubic() -> tuple[f.Fit, f.Fit]:
    return f.train_cubic(), f.cubic_numpy()


def test_line_fit_agrees_with_numpy_to_1e_12(line) -> None:
    ours, ref = line
    assert ours.losses.shape == ref.losses.shape == (f.LINE_STEPS + 1,)
    assert np.allclose(ours.theta, ref.theta, rtol=1e-12, atol=1e-12)
    assert np.allclose(ours.losses, ref.losses, rtol=1e-12, atol=1e-12)


def test_line_fit_reaches_least_squares(line) -> None:
    w, b = np.polyfit(SAMPLE_1_1.x, SAMPLE_1_1.y, 1)
    assert line[0].theta == pytest.approx([w, b], abs=1e-6)
    assert np.all(np.diff(line[0].losses) <= 1e-15)  # down at every step, up to rounding


def test_cubic_fit_agrees_with_numpy_to_1e_12(cubic) -> None:
    ours, ref = cubic
    assert ours.losses.shape == (f.CUBIC_STEPS + 1,)
    assert np.allclose(ours.theta, ref.theta, rtol=1e-12, atol=1e-12)
    assert np.allclose(ours.losses, ref.losses, rtol=1e-12, atol=1e-12)


def test_cubic_fit_first_loss_and_symmetry(cubic) -> None:
    ours, _ = cubic
    _, y = f.cubic_data()
    assert ours.losses[0] == pytest.approx(np.sum(y**2))  # from all zeros, ŷ = 0
    # sin is odd and the grid symmetric: the even coefficients a, c stay at rounding level
    assert abs(ours.theta[0]) < 1e-12 and abs(ours.theta[2]) < 1e-12
    assert ours.losses[-1] < 10 and np.all(np.diff(ours.losses) <= 1e-12)


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="length mismatch"):
        f.train_line(np.ones(3), np.ones(2))
    with pytest.raises(ValueError, match="lr must be > 0"):
        f.train_line(np.ones(3), np.ones(3), lr=-1.0)
