"""Answer boxes of the nonlinear-backprop chapter's exercises 8.1, 8.2 and 8.4.

>>> round(check_ex8_1_slope()["answer"], 6)
0.424661
"""

from __future__ import annotations

from descent.build.checks import count, number, vector
from descent.chapters.nonlinear_backprop import examples as nl
from descent.chapters.nonlinear_backprop.tables import X_MIRROR, X_NEAR, eta_match


def check_ex8_1_slope() -> dict:
    c, x = nl.forward(nl.X0)
    c.backward()
    return number("dc/dx", x.grad, hints=[("factor2", 2 * x.grad)])  # 1/√b: the ½ of √ lost


def check_ex8_2_end() -> dict:
    x = nl.divide_error_chain(X_MIRROR)[-1].x
    return number("x", x, hints=[("sign", -x)])


def check_ex8_2_steps() -> dict:
    return count({"zh": "步数", "en": "steps"}, len(nl.divide_error_chain(X_MIRROR)) - 1)


def check_ex8_4_eta() -> dict:
    return number("η", eta_match())


def check_ex8_4_steps() -> dict:
    steps = [nl.descend_on_chain(eta_match(), x=x0).steps for x0 in (nl.X0, X_NEAR)]
    label = {"zh": "步数（从 x = 2，从 x = 9）", "en": "steps (from x = 2, from x = 9)"}
    return vector(label, steps, tol=0.0, hints=[("index", steps[::-1])])
