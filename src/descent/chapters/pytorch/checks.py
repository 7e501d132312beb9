"""Answer boxes of the PyTorch chapter's exercises 10.2 and 10.3.

>>> check_ex10_2_lr()["answer"]
0.02
"""

from __future__ import annotations

from descent.build.checks import number
from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch.tables import least_squares


def check_ex10_2_lr() -> dict:
    return number("η", ex.BATCH_LR / ex.BATCH_SIZE)


def check_ex10_3_slope() -> dict:
    return number("w*", least_squares()["w_origin"])
