"""Standardising the input: fit on x' = (x − μ)/σ, then map (w', b') back to the units of x.

>>> s = Scaler.fit([1.0, 3.0])
>>> s.apply([1.0, 3.0]).tolist(), s.to_original_units(2.0, 5.0)
([-1.0, 1.0], (2.0, 1.0))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from descent.validate import as_vector, finite_number, generator, positive_number, whole_number


def noisy_line(
    rng: np.random.Generator, n: int = 100, slope: float = 10.0, noise: float = 100.0
) -> tuple[np.ndarray, np.ndarray]:
    """Return x = 1, 2, …, n and y = slope·x + u with u drawn uniformly from [0, noise).

    >>> x, y = noisy_line(np.random.default_rng(0), n=3, noise=1.0)
    >>> x.tolist(), bool(np.all((y >= 10 * x) & (y < 10 * x + 1)))
    ([1.0, 2.0, 3.0], True)
    """
    n, rng = whole_number("n", n, minimum=2), generator(rng)
    slope, noise = finite_number("slope", slope), positive_number("noise", noise)
    x = np.arange(1.0, n + 1)
    return x, slope * x + rng.uniform(0.0, noise, size=n)


# --8<-- [start:standardize]
@dataclass(frozen=True)
class Scaler:
    """The mean μ and the standard deviation σ of the training inputs."""

    mean: float
    std: float

    @classmethod
    def fit(cls, x: np.ndarray) -> Scaler:
        """Measure μ and σ on the inputs x (σ = 0 would divide by zero: raise).

        >>> Scaler.fit([2.0, 4.0, 6.0, 8.0])
        Scaler(mean=5.0, std=2.23606797749979)
        """
        x = as_vector("x", x)
        std = float(x.std())
        if std <= 1e-12 * max(1.0, float(np.abs(x).max())):
            raise ValueError("x has (nearly) no spread: every x_i is the same, cannot scale")
        return cls(float(x.mean()), std)

    def apply(self, x: np.ndarray) -> np.ndarray:
        """Return x' = (x − μ)/σ: mean 0 and spread 1 on the training inputs."""
        return (as_vector("x", x) - self.mean) / self.std

    def to_original_units(self, w_s: float, b_s: float) -> tuple[float, float]:
        """Map the line y = w'·x' + b' to y = w·x + b: w = w'/σ, b = b' − w'·μ/σ."""
        w_s, b_s = finite_number("w_s", w_s), finite_number("b_s", b_s)
        # w'·(x − μ)/σ + b' = (w'/σ)·x + (b' − w'·μ/σ)
        return w_s / self.std, b_s - w_s * self.mean / self.std


# --8<-- [end:standardize]
