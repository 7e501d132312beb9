"""Tests for descent.mlp_training and descent.digits: the hand-written and the engine's training
agree to 1e-12 on the digits; the trained network reaches 95 % on the held-out images."""

from __future__ import annotations

import numpy as np
import pytest

from descent.digits import load
from descent.mlp import MLP, init_params
from descent.mlp_training import index_batches, train_engine, train_hand


def test_digits_split_is_fixed_and_disjoint() -> None:
    d = load()
    assert len(d.x_train) + len(d.x_test) == 1797
    assert d.x_train.min() == 0.0 and d.x_test.max() == 1.0
    assert np.bincount(d.y_test, minlength=10).min() >= 20  # every digit is tested
    train = {r.tobytes() for r in d.x_train}
    # some images repeat in the data; nearly all test images are new to the network
    assert sum(r.tobytes() in train for r in d.x_test) < 5
    with pytest.raises(ValueError, match="test_size"):
        load(test_size=0)


def test_digits_are_scikit_learns() -> None:
    from sklearn.datasets import load_digits

    data, d = load_digits(), load()
    order = np.random.default_rng(0).permutation(len(data.target))  # digits.SEED
    train, test = order[:-360], order[-360:]
    np.testing.assert_array_equal(d.x_train, data.data[train] / 16.0)
    np.testing.assert_array_equal(d.x_test, data.data[test] / 16.0)
    np.testing.assert_array_equal(d.y_train, data.target[train])
    np.testing.assert_array_equal(d.y_test, data.target[test])


def test_index_batches_cover_every_sample_once() -> None:
    batches = list(index_batches(10, 4, np.random.default_rng(3)))
    assert [len(b) for b in batches] == [4, 4, 2]
    assert sorted(np.concatenate(batches).tolist()) == list(range(10))


@pytest.mark.parametrize("activation", ["relu", "tanh"])
def test_hand_written_and_engine_agree_to_1e_12_and_learn(activation) -> None:
    d = load()
    start = init_params([64, 32, 10], np.random.default_rng(0))
    kw = dict(lr=0.1, epochs=10, batch_size=32, seed=0, activation=activation)
    a = train_hand(start, d.x_train, d.y_train, **kw)
    b = train_engine(start, d.x_train, d.y_train, **kw)
    assert len(a.losses) == 10 * 45
    np.testing.assert_allclose(a.losses, b.losses, rtol=0, atol=1e-12)
    for p, q in zip(a.params, b.params, strict=True):
        np.testing.assert_allclose(p, q, rtol=0, atol=1e-12)
    assert np.mean(a.losses[-45:]) < 0.5 * np.mean(a.losses[:45])
    accuracy = np.mean(MLP(a.params, activation).predict(d.x_test) == d.y_test)
    assert accuracy >= 0.95
    assert all(
        np.array_equal(s, s0)
        for s, s0 in zip(start, init_params([64, 32, 10], np.random.default_rng(0)), strict=True)
    )  # training never edits the start


def test_training_refuses_bad_input() -> None:
    start = init_params([2, 2], np.random.default_rng(0))
    x, y = np.zeros((3, 2)), np.array([0, 1, 1])
    with pytest.raises(ValueError, match="epochs"):
        train_hand(start, x, y, lr=0.1, epochs=0, batch_size=1)
    with pytest.raises(ValueError, match="one label"):
        train_engine(start, x, y[:2], lr=0.1, epochs=1, batch_size=1)
    with pytest.raises(ValueError, match="lr"):
        train_hand(start, x, y, lr=-1.0, epochs=1, batch_size=1)
    with pytest.raises(ValueError, match=r"0\.\.1"):
        train_engine(start, x, np.array([0, 1, 2]), lr=0.1, epochs=1, batch_size=1)
