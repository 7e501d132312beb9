"""Answer boxes of the neuron chapter's exercise 12.2: ∂ℓ/∂z at z = −8 for y = 1.

>>> round(check_ex12_2_bce()["answer"], 6)
-0.999665
"""

from __future__ import annotations

from descent.build.checks import number
from descent.logistic import bce_grad_z, mse_grad_z

EX2_Z, EX2_Y = -8.0, 1.0


def check_ex12_2_bce() -> dict:
    g = float(bce_grad_z(EX2_Z, EX2_Y))
    return number("∂ℓ/∂z (BCE)", g, hints=[("sign", -g)])


def check_ex12_2_mse() -> dict:
    g = float(mse_grad_z(EX2_Z, EX2_Y))
    return number("∂ℓ/∂z (½(ŷ − y)²)", g, hints=[("sign", -g), ("factor2", 2 * g)])
