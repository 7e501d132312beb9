"""The committed PyTorch record: well formed, in agreement with our engine, and rendered into
docs/generated/torch-*.md exactly. Runs without PyTorch (the torch session re-records it)."""

from __future__ import annotations

import copy
import math

import numpy as np
import pytest

from descent.chapters.pitfalls import examples as pf
from descent.chapters.pytorch import examples as ex
from descent.chapters.pytorch import training as tr
from descent.twins import examples as torch_examples
from descent.twins import record as torch_record
from descent.twins.record_format import number

R = torch_record.load()
X, Y = ex.line_data()
F32, F64 = 1e-6, 1e-10  # the record keeps 12 significant digits


def recorded(run: str, key: str):
    return R[run][key]["value"]


def close(recorded_value, ours, tol: float) -> None:
    a, b = np.asarray(recorded_value, float), np.asarray(number(ours), float)
    np.testing.assert_allclose(a, b, rtol=tol, atol=tol)


def test_record_names_every_run_and_its_torch_version():
    text = torch_record.RECORD.read_text(encoding="utf-8")
    assert text == torch_record.dumps({"torch": "2.14.1", "runs": R})
    assert sorted(R) == sorted(torch_record.runs())


@pytest.mark.parametrize(
    ("run", "ours", "tol"),
    [
        ("requires_grad", ex.requires_grad, F32),
        ("zero_grad", ex.zero_grad, F32),
        ("optimizer_step", ex.optimizer_step, F32),
        ("mse_loss", tr.mse_loss, F32),
        ("per_sample_w", lambda: tr.fit_w_per_sample(X, Y), F64),
        ("per_sample_wb", lambda: tr.fit_wb_per_sample(X, Y), F64),
        ("backward_again", pf.backward_again, F32),
        ("full_batch", lambda: pf.fit_full_batch(X, Y), F64),
        ("no_zero_grad", lambda: pf.fit_full_batch(X, Y, zero_grad=False), F64),
        ("used_twice", pf.used_twice, F32),
        ("float32_basics", pf.float32_basics, F64),
        ("per_sample_w_float32", lambda: pf.fit_w_per_sample_float32(X, Y), F32),
        ("update_in_no_grad", pf.update_in_no_grad, F32),
    ],
)
def test_recorded_values_agree_with_our_engine(run, ours, tol):
    for key, value in ours().items():
        if isinstance(value, str) or key not in R[run] or "value" not in R[run][key]:
            continue
        close(recorded(run, key), value, tol)


def test_minibatch_with_the_recorded_batches():
    orders = [np.array(o) for o in recorded("orders", "orders")]
    ours = tr.fit_minibatch(X, Y, orders)
    close(recorded("minibatch", "w"), ours["w"], F64)
    close(recorded("minibatch", "b"), ours["b"], F64)


def test_summed_run_agrees_until_our_engine_stops():
    ours = pf.fit_full_batch(X, Y, steps=pf.SUM_STEPS, reduction="sum")
    theirs = recorded("sum", "loss")
    k = len(ours["loss"])
    close(theirs[:k], ours["loss"], F64)
    assert math.isinf(theirs[k])


def test_check_finds_nothing_to_change_and_reports_a_changed_number():
    docs = torch_record.RECORD.parents[3] / "docs"
    rec = {"torch": "2.14.1", "runs": R}
    assert torch_record.check(rec, docs) == []
    changed = copy.deepcopy(rec)
    changed["runs"]["requires_grad"]["y"]["repr"] = "tensor(10.)"
    diffs = torch_record.check(changed, docs)
    assert any("torch_record.json" in d for d in diffs)
    assert any("torch-requires-grad.md" in d and "tensor(10.)" in d for d in diffs)
    assert torch_record.load() is R or torch_record.load() == R  # showing() was undone


def test_examples_import_without_torch_and_say_how_to_run():
    if torch_examples.torch is not None:
        pytest.skip("PyTorch is installed here: nothing to refuse")
    with pytest.raises(ModuleNotFoundError, match="nox -s torch"):
        torch_examples.require_torch()
    with pytest.raises(ModuleNotFoundError, match="nox -s torch"):
        torch_record.record()
