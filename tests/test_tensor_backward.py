"""Tests for descent.tensor_backward: the function behind Tensor.backward, called directly."""

from __future__ import annotations

import numpy as np
import pytest

from descent.tensor import Tensor
from descent.tensor_backward import backward


def test_backward_function_equals_the_method_and_accumulates() -> None:
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    w1 = Tensor(x, requires_grad=True)
    w2 = Tensor(x, requires_grad=True)
    backward(((w1 @ w1) * 2.0).sum())
    ((w2 @ w2) * 2.0).sum().backward()
    assert np.array_equal(w1.grad, w2.grad)
    # ∂/∂W Σ 2·(W·W) = 2·(1·Wᵀ + Wᵀ·1) with 1 the all-ones matrix
    ones = np.ones((2, 2))
    assert np.allclose(w1.grad, 2 * (ones @ x.T + x.T @ ones))
    backward(((w1 @ w1) * 2.0).sum())
    assert np.allclose(w1.grad, 2 * w2.grad)


def test_a_branch_that_does_not_require_grad_is_skipped() -> None:
    w = Tensor(2.0, requires_grad=True)
    c = Tensor([1.0, 2.0])
    y = (c * c).sum() + w * 3.0  # c·c records no graph: c does not require grad
    backward(y)
    assert w.grad == 3.0 and c.grad is None
    with pytest.raises(RuntimeError, match="requires_grad"):
        backward((c * c).sum())
