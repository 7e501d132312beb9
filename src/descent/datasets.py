"""Real data sets that ship inside scikit-learn's package (no download), with a fixed split.

>>> data = breast_cancer()
>>> data.x_train.shape, data.x_test.shape
((398, 2), (171, 2))
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FEATURES = ("mean radius", "mean texture")


@dataclass(frozen=True)
class Split:
    """Standardised training and test inputs (train mean and spread) and 0/1 labels."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    mean: np.ndarray  # of the raw training inputs, per feature
    std: np.ndarray


# --8<-- [start:breast-cancer]
def breast_cancer(seed: int = 0, test_fraction: float = 0.3) -> Split:
    """Two features of the Wisconsin breast-cancer data; y = 1 benign, y = 0 malignant."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be in (0, 1), got {test_fraction!r}")
    from sklearn.datasets import load_breast_cancer  # shipped inside the package

    raw = load_breast_cancer()
    columns = [list(raw.feature_names).index(name) for name in FEATURES]
    x, y = raw.data[:, columns], raw.target.astype(np.float64)
    order = np.random.default_rng(seed).permutation(len(y))  # one fixed shuffle
    n_test = round(test_fraction * len(y))
    test, train = order[:n_test], order[n_test:]
    mean, std = x[train].mean(axis=0), x[train].std(axis=0)  # the test set stays unseen
    scale = lambda a: (a - mean) / std  # noqa: E731
    return Split(scale(x[train]), y[train], scale(x[test]), y[test], mean, std)


# --8<-- [end:breast-cancer]
