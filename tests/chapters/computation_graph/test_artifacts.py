"""Chapter 7's tables, values and figures, each recomputed without the engine: closed forms
(z = (2w + 3b)(2b + 1), ∂z/∂w = 4b + 2, ∂z/∂b = 4w + 12b + 3) and plain loops."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from matplotlib.figure import Figure
from pages import table_rows as rows

from descent.build.figure import svg_bytes
from descent.chapters.computation_graph import figures as figs
from descent.chapters.computation_graph import tables as t

V = t.values()


def z_of(w: float, b: float) -> float:
    return (2 * w + 3 * b) * (2 * b + 1)


def grad_z(w: float, b: float) -> tuple[float, float]:
    return 4 * b + 2, 4 * w + 12 * b + 3


def sci(cell: str) -> float:
    m = re.fullmatch(r"\$(-?[\d.]+) \\times 10\^\{(-?\d+)\}\$", cell)
    assert m, cell
    return float(m[1]) * 10 ** int(m[2])


def loop(move: str, recompute: bool) -> list[tuple[float, ...]]:
    """(w, b, z, Δz, f_w, f_b, Δw, Δb) per line of an error-division run, by plain arithmetic."""
    w, b = 3.0, 4.0
    f0 = grad_z(w, b)
    out = []
    while abs(z_of(w, b) - 150) >= 1e-5:
        d = z_of(w, b) - 150
        fw, fb = grad_z(w, b) if recompute else f0
        dw = d / len(move) / fw if "w" in move else 0.0
        db = d / len(move) / fb if "b" in move else 0.0
        out.append((w, b, z_of(w, b), d, fw, fb, dw, db))
        w, b = w - dw, b - db
    out.append((w, b, z_of(w, b), z_of(w, b) - 150))
    return out


def gd(move: str, lr: float) -> list[np.ndarray]:
    theta = np.array([3.0, 4.0])
    path = [theta]
    while abs(z_of(*theta) - 150) >= 1e-5:
        g = (z_of(*theta) - 150) * np.array(grad_z(*theta))
        theta = theta - lr * (g if move == "wb" else g * [0, 1])
        path.append(theta)
    return path


def test_graph_nodes_table() -> None:
    got = {r[0]: (float(r[1]), float(r[2])) for r in rows(t.table_target_graph_nodes())}
    # value and ∂z/∂node: u = 2w and v = 3b feed x (∂z/∂x = y), s = 2b feeds y (∂z/∂y = x)
    assert got == {
        "$w$": (3, 18), "$b$": (4, 63), "$u = 2w$": (6, 9), "$v = 3b$": (12, 9),
        "$x = u + v$": (18, 9), "$s = 2b$": (8, 18), "$y = s + 1$": (9, 18),
        r"$z = x \cdot y$": (162, 1),
    }  # fmt: skip


@pytest.mark.parametrize("move", ["b", "wb"])
@pytest.mark.parametrize("kind", ["fixed", "recomputed"])
def test_iteration_logs(move: str, kind: str) -> None:
    table = getattr(t, f"table_target_{move}_{kind}")()
    want = loop(move, kind == "recomputed")
    got = rows(table)
    assert len(got) == len(want)
    for k, (row, line) in enumerate(zip(got, want, strict=True)):
        assert row[0] == str(k)
        cols = (0, 1, 2, 3, 4, 5, 6, 7) if move == "wb" else (1, 2, 3, 5, 7)
        expected = [line[i] for i in cols if i < len(line)]
        assert [float(c) for c in row[1:] if c] == pytest.approx(expected, abs=5e-7)
        for cell in row[1:]:
            assert cell == "" or re.fullmatch(r"-?\d+\.\d{6}", cell)


def test_convergence_table() -> None:
    got = rows(t.table_target_convergence())
    fixed = [line[3] for line in loop("b", False)]
    newton = [line[3] for line in loop("b", True)]
    for k, row in enumerate(got):
        assert sci(row[1]) == pytest.approx(fixed[k], rel=1e-3)
        if k + 1 < len(fixed):
            assert float(row[2]) == pytest.approx(fixed[k + 1] / fixed[k], abs=5e-7)
        if k + 1 < len(newton) and abs(newton[k + 1]) > 1e-9:
            # eq. 7.11: Δz_{k+1}/Δz_k² = 6/z'(b_k)², exactly
            b = loop("b", True)[k][1]
            assert float(row[4]) == pytest.approx(6 / grad_z(3, b)[1] ** 2, abs=5e-7)
        elif k < len(newton):
            assert row[4] == ""  # the next error is at rounding level: no ratio shown
    # the ratios approach their limits 1 − z'(b*)/63 and 6/z'(b*)²
    b_star = (-5 + math.sqrt(409)) / 4
    slope = 15 + 12 * b_star
    assert float(V["slope_root"]) == pytest.approx(slope, abs=5e-7)
    assert float(V["linear_limit"]) == pytest.approx(1 - slope / 63, abs=5e-7)
    assert float(V["quadratic_limit"]) == pytest.approx(6 / slope**2, abs=5e-7)
    assert float(got[4][2]) == pytest.approx(1 - slope / 63, abs=1e-5)


def test_methods_table() -> None:
    got = rows(t.table_target_methods())
    want = []
    for move in ("b", "wb"):
        for kind in (False, True):
            last = loop(move, kind)
            want.append((len(last) - 1, last[-1][0], last[-1][1], last[-1][3]))
        for lr in (1e-4, 2e-4):
            path = gd(move, lr)
            w, b = path[-1]
            want.append((len(path) - 1, w, b, z_of(w, b) - 150))
    assert len(got) == len(want)
    for row, (n, w, b, d) in zip(got, want, strict=True):
        assert int(row[2]) == n
        assert (float(row[3]), float(row[4])) == pytest.approx((w, b), abs=5e-7)
        assert sci(row[5]) == pytest.approx(d, rel=2e-3)


def test_values() -> None:
    assert (V["x"], V["y"], V["z"], V["dz_dw"], V["dz_db"]) == ("18", "9", "162", "18", "63")
    assert (V["dz_dx"], V["dz_dy"]) == ("9", "18")
    assert float(V["w_one"]) == pytest.approx(7 / 3, abs=5e-7) and V["z_one"] == "150"
    assert float(V["dw_one"]) == pytest.approx(2 / 3, abs=5e-7)
    b1 = 4 - 12 / 63
    assert float(V["b1"]) == pytest.approx(b1, abs=5e-7)
    assert float(V["z1"]) == pytest.approx(z_of(3, b1), abs=5e-7)
    assert float(V["dz1"]) == pytest.approx(z_of(3, b1) - 150, abs=5e-7)
    assert float(V["b_root"]) == pytest.approx((-5 + math.sqrt(409)) / 4, abs=5e-7)
    assert float(V["b_root_neg"]) == pytest.approx((-5 - math.sqrt(409)) / 4, abs=5e-7)
    for move, key in (("b", "b"), ("wb", "wb")):
        assert int(V[f"steps_{key}_fixed"]) == len(loop(move, False)) - 1
        assert int(V[f"steps_{key}_new"]) == len(loop(move, True)) - 1
    for key, kind in (("fixed", False), ("new", True)):
        last = loop("wb", kind)[-1]
        assert float(V[f"wb_{key}_w"]) == pytest.approx(last[0], abs=5e-7)
        assert float(V[f"wb_{key}_b"]) == pytest.approx(last[1], abs=5e-7)
    assert float(V["split_dw"]) == pytest.approx(6 / 18, abs=5e-7)
    assert float(V["split_db"]) == pytest.approx(6 / 63, abs=5e-7)
    assert V["split_ratio"] == "3.5"  # (6/18)/(6/63) = 63/18
    assert V["lr_match"] == r"2.520 \times 10^{-4}"  # 1/63² = 2.5195…·10⁻⁴
    slope = 15 + 12 * (-5 + math.sqrt(409)) / 4
    assert V["lr_limit"] == f"{2 / slope**2 * 1e4:.3f} \\times 10^{{-4}}"
    for move in ("b", "wb"):
        for lr, key in ((1e-4, "1"), (2e-4, "2")):
            path = gd(move, lr)
            assert int(V[f"gd_{move}_steps_{key}"]) == len(path) - 1
            theta = path[-1] if move == "wb" else path[-1][1:]
            names = [V[f"gd_{move}_{n}_{key}"] for n in move]
            assert [float(s) for s in names] == pytest.approx(list(theta), abs=5e-7)


def test_the_gradient_descent_runs_end_on_the_curve_z_150() -> None:
    for move in ("b", "wb"):
        w, b = gd(move, 1e-4)[-1]
        assert abs(z_of(w, b) - 150) < 1e-5


@pytest.mark.parametrize("name", ["fig_target_graph", "fig_target_errors"])
def test_figures_build_and_are_reproducible(name: str) -> None:
    build = getattr(figs, name)
    fig = build()
    assert isinstance(fig, Figure) and fig.axes
    assert svg_bytes(fig) == svg_bytes(build())


def test_graph_places_every_node_once() -> None:
    place = figs.graph_place()
    assert sorted(place) == list(range(12)) and len(set(place.values())) == 12
