"""Tests for three_ideas/examples.py: the box's law, halving a guess, steering to a target."""

from __future__ import annotations

import math

import numpy as np
import pytest

from descent.chapters.three_ideas import examples as analogies
from descent.data import BLACK_BOX

X, Y = BLACK_BOX.x, BLACK_BOX.y


def test_black_box_made_the_samples() -> None:
    np.testing.assert_allclose(analogies.black_box(X), Y, rtol=0, atol=1e-14)


def test_halving_finds_every_secret_within_six_guesses() -> None:
    for secret in range(1, 51):
        rows = analogies.bisect_guesses(secret, 1, 50)
        assert rows[-1][2] == secret and rows[-1][3] == 0
        assert all(lo <= g <= hi and lo <= secret <= hi for lo, hi, g, _ in rows)
        assert len(rows) <= math.floor(math.log2(50)) + 1
    with pytest.raises(ValueError, match="secret must lie"):
        analogies.bisect_guesses(51, 1, 50)


def test_seek_target_shrinks_the_error_geometrically() -> None:
    xs = analogies.seek_target(analogies.black_box, [4.0], [1.0], 0.3, 6)
    x_star = 4 / 2.21
    for k, x in enumerate(xs):  # x_k − x* = (1 − 0.3·2.21)^k · (x₀ − x*)
        assert x[0] == pytest.approx(x_star + (1 - 0.3 * 2.21) ** k * (1 - x_star), abs=1e-12)
    with pytest.raises(ValueError, match="lr must be > 0"):
        analogies.seek_target(analogies.black_box, [4.0], [1.0], 0.0, 1)
