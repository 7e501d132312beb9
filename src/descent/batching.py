"""Seeded mini-batches: shuffle x and y with one permutation, then cut them into batches.

A sample is the pair (x_i, y_i). Shuffling must move each x_i together with its y_i;
shuffling the two arrays with two different permutations invents new, meaningless pairs.

>>> rng = np.random.default_rng(0)
>>> [xb.tolist() for xb, yb in minibatches([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 2, rng)]
[[3.0, 1.0], [2.0]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from descent.validate import generator, paired

Shuffle = Callable[[np.ndarray, np.ndarray, np.random.Generator], tuple[np.ndarray, np.ndarray]]


# --8<-- [start:paired-shuffle]
def paired_shuffle(
    x: np.ndarray, y: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Return x and y reordered by one random permutation, so every pair stays together.

    >>> xs, ys = paired_shuffle([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], np.random.default_rng(0))
    >>> (ys / xs).tolist()
    [2.0, 2.0, 2.0]
    """
    x, y = paired(x, y)
    p = generator(rng).permutation(
        len(x)
    )  # one permutation p: sample p[k] moves to place k, x and y alike
    return x[p], y[p]


# --8<-- [end:paired-shuffle]


# --8<-- [start:separate-shuffle]
def shuffled_separately(
    x: np.ndarray, y: np.ndarray, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """The mistake: two permutations, so x[k] meets the target of some other sample.

    >>> xs, ys = shuffled_separately([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], np.random.default_rng(0))
    >>> (ys / xs).tolist()
    [2.0, 4.0, 1.0]
    """
    x, y, rng = *paired(x, y), generator(rng)
    return x[rng.permutation(len(x))], y[rng.permutation(len(y))]  # wrong: pairs are broken


# --8<-- [end:separate-shuffle]


def check_batch_size(batch_size: int, n: int) -> int:
    """Return ``batch_size`` if it is a whole number from 1 to n, else raise naming it.

    >>> check_batch_size(4, 10)
    4
    >>> check_batch_size(0, 10)
    Traceback (most recent call last):
    ...
    ValueError: batch_size must be a whole number from 1 to n = 10, got 0
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int | np.integer):
        raise TypeError(f"batch_size must be an integer, got {batch_size!r}")
    if not 1 <= batch_size <= n:
        raise ValueError(f"batch_size must be a whole number from 1 to n = {n}, got {batch_size}")
    return int(batch_size)


# --8<-- [start:minibatches]
def minibatches(
    x: np.ndarray,
    y: np.ndarray,
    batch_size: int,
    rng: np.random.Generator,
    shuffle: Shuffle = paired_shuffle,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield one epoch of batches: shuffle once, then consecutive slices of ``batch_size``.

    >>> batches = minibatches(np.arange(1.0, 8), np.ones(7), 3, np.random.default_rng(1))
    >>> [len(xb) for xb, yb in batches]
    [3, 3, 1]
    """
    x, y = paired(x, y)
    batch_size = check_batch_size(batch_size, len(x))
    xs, ys = shuffle(x, y, generator(rng))
    # every sample lands in exactly one batch; the last batch holds what is left over
    for start in range(0, len(xs), batch_size):
        yield xs[start : start + batch_size], ys[start : start + batch_size]


# --8<-- [end:minibatches]


def batch_stream(
    x: np.ndarray,
    y: np.ndarray,
    batch_size: int,
    rng: np.random.Generator,
    shuffle: Shuffle = paired_shuffle,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield batches forever, reshuffling at the start of every epoch.

    >>> stream = batch_stream([1.0, 2.0], [2.0, 4.0], 1, np.random.default_rng(0))
    >>> sorted(float(next(stream)[0][0]) for _ in range(2))
    [1.0, 2.0]
    """
    x, y = paired(x, y)
    check_batch_size(batch_size, len(x))  # raise now, not at the first next()
    return _endless(x, y, batch_size, generator(rng), shuffle)


def _endless(x, y, batch_size, rng, shuffle) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    while True:
        yield from minibatches(x, y, batch_size, rng, shuffle)
