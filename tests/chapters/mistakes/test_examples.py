"""Tests for the common-mistakes page: the wrong code is wrong in the way the page says, and
every number on the page is recomputed here by plain loops, closed forms or sympy."""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import given
from hypothesis import strategies as st
from pages import DOCS, parse
from pages import table_rows as rows

from descent.chapters.mistakes import examples as m
from descent.chapters.mistakes import problems as pr
from descent.chapters.mistakes import tables as r
from descent.data import SAMPLE_1_1

V = r.values()
X, Y = SAMPLE_1_1.x, SAMPLE_1_1.y
N = len(X)


def num(text: str) -> float:
    return float(text.replace("−", "-"))


def close(key: str, value: float, tol: float = 5e-5) -> None:
    """The page shows ``value`` rounded to at most 4 decimals (or to the digits given)."""
    assert num(V[key]) == pytest.approx(value, abs=tol, rel=tol), key


def parse_sci(text: str) -> float:
    """Read back the page's LaTeX '3.0 \\times 10^{−12}'."""
    mantissa, exponent = re.fullmatch(r"(\S+) \\times 10\^\{(\S+)\}", text).groups()
    return num(mantissa) * 10.0 ** num(exponent)


def fd(f, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    return np.array([(f(p + h * e) - f(p - h * e)) / (2 * h) for e in np.eye(len(p))])


# ---- the page's shape --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mistakes.md", "mistakes.en.md"])
def test_every_mistake_is_wrong_why_correct_and_where(name: str):
    text = (DOCS / name).read_text(encoding="utf-8")
    entries = re.split(r"^### ", text, flags=re.M)[1:]
    assert len(entries) >= 15
    where = "**推导见：**" if name == "mistakes.md" else "**Derived in:**"
    why = "**错在哪里。**" if name == "mistakes.md" else "**Why it is wrong.**"
    for entry in entries:
        title = entry.splitlines()[0]
        order = [entry.find(s) for s in ("!!! failure", why, "!!! success", where)]
        assert -1 not in order and order == sorted(order), title
        assert re.search(r"\]\([a-z-]+\.md#[a-z0-9-]+\)", entry.split(where)[1]), title


def test_page_tokens_are_all_reference_values():
    for name in ("mistakes.md", "mistakes.en.md"):
        keys = [k for k in parse(DOCS / name).values if k.startswith("reference.")]
        assert keys and all(k.removeprefix("reference.") in V for k in keys)


# ---- wording -------------------------------------------------------------------------------


def test_valley_angle_between_negative_gradient_and_the_way_to_the_minimum():
    x, y = -4.0, 1.0
    g = np.array([-x, -25 * y])  # −∇½(x² + 25y²)
    assert (num(V["valley_gx"]), num(V["valley_gy"])) == tuple(g)
    to_min = np.array([-x, -y])
    angle = math.degrees(math.atan2(g[1], g[0]) - math.atan2(to_min[1], to_min[0]))
    close("valley_angle", abs(angle), 0.05)


def test_step_lengths_of_gradient_descent_and_adam_on_x_squared():
    x, steps = 1.2, []
    for _ in range(3):
        new = x - 0.3 * 2 * x
        steps.append(abs(new - x))
        x = new
    for k, s in enumerate(steps, 1):
        close(f"gd_step_{k}", s)
    x, mean, sq, steps = 1.2, 0.0, 0.0, []
    for t in range(1, 4):
        g = 2 * x
        mean, sq = 0.9 * mean + 0.1 * g, 0.999 * sq + 0.001 * g * g
        step = 0.3 * (mean / (1 - 0.9**t)) / (math.sqrt(sq / (1 - 0.999**t)) + 1e-8)
        steps.append(abs(step))
        x -= step
    for k, s in enumerate(steps, 1):
        close(f"adam_step_{k}", s)


def test_four_numbers_called_the_loss_of_y_equals_2x():
    e = 2 * X - Y
    close("sse_2x", float(sum(e**2)))
    close("mse_2x", float(sum(e**2)) / N)
    close("half_2x", float(sum(e**2)) / (2 * N))
    close("last_2x", float(e[-1] ** 2))


# ---- naming --------------------------------------------------------------------------------


def loop_w(lr: float, half: bool, steps: int) -> tuple[list[float], int | None]:
    """GD on ŷ = w·x with MSE (or ½MSE), plain floats; returns the path and a divergence step."""
    scale = 1 / N if half else 2 / N
    ws = [0.0]
    for k in range(1, steps + 1):
        w = ws[-1]
        ws.append(w - lr * scale * sum((w * xi - yi) * xi for xi, yi in zip(X, Y, strict=True)))
        if sum((ws[-1] * xi - yi) ** 2 for xi, yi in zip(X, Y, strict=True)) / N > 1e12:
            return ws, k
    return ws, None


def test_half_factor_limits_and_runs():
    sxx = float(X @ X)
    close("lim_mse", N / sxx, 5e-6)
    close("lim_half", 2 * N / sxx, 5e-6)
    assert num(V["lim_mse"]) < r.HALF_LR < num(V["lim_half"])
    _, div = loop_w(r.HALF_LR, half=False, steps=1000)
    assert V["mse_div_step"] == str(div)
    half, none = loop_w(r.HALF_LR, half=True, steps=r.HALF_STEPS)
    assert none is None
    close("half_w_end", half[-1])
    close("w_star", float(X @ Y / sxx))


def test_mse_with_half_the_rate_takes_the_same_steps_as_half_mse():
    from descent.losses import half_mse, half_mse_grad, mse, mse_grad

    half = r._fit_w(half_mse, half_mse_grad, r.HALF_LR)
    same = r._fit_w(mse, mse_grad, r.HALF_LR / 2)
    np.testing.assert_array_equal(half.thetas, same.thetas)


def test_newton_step_against_gradient_step_on_z():
    def z(b):
        return (2 * 3 + 3 * b) * (2 * b + 1)

    def slope(b):
        return 4 * 3 + 12 * b + 3

    b = r.NEWTON_B
    close("nb_z", z(b))
    close("nb_dz", z(b) - 150)
    close("nb_slope", slope(b))
    newton = b - (z(b) - 150) / slope(b)
    gd = b - r.GD_LR * (z(b) - 150) * slope(b)
    close("newton_b", newton)
    close("newton_z", z(newton))
    close("gd_b", gd)
    close("gd_z", z(gd))
    assert abs(z(newton) - 150) > abs(z(b) - 150)  # the page: further from 150 than at the start
    assert slope(r.B_FLAT) == 0 and num(V["flat_slope"]) == 0 and num(V["flat_b"]) == r.B_FLAT
    with pytest.raises(ZeroDivisionError, match="divides by zero"):
        m.newton_and_gd_steps(r.B_FLAT, z(r.B_FLAT) - 150, slope(r.B_FLAT), r.GD_LR)


# ---- signs and indices -------------------------------------------------------------------


def test_dropped_minus_climbs_until_it_diverges():
    x, k = 1.2, 0
    while x * x <= 1e12:
        x, k = x + 0.3 * 2 * x, k + 1
    assert V["ascent_div_step"] == str(k)
    close("ascent_factor", 1 + 2 * 0.3)
    x, k = 1.2, 0
    while x * x >= 0.01:
        x, k = x - 0.3 * 2 * x, k + 1
    assert V["descent_steps"] == str(k)


def test_gradient_ascent_rejects_a_bad_rate():
    with pytest.raises(ValueError, match="lr"):
        m.GradientAscent(lr=0.0)


def mse_wb(t):
    return float(np.mean((t[0] * X + t[1] - Y) ** 2))


def test_missing_chain_factor_fails_its_check_and_still_converges():
    p = np.array(r.CHECK_AT)
    numeric = fd(mse_wb, p)
    wrong = np.array(m.grad_mse_missing_x(*p, X, Y))
    right = np.array([2 * np.mean((p[0] * X + p[1] - Y) * X), 2 * np.mean(p[0] * X + p[1] - Y)])
    rel = np.linalg.norm(wrong - numeric) / max(np.linalg.norm(wrong), np.linalg.norm(numeric))
    close("check_wrong", rel)
    assert rel > 0.5
    rel_right = np.linalg.norm(right - numeric) / np.linalg.norm(right)
    assert parse_sci(V["check_right"]) < 1e-9 and rel_right < 1e-8
    # the wrong descent: w = b throughout, and the rest point makes the errors sum to zero
    w_rest = float(sum(Y) / (sum(X) + N))
    close("wrong_w", w_rest)
    close("wrong_b", w_rest)
    close("wrong_j", mse_wb([w_rest, w_rest]))
    slope, intercept = np.polyfit(X, Y, 1)
    close("ls_w", slope)
    close("ls_b", intercept)
    close("ls_j", mse_wb([slope, intercept]))


@given(
    st.floats(-5, 5, allow_nan=False),
    st.floats(-5, 5, allow_nan=False),
)
def test_missing_chain_factor_is_the_b_derivative_twice(w: float, b: float):
    wrong_w, wrong_b = m.grad_mse_missing_x(w, b, X, Y)
    assert wrong_w == wrong_b == pytest.approx(2 * np.mean(w * X + b - Y))


def test_product_of_sums_against_the_sum_of_products():
    e = X - Y  # the line y = x
    close("grad_w_right", float(2 / N * sum(e * X)))
    close("grad_w_wrong", float(2 / N * sum(e) * sum(X)))
    assert m.grad_w_product_of_sums(1.0, 0.0, X, Y) != pytest.approx(2 / N * float(e @ X))


def test_expansion_true_doubled_and_published():
    w, b = sp.symbols("w b")
    expr = sp.expand((w + b - 2) ** 2 + (2 * w + b - sp.Rational(41, 10)) ** 2)
    poly = sp.Poly(expr, w, b)
    coeffs = [poly.coeff_monomial(mono) for mono in (w**2, b**2, w * b, w, b, 1)]
    true = r.true_expansion()
    assert [sp.nsimplify(c) for c in true] == coeffs
    pub = m.PUBLISHED_EXPANSION
    doubled = [pub[i] == pytest.approx(2 * float(coeffs[i])) for i in range(6)]
    assert doubled == [True, True, True, False, True, True]  # all twice the truth but w
    assert pub.w != pytest.approx(float(coeffs[3]))
    assert V["true_poly"] == "5w^2 + 2b^2 + 6wb − 20.4w − 12.2b + 20.81"
    assert V["published_poly"] == "10w^2 + 4b^2 + 12wb − 40.08w − 24.4b + 41.62"
    assert V["double_poly"].replace("40.8w", "") == V["published_poly"].replace("40.08w", "")
    close("true_at_0", float(expr.subs({w: 0, b: 0})))
    close("published_at_0", pub(0.0, 0.0))
    close("true_coef_w", float(coeffs[3]))
    close("double_coef_w", 2 * float(coeffs[3]))
    close("pub_coef_w", pub.w)
    sol = sp.solve([sp.diff(expr, w), sp.diff(expr, b)], [w, b])
    close("true_min_w", float(sol[w]))
    close("true_min_b", float(sol[b]))
    wrong = sum(c * mono for c, mono in zip(pub, (w**2, b**2, w * b, w, b, 1), strict=True))
    sol = sp.solve([sp.diff(wrong, w), sp.diff(wrong, b)], [w, b])
    close("pub_min_w", float(sol[w]))
    close("pub_min_b", float(sol[b]))


def test_expansion_table_rows():
    table = rows(r.table_mistakes_expansion())
    assert [row[0] for row in table] == ["$J$", "$2J$", r"$\tilde J$"]
    assert [num(c) for c in table[1][1:8]] == [2 * num(c) for c in table[0][1:8]]
    assert table[1][8:] == table[0][8:]  # doubling keeps the minimum
    assert table[2][8:] == [V["pub_min_w"], V["pub_min_b"]]


# ---- learning-rate folklore ---------------------------------------------------------------


def loop_gd(J, grad, start, lr, J_star, steps=pr.MAX_STEPS):
    """(steps to J − J* < 1e-6, divergence step) by a plain loop."""
    theta = np.array(start, dtype=float)
    for k in range(steps + 1):
        value = J(theta) - J_star
        if not math.isfinite(value) or abs(value) > 1e12:
            return None, k
        if value < pr.GAP:
            return k, None
        if k == steps:
            return None, None
        theta = theta - lr * np.asarray(grad(theta))  # a landscape returns a list
    return None, None


def hessian_fd(J, p):
    """Second derivatives by central differences of central differences (J is quadratic)."""
    h, n = 1e-2, len(p)
    eye = np.eye(n)
    return np.array(
        [
            [
                (
                    J(p + h * a + h * c)
                    - J(p + h * a - h * c)
                    - J(p - h * a + h * c)
                    + J(p - h * a - h * c)
                )
                / (4 * h * h)
                for c in eye
            ]
            for a in eye
        ]
    )


def test_fixed_rate_table_against_loops_and_curvature():
    table = rows(r.table_mistakes_fixed_lr())
    problems = pr.problems()
    assert [row[0] for row in table] == list(problems)
    for row, (J, grad, start, lam, J_star) in zip(table, problems.values(), strict=True):
        lam_fd = float(np.linalg.eigvalsh(hessian_fd(J, np.asarray(start, float) + 0.5))[-1])
        assert lam == pytest.approx(lam_fd, rel=1e-4)
        assert float(row[1]) == pytest.approx(lam, rel=1e-5)
        reached, diverged = loop_gd(J, grad, start, r.FIXED_LR, J_star)
        assert row[3:5] == [str(reached) if reached else "—", str(diverged) if diverged else "—"]
        tuned, _ = loop_gd(J, grad, start, 1 / lam, J_star)
        assert row[5] == (str(tuned) if tuned else "—")


def test_small_rates_cost_steps():
    table = rows(r.table_mistakes_small_lr())
    for row, lr in zip(table, r.SMALL_LRS, strict=True):
        x, k = 1.2, 0
        while x * x >= 0.01:
            x, k = x - lr * 2 * x, k + 1
        assert row[2] == row[3] == str(k)
    counts = [int(row[2]) for row in table]
    assert all(9 < b / a < 11 for a, b in itertools.pairwise(counts[1:]))
    assert V["small_first"] == table[0][2] and V["small_last"] == table[-1][2]


@given(st.floats(0.01, 5), st.floats(0.001, 0.49), st.floats(1e-6, 0.5))
def test_steps_on_square_matches_a_loop(x0: float, lr: float, tol: float):
    x, k = x0, 0
    while x * x >= tol:
        x, k = x - lr * 2 * x, k + 1
    closed = m.steps_on_square(x0, lr, tol)
    # the two can differ only when an iterate lands on the threshold to rounding accuracy
    edge = abs(x0) * abs(1 - 2 * lr) ** min(k, closed)
    assert closed == k or math.isclose(edge, math.sqrt(tol), rel_tol=1e-9)


def test_steps_on_square_rejects_a_diverging_rate():
    with pytest.raises(ValueError, match="does not converge"):
        m.steps_on_square(1.0, 1.0, 0.01)
    assert m.steps_on_square(1.0, 0.5, 0.01) == 1 and m.steps_on_square(0.01, 0.3, 0.01) == 0


def test_a_correct_gradient_diverges_above_two_over_l():
    numeric = (5 * (0.7 + 1e-5) ** 2 - 5 * (0.7 - 1e-5) ** 2) / 2e-5
    assert 0 < parse_sci(V["five_check"]) < 1e-10  # rounding only: 10x is the right derivative
    assert abs(numeric - 7.0) / 7.0 < 1e-10
    close("five_limit", 2 / 10)
    outcomes = []
    for lr in r.FIVE_LRS:
        x, k = 1.0, 0
        while 5 * x * x >= 0.01 and 5 * x * x <= 1e12:
            x, k = x - lr * 10 * x, k + 1
        outcomes.append(k)
    assert V["five_steps"] == str(outcomes[0]) and V["five_div_step"] == str(outcomes[1])


# ---- what backpropagation is --------------------------------------------------------------


def test_backward_fills_the_gradient_and_step_moves_the_weight():
    w0, x, y, lr = r.BACKWARD
    grad = 2 * (w0 * x - y) * x
    assert (num(V["bw_after"]), num(V["bw_grad"]), num(V["bw_step"])) == (w0, grad, w0 - lr * grad)


# ---- training code --------------------------------------------------------------------------


def test_a_second_backward_without_zeroing_doubles_the_gradient():
    w0, x, y, _ = r.BACKWARD
    grad = 2 * (w0 * x - y) * x
    assert (num(V["twice_grad_1"]), num(V["twice_grad_2"])) == (grad, 2 * grad)


def test_mismatched_shapes_average_over_every_pair():
    slope, intercept = np.polyfit(X, Y, 1)
    y_hat = slope * X + intercept
    close("shape_right", float(np.mean((y_hat - Y) ** 2)))
    pairs = [(y_hat[i] - Y[j]) ** 2 for i in range(N) for j in range(N)]
    close("shape_wrong", sum(pairs) / N**2)
    assert m.mse_mismatched([1.0, 2.0, 3.0], [1.0, 2.0, 3.0]) == pytest.approx(4 / 3)  # eq. 11.5


def test_float32_spacing_and_precision():
    assert num(V["f32_spacing"]) == 2.0 ** (26 - 23)  # 2^26 ≤ 10^8 < 2^27, 23 mantissa bits
    assert np.float32(1e8) + np.float32(1) == np.float32(1e8)
    assert parse_sci(V["f32_eps"]) == pytest.approx(2.0**-23, rel=0.05)
    assert parse_sci(V["f64_eps"]) == pytest.approx(2.0**-52, rel=0.05)
