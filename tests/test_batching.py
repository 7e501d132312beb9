"""Tests for descent.batching: one permutation keeps pairs, two break them; batches cover all."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from descent.batching import (
    batch_stream,
    check_batch_size,
    minibatches,
    paired_shuffle,
    shuffled_separately,
)

sizes = st.integers(min_value=1, max_value=40)


@given(n=sizes, seed=st.integers(0, 2**32 - 1))
def test_paired_shuffle_keeps_every_pair(n: int, seed: int) -> None:
    x = np.arange(1.0, n + 1)
    y = 10 * x + 0.5  # y determines x, so a broken pair is visible
    xs, ys = paired_shuffle(x, y, np.random.default_rng(seed))
    np.testing.assert_array_equal(ys, 10 * xs + 0.5)
    np.testing.assert_array_equal(np.sort(xs), x)


def test_paired_shuffle_is_one_seeded_permutation() -> None:
    x, y = np.arange(5.0), np.arange(5.0) ** 2
    p = np.random.default_rng(7).permutation(5)
    xs, ys = paired_shuffle(x, y, np.random.default_rng(7))
    np.testing.assert_array_equal(xs, x[p])
    np.testing.assert_array_equal(ys, y[p])


def test_separate_shuffle_breaks_pairs_but_keeps_each_array() -> None:
    x = np.arange(1.0, 101)
    y = 10 * x
    xs, ys = shuffled_separately(x, y, np.random.default_rng(0))
    np.testing.assert_array_equal(np.sort(xs), x)
    np.testing.assert_array_equal(np.sort(ys), y)
    assert np.mean(ys == 10 * xs) < 0.1  # almost every pair is new
    rng = np.random.default_rng(0)  # the first permutation is the one paired_shuffle uses
    np.testing.assert_array_equal(xs, paired_shuffle(x, y, rng)[0])


@given(n=sizes, batch=sizes, seed=st.integers(0, 1000))
@settings(max_examples=60)
def test_minibatches_cover_each_sample_once(n: int, batch: int, seed: int) -> None:
    if batch > n:
        return
    x = np.arange(float(n))
    got = list(minibatches(x, x + 100, batch, np.random.default_rng(seed)))
    assert [len(b) for b, _ in got] == [min(batch, n - s) for s in range(0, n, batch)]
    xs = np.concatenate([b for b, _ in got])
    np.testing.assert_array_equal(np.sort(xs), x)
    for xb, yb in got:
        np.testing.assert_array_equal(yb, xb + 100)


def test_batch_stream_reshuffles_every_epoch() -> None:
    x = np.arange(6.0)
    stream = batch_stream(x, x, 2, np.random.default_rng(3))
    epochs = [np.concatenate([next(stream)[0] for _ in range(3)]) for _ in range(4)]
    for epoch in epochs:
        np.testing.assert_array_equal(np.sort(epoch), x)
    rng = np.random.default_rng(3)  # independent: the same permutations drawn directly
    for epoch in epochs:
        np.testing.assert_array_equal(epoch, x[rng.permutation(6)])
    assert any(not np.array_equal(a, b) for a, b in itertools.pairwise(epochs))


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (([1.0, 2.0], [1.0], 1), ValueError, "length mismatch: x has 2 values, y has 1"),
        (([], [], 1), ValueError, "x is empty"),
        (([1.0, 2.0], [1.0, 2.0], 0), ValueError, "batch_size must be a whole number"),
        (([1.0, 2.0], [1.0, 2.0], -3), ValueError, "batch_size"),
        (([1.0, 2.0], [1.0, 2.0], 3), ValueError, "from 1 to n = 2, got 3"),
        (([1.0, 2.0], [1.0, 2.0], 1.5), TypeError, "batch_size must be an integer"),
        (([1.0, np.nan], [1.0, 2.0], 1), ValueError, "x contains a non-finite value"),
    ],
)
def test_bad_input_raises(args, error, match) -> None:
    x, y, batch = args
    with pytest.raises(error, match=match):
        list(minibatches(x, y, batch, np.random.default_rng(0)))
    with pytest.raises(error, match=match):
        batch_stream(x, y, batch, np.random.default_rng(0))  # raises before the first batch


def test_check_batch_size_rejects_bool() -> None:
    with pytest.raises(TypeError):
        check_batch_size(True, 3)
