"""Tables and prose values of the neuron chapter."""

from __future__ import annotations

import numpy as np

from descent.build.table import fmt, markdown_table
from descent.chapters.neuron import examples as ex
from descent.logistic import accuracy, bce_grad_z, mse_grad_z

NAMES = {"w_1": "x_1", "w_2": "x_2", "x_1": "w_1", "x_2": "w_2", "b": "1"}  # ∂z/∂input


def _sci(x: float) -> str:
    """One significant digit as TeX: 8e-09 → 8 \\times 10^{-9}."""
    mantissa, exponent = f"{x:.0e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def _z() -> float:
    return ex.W[0] * ex.X[0] + ex.W[1] * ex.X[1] + ex.B


def table_neuron_gradients() -> str:
    """Each input: σ'(z) times ∂z/∂input, by hand, against the engine's gradient."""
    f, grads = ex.worked()
    s_prime = f * (1 - f)
    values = {"w_1": ex.W[0], "w_2": ex.W[1], "x_1": ex.X[0], "x_2": ex.X[1], "b": 1.0}
    rows = []
    for name in ("x_1", "x_2", "w_1", "w_2", "b"):
        partner = NAMES[name]
        dz = 1.0 if partner == "1" else values[partner]
        rows.append(
            [
                f"$\\partial f/\\partial {name}$",
                f"$\\sigma'(z)\\,{partner}$" if partner != "1" else "$\\sigma'(z)$",
                fmt(dz),
                fmt(s_prime * dz, 6),
                fmt(grads[name], 6),
            ]
        )
    return markdown_table(["", "", "$\\partial z/\\partial \\cdot$", "$=$", "`.grad`"], rows)


def table_neuron_fit() -> str:
    """The fitted θ and the accuracy on the training and the test set."""
    d, theta = ex.data(), ex.fit().theta
    rows = [
        [
            fmt(theta[0]),
            fmt(theta[1]),
            fmt(theta[2]),
            fmt(ex.fit().losses[-1]),
            fmt(100 * accuracy(theta, d.x_train, d.y_train), 1) + " %",
            fmt(100 * accuracy(theta, d.x_test, d.y_test), 1) + " %",
        ]
    ]
    return markdown_table(["$w_1$", "$w_2$", "$b$", "$J$", "`x_train`", "`x_test`"], rows)


def values() -> dict[str, str]:
    f, grads = ex.worked()
    d, runs = ex.data(), ex.saturated_runs()
    acc = {k: ex.accuracies(r) for k, r in runs.items()}
    eig = ex.hessian_eigenvalues()
    return {
        "z": fmt(_z()),
        "f": fmt(f, 6),
        "s_prime": fmt(f * (1 - f), 6),
        "n_train": str(len(d.y_train)),
        "n_test": str(len(d.y_test)),
        "n_total": str(len(d.y_train) + len(d.y_test)),
        "benign_share": fmt(100 * d.y_train.mean(), 1),
        "lr": fmt(ex.LR),
        "steps": str(ex.FIT_STEPS),
        "fit_grad_norm": _sci(float(np.linalg.norm(ex.fit().grads[-1]))),
        "test_accuracy": fmt(100 * accuracy(ex.fit().theta, d.x_test, d.y_test), 1),
        "bce_acc_end": fmt(100 * acc["bce"][-1], 1),
        "mse_acc_end": fmt(100 * acc["mse"][-1], 1),
        "mse_acc_100": fmt(100 * acc["mse"][100], 1),
        "bce_acc_20": fmt(100 * acc["bce"][20], 1),
        "eig_min": f"{eig[0]:.4f}",
        "eig_max": f"{eig[-1]:.4f}",
        "curve_steps": str(ex.STEPS),
        "sat_share": fmt(100 * ex.saturated_share(), 1),
        "start_acc": fmt(100 * acc["mse"][0], 1),
        "sat_start": ", ".join(fmt(v) for v in ex.SATURATED),
        "grad_b": fmt(grads["b"], 6),
        "bce_grad_0": fmt(bce_grad_z(0.0, 1.0)),
        "mse_grad_0": fmt(mse_grad_z(0.0, 1.0)),
        "bce_grad_m8": fmt(bce_grad_z(-8.0, 1.0), 6),
        "mse_grad_m8": fmt(mse_grad_z(-8.0, 1.0), 6),
    }
