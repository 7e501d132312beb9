"""Tests for descent.tensor_shapes: input checks, the broadcasting gradient rule, matmul shapes."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis.extra.numpy import mutually_broadcastable_shapes

from descent.tensor_shapes import as_array, broadcasting, matmul, unbroadcast


@given(shapes=mutually_broadcastable_shapes(num_shapes=1, max_dims=4, max_side=4))
def test_unbroadcast_counts_the_copies(shapes) -> None:
    (shape,), result = shapes.input_shapes, shapes.result_shape
    g = unbroadcast(np.ones(result), shape)
    assert g.shape == shape
    # each input entry was copied prod(result)/prod(shape) times; each copy gave 1
    assert np.all(g == np.prod(result, dtype=float) / np.prod(shape, dtype=float))


@given(shapes=mutually_broadcastable_shapes(num_shapes=1, max_dims=3, max_side=3))
def test_unbroadcast_is_the_adjoint_of_broadcasting(shapes) -> None:
    # ⟨broadcast(x), G⟩ = ⟨x, unbroadcast(G)⟩ for every x and G: the defining property
    (shape,), result = shapes.input_shapes, shapes.result_shape
    rng = np.random.default_rng(0)
    x, G = rng.normal(size=shape), rng.normal(size=result)
    lhs = np.sum(np.broadcast_to(x, result) * G)
    assert lhs == pytest.approx(np.sum(x * unbroadcast(G, shape)), abs=1e-12)


def test_as_array_copies_and_checks() -> None:
    src = np.array([1, 2])
    arr = as_array("x", src)
    assert arr.dtype == np.float64 and arr is not src
    with pytest.raises(TypeError, match="x must hold real numbers"):
        as_array("x", "1")
    with pytest.raises(ValueError, match="x must be finite"):
        as_array("x", [np.inf])


def test_broadcasting_names_the_operation() -> None:
    assert broadcasting("+", np.add, np.ones(2), np.ones((3, 1))).shape == (3, 2)
    with pytest.raises(ValueError, match=r"@@: shapes \(2,\) and \(3,\)"):
        broadcasting("@@", np.add, np.ones(2), np.ones(3))


def test_matmul_rules_on_a_small_example() -> None:
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    B = np.array([[0.5, -1.0], [2.0, 0.0]])
    out, grad_a, grad_b = matmul(A, B)
    G = np.array([[1.0, 0.0], [0.0, 2.0]])
    assert np.array_equal(out, A @ B)
    # entry by entry: ∂(Σ G∘AB)/∂A_ik = Σ_j G_ij B_kj and ∂/∂B_kj = Σ_i A_ik G_ij
    assert np.array_equal(grad_a(G), np.einsum("ij,kj->ik", G, B))
    assert np.array_equal(grad_b(G), np.einsum("ik,ij->kj", A, G))
