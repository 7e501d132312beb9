"""Answer box of the gradient-descent chapter's exercise 4.1: x₂ after two steps on x².

>>> check_ex4_1_x2()["answer"]
1.28
"""

from __future__ import annotations

from descent.build.checks import number
from descent.chapters.gradient_descent.tables import EX1_LR, EX1_X0, SQUARE
from descent.optim import GD, descend


def check_ex4_1_x2() -> dict:
    x2 = float(descend(*SQUARE, [EX1_X0], GD(EX1_LR), steps=2).thetas[2, 0])
    uphill = EX1_X0 * (1 + 2 * EX1_LR) ** 2  # x ← x + η·2x: the step's sign flipped
    no_two = EX1_X0 * (1 - EX1_LR) ** 2  # J′ = x instead of 2x: the factor 2 missing
    return number("x₂", x2, hints=[("sign", uphill), ("factor2", no_two)])
