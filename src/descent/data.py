"""The book's named data sets, as read-only float64 arrays.

>>> SAMPLE_1_1.x[:3], SAMPLE_1_1.y[:3]
(array([1., 2., 3.]), array([2. , 4.1, 6.3]))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SampleSet:
    """Paired inputs ``x`` and targets ``y`` with a name used in captions."""

    name: str
    x: np.ndarray
    y: np.ndarray

    def __post_init__(self) -> None:
        if self.x.shape != self.y.shape:
            raise ValueError(f"{self.name}: x has shape {self.x.shape}, y has {self.y.shape}")
        self.x.setflags(write=False)
        self.y.setflags(write=False)

    def head(self, n: int) -> SampleSet:
        """Return the first ``n`` samples as a new set."""
        if not 1 <= n <= len(self.x):
            raise ValueError(f"n must be between 1 and {len(self.x)}, got {n}")
        return SampleSet(f"{self.name}[:{n}]", self.x[:n].copy(), self.y[:n].copy())


def _set(name: str, x: list[float], y: list[float]) -> SampleSet:
    return SampleSet(name, np.array(x, dtype=np.float64), np.array(y, dtype=np.float64))


# Sample set 1-1: ten points that lie close to a line y = w·x + b.
SAMPLE_1_1 = _set(
    "1-1",
    [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
    [2.0, 4.1, 6.3, 7.9, 9.8, 11.5, 14.3, 16.6, 18.1, 21.0],
)

# The black box of chapter 1: four inputs and the outputs it returned.
BLACK_BOX = _set("black-box", [1.0, 1.1, 1.2, 2.0], [2.21, 2.431, 2.652, 4.42])
