"""The convexity section of the gradient-descent chapter: the second-derivative (Hessian) test
on the book's two examples. Least squares on sample set 1-1 has the Hessian 2XᵀX, positive
definite; the double well x⁴ − 3x² + x has J''(x) = 12x² − 6 < 0 for |x| < 1/√2."""

from __future__ import annotations

import math

import numpy as np

from descent import landscapes as ls
from descent.build.table import fmt
from descent.data import SAMPLE_1_1
from descent.eigen2 import Eigen2, eigen_symmetric
from descent.linear import loss_wb

SLICE = ((1.0, 0.0), (3.0, -3.0))  # two lines (w, b) whose chord the figure draws


def ls_hessian() -> np.ndarray:
    """H = 2XᵀX of J(w, b) = Σ(w·x_i + b − y_i)², rows (x_i, 1): the same at every (w, b)."""
    x = SAMPLE_1_1.x
    return 2.0 * np.array([[np.sum(x * x), np.sum(x)], [np.sum(x), float(len(x))]])


def ls_eigen() -> Eigen2:
    h = ls_hessian()
    return eigen_symmetric(h[0, 0], h[0, 1], h[1, 1])


def concave_edge() -> float:
    """J''(x) = 12x² − 6 < 0 exactly for |x| below this, 1/√2."""
    return math.sqrt(6.0 / 12.0)


def well_chord(t: float) -> tuple[float, float, float]:
    """(x, J(x), chord) at the fraction t from the left valley floor to the right one."""
    left, _, right = ls.double_well_stationary()
    x = (1 - t) * left + t * right
    chord = (1 - t) * ls.double_well([left]) + t * ls.double_well([right])
    return x, ls.double_well([x]), chord


def ls_slice(t: float) -> tuple[float, float]:
    """(J, chord) at the fraction t along the segment between the two lines of SLICE."""
    (w1, b1), (w2, b2) = SLICE
    w, b = (1 - t) * w1 + t * w2, (1 - t) * b1 + t * b2
    j1, j2 = (loss_wb(w_, b_, SAMPLE_1_1.x, SAMPLE_1_1.y) for w_, b_ in SLICE)
    return loss_wb(w, b, SAMPLE_1_1.x, SAMPLE_1_1.y), (1 - t) * j1 + t * j2


def convexity_values() -> dict[str, str]:
    """Named numbers for the section (keys ``cvx_*``)."""
    h, e = ls_hessian(), ls_eigen()
    left, top, right = ls.double_well_stationary()
    t_top = (top - left) / (right - left)  # the hilltop, as a fraction of the way
    _, j_top, chord_top = well_chord(t_top)
    return {
        "cvx_h_ww": fmt(h[0, 0]), "cvx_h_wb": fmt(h[0, 1]), "cvx_h_bb": fmt(h[1, 1]),
        "cvx_lam_max": fmt(e.lam_max), "cvx_lam_min": fmt(e.lam_min),
        "cvx_edge": fmt(concave_edge()), "cvx_top_curv": fmt(12.0 * top**2 - 6.0),
        "cvx_top_j": fmt(j_top), "cvx_top_chord": fmt(chord_top),
    }  # fmt: skip
