"""Answer boxes of the autograd chapter's exercise 9.1, from the hand-written backprop.

>>> check_ex9_1_grads()["answer"]
[20.0, 25.0]
"""

from __future__ import annotations

from descent.build.checks import formula, vector
from descent.chapters.autograd.exercises import EX1_B, EX1_W, hand_backprop


def check_ex9_1_grads() -> dict:
    _, grad_w, grad_b = hand_backprop(EX1_W, EX1_B)
    return vector("(w̄, b̄)", [grad_w, grad_b], hints=[("index", [grad_b, grad_w])])


def check_ex9_1_formula() -> dict:
    ranges = {"b": (-2.0, 2.0), "w": (-2.0, 2.0)}
    return formula("w̄", "2*b^2*(w + 1)", ranges, hints=[("factor2", "b^2*(w + 1)")], seed=91)
