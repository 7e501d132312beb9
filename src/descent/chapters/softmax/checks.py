"""Answer boxes of the softmax chapter's exercises 13.1 and 13.3.

>>> check_ex13_3_formula()["answer"], round(check_ex13_3_value()["answer"], 6)
('ln(k)', 1.098612)
"""

from __future__ import annotations

import numpy as np

from descent.build.checks import formula, number, vector
from descent.chapters.softmax import examples as ex
from descent.softmax import cross_entropy

EX3_K = 3  # exercise 13.3: three classes, all logits equal


def check_ex13_1_p() -> dict:
    p = [float(v) for v in ex.shifted(ex.CONSTANT)[1]]
    return vector("p", p, hints=[("index", p[::-1])])


def check_ex13_1_loss() -> dict:
    loss = cross_entropy(np.array(ex.Z) + ex.CONSTANT, ex.Y)
    return number("L", loss, hints=[("sign", -loss)])


def check_ex13_3_formula() -> dict:
    return formula("L", "ln(k)", {"k": (2.0, 20.0)}, hints=[("sign", "ln(1/k)")], seed=133)


def check_ex13_3_value() -> dict:
    loss = cross_entropy(np.zeros(EX3_K), ex.Y)
    return number("L (k = 3)", loss, hints=[("sign", -loss)])
