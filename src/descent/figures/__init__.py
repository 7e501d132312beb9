"""Figures of the book: one ``fig_<name>()`` function per ``docs/figures/<name>.svg``.

Each submodule holds the figures of one chapter. A figure function builds a
``matplotlib.figure.Figure`` from data computed by tested functions and returns it;
it never computes the maths itself. Figures carry math and numbers, not sentences,
so one SVG serves both languages. ``svg_bytes`` renders reproducibly.
"""

from __future__ import annotations

import io

import matplotlib
from matplotlib.figure import Figure

# Fixed salt and no date: the same figure gives the same bytes on every run.
SVG_RC = {
    "svg.hashsalt": "descent",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "mathtext.fontset": "dejavusans",
    "axes.grid": True,
    "grid.alpha": 0.3,
    "figure.dpi": 100,
}

# Colours used throughout the book (colour-blind safe, readable on white).
BLUE, ORANGE, GREEN, RED, PURPLE, GREY = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#666666",
)


def new_figure(width: float = 6.4, height: float = 4.0) -> Figure:
    """Return an empty figure with the book's style (no pyplot global state)."""
    with matplotlib.rc_context(SVG_RC):
        return Figure(figsize=(width, height), layout="constrained")


def svg_bytes(fig: Figure) -> bytes:
    """Render ``fig`` to SVG bytes; the same drawing built twice gives the same bytes.

    >>> def line():
    ...     fig = new_figure(2, 2)
    ...     fig.add_subplot().plot([0, 1], [0, 1])
    ...     return fig
    >>> svg_bytes(line()) == svg_bytes(line())
    True
    """
    buffer = io.BytesIO()
    with matplotlib.rc_context(SVG_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
