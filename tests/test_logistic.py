"""Tests for descent.logistic and descent.datasets: the neuron against plain maths and central
differences, BCE and MSE gradients and the Hessian against differences, bad input raising."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pages import central_difference

from descent import datasets, logistic


def plain_neuron(v: np.ndarray) -> float:
    w1, w2, x1, x2, b = v
    return 1 / (1 + math.exp(-(w1 * x1 + w2 * x2 + b)))


@pytest.mark.parametrize(
    "w, b, x", [((2.0, -3.0), -3.0, (-1.0, -2.0)), ((0.3, 0.7), 0.1, (2.0, -1.5))]
)
def test_neuron_forward_and_backward_against_plain_maths(w, b, x) -> None:
    f, inputs = logistic.neuron(list(w), b, list(x))
    f.backward()
    point = np.array([*w, *x, b])
    assert f.data == pytest.approx(plain_neuron(point), rel=1e-15)
    numeric = central_difference(plain_neuron, point, 1e-6)
    assert [v.grad for v in inputs] == pytest.approx(numeric, abs=1e-9)


@pytest.fixture(scope="module")
def data() -> datasets.Split:
    return datasets.breast_cancer()


def test_breast_cancer_split_is_fixed_standardised_and_disjoint(data) -> None:
    again = datasets.breast_cancer()
    assert np.array_equal(data.x_train, again.x_train) and np.array_equal(
        data.y_test, again.y_test
    )
    assert len(data.y_train) + len(data.y_test) == 569
    assert data.x_train.mean(axis=0) == pytest.approx([0, 0], abs=1e-12)
    assert data.x_train.std(axis=0) == pytest.approx([1, 1], abs=1e-12)
    assert set(np.unique(data.y_train)) == {0.0, 1.0}
    raw_train = data.x_train * data.std + data.mean
    raw_test = data.x_test * data.std + data.mean
    assert not {tuple(r) for r in np.round(raw_train, 6)} & {
        tuple(r) for r in np.round(raw_test, 6)
    }
    assert not np.array_equal(datasets.breast_cancer(seed=1).y_test, data.y_test)


def test_bad_test_fraction_raises() -> None:
    with pytest.raises(ValueError, match="test_fraction"):
        datasets.breast_cancer(test_fraction=1.0)


def test_bce_is_the_negative_log_likelihood() -> None:
    y_hat, y = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 0.0])
    likelihood = 0.9 * 0.8 * 0.4
    assert logistic.bce(y_hat, y) == pytest.approx(-math.log(likelihood) / 3, rel=1e-14)
    assert logistic.bce(np.array([1.0, 0.0]), np.array([1.0, 0.0])) == 0.0


@pytest.mark.parametrize(
    "y_hat, y, message",
    [
        (1.5, 1.0, "y_hat must be probabilities"),
        (-0.1, 0.0, "y_hat must be probabilities"),
        (0.5, 0.5, "labels 0 or 1"),
        (np.array([0.5, 0.5]), np.array([1.0]), "shape"),
    ],
)
def test_bce_bad_input_raises(y_hat, y, message) -> None:
    with pytest.raises(ValueError, match=message):
        logistic.bce(y_hat, y)


@pytest.mark.parametrize("z", [-8.0, -1.0, 0.3, 5.0])
@pytest.mark.parametrize("y", [0.0, 1.0])
def test_gradients_over_z_against_differences(z, y) -> None:
    def bce_of(t):
        s = 1 / (1 + math.exp(-t[0]))
        return -(y * math.log(s) + (1 - y) * math.log(1 - s))

    def mse_of(t):
        return 0.5 * (1 / (1 + math.exp(-t[0])) - y) ** 2

    point = np.array([z])
    assert logistic.bce_grad_z(z, y) == pytest.approx(
        central_difference(bce_of, point, 1e-6)[0], abs=1e-8
    )
    assert logistic.mse_grad_z(z, y) == pytest.approx(
        central_difference(mse_of, point, 1e-6)[0], abs=1e-9
    )


def test_mse_gradient_vanishes_in_saturation_while_bce_does_not() -> None:
    assert abs(logistic.mse_grad_z(-12.0, 1.0)) < 1e-5
    assert logistic.bce_grad_z(-12.0, 1.0) == pytest.approx(-1.0, abs=1e-5)


@pytest.mark.parametrize("name", ["bce_loss_grad", "mse_loss_grad"])
def test_batch_gradients_against_central_differences(data, name) -> None:
    f = getattr(logistic, name)
    theta = np.array([-1.2, 0.4, 0.3])
    numeric = central_difference(lambda t: f(t, data.x_train, data.y_train)[0], theta, 1e-6)
    assert f(theta, data.x_train, data.y_train)[1] == pytest.approx(numeric, abs=1e-8)


def test_hessian_matches_differences_and_is_positive_semidefinite(data) -> None:
    theta = np.array([-1.2, 0.4, 0.3])
    h = logistic.hessian(theta, data.x_train)
    grad = lambda t: logistic.bce_loss_grad(t, data.x_train, data.y_train)[1]  # noqa: E731
    numeric = np.column_stack(
        [(grad(theta + e) - grad(theta - e)) / 2e-6 for e in 1e-6 * np.eye(3)]
    )
    assert h == pytest.approx(numeric, abs=1e-7)
    assert np.linalg.eigvalsh(h).min() > 0


def test_training_lowers_the_loss_and_separates_better_than_chance(data) -> None:
    run = logistic.train(data.x_train, data.y_train, np.zeros(3), 1.0, 1000)
    assert np.all(np.diff(run.losses) <= 1e-15)  # convex, small enough steps: never up
    assert logistic.accuracy(run.theta, data.x_test, data.y_test) > 0.85
    assert np.linalg.norm(run.grads[-1]) < 1e-5


def test_mismatched_batch_and_non_finite_inputs_raise(data) -> None:
    theta = np.zeros(3)
    with pytest.raises(ValueError, match="x must be"):
        logistic.bce_loss_grad(theta, data.x_train, data.y_train[:-1])
    bad = data.x_train.copy()
    bad[0, 0] = np.nan
    with pytest.raises(ValueError, match="finite"):
        logistic.bce_loss_grad(theta, bad, data.y_train)
    with pytest.raises(KeyError):
        logistic.train(data.x_train, data.y_train, theta, 1.0, 1, loss="hinge")


@pytest.mark.parametrize("z", [-30.0, -8.0, -1.0, 0.0, 0.3, 5.0, 30.0])
@pytest.mark.parametrize("y", [0.0, 1.0])
def test_bce_with_logits_is_bce_of_the_sigmoid_and_its_gradient(z, y) -> None:
    # −ln σ(z) = ln(1 + e^(−z)) and −ln(1 − σ(z)) = ln(1 + e^z), without rounding σ first
    by_definition = math.log1p(math.exp(-z)) if y == 1 else math.log1p(math.exp(z))
    assert logistic.bce_with_logits(z, y) == pytest.approx(by_definition, rel=1e-12, abs=1e-15)
    difference = central_difference(
        lambda t: logistic.bce_with_logits(t[0], y), np.array([z]), 1e-6
    )
    assert logistic.bce_with_logits_grad(z, y) == pytest.approx(difference[0], abs=1e-8)


def test_bce_with_logits_is_a_mean_and_stays_finite_for_huge_logits() -> None:
    z, y = np.array([2.0, -1.0, 0.5]), np.array([1.0, 0.0, 0.0])
    each = [logistic.bce_with_logits(zi, yi) for zi, yi in zip(z, y, strict=True)]
    assert logistic.bce_with_logits(z, y) == pytest.approx(np.mean(each), rel=1e-15)
    assert logistic.bce_with_logits(1000.0, 0.0) == 1000.0  # ln(1 − σ(1000)) would be −inf
    assert logistic.bce_with_logits(-1000.0, 0.0) == 0.0


@pytest.mark.parametrize(
    "z, y, message",
    [
        (np.array([np.inf]), np.array([1.0]), "finite"),
        (np.array([np.nan, 0.0]), np.array([1.0, 0.0]), "finite"),
        (np.array([0.0, 1.0]), np.array([1.0]), "one label per logit"),
        (np.array([]), np.array([]), "one label per logit"),
        (np.array([0.0]), np.array([2.0]), "labels 0 or 1"),
    ],
)
def test_bce_with_logits_bad_input_raises(z, y, message) -> None:
    for f in (logistic.bce_with_logits, logistic.bce_with_logits_grad):
        with pytest.raises(ValueError, match=message):
            f(z, y)


@pytest.mark.parametrize("f", [logistic.bce_grad_z, logistic.mse_grad_z])
def test_gradients_over_z_refuse_mismatched_batches(f) -> None:
    with pytest.raises(ValueError, match="one label per z"):
        f(np.zeros((2, 1)), np.array([1.0, 0.0]))  # would broadcast to 2 × 2
    with pytest.raises(ValueError, match="one label per z"):
        f(np.zeros(2), np.array([1.0, 0.0, 1.0]))
    with pytest.raises(ValueError, match="labels 0 or 1"):
        f(np.zeros(2), np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="finite"):
        f(np.array([np.nan, 0.0]), np.array([1.0, 0.0]))


def test_breast_cancer_reads_exactly_what_scikit_learn_loads(data) -> None:
    from sklearn.datasets import load_breast_cancer

    raw = load_breast_cancer()
    columns = [list(raw.feature_names).index(name) for name in datasets.FEATURES]
    assert columns == [datasets.COLUMNS[name] for name in datasets.FEATURES]
    table = datasets._bundled_csv("breast_cancer.csv")
    assert np.array_equal(table[:, :-1], raw.data)  # bit for bit
    assert np.array_equal(table[:, -1], raw.target)
