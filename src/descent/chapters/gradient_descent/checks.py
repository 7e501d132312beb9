"""Answer boxes of the gradient-descent chapter's exercises 4.1–4.4, from the optimisers.

>>> check_ex4_1_x2()["answer"]
1.28
"""

from __future__ import annotations

import numpy as np

from descent import landscapes as ls
from descent.build.checks import number, vector
from descent.chapters.gradient_descent.tables import (
    BOWL_START,
    EX1_LR,
    EX1_X0,
    EX2,
    EX2_LRS,
    EX2_STEPS,
    EX3_BETA,
    EX3_LR,
    EX3_STARTS,
    EX4_LR,
    SQUARE,
    WELL,
)
from descent.lrstudy import critical_lr
from descent.optim import GD, Adam, Momentum, descend


def check_ex4_1_x2() -> dict:
    x2 = float(descend(*SQUARE, [EX1_X0], GD(EX1_LR), steps=2).thetas[2, 0])
    uphill = EX1_X0 * (1 + 2 * EX1_LR) ** 2  # x ← x + η·2x: the step's sign flipped
    no_two = EX1_X0 * (1 - EX1_LR) ** 2  # J′ = x instead of 2x: the factor 2 missing
    return number("x₂", x2, hints=[("sign", uphill), ("factor2", no_two)])


def check_ex4_2_limit() -> dict:
    label = {"zh": "η 的上界", "en": "upper bound on η"}
    return number(label, critical_lr(EX2.L), hints=[("factor2", 1 / EX2.L)])


def check_ex4_2_one_step() -> dict:
    return number({"zh": "一步到达最小值的 η", "en": "η for one step"}, 1 / EX2.L)


def check_ex4_2_x20() -> dict:
    x20 = [
        float(descend(EX2, EX2.grad, [1.0], GD(lr), steps=EX2_STEPS).theta[0]) for lr in EX2_LRS
    ]
    return vector("x₂₀ (η = 0.19, η = 0.21)", x20, hints=[("index", x20[::-1])])


def check_ex4_3_ends() -> dict:
    ends = [float(descend(*WELL, [EX3_STARTS[0]], GD(EX3_LR), steps=300).theta[0])]
    for x0 in EX3_STARTS:
        ends.append(float(descend(*WELL, [x0], Momentum(EX3_LR, EX3_BETA), steps=300).theta[0]))
    label = {"zh": "x（GD；动量自 2；动量自 1.5）", "en": "x (GD; momentum from 2; from 1.5)"}
    return vector(label, ends)


def _ex4():
    theta0 = np.array(BOWL_START)
    return theta0, np.array(ls.sin_bowl_grad(theta0))


def check_ex4_4_gd() -> dict:
    theta0, g = _ex4()
    landed = [float(v) for v in GD(EX4_LR).step(theta0, g)]
    uphill = [float(v) for v in theta0 + EX4_LR * g]
    return vector("GD (x₁, y₁)", landed, hints=[("sign", uphill)])


def check_ex4_4_adam() -> dict:
    theta0, g = _ex4()
    landed = [float(v) for v in Adam(EX4_LR).step(theta0, g)]
    uphill = [float(2 * t - v) for t, v in zip(theta0, landed, strict=True)]
    return vector("Adam (x₁, y₁)", landed, hints=[("sign", uphill)])
