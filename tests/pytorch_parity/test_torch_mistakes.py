"""The classifier mistakes run live in PyTorch agree with the book's code (nox -s torch only)."""

from __future__ import annotations

import numpy as np

from descent.chapters.mistakes import classifier_values as cv
from descent.twins import mistakes as tm


def test_double_sigmoid_loss_and_gradient_agree_with_ours() -> None:
    theirs = tm.double_sigmoid()
    for key, ours in cv.double_sigmoid().items():
        np.testing.assert_allclose(theirs[key].detach().numpy(), ours, rtol=1e-12, atol=1e-15)


def test_onehot_targets_float_rows_equal_indices_integer_rows_fail() -> None:
    theirs = tm.onehot_targets()
    assert abs(theirs["indices"].item() - cv.index_loss()) < 1e-12
    assert abs(theirs["one-hot, float64"].item() - cv.index_loss()) < 1e-12
    assert theirs["one-hot, int64"].startswith("RuntimeError")
    assert theirs["indices, float64"].startswith("RuntimeError")
