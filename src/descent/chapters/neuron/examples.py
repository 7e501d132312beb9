"""Worked examples of the neuron chapter: the hand-worked neuron and the two training runs."""

from __future__ import annotations

from functools import cache

import numpy as np

from descent import datasets, logistic
from descent.graph import GraphNode, graph
from descent.optim import Run

W, B, X = (2.0, -3.0), -3.0, (-1.0, -2.0)  # the neuron worked by hand
STEPPER_Y = 1.0  # the label the graph stepper's descent steps aim at
LR, STEPS = 1.0, 300  # full-batch gradient descent, both losses from the saturated start
FIT_STEPS = 1000  # the fit from θ = 0: enough for four decimals of θ
START = (0.0, 0.0, 0.0)  # θ = (w₁, w₂, b) for the BCE fit
SATURATED = (4.0, 2.0, 4.0)  # a start where the neuron is saturated and mostly wrong


@cache
def worked() -> tuple[float, dict[str, float]]:
    """f at the worked point and ∂f/∂(each input) from the engine's backward pass."""
    f, inputs = logistic.neuron(list(W), B, list(X))
    f.backward()
    return f.data, {v.label: v.grad for v in inputs}


def worked_nodes() -> list[GraphNode]:
    """The worked neuron's graph after backward, as records for the figure."""
    f, _ = logistic.neuron(list(W), B, list(X))
    f.backward()
    return graph(f)


@cache
def data() -> datasets.Split:
    return datasets.breast_cancer()


@cache
def fit() -> Run:
    """Logistic regression by gradient descent on the training set, from θ = 0."""
    d = data()
    return logistic.train(d.x_train, d.y_train, np.array(START), LR, FIT_STEPS, "bce")


@cache
def saturated_runs() -> dict[str, Run]:
    """BCE and MSE, each from the same saturated start, same learning rate and steps."""
    d = data()
    start = np.array(SATURATED)
    return {k: logistic.train(d.x_train, d.y_train, start, LR, STEPS, k) for k in ("bce", "mse")}


def saturated_share(limit: float = 0.05) -> float:
    """Share of training samples with σ'(z) < ``limit`` at the saturated start."""
    y_hat = logistic.predict(np.array(SATURATED), data().x_train)
    return float(np.mean(y_hat * (1 - y_hat) < limit))


def accuracies(run: Run) -> np.ndarray:
    """Training accuracy after each step of a run."""
    d = data()
    return np.array([logistic.accuracy(t, d.x_train, d.y_train) for t in run.thetas])


def hessian_eigenvalues() -> np.ndarray:
    """Eigenvalues of the BCE Hessian at the fitted θ (all ≥ 0: the loss is convex)."""
    return np.linalg.eigvalsh(logistic.hessian(fit().theta, data().x_train))
