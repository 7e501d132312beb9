"""The answer boxes of chapter 13 hold what the softmax code computes."""

from __future__ import annotations

import math

import numpy as np
import sympy as sp

from descent.chapters.softmax import checks as ck
from descent.softmax import cross_entropy


def test_equal_logits_lose_ln_k_for_every_k_and_class():
    check = ck.check_ex13_3_formula()
    expr = sp.sympify(check["answer"].replace("^", "**"))
    for k in range(2, 11):
        for y in (0, k - 1):
            assert math.isclose(float(expr.subs({"k": k})), cross_entropy(np.zeros(k), y))
    assert all(float(expr.subs(p)) > 0 for p in check["points"])


def test_a_shift_changes_neither_p_nor_the_loss():
    p = ck.check_ex13_1_p()["answer"]
    assert math.isclose(sum(p), 1.0) and p == sorted(p)
    assert math.isclose(ck.check_ex13_1_loss()["answer"], -math.log(p[1]))
