"""Tests for chapter 7's exercise code: the hand-written backprop against the engine's run,
the shortest step against its defining property and against gradient descent's end point."""

from __future__ import annotations

import math

import numpy as np
import pytest

from descent.chapters.computation_graph import examples as bp
from descent.chapters.computation_graph import exercises as bx
from descent.chapters.computation_graph import tables as t

V = t.values()


def test_two_variable_by_hand_matches_the_engine_run() -> None:
    hand = bx.two_variable_by_hand(3.0, 4.0)
    engine = [(s.w, s.b, s.z) for s in bp.divide_error(move="wb", recompute=True)]
    assert np.allclose(hand, engine, rtol=1e-14, atol=1e-12)


def test_shortest_step_satisfies_the_linear_equation_and_is_along_the_gradient() -> None:
    log = bx.shortest_steps(3.0, 4.0)
    (w0, b0, z0), (w1, b1, _) = log[0], log[1]
    _, g_w, g_b = bp.partials(w0, b0)
    dw, db = w0 - w1, b0 - b1
    assert g_w * dw + g_b * db == pytest.approx(z0 - 150, rel=1e-14)  # eq. 7.16
    assert dw * g_b == pytest.approx(db * g_w, rel=1e-14)  # parallel to (g_w, g_b)
    assert abs(log[-1][2] - 150) < 1e-5


def test_shortest_steps_end_near_gradient_descent_and_far_from_the_halves() -> None:
    end = np.array(bx.shortest_steps(3.0, 4.0)[-1][:2])
    gd_end = bp.descend_on_loss(1e-4, move="wb").theta
    halves = np.array(bx.two_variable_by_hand(3.0, 4.0)[-1][:2])
    assert np.linalg.norm(end - gd_end) < 1e-4 < 0.1 < np.linalg.norm(end - halves)


def test_exercise_values() -> None:
    w1, b1 = 3 - 6 / 18, 4 - 6 / 63  # one halves step from (3, 4)
    assert float(V["ex1_w"]) == pytest.approx(w1, abs=5e-7)
    assert float(V["ex1_b"]) == pytest.approx(b1, abs=5e-7)
    assert float(V["ex1_dz_db"]) == pytest.approx(4 * w1 + 12 * b1 + 3, abs=5e-7)
    z = lambda b: (6 + 3 * b) * (2 * b + 1)  # noqa: E731  (w = 3)
    b_fixed = [4.0]
    b_new = [4.0]
    for _ in range(2):
        b_fixed.append(b_fixed[-1] - (z(b_fixed[-1]) - 150) / 63)
        b_new.append(b_new[-1] - (z(b_new[-1]) - 150) / (15 + 12 * b_new[-1]))
    assert float(V["ex2_fixed_b2"]) == pytest.approx(b_fixed[2], abs=5e-7)
    assert float(V["ex2_fixed_z2"]) == pytest.approx(z(b_fixed[2]), abs=5e-7)
    assert float(V["ex2_new_b2"]) == pytest.approx(b_new[2], abs=5e-7)
    assert float(V["ex2_new_z2"]) == pytest.approx(z(b_new[2]), abs=5e-7)
    mantissa, exponent = V["ex2_new_dz2"].split(r" \times 10^")
    assert float(mantissa) * 10 ** int(exponent.strip("{}")) == pytest.approx(
        z(b_new[2]) - 150, rel=2e-3
    )
    assert float(V["ex2_factor1"]) == pytest.approx(15 + 12 * b_new[1], abs=5e-7)
    g = np.array([18.0, 63.0])
    step = 12 * g / (g @ g)
    assert (float(V["ex4_dw"]), float(V["ex4_db"])) == pytest.approx(tuple(step), abs=5e-7)
    log = bx.shortest_steps(3.0, 4.0)
    assert int(V["ex4_steps"]) == len(log) - 1
    assert float(V["ex4_w"]) == pytest.approx(log[-1][0], abs=5e-7)
    assert float(V["ex4_b"]) == pytest.approx(log[-1][1], abs=5e-7)


def test_bad_input_and_zero_derivatives() -> None:
    with pytest.raises(ValueError, match="w must be finite"):
        bx.two_variable_by_hand(math.nan, 4.0)
    with pytest.raises(ValueError, match="b must be finite"):
        bx.shortest_steps(3.0, math.inf)
    with pytest.raises(ZeroDivisionError, match="partial derivative is 0"):
        bx.two_variable_by_hand(3.0, -0.5)  # ∂z/∂w = 4b + 2 = 0
    with pytest.raises(ZeroDivisionError, match="∂z/∂w = ∂z/∂b = 0"):
        bx.shortest_steps(0.75, -0.5)  # 4b + 2 = 0 and 4w + 12b + 3 = 0
