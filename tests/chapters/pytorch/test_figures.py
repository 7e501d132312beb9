"""Figures of chapters 10 and 11: they draw our engine's runs."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.chapters.pitfalls import tables as pitfalls
from descent.chapters.pytorch import figures as figs
from descent.chapters.pytorch import tables as pytorch


def test_origin_line_draws_the_two_fitted_lines():
    fig = figs.fig_origin_line()
    assert isinstance(fig, Figure)
    lines = fig.axes[0].get_lines()
    w_only = pytorch.fits()["per_sample_w"]["w"].data
    grid, values = lines[1].get_data()
    np.testing.assert_allclose(values, w_only * grid)


def test_no_zero_grad_draws_both_loss_curves():
    fig = figs.fig_no_zero_grad()
    curves = [line.get_data()[1] for line in fig.axes[0].get_lines()]
    runs = pitfalls.full_batch()
    np.testing.assert_array_equal(curves[0], runs["full_batch"]["loss"])
    np.testing.assert_array_equal(curves[1], runs["no_zero_grad"]["loss"])
