"""The neuron chapter's tables, values and figures, checked against independent computations:
plain-math gradients, scikit-learn's own logistic regression, a plain loop for the stall."""

from __future__ import annotations

import math

import numpy as np
import pytest
from matplotlib.figure import Figure
from pages import central_difference
from pages import table_rows as rows
from sklearn.linear_model import LogisticRegression

from descent.build.figure import svg_bytes
from descent.chapters.neuron import examples as ex
from descent.chapters.neuron import figures as figs
from descent.chapters.neuron import tables as t
from descent.datasets import breast_cancer

V = t.values()


def number(cell: str) -> float:
    return float(cell.replace("−", "-").replace(" %", ""))


def plain_neuron(v: np.ndarray) -> float:
    w1, w2, x1, x2, b = v
    return 1 / (1 + math.exp(-(w1 * x1 + w2 * x2 + b)))


def test_worked_values_are_sigma_of_one() -> None:
    s = 1 / (1 + math.exp(-1))
    assert V["z"] == "1" and number(V["f"]) == pytest.approx(s, abs=5e-7)
    assert number(V["s_prime"]) == pytest.approx(s * (1 - s), abs=5e-7)


def test_gradient_table_matches_central_differences() -> None:
    point = np.array([*ex.W, *ex.X, ex.B])
    numeric = dict(
        zip(
            ["w_1", "w_2", "x_1", "x_2", "b"],
            central_difference(plain_neuron, point, 1e-6),
            strict=True,
        )
    )
    table = rows(t.table_neuron_gradients())
    assert [r[0] for r in table] == [
        f"$\\partial f/\\partial {v}$" for v in ("x_1", "x_2", "w_1", "w_2", "b")
    ]
    for r, name in zip(table, ("x_1", "x_2", "w_1", "w_2", "b"), strict=True):
        assert r[3] == r[4]  # the hand formula and the engine print the same digits
        assert number(r[4]) == pytest.approx(numeric[name], abs=5e-7)


def test_fit_agrees_with_scikit_learn_unregularised_logistic_regression() -> None:
    d = breast_cancer()
    model = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(d.x_train, d.y_train)
    reference = [*model.coef_[0], model.intercept_[0]]
    (row,) = rows(t.table_neuron_fit())
    assert [number(c) for c in row[:3]] == pytest.approx(reference, abs=5e-5)
    assert number(row[5]) == pytest.approx(100 * model.score(d.x_test, d.y_test), abs=0.05)
    assert number(row[4]) == pytest.approx(100 * model.score(d.x_train, d.y_train), abs=0.05)
    assert number(V["test_accuracy"]) == number(row[5])


def test_mse_from_the_saturated_start_stalls_at_calling_everything_benign() -> None:
    d = breast_cancer()
    theta = np.array(ex.SATURATED)
    for _ in range(ex.STEPS):  # plain loop: mean ½(ŷ − y)², gradient with σ'
        y_hat = 1 / (1 + np.exp(-(d.x_train @ theta[:2] + theta[2])))
        r = (y_hat - d.y_train) * y_hat * (1 - y_hat) / len(y_hat)
        theta = theta - ex.LR * np.append(d.x_train.T @ r, r.sum())
    y_hat = 1 / (1 + np.exp(-(d.x_train @ theta[:2] + theta[2])))
    assert (y_hat >= 0.5).all()  # still says "benign" for every sample
    assert number(V["mse_acc_end"]) == pytest.approx(100 * d.y_train.mean(), abs=0.05)
    assert number(V["mse_acc_end"]) == number(V["benign_share"])
    assert number(V["bce_acc_end"]) > number(V["mse_acc_end"]) + 20


def test_saturated_start_is_mostly_wrong_and_saturated() -> None:
    d = breast_cancer()
    s = 1 / (1 + np.exp(-(d.x_train @ np.array(ex.SATURATED[:2]) + ex.SATURATED[2])))
    assert number(V["sat_share"]) == pytest.approx(100 * np.mean(s * (1 - s) < 0.05), abs=0.05)
    right = (s >= 0.5) == (d.y_train == 1)
    assert number(V["start_acc"]) == pytest.approx(100 * right.mean(), abs=0.05)


def test_hessian_eigenvalues_are_positive() -> None:
    assert 0 < float(V["eig_min"]) < float(V["eig_max"])


def test_exercise_gradients_at_minus_eight() -> None:
    s = 1 / (1 + math.exp(8))
    assert number(V["bce_grad_m8"]) == pytest.approx(s - 1, abs=5e-7)
    assert number(V["mse_grad_m8"]) == pytest.approx((s - 1) * s * (1 - s), abs=5e-7)
    assert (V["bce_grad_0"], V["mse_grad_0"]) == ("−0.5", "−0.125")


@pytest.mark.parametrize("name", [n for n in dir(figs) if n.startswith("fig_")])
def test_figures_render_the_same_bytes_twice(name) -> None:
    fig = getattr(figs, name)()
    assert isinstance(fig, Figure)
    assert svg_bytes(fig) == svg_bytes(getattr(figs, name)())
