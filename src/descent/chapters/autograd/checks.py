"""Answer boxes of the autograd chapter's exercises 9.1–9.4, from the exercise code.

>>> check_ex9_1_grads()["answer"]
[20.0, 25.0]
"""

from __future__ import annotations

from descent.build.checks import formula, number, vector
from descent.chapters.autograd.exercises import (
    EX1_B,
    EX1_W,
    EX2_X,
    EX4_X,
    broadcast_bias_grad,
    descend_on_square,
    hand_backprop,
    softplus,
)
from descent.engine import Value


def check_ex9_1_grads() -> dict:
    _, grad_w, grad_b = hand_backprop(EX1_W, EX1_B)
    return vector("(w̄, b̄)", [grad_w, grad_b], hints=[("index", [grad_b, grad_w])])


def check_ex9_1_formula() -> dict:
    ranges = {"b": (-2.0, 2.0), "w": (-2.0, 2.0)}
    return formula("w̄", "2*b^2*(w + 1)", ranges, hints=[("factor2", "b^2*(w + 1)")], seed=91)


def check_ex9_2_formula() -> dict:
    return formula(
        "softplus′(x)", "sigmoid(x)", {"x": (-3.0, 3.0)}, hints=[("sign", "sigmoid(-x)")]
    )


def check_ex9_2_value() -> dict:
    x = Value(EX2_X)
    softplus(x).backward()
    return number("softplus′(0.5)", x.grad, hints=[("sign", 1 - x.grad)])


def check_ex9_3_zero() -> dict:
    label = {"zh": "w₄（每步清零）", "en": "w₄ (cleared every step)"}
    return number(label, descend_on_square(zero_grad=True)[-1][0])


def check_ex9_3_nozero() -> dict:
    label = {"zh": "w₄（从不清零）", "en": "w₄ (never cleared)"}
    return number(label, descend_on_square(zero_grad=False)[-1][0])


def check_ex9_4_grad() -> dict:
    g = [float(v) for v in broadcast_bias_grad()]
    rows = len(EX4_X)
    one_row = [v / rows for v in g]  # the copies' gradients not added up
    return vector("b̄", g, hints=[("factor2", [v / 2 for v in g]), ("path", one_row)])
