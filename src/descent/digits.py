"""The handwritten digits that scikit-learn ships in its package (8×8 images, 0–9), split once.

No download: the images are a file inside the installed scikit-learn package, the one
``sklearn.datasets.load_digits`` reads. Pixels
(0–16) are divided by 16, so every input lies in [0, 1]. The split into training and test
images is one fixed permutation (seed ``SEED``), the same on every machine.

>>> d = load()
>>> d.x_train.shape, d.x_test.shape, float(d.x_train.max())
((1437, 64), (360, 64), 1.0)
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

SEED = 0
TEST_SIZE = 360  # of 1797 images: one in five held out
CLASSES = 10


@dataclass(frozen=True)
class Digits:
    """Inputs (one image a row, 64 pixels in [0, 1]) and labels 0–9, for training and test."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def bundled_file() -> Path:
    """The file ``sklearn.datasets.load_digits`` reads, found without importing scikit-learn.

    Importing it (and SciPy) takes seconds; finding its folder takes none. The test suite
    checks that :func:`load` returns exactly what ``load_digits`` does.
    """
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the digits come with scikit-learn: pip install scikit-learn")
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / "digits.csv.gz"
    if not path.is_file():
        raise FileNotFoundError(f"scikit-learn is installed but {path} is missing")
    return path


@cache
def load(seed: int = SEED, test_size: int = TEST_SIZE) -> Digits:
    """Return the digits split by one seeded permutation: the last ``test_size`` are the test set.

    >>> d = load(); sorted(set(d.y_test.tolist())) == list(range(10))
    True
    """
    table = np.loadtxt(bundled_file(), delimiter=",")  # 64 pixels, then the label, per row
    x = table[:, :-1] / 16.0  # pixels 0..16 → [0, 1]
    y = table[:, -1].astype(np.int64)
    if not 0 < test_size < len(x):
        raise ValueError(f"test_size must be between 1 and {len(x) - 1}, got {test_size}")
    order = np.random.default_rng(seed).permutation(len(x))
    train, test = order[:-test_size], order[-test_size:]
    parts = (x[train], y[train], x[test], y[test])
    for arr in parts:
        arr.setflags(write=False)  # cached and shared: nobody may edit it
    return Digits(*parts)
