"""Real data sets that ship inside scikit-learn's package (no download), with a fixed split.

>>> data = breast_cancer()
>>> data.x_train.shape, data.x_test.shape
((398, 2), (171, 2))
"""

from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

FEATURES = ("mean radius", "mean texture")
COLUMNS = {"mean radius": 0, "mean texture": 1}  # their columns in scikit-learn's file


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
    table = _bundled_csv("breast_cancer.csv")  # 30 features, then the label, per row
    x, y = table[:, [COLUMNS[name] for name in FEATURES]], table[:, -1]
    order = np.random.default_rng(seed).permutation(len(y))  # one fixed shuffle
    n_test = round(test_fraction * len(y))
    test, train = order[:n_test], order[n_test:]
    mean, std = x[train].mean(axis=0), x[train].std(axis=0)  # the test set stays unseen
    scale = lambda a: (a - mean) / std  # noqa: E731
    return Split(scale(x[train]), y[train], scale(x[test]), y[test], mean, std)


# --8<-- [end:breast-cancer]


def _bundled_csv(name: str) -> np.ndarray:
    """A table that ``sklearn.datasets`` reads, found and parsed without importing scikit-learn.

    Importing it (and SciPy) takes seconds; the test suite checks that the numbers are exactly
    those of ``load_breast_cancer``.
    """
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the data come with scikit-learn: pip install scikit-learn")
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / name
    if not path.is_file():
        raise FileNotFoundError(f"scikit-learn is installed but {path} is missing")
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))[1:]  # the first line holds counts and class names
    return np.array([[float(v) for v in row] for row in rows])
