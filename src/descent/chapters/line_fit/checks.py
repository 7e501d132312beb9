"""Answer boxes of the line-fit chapter's exercises (5.1–5.4), from the logged runs.

>>> check_ex5_4_l1_zero()["answer"], check_ex5_4_l1_zero()["hints"][0]["answer"]
(34.14, 17.07)
"""

from __future__ import annotations

import math

from descent.build.checks import number, vector
from descent.chapters.line_fit.tables import TOY, X, Y, exercise_scaled_fit, toy_run
from descent.regularize import centred_moments


def check_ex5_1_w3() -> dict:
    log, lr = toy_run(), TOY["lr"]
    w2, g3 = log.thetas[2][0], log.grads[2][0]
    uphill, no_two = w2 + lr * g3, w2 - lr * g3 / 2  # the step's sign flipped; dL/dw without 2
    return number("w₃", log.thetas[3][0], hints=[("sign", uphill), ("factor2", no_two)])


def _factor(two: float = 2.0) -> float:
    return math.prod(1 - two * TOY["lr"] * x**2 for x in TOY["x"])


def check_ex5_2_factor() -> dict:
    return number("∏(1 − 2ηxᵢ²)", _factor(), hints=[("factor2", _factor(1.0))])


def check_ex5_2_w10() -> dict:
    w0, target = TOY["w"], 2.0  # every sample has y/x = 2
    predicted = target - _factor() ** TOY["epochs"] * (target - w0)
    return number("w₁₀", predicted)


def check_ex5_3_fit() -> dict:
    scaler, run = exercise_scaled_fit()
    w, b = (float(v) for v in scaler.to_original_units(*run.theta))
    return vector("(w, b)", [w, b], hints=[("index", [b, w])])


def check_ex5_4_l2() -> dict:
    s_xx, _ = centred_moments(X, Y)
    return number("λ (L2)", s_xx)


def check_ex5_4_l1() -> dict:
    _, s_xy = centred_moments(X, Y)
    return number("λ (L1)", abs(s_xy), hints=[("factor2", 2 * abs(s_xy))])


def check_ex5_4_l1_zero() -> dict:
    _, s_xy = centred_moments(X, Y)
    label = {"zh": "λ（L1，斜率变为 0）", "en": "λ (L1, slope 0)"}
    return number(label, 2 * abs(s_xy), hints=[("factor2", abs(s_xy))])
