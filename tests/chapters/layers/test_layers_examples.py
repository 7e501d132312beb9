"""Chapter layers: the 2×3 layer worked by hand, the digits MLP's numbers, and its figures."""

from __future__ import annotations

import math

import numpy as np
import pytest

from descent.chapters.layers import examples as ex
from descent.chapters.layers import figures, tables
from descent.digits import load


def test_small_layer_by_loops() -> None:
    s = ex.small_layer()
    X, W, b, G = ex.X_SMALL, ex.W_SMALL, ex.B_SMALL, ex.G_SMALL
    for n in range(2):
        for j in range(3):
            assert s["Y"][n, j] == X[n, 0] * W[0, j] + X[n, 1] * W[1, j] + b[j]
    assert s["dW"].tolist() == [
        [sum(X[n, i] * G[n, j] for n in range(2)) for j in range(3)] for i in range(2)
    ]
    assert s["db"].tolist() == [G[0, j] + G[1, j] for j in range(3)]
    assert s["dX"].tolist() == [
        [sum(G[n, j] * W[i, j] for j in range(3)) for i in range(2)] for n in range(2)
    ]
    v = tables.values()
    assert v["dw_small"] == r"\begin{pmatrix} 7 & 3 & -1 \\ 0 & -1 & -2 \end{pmatrix}"


def test_digits_mlp_reaches_95_percent_and_the_engine_agrees() -> None:
    t, d = ex.trained(), load()
    assert len(t.train_loss) == ex.EPOCHS and len(t.run.losses) == ex.EPOCHS * 45
    assert t.test_accuracy[-1] >= 0.95
    assert t.test_accuracy[-1] == np.mean(t.predictions == d.y_test)
    assert t.train_loss[-1] < 0.1 * t.train_loss[0] / 0.9  # the loss fell by an order
    assert tables.agreement() < 1e-12
    counts = ex.confusion(d.y_test, t.predictions)
    assert counts.sum() == len(d.y_test)
    v = tables.values()
    assert int(v["errors"]) == counts.sum() - np.trace(counts)
    assert float(v["accuracy"]) == round(100 * (1 - int(v["errors"]) / len(d.y_test)), 1)
    assert v["steps_per_epoch"] == "45" and v["n_params"] == str(64 * 32 + 32 + 32 * 10 + 10)


def test_figures_have_one_panel_per_misclassified_image() -> None:
    wrong = int(tables.values()["errors"])
    assert len(figures.fig_digits_misclassified().axes) == wrong
    assert len(figures.fig_digits_learning_curve().axes) == 2
    assert len(figures.fig_digits_confusion().axes[0].texts) == np.count_nonzero(
        ex.confusion(load().y_test, ex.trained().predictions)
    )


def test_cross_entropy_on_probabilities_numbers() -> None:
    z = np.array([1.0, 2.0, 3.0])

    def ce(logits: np.ndarray) -> float:  # −ln softmax(logits)[2], with math's exp
        return -math.log(math.exp(logits[2]) / sum(math.exp(v) for v in logits))

    def softmax(v: np.ndarray) -> np.ndarray:
        e = np.array([math.exp(u) for u in v])
        return e / e.sum()

    def grad_norm(f) -> float:
        h = 1e-6
        g = [(f(z + h * e) - f(z - h * e)) / (2 * h) for e in np.eye(3)]
        return float(np.linalg.norm(g))

    v = tables.values()
    assert num(v["ce_loss_logits"]) == pytest.approx(ce(z), abs=5e-5)
    assert num(v["ce_loss_probs"]) == pytest.approx(ce(softmax(z)), abs=5e-5)
    assert num(v["ce_grad_logits"]) == pytest.approx(grad_norm(ce), abs=5e-5)
    assert num(v["ce_grad_probs"]) == pytest.approx(grad_norm(lambda u: ce(softmax(u))), abs=5e-5)
    assert num(v["ce_floor"]) == pytest.approx(ce(np.array([0.0, 0.0, 1.0])), abs=5e-5)
    # the floor is the least the double softmax can give: any probabilities lose at least that
    rng = np.random.default_rng(0)
    assert min(ce(softmax(rng.normal(size=3) * 5)) for _ in range(200)) > ce(np.eye(3)[2])


def num(text: str) -> float:
    return float(text.replace("−", "-"))
