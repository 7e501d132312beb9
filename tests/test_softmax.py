"""Tests for descent.softmax: softmax against its definition, the Jacobian and the
cross-entropy gradient against central differences, stability for large logits, bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pages import central_difference

from descent import softmax as sm

logits = st.lists(st.floats(-50, 50), min_size=1, max_size=6)


def by_definition(z: list[float]) -> list[float]:
    e = [math.exp(v) for v in z]
    return [v / sum(e) for v in e]


@given(logits)
def test_stable_agrees_with_naive_and_definition_where_naive_works(z) -> None:
    assert sm.softmax(z) == pytest.approx(sm.softmax_naive(z), rel=1e-12, abs=1e-300)
    assert sm.softmax(z) == pytest.approx(by_definition(z), rel=1e-12, abs=1e-300)
    assert sm.softmax(z).sum() == pytest.approx(1.0, abs=1e-14)


@given(logits, st.floats(-1e4, 1e4))
def test_shift_changes_nothing_and_stays_finite(z, c) -> None:
    shifted = np.array(z) + c
    assert np.isfinite(sm.softmax(shifted)).all() and np.isfinite(sm.log_softmax(shifted)).all()
    assert sm.softmax(shifted) == pytest.approx(sm.softmax(z), rel=1e-9, abs=1e-15)


def test_naive_overflows_where_stable_does_not() -> None:
    z = np.array([1.0, 2.0, 3.0]) + 1000.0
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(sm.softmax_naive(z)).all()
    assert np.isfinite(sm.softmax(z)).all()
    assert sm.softmax(z) == pytest.approx(by_definition([1.0, 2.0, 3.0]), rel=1e-12)
    assert sm.logsumexp(z) == pytest.approx(1000 + math.log(sum(map(math.exp, [1, 2, 3]))))


def test_log_softmax_keeps_tiny_probabilities_that_underflow() -> None:
    logp = sm.log_softmax([0.0, -800.0])
    assert logp[1] == pytest.approx(-800.0) and sm.softmax([0.0, -800.0])[1] == 0.0


@pytest.mark.parametrize("z", [[1.0, 2.0, 3.0], [0.5, -1.5, 2.0, 0.0]])
def test_jacobian_against_central_differences(z) -> None:
    point = np.array(z)
    numeric = np.column_stack(
        [(sm.softmax(point + e) - sm.softmax(point - e)) / 2e-6 for e in 1e-6 * np.eye(len(z))]
    )
    assert sm.softmax_jacobian(z) == pytest.approx(numeric, abs=1e-9)
    assert sm.softmax_jacobian(z).sum(axis=1) == pytest.approx(np.zeros(len(z)), abs=1e-15)


@pytest.mark.parametrize("y", [0, 1, 2])
def test_cross_entropy_and_gradient_for_one_sample(y) -> None:
    z = np.array([1.0, 2.0, 3.0])
    assert sm.cross_entropy(z, y) == pytest.approx(
        -math.log(by_definition([1, 2, 3])[y]), rel=1e-14
    )
    numeric = central_difference(lambda t: sm.cross_entropy(t, y), z, 1e-6)
    assert sm.cross_entropy_grad(z, y) == pytest.approx(numeric, abs=1e-9)


def test_batch_loss_is_the_mean_and_its_gradient_divides_by_n() -> None:
    z = np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]])
    y = np.array([1, 0])
    assert sm.cross_entropy(z, y) == pytest.approx(
        (sm.cross_entropy(z[0], 1) + sm.cross_entropy(z[1], 0)) / 2, rel=1e-14
    )
    flat = lambda t: sm.cross_entropy(t.reshape(2, 3), y)  # noqa: E731
    numeric = central_difference(flat, z.ravel(), 1e-6).reshape(2, 3)
    assert sm.cross_entropy_grad(z, y) == pytest.approx(numeric, abs=1e-9)


@pytest.mark.parametrize(
    "z, y, error, message",
    [
        ([1.0, 2.0], 2, ValueError, "outside 0"),
        ([1.0, 2.0], -1, ValueError, "outside 0"),
        ([[1.0, 2.0]], [0, 1], ValueError, "one class index per row"),
        ([1.0, 2.0], [0.0, 1.0], ValueError, "one class index per row"),
        ([[1.0, 2.0], [0.0, 0.0]], np.array([[0.0, 1.0], [1.0, 0.0]]), ValueError, "one class"),
        ([1.0, 2.0], 1.0, TypeError, "integer class indices"),
        ([1.0, float("inf")], 0, ValueError, "finite"),
        ([1.0, float("nan")], 0, ValueError, "finite"),
    ],
)
def test_bad_input_raises(z, y, error, message) -> None:
    with pytest.raises(error, match=message):
        sm.cross_entropy(z, y)
    with pytest.raises(error, match=message):
        sm.cross_entropy_grad(z, y)


def test_bad_logits_shape_raises() -> None:
    with pytest.raises(ValueError, match="logits"):
        sm.softmax([])
    with pytest.raises(ValueError, match="one vector"):
        sm.softmax_jacobian([[1.0, 2.0]])
