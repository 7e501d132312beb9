"""Tests for the derivatives chapter's tables and figures, recomputed directly."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from pages import table_rows as rows

from descent.chapters.derivatives import figures as figs
from descent.chapters.derivatives import tables as t

V = t.values()
EPS = np.finfo(float).eps


def num(text: str) -> float:
    return float(text.rstrip("°"))


def sig(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def test_limit_table_quotient_misses_the_slope_by_h() -> None:
    table = rows(t.table_derivative_limit())
    assert [num(r[0]) for r in table] == list(t.LIMIT_HS)
    for r in table:
        h = num(r[0])
        assert num(r[1]) == pytest.approx((2.5 + h - 1) ** 2 + 2)
        # (3.2): Q(h) = 2(x0 − 1) + h
        assert num(r[2]) == pytest.approx(3.0 + h, abs=1e-8)
        assert num(r[3]) == pytest.approx(h, rel=1e-3)


RULES_DIRECT = [
    lambda v: 0.0,
    lambda v: 3 * v * v,
    math.exp,
    lambda v: 1 / v,
    math.cos,
    lambda v: -math.sin(v),
    lambda v: sig(v) * (1 - sig(v)),
]


def test_rules_table_rows() -> None:
    table = rows(t.table_derivative_rules())
    assert len(table) == 7 * 3
    for i, r in enumerate(table):
        v = num(r[2])
        exact = RULES_DIRECT[i // 3](v)
        assert num(r[3]) == pytest.approx(exact, abs=1e-10)
        assert num(r[4]) == pytest.approx(exact, abs=1e-9)
        assert num(r[5]) < 1e-9


def test_directional_table_is_gradient_dot_u() -> None:
    table = rows(t.table_directional_derivatives())
    assert len(table) == len(t.ANGLES_DEG) + 1
    for r in table:
        theta = math.radians(num(r[0]))
        d = 2 * 1.0 * math.cos(theta) + 2 * 0.5 * math.sin(theta)
        assert num(r[2]) == pytest.approx(d, abs=2e-6)
        assert num(r[3]) == pytest.approx(d, abs=2e-6)
    assert max(num(r[2]) for r in table) == pytest.approx(math.sqrt(5), abs=1e-6)


def test_step_size_table_errors() -> None:
    table = rows(t.table_difference_step_size())
    for r in table:
        h = num(r[0])
        fwd = abs((math.exp(1 + h) - math.e) / h - math.e)
        ctr = abs((math.exp(1 + h) - math.exp(1 - h)) / (2 * h) - math.e)
        assert num(r[1]) == pytest.approx(fwd, rel=0.06)
        assert num(r[2]) == pytest.approx(ctr, rel=0.06)
        if h >= 1e-3:  # truncation dominates: the h² and h laws of (3.17)
            assert num(r[2]) == pytest.approx(math.e * h * h / 6, rel=0.05)
            assert num(r[1]) == pytest.approx(math.e * h / 2, rel=0.1)


def neuron_grad(w: float, b: float) -> np.ndarray:
    z = w * 1.5 + b
    common = 2 * (sig(z) - 1.0) * sig(z) * (1 - sig(z))
    return np.array([common * 1.5, common])


def test_gradient_check_table() -> None:
    good, bad, numeric = rows(t.table_gradient_check())
    g = neuron_grad(0.5, -0.25)
    assert [num(good[1]), num(good[2])] == pytest.approx(list(g), abs=1e-10)
    assert [num(numeric[1]), num(numeric[2])] == pytest.approx(list(g), abs=1e-9)
    wrong = 2 * (sig(0.5) - 1.0) * np.array([1.5, 1.0])
    assert [num(bad[1]), num(bad[2])] == pytest.approx(list(wrong), abs=1e-10)
    assert num(good[3]) < 1e-9
    assert num(bad[3]) == pytest.approx(
        np.linalg.norm(wrong - g) / np.linalg.norm(wrong), rel=0.01
    )


def test_gradient_check_steps_table_has_a_v_shape() -> None:
    r = [num(row[1]) for row in rows(t.table_gradient_check_steps())]
    best = int(np.argmin(r))
    assert 0 < best < len(r) - 1
    assert r[-1] > 1000 * r[best] and r[0] > 1000 * r[best]


def test_values_tangents_and_gradient() -> None:
    assert num(V["tan_left_slope"]) == -2 and V["tan_left_line"] == "−2x + 3"
    assert num(V["tan_right_slope"]) == 3 and V["tan_right_line"] == "3x − 3.25"
    assert num(V["tan_left_f"]) == 3 and num(V["tan_right_f"]) == 4.25
    assert num(V["limit_slope"]) == 3
    assert (num(V["grad_x"]), num(V["grad_y"]), num(V["f_p"])) == (2, 1, 1.25)
    assert num(V["grad_norm"]) == pytest.approx(math.sqrt(5), abs=1e-6)
    assert num(V["theta_star"]) == pytest.approx(math.degrees(math.atan2(1, 2)), abs=0.005)
    assert num(V["scan_max"]) == pytest.approx(math.sqrt(5), abs=2e-6)
    assert abs(num(V["scan_argmax"]) - num(V["theta_star"])) <= 0.5
    assert num(V["scan_min"]) == pytest.approx(-math.sqrt(5), abs=2e-6)
    assert abs(num(V["scan_argmin"]) - num(V["theta_star"]) - 180) <= 0.5
    assert int(V["scan_n"]) == 720


def test_values_step_size() -> None:
    assert num(V["eps"]) == pytest.approx(EPS, rel=0.05)
    assert num(V["eps_cbrt"]) == pytest.approx(EPS ** (1 / 3), rel=0.01)
    assert num(V["eps_sqrt"]) == pytest.approx(EPS**0.5, rel=0.01)
    assert num(V["h_star"]) == pytest.approx((3 * EPS) ** (1 / 3), rel=0.01)
    # the best measured steps sit at the orders of ε^(1/3) and ε^(1/2)
    assert 1e-7 <= num(V["floor_h_lo"]) < num(V["floor_h_hi"]) <= 1e-4
    assert 1e-9 <= num(V["best_h_forward"]) <= 1e-7
    assert num(V["min_err_central"]) < num(V["min_err_forward"]) / 10
    assert num(V["err_central_tiny"]) > 1e5 * num(V["min_err_central"])
    ctr = abs((math.exp(1 + 0.01) - math.exp(1 - 0.01)) / 0.02 - math.e)
    assert num(V["err_central_h2"]) == pytest.approx(ctr, rel=0.05)


def test_values_chain_rule_and_neuron() -> None:
    assert num(V["sin_sq_grad"]) == pytest.approx(3 * math.cos(2.25), abs=1e-6)
    assert num(V["sin_sq_numeric"]) == pytest.approx(3 * math.cos(2.25), abs=1e-6)
    assert num(V["neuron_z"]) == 0.5
    assert num(V["neuron_a"]) == pytest.approx(sig(0.5), abs=1e-6)
    g = neuron_grad(0.5, -0.25)
    assert num(V["neuron_grad_w"]) == pytest.approx(g[0], abs=1e-6)
    assert num(V["neuron_grad_b"]) == pytest.approx(g[1], abs=1e-6)
    assert num(V["check_good"]) < 1e-9 < 0.1 < num(V["check_bad"])
    assert num(V["check_best_h"]) == 1e-5 and num(V["check_best_r"]) == num(V["check_good"])
    assert num(V["check_tiny_h"]) == 1e-12 and num(V["check_tiny_r"]) > 1e-7


def test_values_exercises() -> None:
    # 3.1: f = x³ − 3x at 2
    assert (num(V["ex1_f"]), num(V["ex1_slope"]), V["ex1_line"]) == (2, 9, "9x − 16")
    assert num(V["ex1_numeric"]) == pytest.approx(9, abs=1e-8)
    assert num(V["ex1_slope_b"]) == 3 * 0.25 - 3
    # 3.2: f = x²y + 3y at (1, 2)
    assert (num(V["ex2_fx"]), num(V["ex2_fy"])) == (4, 4)
    assert num(V["ex2_fx_numeric"]) == pytest.approx(4) and num(V["ex2_fy_numeric"]) == 4
    assert V["ex2_u"] == "(0.6, 0.8)"
    assert num(V["ex2_d"]) == pytest.approx(4 * 0.6 + 4 * 0.8)
    assert num(V["ex2_d_numeric"]) == pytest.approx(5.6, abs=1e-7)
    assert num(V["ex2_max"]) == pytest.approx(math.sqrt(32), abs=1e-6)
    assert num(V["ex2_best_numeric"]) == pytest.approx(math.sqrt(32), abs=1e-6)
    assert V["ex2_best"] == f"({1 / math.sqrt(2):.6f}, {1 / math.sqrt(2):.6f})"
    # 3.3: ℓ'(2) = σ(2) − 1
    assert num(V["ex3_sigma"]) == pytest.approx(sig(2), abs=1e-8)
    assert num(V["ex3_grad"]) == pytest.approx(sig(2) - 1, abs=1e-8)
    assert num(V["ex3_numeric"]) == pytest.approx(sig(2) - 1, abs=1e-8)
    assert num(V["ex3_diff"]) < 1e-9
    # 3.4: g = sin(x)·y² at (0.5, 1.5)
    right = np.array([math.cos(0.5) * 2.25, 3 * math.sin(0.5)])
    claimed = np.array([math.cos(0.5) * 2.25, 2.25 * math.sin(0.5)])
    assert num(V["ex4_numeric_x"]) == pytest.approx(right[0], abs=1e-6)
    assert num(V["ex4_numeric_y"]) == pytest.approx(right[1], abs=1e-6)
    assert num(V["ex4_claimed_y"]) == pytest.approx(claimed[1], abs=1e-6)
    assert num(V["ex4_fixed_y"]) == pytest.approx(right[1], abs=1e-6)
    r = np.linalg.norm(claimed - right) / max(np.linalg.norm(claimed), np.linalg.norm(right))
    assert num(V["ex4_rel"]) == pytest.approx(r, rel=0.05)
    assert num(V["ex4_rel_y"]) == pytest.approx(0.25, rel=0.05)  # y²/(2y) = 0.75 at y = 1.5
    assert num(V["ex4_rel_x"]) < 1e-9 and num(V["ex4_fixed_rel"]) < 1e-9
    assert num(V["ex4_tol"]) == 1e-7


FIGURES = [getattr(figs, n) for n in dir(figs) if n.startswith("fig_")]


@pytest.mark.parametrize("make", FIGURES, ids=lambda f: f.__name__)
def test_figures_are_figures_without_words(make) -> None:
    fig = make()
    assert isinstance(fig, Figure)
    texts = [txt.get_text() for txt in fig.findobj(Text)]
    for text in texts:
        outside_math = re.sub(r"\$[^$]*\$", "", text)
        assert not re.search(r"[A-Za-z]{2,}", outside_math), f"{make.__name__}: {text!r}"
