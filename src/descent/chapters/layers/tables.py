"""Tables and prose numbers of chapter ``layers``."""

from __future__ import annotations

import math

import numpy as np

from descent.twins import record as torch_record
from descent.chapters.layers import examples as ex
from descent.digits import load
from descent.build.table import fmt


def _matrix(m: np.ndarray) -> str:
    """A matrix as LaTeX: \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}."""
    rows = np.atleast_2d(m)
    body = r" \\ ".join(" & ".join(fmt(v).replace("−", "-") for v in row) for row in rows)
    return r"\begin{pmatrix} " + body + r" \end{pmatrix}"


def agreement() -> float:
    """Largest difference between a parameter trained by hand and by the engine."""
    a, b = ex.trained().run.params, ex.trained_engine().params
    return max(float(np.abs(p - q).max()) for p, q in zip(a, b, strict=True))


def values() -> dict[str, str]:
    s, t, d = ex.small_layer(), ex.trained(), load()
    errors = int(np.sum(t.predictions != d.y_test))
    steps = -(-len(d.x_train) // ex.BATCH_SIZE)
    return {
        "x_small": _matrix(ex.X_SMALL),
        "w_small": _matrix(ex.W_SMALL),
        "b_small": _matrix(ex.B_SMALL),
        "g_small": _matrix(ex.G_SMALL),
        "y_small": _matrix(s["Y"]),
        "dw_small": _matrix(s["dW"]),
        "db_small": _matrix(s["db"]),
        "dx_small": _matrix(s["dX"]),
        **{f"ce_{k}": fmt(v, 4) for k, v in ex.cross_entropy_on_probabilities().items()},
        "ce_floor": fmt(math.log(1 + 2 / math.e), 4),
        "n_images": str(len(d.x_train) + len(d.x_test)),
        "n_train": str(len(d.x_train)),
        "n_test": str(len(d.x_test)),
        "hidden": str(ex.SIZES[1]),
        "lr": fmt(ex.LR),
        "epochs": str(ex.EPOCHS),
        "batch_size": str(ex.BATCH_SIZE),
        "steps_per_epoch": str(steps),
        "n_params": str(sum(p.size for p in ex.start())),
        "first_loss": fmt(t.run.losses[0], 3),
        "train_loss": fmt(t.train_loss[-1], 3),
        "test_loss": fmt(t.test_loss[-1], 3),
        "accuracy": fmt(100 * t.test_accuracy[-1], 1),
        "errors": str(errors),
        "agreement": _power(agreement()),
        "torch_accuracy": fmt(
            100 * torch_record.load()["digits_mlp"]["test_accuracy"]["value"], 1
        ),
    }


def _power(v: float) -> str:
    """The power of ten just above ``v``, in TeX: 1.6e-15 → 10^{-14}.

    >>> _power(1.6e-15)
    '10^{-14}'
    """
    return "10^{" + str(int(np.ceil(np.log10(v)))) + "}"
