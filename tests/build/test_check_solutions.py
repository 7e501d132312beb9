"""Every answer box holds the answer its exercise's printed solution gives, and sits in its page.

A box's reference (docs/generated/check-*.json, from the chapter's checks.py) and the numbers
the solution prints (values.json and the included tables, from the chapter's tables.py) come
from the chapters' code along separate paths; here each box names the printed numbers it must
equal to their last printed digit. A formula box is evaluated against the chapter's code at its
points by tests/chapters/<page>/test_checks.py. A box missing from this list fails the test.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from descent.build.artifacts import all_values, discover

DOCS = Path(__file__).resolve().parents[2] / "docs"
CHECKS = {
    a.path.removeprefix("generated/check-").removesuffix(".json"): a
    for a in discover()
    if a.path.startswith("generated/check-")
}
FORMULA = "formula"  # tested in tests/chapters/<page>/test_checks.py

# box -> the value keys its answer prints as (a vector: one per entry), a key with an offset
# (the printed number minus the offset), a ("table", file) whose text holds every entry to six
# decimals, or FORMULA.
SOLUTION = {
    "ex1-1-loss": ("table", "blackbox-exercise-step.md"),
    "ex1-1-grad": ("table", "blackbox-exercise-step.md"),
    "ex1-1-weights": ("table", "blackbox-exercise-step.md"),
    "ex1-2-epoch": ["three_ideas.loose_epochs"],
    "ex1-2-weights": ["three_ideas.loose_w1", "three_ideas.loose_w2"],
    "ex1-4-worst-50": ["three_ideas.worst_50"],
    "ex1-4-worst-1000": ["three_ideas.worst_1000"],
    "ex2-1-mse": ["loss.ex1_mse"],
    "ex2-1-mae": ["loss.ex1_mae"],
    "ex2-2-minimum": ["loss.min3_w", "loss.min3_b"],
    "ex2-3-sse": ["loss.ex3_sse_w", "loss.ex3_sse_b"],
    "ex2-3-mse": ["loss.ex3_mse_w", "loss.ex3_mse_b"],
    "ex2-4-loss": ["loss.ex4_loss"],
    "ex2-4-grad": ["loss.ex4_grad_w", "loss.ex4_grad_b"],
    "ex3-1-derivative": FORMULA,
    "ex3-1-slope": ["derivatives.ex1_slope"],
    "ex3-1-tangent": FORMULA,
    "ex3-2-gradient": ["derivatives.ex2_fx", "derivatives.ex2_fy"],
    "ex3-2-directional": ["derivatives.ex2_d"],
    "ex3-2-steepest": ["derivatives.ex2_best"],
    "ex3-2-max": ["derivatives.ex2_max"],
    "ex3-3-formula": FORMULA,
    "ex3-3-value": ["derivatives.ex3_grad"],
    "ex3-4-fixed": FORMULA,
    "ex3-4-rel": ["derivatives.ex4_rel"],
    "ex4-1-x2": ["gradient_descent.ex1_x2"],
    "ex4-2-limit": ["gradient_descent.ex2_critical"],
    "ex4-2-one-step": ["gradient_descent.ex2_one_step"],
    "ex4-2-x20": ["gradient_descent.ex2_x_below", "gradient_descent.ex2_x_above"],
    "ex4-3-ends": [f"gradient_descent.ex3_{k}" for k in ("gd_end", "mom_far", "mom_near")],
    "ex4-4-gd": ["gradient_descent.ex4_gd_x", "gradient_descent.ex4_gd_y"],
    "ex4-4-adam": ["gradient_descent.ex4_adam_x", "gradient_descent.ex4_adam_y"],
    "ex5-1-w3": ["line_fit.ex1_w3"],
    "ex5-2-factor": ["line_fit.toy_factor"],
    "ex5-2-w10": ["line_fit.toy_predicted"],
    "ex5-3-fit": ["line_fit.ex3_w", "line_fit.ex3_b"],
    "ex5-4-l2": ["line_fit.reg_sxx"],
    "ex5-4-l1": ["line_fit.reg_sxy"],
    "ex5-4-l1-zero": ["line_fit.reg_l1_zero"],
    "ex6-1-loss": ["sin_cubic.zero_loss"],
    "ex6-2-lam": ["sin_cubic.mse_lam_max"],
    "ex6-2-lr": ["sin_cubic.mse_lr"],
    "ex6-4-step": ["sin_cubic.predicted_step"],
    "ex7-1-formula": FORMULA,
    "ex7-1-value": ["backprop.ex1_dz_db"],
    "ex7-2-fixed": [("backprop.ex2_fixed_z2", 150.0)],  # Δz = z₂ − 150
    "ex7-2-recomputed": ["backprop.ex2_new_dz2"],
    "ex7-4-step": ["backprop.ex4_dw", "backprop.ex4_db"],
    "ex7-4-end": ["backprop.ex4_w", "backprop.ex4_b"],
    "ex8-1-slope": ["backprop_nonlinear.dc_dx"],
    "ex8-2-end": ["backprop_nonlinear.mirror_x"],
    "ex8-2-steps": ["backprop_nonlinear.mirror_steps"],
    "ex8-4-eta": ["backprop_nonlinear.eta_match"],
    "ex8-4-steps": ["backprop_nonlinear.eta_far_steps", "backprop_nonlinear.eta_near_steps"],
    "ex9-1-grads": ["autograd.ex1_grad_w", "autograd.ex1_grad_b"],
    "ex9-1-formula": FORMULA,
    "ex9-2-formula": FORMULA,
    "ex9-2-value": ["autograd.ex2_grad"],
    "ex9-3-zero": ["autograd.ex3_w_zero"],
    "ex9-3-nozero": ["autograd.ex3_w_nozero"],
    "ex9-4-grad": ["autograd.ex4_grad"],
    "ex10-2-lr": ["pytorch.sum_lr"],
    "ex10-3-slope": ["pytorch.w_origin"],
    "ex11-2-lr": ["pitfalls.lr_sum_safe"],
    "ex11-3-k": ["pitfalls.f32_k"],
    "ex11-4-right": ["pitfalls.cube_right"],
    "ex11-4-wrong": ["pitfalls.cube_wrong"],
    "ex12-2-bce": ["neuron.bce_grad_m8"],
    "ex12-2-mse": ["neuron.mse_grad_m8"],
    "ex13-1-p": ["softmax.p_shifted"],
    "ex13-1-loss": ["softmax.loss_shifted"],
    "ex13-3-formula": FORMULA,
    "ex13-3-value": ["softmax.loss_equal"],
    "ex14-1-row": ["layers.dw_small"],
    "ex15-1-ratio": ["deep_nets.ratio_3_5_predicted"],
    "ex15-2-std": ["deep_nets.std_he", "deep_nets.std_xavier"],
    "ex15-2-ratio": ["deep_nets.xavier_vs_he_predicted"],
}
NUMBER = r"[−-]?\d+(?:\.\d+)?(?:e[-+]\d+)?(?:\s*\\times\s*10\^\{[−-]?\d+\})?"


def printed(text: str) -> list[tuple[float, float]]:
    """The numbers in a printed value, each with half its last digit: "(0.6,\\ 0.8)", "4.3 \\times
    10^{-4}", a pmatrix (its first row), "1.5e-01"."""
    if text.startswith(r"\begin{pmatrix}"):
        text = text.split(r"\\")[0]
    out = []
    for match in re.finditer(NUMBER, text):
        word = match.group(0).replace("−", "-")
        mantissa, _, power = word.partition(r"\times")
        scale = 10.0 ** int(re.search(r"\{(-?\d+)\}", power).group(1)) if power else 1.0
        digits = re.sub(r"e.*", "", mantissa.strip())
        decimals = len(digits.partition(".")[2])
        exp = int(mantissa.split("e")[1]) if "e" in mantissa else 0
        half = 0.5 * 10.0 ** (exp - decimals) * scale
        out.append((float(mantissa) * scale, half))
    return out


@cache
def values() -> dict[str, str]:
    return all_values()


def answers(name: str) -> list[float]:
    answer = json.loads(CHECKS[name].render())["answer"]
    return answer if isinstance(answer, list) else [answer]


def test_every_box_names_its_solution():
    assert sorted(CHECKS) == sorted(SOLUTION)


@pytest.mark.parametrize("name", sorted(n for n, s in SOLUTION.items() if s != FORMULA))
def test_the_box_answer_is_the_printed_solution(name):
    source, mine = SOLUTION[name], answers(name)
    if isinstance(source, tuple):  # a table the solution includes
        table = (DOCS / "generated" / source[1]).read_text(encoding="utf-8")
        assert all(f"{v:.6f}" in table for v in mine), (name, mine)
        return
    shown = []
    for key in source:
        key, offset = key if isinstance(key, tuple) else (key, 0.0)
        shown += [(v - offset, half) for v, half in printed(values()[key])]
    assert len(shown) == len(mine), (name, shown, mine)
    for (v, half), a in zip(shown, mine, strict=True):
        assert abs(a - v) <= half * (1 + 1e-9) + 1e-12, (name, a, v)


def test_printed_numbers_are_read_with_their_rounding():
    assert printed("−0.35") == [(-0.35, 0.005)]
    assert printed(r"4.3 \times 10^{-4}") == [(4.3e-4, 0.05 * 1e-4)]
    assert [v for v, _ in printed(r"(17,\ 3,\ 17)")] == [17.0, 3.0, 17.0]
    assert [v for v, _ in printed(r"\begin{pmatrix} 7 & 3 & -1 \\ 0 & -1 & -2 \end{pmatrix}")] == [
        7.0, 3.0, -1.0
    ]  # fmt: skip
    assert printed("1.5e-01") == [(0.15, 0.005)]


def _slots() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in sorted(DOCS.glob("*.md")):
        for name in re.findall(
            r'<div class="ck" data-check="([a-z0-9-]+)"></div>', page.read_text()
        ):
            found.setdefault(name, []).append(page.name)
    return found


def test_every_box_is_placed_once_in_both_languages_of_one_page():
    slots = _slots()
    assert sorted(slots) == sorted(CHECKS), set(slots) ^ set(CHECKS)
    for name, pages in slots.items():
        zh = [p for p in pages if not p.endswith(".en.md")]
        assert len(pages) == 2 and len(zh) == 1, (name, pages)
        assert pages == sorted([zh[0], zh[0].replace(".md", ".en.md")]), (name, pages)
