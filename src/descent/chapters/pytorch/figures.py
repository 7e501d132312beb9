"""Figures of chapter 10 (what PyTorch does) and chapter 11 (pitfalls), from our engine's runs.

Our engine's fits agree with PyTorch's to 1e-12 (``nox -s torch`` checks it), so these draw
our numbers and need no PyTorch.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from descent.build.figure import BLUE, GREY, RED, new_figure
from descent.chapters.pitfalls import tables as tp
from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch import tables as t
from descent.twins.record_format import number


def fig_origin_line() -> Figure:
    """The data, the best line through the origin (w only) and the fitted line w·x + b."""
    x, y = ex.line_data()
    fits = t.fits()
    w_only = number(fits["per_sample_w"]["w"])
    w, b = number(fits["per_sample_wb"]["w"]), number(fits["per_sample_wb"]["b"])
    grid = np.linspace(0.0, 1.0, 11)
    fig = new_figure(6.0, 3.6)
    ax = fig.subplots()
    ax.plot(x, y, "o", color=GREY)
    ax.plot(grid, w_only * grid, color=RED, label=f"$\\hat y = {w_only:.2f}\\,x$")
    ax.plot(grid, w * grid + b, color=BLUE, label=f"$\\hat y = {w:.2f}\\,x + {b:.2f}$")
    ax.axhline(0.0, color=GREY, linewidth=0.6)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.legend(fontsize=9)
    return fig


def fig_no_zero_grad() -> Figure:
    """The loss per step with zero_grad (decreasing) and without it (swinging, never settling)."""
    runs = tp.full_batch()
    fig = new_figure(6.0, 3.4)
    ax = fig.subplots()
    for run, colour, label in (("full_batch", BLUE, "✓"), ("no_zero_grad", RED, "✗")):
        losses = runs[run]["loss"]
        ax.semilogy(np.arange(len(losses)), losses, color=colour, label=f"{label} zero_grad")
    ax.set_xlabel("$k$")
    ax.set_ylabel("$J$")
    ax.legend(fontsize=9)
    return fig
