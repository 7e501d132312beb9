"""Tables and named numbers of the linear-algebra primer (value keys ``linear_algebra.<key>``).

Every number on the page comes from here: small vectors and matrices worked by hand, and the
book's own least-squares bowl (sample set 1-1, chapter 2) as the example of a Hessian.
"""

from __future__ import annotations

import math

import numpy as np

from descent.build.table import fmt, markdown_table
from descent.data import SAMPLE_1_1
from descent.eigen2 import curvature, eigen_symmetric

U, V = (3.0, 4.0), (1.0, 2.0)  # two vectors in the plane
A = (3.0, 1.0, 3.0)  # the symmetric matrix [[3, 1], [1, 3]], written (a, b, d)
THETA = (2.0, 0.1)  # a line ŷ = w·x + b, (w, b), for the data-matrix example
ROWS = 3  # the first three samples of set 1-1 in the data-matrix example
ANGLES = (0, 30, 45, 60, 90, 135)  # directions u = (cos φ, sin φ), in degrees


def _vec(values) -> str:
    return "(" + ",\\ ".join(fmt(float(x), 6) for x in values) + ")"


def data_matrix(n: int = ROWS) -> np.ndarray:
    """X with one row (x_i, 1) per sample of set 1-1: Xθ is the line's predictions."""
    x = SAMPLE_1_1.x[:n]
    return np.column_stack([x, np.ones_like(x)])


def gram() -> np.ndarray:
    """XᵀX over all ten samples: [[Σx², Σx], [Σx, n]]."""
    X = data_matrix(len(SAMPLE_1_1.x))
    return X.T @ X


def table_la_curvature() -> str:
    """Curvature uᵀAu of the bowl ½θᵀAθ along unit directions u = (cos φ, sin φ)."""
    rows = []
    for deg in ANGLES:
        phi = math.radians(deg)
        u = (math.cos(phi), math.sin(phi))
        rows.append([f"{deg}°", f"${_vec(u)}$", fmt(curvature(*A, u), 6)])
    return markdown_table(["$\\varphi$", "$u$", "$u^\\top A u$"], rows)


def _vector_values() -> dict[str, str]:
    u, v = np.array(U), np.array(V)
    dot = float(u @ v)
    cos = dot / (math.hypot(*U) * math.hypot(*V))
    return {
        "u": _vec(u), "v": _vec(v), "u_plus_v": _vec(u + v), "two_v": _vec(2 * v),
        "u_len": fmt(math.hypot(*U)), "v_len": fmt(math.hypot(*V), 6), "dot": fmt(dot),
        "cos": fmt(cos, 6), "angle": fmt(math.degrees(math.acos(cos)), 2),
        "u_perp": _vec((U[1], -U[0])), "perp_dot": fmt(U[1] * U[0] - U[0] * U[1]),
    }  # fmt: skip


def _matrix_values() -> dict[str, str]:
    a, b, d = A
    matrix = np.array([[a, b], [b, d]])
    X = data_matrix()
    pred = X @ np.array(THETA)
    err = pred - SAMPLE_1_1.y[:ROWS]
    G = gram()
    return {
        "av": _vec(matrix @ np.array(V)), "theta": _vec(THETA), "x_rows": str(ROWS),
        "pred": _vec(pred), "err": _vec(err), "y3": _vec(SAMPLE_1_1.y[:ROWS]),
        "g_xx": fmt(G[0, 0]), "g_x1": fmt(G[0, 1]), "g_11": fmt(G[1, 1]),
    }  # fmt: skip


def _eigen_values() -> dict[str, str]:
    a, b, d = A
    e = eigen_symmetric(*A)
    matrix = np.array([[a, b], [b, d]])
    G = gram()
    h = eigen_symmetric(2 * G[0, 0], 2 * G[0, 1], 2 * G[1, 1])  # the Hessian of SSE: 2XᵀX
    return {
        "lam_max": fmt(e.lam_max), "lam_min": fmt(e.lam_min),
        "v_max": _vec(e.v_max), "v_min": _vec(e.v_min),
        "av_max": _vec(matrix @ np.array(e.v_max)), "a_trace": fmt(a + d),
        "a_det": fmt(a * d - b * b), "a_kappa": fmt(e.lam_max / e.lam_min),
        "a_lr_limit": fmt(2 / e.lam_max), "h_xx": fmt(2 * G[0, 0]), "h_x1": fmt(2 * G[0, 1]),
        "h_11": fmt(2 * G[1, 1]), "h_max": fmt(h.lam_max, 4), "h_min": fmt(h.lam_min, 4),
        "h_kappa": fmt(h.lam_max / h.lam_min, 1), "h_lr_limit": fmt(2 / h.lam_max, 6),
    }  # fmt: skip


def values() -> dict[str, str]:
    """Named numbers for the primer's prose."""
    return _vector_values() | _matrix_values() | _eigen_values()
