"""Chapter 1's everyday analogies, computed: guessing a number, steering a box to a target.

Each shows one of the three ideas alone: a signed error says which way to move, and
moving against it, by a step proportional to its size, closes in on the target.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from descent.validate import as_vector, positive_number


def black_box(x: object) -> np.ndarray:
    """The law hidden in the box, y = 2.21·x; it made every sample in ``data.BLACK_BOX``.

    >>> black_box([0.0, 2.0])
    array([0.  , 4.42])
    """
    return 2.21 * as_vector("x", x)


def bisect_guesses(secret: int, low: int, high: int) -> list[tuple[int, int, int, int]]:
    """Guess an integer in [low, high] told only the sign: +1 too big, −1 too small, 0 hit.

    Returns rows (low, high, guess, sign); each guess halves what is left.

    >>> bisect_guesses(3, 1, 4)
    [(1, 4, 2, -1), (3, 4, 3, 0)]
    """
    if not low <= secret <= high:
        raise ValueError(f"secret must lie in [low, high] = [{low}, {high}], got {secret}")
    rows = []
    while True:
        guess = (low + high) // 2
        sign = (guess > secret) - (guess < secret)
        rows.append((low, high, guess, sign))
        if sign == 0:
            return rows
        low, high = (low, guess - 1) if sign > 0 else (guess + 1, high)


# --8<-- [start:seek-target]
def seek_target(
    box: Callable[[np.ndarray], np.ndarray], target: object, x0: object, lr: float, steps: int
) -> list[np.ndarray]:
    """Move the input against the error, x ← x − η·(box(x) − target); returns every x.

    >>> [float(x[0]) for x in seek_target(lambda x: 2 * x, [4.0], [1.0], 0.5, 2)]
    [1.0, 2.0, 2.0]
    """
    x, target = as_vector("x0", x0), as_vector("target", target)
    lr = positive_number("lr", lr)
    xs = [x]
    for _ in range(steps):
        x = x - lr * (box(x) - target)  # the error's sign says which way, its size how far
        xs.append(x)
    return xs


# --8<-- [end:seek-target]
