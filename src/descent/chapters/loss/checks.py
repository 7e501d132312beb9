"""Answer boxes of the loss chapter's exercises (2.1–2.4), from the library's losses.

>>> [h["kind"] for h in check_ex2_1_mse()["hints"]]
['mean', 'factor2']
"""

from __future__ import annotations

from descent.activations import sigmoid
from descent.build.checks import number, vector
from descent.data import SAMPLE_1_1
from descent.linear import grad_mse, grad_sse, least_squares_wb
from descent.losses import bce, bce_grad_z, half_mse, mae, mse, sse

EX1_W = 2.0  # exercises 2.1 and 2.3: the line ŷ = 2x
EX4_X, EX4_Y, EX4_W, EX4_B = 1.5, 0.0, 1.0, -0.5  # exercise 2.4's sample and model


def _ex1() -> tuple:
    return EX1_W * SAMPLE_1_1.x, SAMPLE_1_1.y


def check_ex2_1_mse() -> dict:
    y_hat, y = _ex1()
    hints = [("mean", sse(y_hat, y)), ("factor2", half_mse(y_hat, y))]
    return number("MSE", mse(y_hat, y), hints=hints)


def check_ex2_1_mae() -> dict:
    y_hat, y = _ex1()
    return number("MAE", mae(y_hat, y), hints=[("mean", float(abs(y_hat - y).sum()))])


def check_ex2_2_minimum() -> dict:
    head = SAMPLE_1_1.head(3)
    w, b = (float(v) for v in least_squares_wb(head.x, head.y))
    return vector("(w*, b*)", [w, b], hints=[("index", [b, w])])


def check_ex2_3_sse() -> dict:
    g = [float(v) for v in grad_sse(EX1_W, 0.0, SAMPLE_1_1.x, SAMPLE_1_1.y)]
    return vector("∇J_SSE", g, hints=[("sign", [-v for v in g]), ("index", g[::-1])])


def check_ex2_3_mse() -> dict:
    g = [float(v) for v in grad_mse(EX1_W, 0.0, SAMPLE_1_1.x, SAMPLE_1_1.y)]
    summed = [float(v) for v in grad_sse(EX1_W, 0.0, SAMPLE_1_1.x, SAMPLE_1_1.y)]
    return vector("∇J_MSE", g, hints=[("mean", summed), ("sign", [-v for v in g])])


def _ex4_z() -> float:
    return EX4_W * EX4_X + EX4_B


def check_ex2_4_loss() -> dict:
    loss = bce([sigmoid(_ex4_z())], [EX4_Y])
    return number("L", loss, hints=[("sign", -loss)])


def check_ex2_4_grad() -> dict:
    dz = float(bce_grad_z([_ex4_z()], [EX4_Y])[0])
    g = [dz * EX4_X, dz]
    return vector("(∂L/∂w, ∂L/∂b)", g, hints=[("index", g[::-1]), ("sign", [-v for v in g])])
