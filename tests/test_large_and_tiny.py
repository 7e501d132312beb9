"""The library at 1e±200: a finite answer is computed (by scaling first), an infinite one is
refused with an OverflowError naming the function; never inf/NaN behind a numpy warning."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from descent import linear, losses, numdiff, polyfit

HUGE = [1e200, -1e200]


@pytest.mark.parametrize(
    "name", ["sse", "mse", "half_mse", "sse_grad", "mse_grad", "half_mse_grad", "mae"]
)
def test_losses_that_overflow_say_so(name: str) -> None:
    f = getattr(losses, name)
    y_hat = [1e308, -1e308] if name.endswith("grad") or name == "mae" else HUGE
    called = name.removeprefix("half_") if name == "half_mse" else name  # half_mse calls mse
    with pytest.raises(OverflowError, match=rf"^{called}: .*y_hat"):
        f(y_hat, [-1e308, 1e308] if name.endswith("grad") or name == "mae" else [0.0, 0.0])


def test_bce_gradient_at_a_subnormal_probability_says_so() -> None:
    with pytest.raises(OverflowError, match=r"^bce_grad: "):
        losses.bce_grad([1e-320], [1.0])


@pytest.mark.parametrize(
    "call",
    [
        lambda: polyfit.predict([0.0, 0.0, 0.0, 1.0], [1e200]),
        lambda: polyfit.gradients([0.0, 0.0, 0.0, 1.0], [1e120], [0.0]),
        lambda: polyfit.hessian([1e100]),
        lambda: polyfit.loss([0.0, 0.0, 0.0, 1.0], [1e200], [0.0]),
    ],
    ids=["predict", "gradients", "hessian", "loss"],
)
def test_polyfit_overflow_names_the_function(call) -> None:
    with pytest.raises(OverflowError, match=r"^(predict|gradients|hessian|loss|sse): "):
        call()


@pytest.mark.parametrize("scale", [1e-200, 1e-160, 1.0, 1e160, 1e200])
def test_relative_error_is_scale_free(scale: float) -> None:
    a, b = np.array([3.0, 0.0]) * scale, np.array([4.0, 0.0]) * scale
    assert numdiff.relative_error(a, b) == pytest.approx(0.25, rel=1e-15)


def test_least_squares_of_huge_x_is_the_finite_answer() -> None:
    w, b = linear.least_squares_wb([1e160, 2e160], [1.0, 2.0])
    assert (w, b) == (pytest.approx(1e-160, rel=1e-14), pytest.approx(0.0, abs=1e-14))
    assert linear.least_squares_w([1e-200, 2e-200], [1.0, 2.0]) == pytest.approx(1e200)
    assert linear.least_squares_w([1e200, 2e200], [1e200, 2e200]) == 1.0


def test_least_squares_whose_answer_overflows_says_so() -> None:
    with pytest.raises(OverflowError, match=r"^least_squares_w: "):
        linear.least_squares_w([1e-300], [1e300])


power = st.integers(-250, 250)


@given(px=power, py=power, w=st.floats(-4, 4), b=st.floats(-4, 4))
def test_least_squares_wb_at_any_scale_matches_the_unit_scale_answer(px, py, w, b) -> None:
    """Rescaling x by 2^px and y by 2^py rescales (w*, b*) exactly: no scale is special."""
    x = np.array([1.0, 2.0, 3.5, -1.0])
    y = w * x + b + np.array([0.25, -0.5, 0.0, 0.125])
    w0, b0 = linear.least_squares_wb(x, y)
    w1, b1 = linear.least_squares_wb(np.ldexp(x, px), np.ldexp(y, py))
    expect_w, expect_b = math.ldexp(w0, py - px), math.ldexp(b0, py)
    assert w1 == pytest.approx(expect_w, rel=1e-12, abs=math.ldexp(1e-12, py - px))
    assert b1 == pytest.approx(expect_b, rel=1e-12, abs=math.ldexp(1e-12, py))


def test_rank_deficient_data_is_refused_by_both_least_squares() -> None:
    same = [2.0, 2.0, 2.0, 2.0]
    with pytest.raises(ValueError, match="different values"):
        linear.least_squares_wb(same, [1.0, 2.0, 3.0, 4.0])
    with pytest.raises(ValueError, match="different values"):
        polyfit.least_squares(same, [1.0, 2.0, 3.0, 4.0], degree=1)
    with pytest.raises(ValueError, match="at least 4 different values"):
        polyfit.least_squares([0.0, 1.0, 2.0, 0.0, 1.0], [1.0, 2.0, 3.0, 4.0, 5.0])
    # with enough distinct x both agree with each other
    x, y = [0.0, 1.0, 3.0], [1.0, 2.0, 4.5]
    assert polyfit.least_squares(x, y, degree=1)[::-1] == pytest.approx(
        linear.least_squares_wb(x, y), rel=1e-12
    )
