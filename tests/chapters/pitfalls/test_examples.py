"""From-scratch twins of chapter 11's pitfalls, checked against closed forms and plain loops."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from descent.chapters.pitfalls import examples as pf
from descent.chapters.pytorch import examples as ex


@given(st.floats(-4, 4, allow_nan=False))
def test_used_twice_sums_paths_and_the_assigning_pass_does_not(a):
    assert pf.used_twice(a) == pytest.approx({"a + a": 2, "a * a": 2 * a, "a * a + a": 2 * a + 1})
    wrong = pf.used_twice(a, backward=pf.backward_assigning)
    assert wrong == pytest.approx({"a + a": 1, "a * a": a, "a * a + a": a})
    assert pf.grad_of(lambda v: v * v * v, a) == pytest.approx(3 * a * a)


def test_backward_again_accumulates():
    assert pf.backward_again(passes=4)["w.grad"] == [5.0, 10.0, 15.0, 20.0]


def test_full_batch_without_zero_grad_uses_the_running_sum():
    x, y = ex.line_data()
    w, b, acc = ex.W0, ex.B0, np.zeros(2)
    losses = []
    for _ in range(6):
        r = w * x + b - y
        losses.append(np.mean(r**2))
        acc = acc + np.array([np.mean(2 * r * x), np.mean(2 * r)])
        w, b = w - 0.1 * acc[0], b - 0.1 * acc[1]
    out = pf.fit_full_batch(x, y, steps=6, zero_grad=False)
    np.testing.assert_allclose(out["loss"], losses, rtol=1e-12)


def test_summed_loss_overflow_is_reported_not_returned_as_inf():
    x, y = ex.line_data()
    out = pf.fit_full_batch(x, y, steps=pf.SUM_STEPS, reduction="sum")
    assert out["error"].startswith("OverflowError")
    assert np.all(np.isfinite(out["loss"])) and len(out["loss"]) < pf.SUM_STEPS


def test_float32_helpers():
    assert pf.float32_basics()["0.1, float32"] == float(np.float32(0.1))
    assert pf.smallest_visible_increment() == 5
    assert pf.smallest_visible_increment(2.0**24) == 2
    x, y = ex.line_data()
    w32 = pf.fit_w_per_sample_float32(x, y, epochs=2)["w"]
    assert w32 == float(np.float32(w32))


def test_rebind_grows_the_graph_but_the_fix_does_not():
    out = pf.rebind(steps=5)
    assert out["nodes"] == [6, 8, 10, 12, 14]
    fixed = pf.update_in_no_grad(steps=5)["w"]
    assert fixed.data == pytest.approx(out["w"].data, abs=1e-12) and fixed.op == ""


def test_shape_mismatch():
    out = pf.shape_mismatch()
    assert out["broadcast"] == pytest.approx(4 / 3) and out["fixed"] == 0.0
    assert "(3, 1)" in out["error"]
