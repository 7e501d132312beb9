"""The Part IV entries of the common-mistakes page: each wrong function fails as the page says,
and every number shown is recomputed here from definitions, loops or central differences."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from pages import central_difference

from descent.chapters.mistakes import classifier_values as cv
from descent.chapters.mistakes import classifiers as c
from descent.chapters.mistakes import tables as r
from descent.digits import load
from descent.mlp import softmax_cross_entropy
from descent.twins import record as torch_record

V = r.values()


def num(text: str) -> float:
    return float(text.replace("−", "-"))


def sigma(t: float) -> float:
    return 1 / (1 + math.exp(-t))


# ---- softmax without log-sum-exp ----------------------------------------------------------


def test_naive_cross_entropy_agrees_where_it_works() -> None:
    z = (1.0, 2.0, 3.0)
    by_hand = -math.log(math.exp(2.0) / sum(math.exp(t) for t in z))
    assert c.naive_cross_entropy(z, 1) == pytest.approx(by_hand, rel=1e-15)


def test_naive_cross_entropy_overflows_and_underflows() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert math.isnan(c.naive_cross_entropy(c.LARGE, 1))
        assert c.naive_cross_entropy(c.APART, 1) == math.inf
    said = " ".join(str(w.message) for w in caught)
    assert "overflow" in said and "invalid value" in said and "divide by zero" in said
    assert V["lse_naive_large"] == "nan" and V["lse_naive_apart"] == "inf"
    by_hand = -math.log(math.exp(2.0) / sum(math.exp(t) for t in (1.0, 2.0, 3.0)))
    assert num(V["lse_stable_large"]) == pytest.approx(by_hand, abs=5e-5)
    assert num(V["lse_stable_apart"]) == 800.0  # −ln p₁ = 800 + ln(1 + e^−800)
    assert math.exp(num(V["lse_max_exp"]) - 0.01) < math.inf
    with pytest.raises(OverflowError):
        math.exp(num(V["lse_max_exp"]) + 0.01)


# ---- sigmoid before BCEWithLogitsLoss -----------------------------------------------------


def test_double_sigmoid_is_the_loss_of_sigma_of_sigma() -> None:
    z, y = np.array(c.SATURATED), np.ones(2)
    by_hand = np.mean([-math.log(sigma(sigma(t))) for t in c.SATURATED])
    assert c.double_sigmoid_loss(z, y) == pytest.approx(by_hand, rel=1e-14)
    point = np.array(c.SATURATED)
    difference = central_difference(lambda t: c.double_sigmoid_loss(t, y), point, 1e-6)
    np.testing.assert_allclose(c.double_sigmoid_grad(z, y), difference, rtol=1e-4, atol=1e-9)


def test_double_sigmoid_numbers_on_the_page() -> None:
    right = (sigma(-8.0) - 1) / 2  # mean over the two samples: (σ(z) − y)/n
    wrong = (sigma(sigma(-8.0)) - 1) / 2 * sigma(-8.0) * (1 - sigma(-8.0))
    assert num(V["ds_right_wrong"]) == pytest.approx(right, abs=5e-5)
    mantissa, exponent = V["ds_wrong_wrong"].replace("−", "-").split(r" \times 10^")
    assert float(mantissa) * 10 ** int(exponent.strip("{}")) == pytest.approx(wrong, rel=1e-3)
    assert int(V["ds_shrink"]) == round(right / wrong)
    assert int(V["ds_shrink"]) > 1000
    for label, floor in ((1.0, V["ds_floor_1"]), (0.0, V["ds_floor_0"])):
        best = -30.0 if label == 0 else 30.0  # the most confident right answer
        loss = c.double_sigmoid_loss(np.array([best]), np.array([label]))
        assert loss == pytest.approx(num(floor), abs=5e-5)
        assert c.double_sigmoid_loss(np.array([best / 3]), np.array([label])) > loss


def test_double_sigmoid_table_sets_pytorch_beside_our_numbers() -> None:
    rec = torch_record.load()["double_sigmoid"]
    for key, ours in cv.double_sigmoid().items():
        np.testing.assert_allclose(rec[key]["value"], ours, rtol=1e-10, atol=1e-15)
    assert len(cv.double_sigmoid_rows()) == 4


# ---- forgetting to average over the batch -------------------------------------------------


def test_summed_gradient_is_batch_size_times_the_mean() -> None:
    rng = np.random.default_rng(1)
    logits, y = rng.normal(size=(7, 4)), rng.integers(0, 4, size=7)
    np.testing.assert_allclose(
        c.cross_entropy_grad_summed(logits, y), 7 * softmax_cross_entropy(logits, y)[1], rtol=1e-14
    )


def test_batch_table_norms_scale_with_b_and_the_big_batch_breaks() -> None:
    runs = cv.batch_runs()
    assert list(runs) == list(c.BATCH_SIZES)
    for b, run in runs.items():
        assert run["norm_sum"] == pytest.approx(b * run["norm_mean"], rel=1e-12)
    small, big = runs[min(runs)], runs[max(runs)]
    assert small["acc_sum"] > 0.9 and small["acc_mean"] > 0.9
    assert big["acc_mean"] > 0.8 and big["acc_sum"] < 0.5 and big["loss_sum"] > 100
    assert num(V["bm_acc_sum_big"]) == pytest.approx(100 * big["acc_sum"], abs=0.05)
    assert num(V["bm_eff_big"]) == c.BATCH_LR * max(runs)


def test_summed_training_is_the_mean_training_at_eta_times_b() -> None:
    d, b = load(), 32
    x, y = d.x_train[:b], d.y_train[:b]
    w = np.zeros((64, 10))
    summed = w - c.BATCH_LR * x.T @ c.cross_entropy_grad_summed(x @ w, y)
    mean = w - c.BATCH_LR * b * x.T @ softmax_cross_entropy(x @ w, y)[1]
    np.testing.assert_allclose(summed, mean, rtol=1e-13, atol=1e-15)


# ---- one-hot targets ----------------------------------------------------------------------


def test_onehot_targets_are_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match=r"targets has shape \(2, 3\), expected \(2,\)"):
        c.cross_entropy_onehot(c.ONEHOT_LOGITS, list(c.ONEHOT_LABELS))
    assert cv.onehot_error().startswith("ValueError: targets has shape (2, 3)")


def test_onehot_page_loss_and_pytorch_record() -> None:
    p = np.exp(1.0 + np.arange(3)) / np.exp(1.0 + np.arange(3)).sum()
    by_hand = -(math.log(p[1]) + math.log(p[2])) / 2
    assert cv.index_loss() == pytest.approx(by_hand, rel=1e-14)
    assert num(V["oh_loss"]) == pytest.approx(by_hand, abs=5e-5)
    rec = torch_record.load()["onehot_targets"]
    assert rec["indices"]["value"] == pytest.approx(by_hand, rel=1e-11)
    assert rec["one-hot, float64"]["value"] == pytest.approx(by_hand, rel=1e-11)
    assert rec["one-hot, int64"]["repr"].startswith("RuntimeError")
    assert rec["indices, float64"]["repr"].startswith("RuntimeError")
