"""Answer boxes of the sin-cubic chapter's exercises 6.1, 6.2 and 6.4, from the runs.

>>> check_ex6_4_step()["answer"] == check_ex6_4_step()["answer"] // 1
True
"""

from __future__ import annotations

from descent.build.checks import count, number
from descent.chapters.sin_cubic.tables import directions, predicted_divergence_step, run_zero_start
from descent.polyfit import LR, sin_data


def check_ex6_1_loss() -> dict:
    return number("J", run_zero_start().losses[-1])


def check_ex6_2_lr() -> dict:
    n = len(sin_data()[0])
    return number("η", n * LR)


def check_ex6_2_lam() -> dict:
    n, lam = len(sin_data()[0]), directions()[0]
    return number("λ_max", lam[-1] / n)


def check_ex6_4_step() -> dict:
    return count("k", predicted_divergence_step())
