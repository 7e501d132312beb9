"""The classifier mistakes of the common-mistakes page, run in PyTorch, one function each.

Like :mod:`descent.twins.examples`, this module imports without PyTorch; its functions run
in ``nox -s torch`` only. A mistake that raises is caught and returned as its message, so the
page can show exactly what PyTorch says.
"""

from __future__ import annotations

from typing import Any

from descent.chapters.mistakes.classifiers import ONEHOT_LABELS, ONEHOT_LOGITS, SATURATED
from descent.twins.examples import torch


def _message(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


# --8<-- [start:double-sigmoid]
def double_sigmoid(z: tuple = SATURATED) -> dict[str, Any]:
    """BCEWithLogitsLoss of the logits, and of σ(logits): the loss and ∂loss/∂z of each."""
    out: dict[str, Any] = {}
    for name, squash in (("logits", False), ("sigmoid first", True)):
        logits = torch.tensor(z, dtype=torch.float64, requires_grad=True)
        target = torch.ones_like(logits)  # both samples belong to class 1
        given = torch.sigmoid(logits) if squash else logits  # WRONG when squash: σ twice
        loss = torch.nn.BCEWithLogitsLoss()(given, target)
        loss.backward()
        out[f"loss, {name}"], out[f"grad, {name}"] = loss, logits.grad
    return out


# --8<-- [end:double-sigmoid]


# --8<-- [start:onehot-targets]
def onehot_targets(z: tuple = ONEHOT_LOGITS, labels: tuple = ONEHOT_LABELS) -> dict[str, Any]:
    """CrossEntropyLoss with class indices, with one-hot rows (integer and float)."""
    logits = torch.tensor(z, dtype=torch.float64)
    index = torch.tensor(labels)  # int64: one class index per row, as the loss expects
    onehot = torch.nn.functional.one_hot(index, logits.shape[1])  # int64 rows (0, 1, 0)
    criterion = torch.nn.CrossEntropyLoss()
    out: dict[str, Any] = {"indices": criterion(logits, index)}
    try:
        criterion(logits, onehot)
    except RuntimeError as error:
        out["one-hot, int64"] = _message(error)
    out["one-hot, float64"] = criterion(logits, onehot.double())  # read as probabilities
    try:
        criterion(logits, index.double())
    except RuntimeError as error:
        out["indices, float64"] = _message(error)
    return out


# --8<-- [end:onehot-targets]
