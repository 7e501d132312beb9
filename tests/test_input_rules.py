"""One rule for numbers across the package: real numbers only (numpy's included), bool and
text refused, NaN/inf refused, each refusal naming the argument."""

from __future__ import annotations

import numpy as np
import pytest

from descent import batching, calculus, linear, nn, optim, polyfit, scaling
from descent.chapters.pytorch import training as scratch_training
from descent.engine import Value
from descent.validate import as_vector, finite_number, whole_number

BAD_NUMBERS = ["0.5", True, None, [0.5], 1 + 0j]


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_finite_number_takes_numbers_only(bad) -> None:
    with pytest.raises(TypeError, match="lr must be a real number"):
        finite_number("lr", bad)


@pytest.mark.parametrize("good", [2, 2.0, np.float32(2.0), np.int64(2), np.float64(2.0)])
def test_finite_number_takes_every_kind_of_real_number(good) -> None:
    assert finite_number("lr", good) == 2.0


@pytest.mark.parametrize(
    ("values", "reported"),
    [([1.0, None], "None at index 1"), (["1", 2.0], "'1' at index 0"), ([True, 1.0], "True")],
)
def test_a_vector_names_the_entry_that_is_not_a_number(values, reported) -> None:
    with pytest.raises(TypeError, match=reported):
        as_vector("x", values)


def test_a_vector_still_reports_nan_as_nan() -> None:
    with pytest.raises(ValueError, match="non-finite value at index 1: nan"):
        as_vector("x", [1.0, float("nan")])


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_every_optimiser_and_value_refuse_the_same_things(bad) -> None:
    for make in (
        lambda: optim.GD(lr=bad),
        lambda: optim.Momentum(lr=0.1, beta=bad),
        lambda: optim.Adam(lr=0.1, beta1=bad),
        lambda: optim.Adam(lr=0.1, eps=bad),
        lambda: nn.SGD([Value(1.0)], lr=bad),
        lambda: Value(bad),
    ):
        with pytest.raises(TypeError, match="must be a real number"):
            make()


@pytest.mark.parametrize("n", [np.int64(5), np.int32(5), 5])
def test_numpy_integers_count(n) -> None:
    assert len(polyfit.sin_data(n)[0]) == 5
    assert polyfit.features([2.0], np.int64(2)).tolist() == [[1.0, 2.0, 4.0]]
    run = optim.descend(lambda t: float(t @ t), lambda t: 2 * t, [1.0], optim.GD(0.25), steps=n)
    assert run.steps == 5
    assert whole_number("n", n) == 5


@pytest.mark.parametrize("bad", [True, 2.0, "3", None, -1])
def test_counts_must_be_whole_numbers(bad) -> None:
    with pytest.raises((TypeError, ValueError), match="steps must be"):
        optim.descend(lambda t: float(t @ t), lambda t: 2 * t, [1.0], optim.GD(0.25), steps=bad)


def quadratic(optimizer: object, **kw) -> optim.Run:
    return optim.descend(lambda t: float(t @ t), lambda t: 2 * t, [1.0], optimizer, **kw)


def test_stop_below_nan_is_refused() -> None:
    with pytest.raises(ValueError, match="stop_below must be finite"):
        quadratic(optim.GD(0.25), stop_below=float("nan"))


def test_optimizer_none_is_refused_by_name() -> None:
    with pytest.raises(TypeError, match="optimizer must be"):
        quadratic(None, steps=2)


@pytest.mark.parametrize(
    "make", [lambda: optim.GD(0.1), lambda: optim.Momentum(0.1), lambda: optim.Adam(0.1)]
)
def test_a_reused_optimiser_starts_each_descent_afresh(make) -> None:
    shared = make()
    quadratic(shared, steps=3)
    again = quadratic(shared, steps=3)
    fresh = quadratic(make(), steps=3)
    assert again.thetas.tolist() == fresh.thetas.tolist()


def test_sgd_refuses_a_parameter_listed_twice() -> None:
    a = Value(1.0)
    with pytest.raises(ValueError, match=r"params\[1\] is params\[0\]"):
        nn.SGD([a, a], lr=0.1)


def test_rng_may_be_a_seed_but_not_none() -> None:
    x, y = np.arange(4.0), np.arange(4.0)
    from_seed = [b[0].tolist() for b in batching.minibatches(x, y, 2, 7)]
    from_generator = [
        b[0].tolist() for b in batching.minibatches(x, y, 2, np.random.default_rng(7))
    ]
    assert from_seed == from_generator
    assert scaling.noisy_line(3, n=3)[0].shape == (3,)
    assert len(scratch_training.epoch_orders(3, 2, 0)) == 2
    for call in (
        lambda: list(batching.minibatches(x, y, 2, None)),
        lambda: batching.paired_shuffle(x, y, None),
        lambda: batching.batch_stream(x, y, 2, None),
        lambda: scaling.noisy_line(None),
        lambda: scratch_training.epoch_orders(3, 2, None),
        lambda: list(batching.minibatches(x, y, 2, True)),
    ):
        with pytest.raises(TypeError, match="rng must be a numpy Generator or an integer seed"):
            call()


CALCULUS = {
    "parabola": lambda v: calculus.parabola(v),
    "parabola_slope": lambda v: calculus.parabola_slope(v),
    "sin_of_square": lambda v: calculus.sin_of_square(v),
    "sin_of_square_grad": lambda v: calculus.sin_of_square_grad(v),
    "best_central_step": lambda v: calculus.best_central_step(v, 1.0),
    "neuron_loss": lambda v: calculus.neuron_loss(v, 0.0, 1.0, 1.0),
    "neuron_loss_grad": lambda v: calculus.neuron_loss_grad(0.0, 0.0, v, 1.0),
    "Quadratic": lambda v: linear.Quadratic(1.0, 1.0, 0.0, 0.0, 0.0, 0.0)(v, 0.0),
}


@pytest.mark.parametrize("name", CALCULUS)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), None, "1", True])
def test_the_scalar_functions_check_their_input(name, bad) -> None:
    with pytest.raises((TypeError, ValueError), match=r"must be (finite|a real number)"):
        CALCULUS[name](bad)


def test_best_central_step_needs_a_nonzero_third_derivative() -> None:
    with pytest.raises(ValueError, match="f3_x"):
        calculus.best_central_step(1.0, 0.0)
