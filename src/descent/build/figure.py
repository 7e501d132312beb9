"""Figures of the book: one ``fig_<name>()`` function per ``docs/figures/<name>.svg``.

Each submodule holds the figures of one chapter. A figure function builds a
``matplotlib.figure.Figure`` from data computed by tested functions and returns it;
it never computes the maths itself. Figures carry math and numbers, not sentences,
so one SVG serves both languages. ``svg_bytes`` renders reproducibly.
"""

from __future__ import annotations

import io
import re

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
    return round_coordinates(buffer.getvalue().decode()).encode()


_DECIMAL = re.compile(r"-?\d+\.\d{3,}")
_GEOMETRY = re.compile(r'(\s(?:d|x|y|points)=")([^"]*)(")')


def round_coordinates(svg: str) -> str:
    """Round path and position coordinates to 1/100 pt, a quarter of the figures' bytes.

    matplotlib writes up to six decimals; a hundredth of a point is far below what a screen
    shows. Only geometry attributes change: transforms such as ``scale(0.015625)`` keep theirs.

    >>> round_coordinates('<path d="M 57.6 307.58413 L 1.005 -2.0049"/>')
    '<path d="M 57.6 307.58 L 1.0 -2.0"/>'
    """

    def shorten(number: re.Match) -> str:
        text = f"{float(number.group()):.2f}".rstrip("0")
        return text + "0" if text.endswith(".") else text

    return _GEOMETRY.sub(lambda m: m[1] + _DECIMAL.sub(shorten, m[2]) + m[3], svg)
