"""The answer box of exercise 4.1 holds x₂ of two steps of plain gradient descent on x²."""

from __future__ import annotations

from descent.chapters.gradient_descent import checks as ck


def test_x2_and_its_common_slips():
    check = ck.check_ex4_1_x2()
    x = 2.0
    for _ in range(2):
        x -= 0.1 * 2 * x  # x ← x − η·J′(x), J′ = 2x
    assert check["answer"] == x == 1.28
    assert {h["kind"]: h["answer"] for h in check["hints"]} == {"sign": 2.88, "factor2": 1.62}
