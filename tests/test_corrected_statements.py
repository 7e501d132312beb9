"""Statements once wrong in the book, guarded: the numbers behind each corrected claim are
recomputed here by plain loops, and the wrong wording is kept off the pages."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from pages import DOCS
from pages import table_rows as rows

from descent.chapters.gradient_descent import tables as gd
from descent.chapters.mistakes import best_step

GD_V = gd.values()
BEST_V = best_step.best_step_values()


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def well_grad(x: float) -> float:
    return 4 * x**3 - 6 * x + 1


# ---- 1. the best constant step on a quadratic is 2/(λ_min + λ_max) -----------------------


def test_best_constant_step_minimises_the_slowest_factor() -> None:
    lo, hi = 3.0, 40.0  # any quadratic: scan η over (0, 2/λ_max)
    etas = np.linspace(1e-4, 2 / hi - 1e-4, 20001)
    worst = np.maximum(abs(1 - etas * lo), abs(1 - etas * hi))
    best = etas[np.argmin(worst)]
    kappa = hi / lo
    assert best == pytest.approx(2 / (lo + hi), abs=1e-4)
    assert worst.min() == pytest.approx((kappa - 1) / (kappa + 1), abs=1e-4)
    assert best_step.worst_factor(1 / hi, lo, hi) == pytest.approx(1 - 1 / kappa)
    with pytest.raises(ValueError, match="lam_min"):
        best_step.worst_factor(0.1, 0.0, 1.0)


def cubic_steps(lr: float) -> int:
    """Plain gradient descent on ‖Xθ − y‖² for the cubic fit of sin(x), to J − J* < 10⁻⁶."""
    x = np.linspace(-math.pi, math.pi, 2000)
    X = np.vander(x, 4, increasing=True)
    y = np.sin(x)
    theta_star = np.linalg.solve(X.T @ X, X.T @ y)
    J = lambda t: float(np.sum((X @ t - y) ** 2))  # noqa: E731
    j_star, theta = J(theta_star), np.zeros(4)
    for k in range(10_000):
        if J(theta) - j_star < 1e-6:
            return k
        theta = theta - lr * 2 * X.T @ (X @ theta - y)
    raise AssertionError("no convergence")


def test_sin_cubic_best_step_against_one_over_lambda_max() -> None:
    x = np.linspace(-math.pi, math.pi, 2000)
    X = np.vander(x, 4, increasing=True)
    lam = np.linalg.eigvalsh(2 * X.T @ X)
    half, best = cubic_steps(1 / lam[-1]), cubic_steps(2 / (lam[0] + lam[-1]))
    assert (BEST_V["cubic_half"], BEST_V["cubic_best"]) == (str(half), str(best))
    assert BEST_V["cubic_kappa"] == str(round(lam[-1] / lam[0]))
    assert best < half  # the claim the page used to get wrong
    table = rows((DOCS / "generated" / "mistakes-best-lr.md").read_text(encoding="utf-8"))
    for row in table[1:]:  # multi-dimensional rows: the best step never loses
        if row[4] != "—" and row[1] != "1":
            assert int(row[5]) < int(row[4]), row


def test_one_over_lambda_max_is_not_called_fastest() -> None:
    for name in ("mistakes.md", "mistakes.en.md"):
        text = page(name)
        assert r"$\eta = 1/\lambda_{\max}$ 附近最快" not in text
        assert r"fastest choice is near $\eta = 1/\lambda_{\max}$" not in text
        assert r"2/(\lambda_{\min} + \lambda_{\max})" in text


# ---- 2. Adam accumulates gradients (momentum) and scales by their RMS (RMSProp) -----------


def test_adam_is_described_as_momentum_plus_rmsprop() -> None:
    for name in ("gradient-descent.md", "gradient-descent.en.md"):
        text = page(name)
        assert "不去累加梯度" not in text and "instead of accumulating gradients" not in text
        assert "RMSProp" in text


# ---- 3. the learning-rate limit is set by the most curved direction, not the steepest ------

CURVATURE_WORDS = re.compile(
    r"弯曲|曲率|特征值|\\lambda|因子|学习率的?(界限|上限)|curv|eigen|factor"
)


@pytest.mark.parametrize(
    "name",
    ["gradient-descent", "line-fit", "sin-cubic", "mistakes", "glossary"],
)
def test_steepest_is_not_used_for_curvature(name: str) -> None:
    texts = [page(f"{name}.md"), page(f"{name}.en.md")]
    if name == "glossary":
        texts = [(DOCS / "generated" / f"glossary-{lang}.md").read_text() for lang in ("zh", "en")]
    for text in texts:
        for sentence in re.split(r"[。；;]|\.\s", text):
            if re.search(r"最陡|steepest|steep direction", sentence):
                assert not CURVATURE_WORDS.search(sentence), sentence[:200]


# ---- 4. basins of attraction: a larger step jumps the hilltop -----------------------------


def test_double_well_first_steps_from_two() -> None:
    x1 = 2 - 0.05 * well_grad(2.0)
    right_min = float(GD_V["well_right"])
    assert GD_V["well_x1"] == f"{x1:.6g}" and x1 < right_min  # past the right-hand minimum
    x, top = 2.0, float(GD_V["well_top"])
    x = x - float(GD_V["jump_lr"]) * well_grad(x)
    assert GD_V["jump_x1"] == f"{x:.6g}" and x < top  # across the hilltop
    for _ in range(99):
        x -= 0.1 * well_grad(x)
    assert GD_V["jump_end"] == f"{x:.6g}" and x == pytest.approx(float(GD_V["well_left"]), 1e-4)


def test_no_nearest_valley_claim() -> None:
    for name in ("gradient-descent", "mistakes"):
        zh, en = page(f"{name}.md"), page(f"{name}.en.md")
        assert not re.search(r"(停在|落进|到)(离起点)?最近的(谷底|那个)", zh)
        assert not re.search(r"(into|in) the nearest valley|the one nearest the start", en)
        assert "吸引盆" in zh and "basin of attraction" in en


# ---- 5. exercise 4.4: Adam equalises by shrinking the large step --------------------------


def test_exercise_4_4_steps() -> None:
    gx, gy = 2 * 3.0, math.sin(2 * 1.0)  # ∇(x² + sin²y) at (3, 1)
    assert GD_V["ex4_gd_dx"] == f"{0.1 * gx:.6g}" and GD_V["ex4_gd_dy"] == f"{0.1 * gy:.6g}"
    assert float(GD_V["ex4_adam_dx"]) == pytest.approx(0.1, abs=1e-8)
    assert float(GD_V["ex4_adam_dy"]) == pytest.approx(0.1, abs=1e-8)
    assert abs(0.1 - 0.1 * gy) < 0.01 < 0.1 * gx - 0.1  # y barely changes, x shrinks six-fold
    for name in ("gradient-descent.md", "gradient-descent.en.md"):
        assert "几乎没动" not in page(name) and "barely moves" not in page(name)
        assert "{{ gradient_descent.ex4_adam_dx }}" in page(name)


# ---- 6. the subgradient jump is about 2ηλ, and falls back to a few hundredths -------------


def test_subgradient_jump_is_penalty_push_plus_error_pull() -> None:
    from descent.chapters.line_fit import tables as lf

    x, y, lr, lam = lf.X, lf.Y, lf.REG_LR, lf.LAMBDAS[-1]
    w = b = 0.0
    ws = [w]
    for _ in range(lf.REG_STEPS):  # plain subgradient descent on mean((wx + b − y)²) + λ|w|
        e = w * x + b - y
        w, b = w - lr * (2 * np.mean(e * x) + lam * np.sign(w)), b - lr * 2 * np.mean(e)
        ws.append(w)
    tail = np.array(ws[-lf.TAIL :])
    jumps = np.flatnonzero(np.diff(tail) > lr * lam)
    assert jumps.size >= 2  # it keeps jumping
    i = jumps[0]
    jump, after = tail[i + 1] - tail[i], tail[i + 2]
    assert tail[i] < 0 < tail[i + 1]  # the jump starts right after w crossed zero
    assert jump == pytest.approx(2 * lr * lam, rel=0.01)  # ≈ 2ηλ, not "a little more than ηλ"
    assert 0 < after < 0.1 * jump  # the next step throws most of it back
    v = lf.values()
    assert (v["reg_sub_jump"], v["reg_sub_after"]) == (f"{jump:.3f}", f"{after:.2f}")
    assert v["reg_jump2"] == f"{2 * lr * lam:g}"
    for name in ("line-fit.md", "line-fit.en.md"):
        assert "{{ line_fit.reg_sub_jump }}" in page(name)
        assert "a little more than" not in page(name) and "再多一些" not in page(name)


# ---- 7. the negative gradient points at the minimum along an ellipse's axes too -----------


def test_gradient_and_minimum_direction_coincide_on_the_axes_only() -> None:
    H = np.diag([1.0, 25.0])  # J = ½(x² + 25y²), the page's valley

    def angle(p: np.ndarray) -> float:
        g, to_min = -H @ p, -p
        cos = g @ to_min / np.linalg.norm(g) / np.linalg.norm(to_min)
        return math.degrees(math.acos(min(1.0, cos)))

    for p in ([-4.0, 0.0], [0.0, 1.0], [3.0, 0.0]):
        assert angle(np.array(p)) == pytest.approx(0.0, abs=1e-6)
    assert angle(np.array([-4.0, 1.0])) > 45  # off the axes they part
    zh, en = page("mistakes.md"), page("mistakes.en.md")
    assert "主轴" in zh and "principal axes" in en
    assert "The two directions agree only on a bowl" not in en


# ---- 8. the central difference's noise floor, and h = 10⁻¹³ against h = 10⁻² --------------


def test_difference_step_size_noise_floor() -> None:
    from descent.chapters.derivatives import tables as dt

    hs = [10.0**-k for k in range(1, 14)]
    err = np.array([abs((math.exp(1 + h) - math.exp(1 - h)) / (2 * h) - math.e) for h in hs])
    floor = [h for h, e in zip(hs, err, strict=True) if e <= 10 * err.min()]
    v = dt.values()
    assert (v["floor_h_hi"], v["floor_h_lo"]) == (f"{max(floor):.1e}", f"{min(floor):.1e}")
    assert max(floor) / min(floor) >= 100  # a range, not one point "near 1e-5"
    ratio = err[-1] / err[1]
    assert 5 < ratio < 20 and v["tiny_over_h2"] == f"{ratio:.0f}"  # ten times worse
    assert err[0] / err[-1] > 5  # and h = 0.1 is clearly worse still: not "hardly better"
    for name in ("derivatives.md", "derivatives.en.md"):
        assert "hardly better" not in page(name) and "好不了多少" not in page(name)
        assert "{{ derivatives.floor_h_lo }}" in page(name)


# ---- 9, 10. the angle is defined by the dot product; the chain rule when Δu = 0 ------------


def test_cauchy_schwarz_makes_the_angle_a_cosine() -> None:
    zh, en = page("derivatives.md"), page("derivatives.en.md")
    assert "The algebra behind" not in en and "这一步的代数依据" not in zh
    for text in (zh, en):
        assert r"\lvert \cos\theta \rvert \le 1" in text
        assert "[^delta-u]:" in text and text.count("[^delta-u]") == 2


# ---- 11, 12. the black box is assumed increasing; the loss row shows ½e² -----------------


def test_black_box_assumption_and_analogy_loss_row() -> None:
    zh, en = page("three-ideas.md"), page("three-ideas.en.md")
    assert "试两次就能看出" not in zh and "two tries show" not in en
    assert "**假定**" in zh and "**assume**" in en
    for text, word in ((zh, "损失"), (en, "Loss")):
        row = next(line for line in text.splitlines() if line.startswith(f"| {word} |"))
        assert r"\tfrac12 e^2" in row.split("|")[3], row


# ---- 13, 14. only the most curved direction dies within tens of steps; every start --------


def test_sin_cubic_directions_die_at_different_speeds() -> None:
    from descent.chapters.sin_cubic import tables as sc
    from descent.polyfit import LR

    x = np.linspace(-math.pi, math.pi, 2000)
    X = np.vander(x, 4, increasing=True)
    lam = np.linalg.eigvalsh(2 * X.T @ X)
    steps = []
    for lam_j in lam[2:]:
        k, factor = 0, 1.0
        while factor > 1e-6:
            k, factor = k + 1, factor * abs(1 - LR * lam_j)
        steps.append(k)
    v = sc.values()
    assert (v["million_third"], v["million_top"]) == (str(steps[0]), str(steps[1]))
    assert steps[1] < 60 < 100 < steps[0]  # tens of steps for one direction only
    for name in ("sin-cubic.md", "sin-cubic.en.md"):
        text = page(name)
        assert "{{ sin_cubic.million_third }}" in text
        assert "the second takes longer" not in text and "第二个要多走一些步" not in text


@pytest.mark.parametrize("name", ["sin-cubic", "mistakes"])
def test_convergence_condition_says_for_every_start(name: str) -> None:
    for text in (page(f"{name}.md"), page(f"{name}.en.md")):
        for sentence in re.split(r"[。；]|\.\s", text):
            if re.search(
                r"当且仅当 \$\\eta < 2/\\lambda|(if and only if|exactly when) \$\\eta < 2",
                sentence,
            ):
                assert re.search(r"任意起点|every start", sentence), sentence[:200]


# ---- 17. generated formulas fold their signs ------------------------------------------------


def rendered_pages() -> dict[str, str]:
    import json

    from pages import VALUE

    values = json.loads((DOCS / "generated" / "values.json").read_text(encoding="utf-8"))
    out = {}
    for path in sorted(DOCS.glob("*.md")) + sorted((DOCS / "generated").glob("*.md")):
        text = (
            VALUE.sub(  # settings such as {{ config.repo_url }} are not numbers: left as they are
                lambda m: m.group(0) if m.group(1).startswith("config.") else values[m.group(1)],
                path.read_text(encoding="utf-8"),
            )
        )
        out[path.name] = "\n".join(line for line in text.splitlines() if "--8<--" not in line)
    return out


# "+ (−3.25)" ending a term, or "+ −16"; a negative factor of a product, "+ (−3)·4", is fine
UNFOLDED_SIGN = re.compile(
    r"(?<![_^{])[+\-−]\s*\(\s*[-−][^()]*\)(?!\s*(?:\\cdot|\\times|·|×))"
    r"|(?<![_^{])\+\s*[-−]\s*\d"
)


def test_no_formula_adds_a_negative_number() -> None:
    assert UNFOLDED_SIGN.search("y = 3x + (-3.25)") and UNFOLDED_SIGN.search("y = 9x + -16")
    assert not UNFOLDED_SIGN.search("y = 3x − 3.25")
    assert not UNFOLDED_SIGN.search(r"4 \cdot 3 + (-3) \cdot 4")
    pages = rendered_pages()
    assert "y = 3x − 3.25" in pages["derivatives.md"]
    for name, text in pages.items():
        found = UNFOLDED_SIGN.search(text)
        assert not found, (name, text[max(0, found.start() - 60) : found.end() + 20])


# ---- 18. the two stop rules, and why they differ -------------------------------------------


def test_a_converging_run_can_rise_above_its_start() -> None:
    from descent.optim import Adam

    x0, lr = gd.STOP_DEMO
    adam, x, xs = Adam(lr), np.array([x0]), [x0]
    while x[0] ** 2 >= 1e-6:
        x = adam.step(x, 2 * x)
        xs.append(float(x[0]))
    assert xs[1] ** 2 > x0**2  # chapter 1's rule (J_k > J_0) would stop it at once
    assert (GD_V["stop_x1"], GD_V["stop_steps"]) == (f"{xs[1]:.3g}", str(len(xs) - 1))
    for name in ("gradient-descent.md", "gradient-descent.en.md"):
        assert "{{ gradient_descent.stop_j1 }}" in page(name)
        assert "three-ideas.md#learning-rate-and-stopping" in page(name)


# ---- 19. the Part I notebook shows cancellation with the mean line ------------------------


@pytest.mark.parametrize("name", ["part1.py", "part1.en.py"])
def test_part1_notebook_cancels_with_the_mean_line(name: str) -> None:
    import contextlib
    import io

    source = (DOCS / "notebooks" / name).read_text(encoding="utf-8")
    cells = [c for c in source.split("# %%") if c.strip() and not c.startswith(" [markdown]")]
    ns: dict = {}
    # np.printoptions restores the print options the notebook sets, so no later doctest sees them
    with contextlib.redirect_stdout(io.StringIO()), np.printoptions():
        for cell in cells:
            exec(cell, ns)
            if "lines" in ns:
                break
    (flat, flat_hat), (_, line_hat) = ns["lines"].items()
    y = ns["y"]
    assert abs(np.sum(flat_hat - y)) < 1e-12 < abs(np.sum(line_hat - y))  # Σe = 0 for ȳ only
    assert np.sum((flat_hat - y) ** 2) > 100 * np.sum((line_hat - y) ** 2)
    assert "ȳ" in flat


# ---- 21. contour maps: whole, smooth curves; the minimum's label clear of the others ------


def stray_pieces(fig, xlim, ylim, centre) -> list:
    """Contour pieces of a bowl that are not whole: closed loops must go round the minimum,
    open ones must end on the edge of the plotted grid."""
    from matplotlib.contour import ContourSet
    from matplotlib.path import Path

    ax = fig.axes[0]
    found = []
    for cs in (c for c in ax.collections if isinstance(c, ContourSet)):
        for path in cs.get_paths():
            for piece in path.to_polygons(closed_only=False):
                if len(piece) < 2:
                    continue
                ends = piece[[0, -1]]
                if np.allclose(ends[0], ends[1]):
                    if not Path(piece).contains_point(centre):
                        found.append(piece.mean(axis=0))
                    continue
                on_edge = all(
                    min(abs(x - xlim[0]), abs(x - xlim[1])) < 1e-9
                    or min(abs(y - ylim[0]), abs(y - ylim[1])) < 1e-9
                    for x, y in ends
                )
                if not on_edge:
                    found.append(piece.mean(axis=0))
    return found


def test_blackbox_path_contours_are_whole() -> None:
    from descent.chapters.three_ideas import figures as tf

    assert tf.GRID >= 200
    fig = tf.fig_blackbox_path()
    assert stray_pieces(fig, (0.6, 2.5), (-0.25, 1.15), (2.21, 0.0)) == []


def test_loss_contour_labels_do_not_collide() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Annotation

    from descent.chapters.loss import figures as lf

    assert lf.CONTOUR_GRID >= 200  # (the labels cut the curves, so no open-piece check here)
    fig = lf.fig_loss_contour()
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = fig.axes[0]
    minimum = next(t for t in ax.texts if isinstance(t, Annotation))
    point = ax.lines[0].get_xydata()[0]
    box = minimum.get_window_extent(renderer)
    labels = [t for t in ax.texts if t is not minimum]
    assert labels  # the levels are labelled
    for label in labels:
        assert not box.overlaps(label.get_window_extent(renderer)), label.get_text()
    assert not box.contains(*ax.transData.transform(point))  # nor over the marked point
