"""Every PyTorch example of chapters 10 and 11 against its from-scratch twin.

Values and gradients must agree to 1e-12 where PyTorch runs in float64 and to 1e-6 where it
runs in its default float32 (our engine is float64 throughout; the float32 fit is compared
with a numpy float32 loop).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from descent.chapters.pitfalls import examples as sp
from descent.chapters.pytorch import examples as se
from descent.chapters.pytorch import training as st
from descent.graph import graph
from descent.twins import examples as te
from descent.twins import pitfalls as tp
from descent.twins import record as torch_record
from descent.twins import training as tt
from descent.twins.record_format import number

X, Y = se.line_data()
F32, F64 = 1e-6, 1e-12


def plain(v):
    """Numbers from a torch tensor, our Value/Tensor, or a float; None stays None."""
    if isinstance(v, torch.Tensor):
        return v.detach().tolist()
    return v if v is None or isinstance(v, list) else number(v)


def assert_same(theirs: dict, ours: dict, tol: float, keys=None) -> None:
    keys = keys or ours.keys()
    for key in keys:
        a, b = np.asarray(plain(theirs[key]), float), np.asarray(plain(ours[key]), float)
        assert a.shape == b.shape, key
        finite = np.isfinite(b)
        np.testing.assert_allclose(a[finite], b[finite], rtol=tol, atol=tol, err_msg=key)


def test_requires_grad_float32():
    theirs, ours = te.requires_grad(), se.requires_grad()
    assert theirs["y"].dtype == torch.float32
    assert_same(theirs, ours, F32)
    assert theirs["y"].grad_fn is not None and theirs["w.grad"].grad_fn is None


def test_graph_has_our_nodes_in_our_order():
    theirs = te.grad_fn_graph(te.requires_grad()["y"])
    ours = graph(se.requires_grad()["y"])
    kind = {"": "AccumulateGrad", "**2": "PowBackward0", "+": "AddBackward0"}
    assert [(kind[n.op], n.parents) for n in ours] == theirs


def test_loss_graph_is_ours_without_the_constants():
    theirs = te.grad_fn_graph(te.one_sample_loss())
    ours = [n for n in graph(se.one_sample_loss()) if n.op or n.label]  # drop constants
    assert [name for name, _ in theirs] == [
        {"": "AccumulateGrad", "*": "MulBackward0", "+": "AddBackward0"}.get(n.op, "")
        or {"-": "SubBackward0", "**2": "PowBackward0"}[n.op]
        for n in ours
    ]


def test_leaves():
    theirs, ours = te.leaves(), se.leaves()
    assert theirs["w is a leaf"] and not theirs["y is a leaf"] and theirs["y.grad"] is None
    assert ours["w is a leaf"] and not ours["y is a leaf"] and ours["y.grad"] == 1.0
    assert "not a leaf" in theirs["warning"]


@pytest.mark.parametrize("name", ["zero_grad", "optimizer_step"])
def test_small_demos_float32(name):
    assert_same(getattr(te, name)(), getattr(se, name)(), F32)


def test_mse_loss_every_reduction():
    theirs, ours = tt.mse_loss(), st.mse_loss()
    assert_same(theirs, ours, F32)
    d = np.array(se.MSE_INPUT) - np.array(se.MSE_TARGET)
    np.testing.assert_allclose(plain(theirs["none"]), d**2)


@pytest.mark.parametrize("fit", ["fit_w_per_sample", "fit_wb_per_sample"])
def test_per_sample_fits_float64(fit):
    assert_same(getattr(tt, fit)(X, Y), getattr(st, fit)(X, Y), F64)


def test_minibatch_fit_visits_the_loader_batches():
    orders = tt.epoch_orders(se.N, se.BATCH_EPOCHS, se.BATCH_SIZE, se.LOADER_SEED)
    assert all(sorted(o) == list(range(se.N)) for o in orders)  # a permutation per epoch
    assert len({tuple(o) for o in orders}) > 1  # reshuffled every epoch
    theirs = tt.fit_minibatch(X, Y, se.BATCH_EPOCHS)
    ours = st.fit_minibatch(X, Y, [np.array(o) for o in orders])
    assert_same(theirs, ours, F64)


def test_loader_keeps_pairs_together():
    for x_batch, y_batch in tt.loader(X, Y, se.BATCH_SIZE, se.LOADER_SEED):
        for xb, yb in zip(x_batch.tolist(), y_batch.tolist(), strict=True):
            assert any(xb == xi and yb == yi for xi, yi in zip(X, Y, strict=True))


def test_backward_again():
    theirs, ours = tp.backward_again(), sp.backward_again()
    assert_same(theirs, ours, F32, ["w.grad", "b.grad"])
    assert theirs["error"].startswith("RuntimeError: Trying to backward through the graph")


@pytest.mark.parametrize("zero_grad", [True, False])
def test_full_batch_with_and_without_zero_grad(zero_grad):
    theirs = tp.fit_full_batch(X, Y, zero_grad=zero_grad)
    ours = sp.fit_full_batch(X, Y, zero_grad=zero_grad)
    assert_same(theirs, ours, F64, ["loss", "w", "b"])


def test_summed_loss_overflows_silently_in_torch_and_loudly_here():
    theirs = tp.fit_full_batch(X, Y, steps=sp.SUM_STEPS, reduction="sum")
    ours = sp.fit_full_batch(X, Y, steps=sp.SUM_STEPS, reduction="sum")
    k = len(ours["loss"])
    assert ours["error"].startswith("OverflowError")
    np.testing.assert_allclose(theirs["loss"][:k], ours["loss"], rtol=F64)
    assert math.isinf(theirs["loss"][k])


def test_used_twice():
    assert_same(tp.used_twice(), sp.used_twice(), F32)


def test_float32():
    theirs, ours = tp.float32_basics(), sp.float32_basics()
    assert_same(theirs, ours, 0.0)  # the same float32 and float64 roundings, exactly
    assert "same dtype" in theirs["error"]
    assert_same(tp.fit_w_per_sample_float32(X, Y), sp.fit_w_per_sample_float32(X, Y), F32)


def test_rebind_and_the_fix():
    theirs = tp.rebind()
    assert len(theirs["w"]) == 1 and "SubBackward0" in theirs["w"][0]
    assert "NoneType" in theirs["error"] and "in-place" in theirs["in-place error"]
    assert_same(tp.update_in_no_grad(), sp.update_in_no_grad(), F32)
    assert math.isclose(number(sp.rebind(steps=1)["w"]), float(theirs["w"][0][7:13]), abs_tol=1e-4)


def test_shape_mismatch():
    theirs, ours = tp.shape_mismatch(), sp.shape_mismatch()
    assert_same(theirs, ours, F32, ["broadcast", "fixed"])
    assert "different to the input size" in theirs["warning"]


def test_the_committed_record_is_a_fresh_run(tmp_path):
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    assert torch_record.check(torch_record.record(), docs) == []
