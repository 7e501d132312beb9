"""Answer boxes of the three-ideas chapter's exercises 1.1, 1.2 and 1.4, from the runs.

>>> check_ex1_4_worst_50()["answer"], check_ex1_4_worst_1000()["answer"]
(6.0, 10.0)
"""

from __future__ import annotations

from descent.build.checks import count, number, vector
from descent.chapters.three_ideas.tables import LR, run, worst_guesses

EX1_W0 = (2.0, 0.0)  # exercise 1.1's first guess
EX2_TOL = 1e-3  # exercise 1.2's stopping threshold


def _ex1():
    return run(w0=EX1_W0).epochs[0]


def check_ex1_1_loss() -> dict:
    epoch = _ex1()
    summed = float((epoch.e**2).sum() / 2)  # ½Σe² instead of ½·mean e²
    return number("J", epoch.J, hints=[("mean", summed), ("factor2", 2 * epoch.J)])


def check_ex1_1_grad() -> dict:
    e = _ex1()
    g = [e.grad_w1, e.grad_w2]
    return vector("(∂J/∂w₁, ∂J/∂w₂)", g, hints=[("sign", [-v for v in g]), ("index", g[::-1])])


def check_ex1_1_weights() -> dict:
    e = _ex1()
    w = [e.w1 - LR * e.grad_w1, e.w2 - LR * e.grad_w2]
    uphill = [e.w1 + LR * e.grad_w1, e.w2 + LR * e.grad_w2]
    return vector("(w₁, w₂)", w, hints=[("sign", uphill)])


def check_ex1_2_epoch() -> dict:
    return count("k", len(run(tol=EX2_TOL).epochs) - 1)


def check_ex1_2_weights() -> dict:
    fit = run(tol=EX2_TOL)
    return vector("(w₁, w₂)", [fit.w1, fit.w2], hints=[("index", [fit.w2, fit.w1])])


def check_ex1_4_worst_50() -> dict:
    return count({"zh": "猜的次数（1 到 50）", "en": "guesses (1 to 50)"}, worst_guesses(1, 50))


def check_ex1_4_worst_1000() -> dict:
    label = {"zh": "猜的次数（1 到 1000）", "en": "guesses (1 to 1000)"}
    return count(label, worst_guesses(1, 1000))
