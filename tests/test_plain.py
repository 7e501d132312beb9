"""descent.plain: the numpy-free loop takes exactly the steps of optim.descend with GD."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from descent import landscapes
from descent.optim import GD, descend
from descent.plain import plain_descent

CASES = [  # (loss, gradient, start, η): the chapter's three landscapes, in 1 and 2 variables
    (landscapes.square, landscapes.square_grad, [1.2], 0.3),
    (landscapes.square, landscapes.square_grad, [1.2], 0.9),
    (landscapes.sin_bowl, landscapes.sin_bowl_grad, [1.0, 1.2], 0.1),
    (landscapes.double_well, landscapes.double_well_grad, [-0.3], 0.05),
    (landscapes.double_well, landscapes.double_well_grad, [0.4], 0.05),
]


@pytest.mark.parametrize("loss, grad, start, lr", CASES)
def test_the_plain_loop_takes_the_steps_of_descend_bit_for_bit(loss, grad, start, lr) -> None:
    run = descend(loss, grad, start, GD(lr), steps=40)
    path = plain_descent(grad, start, lr, steps=run.steps)
    assert np.array_equal(np.array(path), run.thetas)  # every coordinate, every step, exactly


def test_it_runs_without_numpy() -> None:
    code = (
        "import sys; sys.modules['numpy'] = None\n"  # import numpy now fails
        "from descent.plain import plain_descent\n"
        "print(plain_descent(lambda p: [2 * p[0]], [1.0], lr=0.25, steps=2))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[[1.0], [0.5], [0.25]]"


@pytest.mark.parametrize(
    "grad, start, lr, steps, error, words",
    [
        (lambda p: [2 * p[0]], [1.0], 0.0, 3, ValueError, "lr"),
        (lambda p: [2 * p[0]], [1.0], 0.1, -1, ValueError, "steps"),
        (lambda p: [2 * p[0]], [math.nan], 0.1, 3, ValueError, "start"),
        (lambda p: [2 * p[0], 1.0], [1.0], 0.1, 3, ValueError, "2 numbers for a point with 1"),
        (lambda p: [p[0] * 1e308 * 10], [1.0], 0.1, 3, OverflowError, "step 1 is not finite"),
        (lambda p: [p[0] * 1e300], [1e5], 1.0, 3, OverflowError, "step 2 is not finite"),
    ],
    ids=["lr 0", "steps < 0", "nan start", "wrong length", "inf gradient", "overflow later"],
)
def test_bad_input_is_named(grad, start, lr, steps, error, words) -> None:
    with pytest.raises(error, match=words):
        plain_descent(grad, start, lr, steps)
