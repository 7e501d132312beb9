"""Answer boxes of the pitfalls chapter's exercises 11.2–11.4, from the engine.

>>> check_ex11_4_right()["answer"], check_ex11_4_wrong()["answer"]
(27.0, 9.0)
"""

from __future__ import annotations

from descent.build.checks import count, number
from descent.chapters.pitfalls import examples as pf
from descent.chapters.pytorch.examples import line_data


def _cube(a):
    return a * a * a


def check_ex11_2_lr() -> dict:
    n = len(line_data()[0])
    return number("η", pf.FULL_LR / n)


def check_ex11_3_k() -> dict:
    return count("k", pf.smallest_visible_increment())


def check_ex11_4_right() -> dict:
    one_path = pf.grad_of(_cube, pf.TWICE_A, pf.backward_assigning)
    return number("dL/da", pf.grad_of(_cube, pf.TWICE_A), hints=[("path", one_path)])


def check_ex11_4_wrong() -> dict:
    label = {"zh": "覆盖式反向传播给出的 dL/da", "en": "dL/da of the assigning backward pass"}
    return number(label, pf.grad_of(_cube, pf.TWICE_A, pf.backward_assigning))
