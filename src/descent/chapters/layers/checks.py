"""Answer box of the layers chapter's exercise 14.1: the first row of ∂L/∂W = XᵀG.

>>> check_ex14_1_row()["answer"]
[7.0, 3.0, -1.0]
"""

from __future__ import annotations

from descent.build.checks import vector
from descent.chapters.layers import examples as ex


def check_ex14_1_row() -> dict:
    dW = ex.small_layer()["dW"]
    row, other = [float(v) for v in dW[0]], [float(v) for v in dW[1]]
    label = {"zh": "∂L/∂W 的第一行", "en": "first row of ∂L/∂W"}
    return vector(label, row, hints=[("index", other)])  # X_{n2} in place of X_{n1}
