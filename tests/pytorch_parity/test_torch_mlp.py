"""The digits MLP trained three ways: hand-written backward, our tensor engine, PyTorch.

Same start, same batches, float64: every step's loss and every final parameter agree to 1e-12.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from descent import functional as F
from descent.chapters.layers import examples as ex
from descent.digits import load
from descent.tensor import Tensor
from descent.twins.mlp import train_torch


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_three_trainings_agree_to_1e_12(activation) -> None:
    d = load()
    kw = ex.settings() | {"activation": activation}  # the chapter's whole run: 30 epochs
    ours = ex.train_hand(ex.start(), d.x_train, d.y_train, **kw)
    engine = ex.train_engine(ex.start(), d.x_train, d.y_train, **kw)
    theirs = train_torch(ex.start(), d.x_train, d.y_train, **kw)
    np.testing.assert_allclose(theirs.losses, ours.losses, rtol=0, atol=1e-12)
    np.testing.assert_allclose(theirs.losses, engine.losses, rtol=0, atol=1e-12)
    for p, q, r in zip(theirs.params, ours.params, engine.params, strict=True):
        np.testing.assert_allclose(p, q, rtol=0, atol=1e-12)
        np.testing.assert_allclose(p, r, rtol=0, atol=1e-12)


def test_recorded_training_matches_ours() -> None:
    from descent.twins import record as torch_record

    rec = torch_record.load()["digits_mlp"]
    t = ex.trained()
    steps = len(t.run.losses) // ex.EPOCHS
    np.testing.assert_allclose(
        rec["epoch_losses"]["value"], t.run.losses[steps - 1 :: steps], rtol=1e-11, atol=0
    )
    assert rec["test_accuracy"]["value"] == pytest.approx(t.test_accuracy[-1], abs=1e-12)


def test_engine_ops_match_torch() -> None:
    rng = np.random.default_rng(5)
    z, targets = rng.normal(size=(4, 5)) * 3, np.array([0, 4, 2, 2])
    for ours_f, torch_f in [
        (F.relu, torch.relu),
        (F.tanh, torch.tanh),
        (F.sigmoid, torch.sigmoid),
        (F.exp, torch.exp),
        (lambda t: F.log(F.exp(t)), lambda t: torch.log(torch.exp(t))),
        (F.log_softmax, lambda t: torch.log_softmax(t, dim=-1)),
        (lambda t: t[[0, 0, 3], [1, 1, 2]], lambda t: t[[0, 0, 3], [1, 1, 2]]),
    ]:
        weight = rng.normal(size=np.shape(ours_f(Tensor(z)).data))
        ours = Tensor(z, requires_grad=True)
        (ours_f(ours) * weight).sum().backward()
        theirs = torch.tensor(z, requires_grad=True)
        (torch_f(theirs) * torch.from_numpy(weight)).sum().backward()
        np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-12, atol=1e-12)
    w, b = rng.normal(size=(5, 3)), rng.normal(size=3)
    ours = [Tensor(a, requires_grad=True) for a in (z, w, b)]
    weight = rng.normal(size=(4, 3))
    (F.linear(*ours) * weight).sum().backward()
    theirs = [torch.tensor(a, requires_grad=True) for a in (z, w, b)]
    # torch stores the weight as d_out × d_in: ours transposed
    (
        torch.nn.functional.linear(theirs[0], theirs[1].T, theirs[2]) * torch.from_numpy(weight)
    ).sum().backward()
    for o, t in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(o.grad, t.grad.numpy(), rtol=1e-12, atol=1e-12)
    ours = Tensor(z, requires_grad=True)
    loss = F.cross_entropy(ours, targets)
    loss.backward()
    theirs = torch.tensor(z, requires_grad=True)
    ref = torch.nn.CrossEntropyLoss()(theirs, torch.from_numpy(targets))
    ref.backward()
    assert loss.item() == pytest.approx(ref.item(), abs=1e-14)
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=0, atol=1e-15)
