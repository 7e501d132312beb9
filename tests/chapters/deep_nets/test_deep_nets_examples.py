"""Chapter deep-nets: the measured numbers behave as the text says."""

from __future__ import annotations

import math

import numpy as np

from descent.chapters.deep_nets import examples as ex
from descent.chapters.deep_nets import figures, tables


def test_vanishing_and_steady_gradients() -> None:
    sig_small = ex.norms("sigmoid", "small")
    assert sig_small[0] / sig_small[-1] < 1e-15  # vanished on the way down
    relu_he = ex.norms("relu", "he")
    assert 0.3 < relu_he[0] / relu_he[-1] < 3  # the same order of magnitude in every layer
    large = ex.norms("relu", "large")
    assert large.min() > 1e6  # exploded: far larger than any useful step
    v = tables.values()
    assert v["n_var_small"] == "0.0064"  # n·σ_w² = 64 · 0.01²
    assert v["predicted_small_inv"] == "50" and 35 < float(v["measured_small"]) < 65
    predicted, measured = 0.02**2, sig_small[2] / sig_small[4]
    assert abs(measured / predicted - 1) < 0.2  # the exercise: ratio of layers 3 and 5


def test_xavier_halves_relu_variance_per_layer_relative_to_he() -> None:
    measured = ex.variance_drop("xavier") / ex.variance_drop("he")
    assert abs(measured / 0.5 ** (ex.DEPTH - 1) - 1) < 0.3


def test_training_stalls_or_moves() -> None:
    for activation, scheme in (("sigmoid", "small"), ("sigmoid", "xavier")):
        losses = ex.epoch_losses(activation, scheme)
        assert np.all(np.abs(losses[1:] - math.log(10)) < 0.02)  # guessing: ln 10
    for activation, scheme in (("tanh", "xavier"), ("relu", "he")):
        assert ex.epoch_losses(activation, scheme)[-1] < 0.2


def test_figures() -> None:
    assert len(figures.fig_gradient_norms_depth().axes) == 3
    assert len(figures.fig_deep_training().axes[0].lines) == len(ex.RUNS) + 1
