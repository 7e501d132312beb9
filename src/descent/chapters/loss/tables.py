"""Tables and named numbers of the loss chapter (value keys ``loss.<key>``)."""

from __future__ import annotations

import numpy as np

from descent.activations import sigmoid
from descent.build.table import fmt, markdown_table
from descent.data import SAMPLE_1_1
from descent.linear import (
    grad_mse,
    grad_sse,
    least_squares_w,
    least_squares_wb,
    loss_wb,
    lr_limit_w,
    quadratic_coefficients,
)
from descent.losses import (
    bce,
    bce_grad_z,
    half_mse,
    half_mse_grad,
    mae,
    mse,
    mse_grad,
    sse,
    sse_grad,
)

# The point where chapter 2 evaluates the n-sample gradients: the line y = x.
GRAD_AT = (1.0, 0.0)


def table_loss_quadratic() -> str:
    """The minimum (w*, b*, J) and the coefficients of J(w, b), for two samples and for ten.

    The minimum comes first: it is what the text discusses, and on a narrow screen the
    columns after it scroll.
    """
    rows = []
    for n in (2, len(SAMPLE_1_1.x)):
        data = SAMPLE_1_1.head(n)
        q = quadratic_coefficients(data.x, data.y)
        w, b = least_squares_wb(data.x, data.y)
        minimum = [fmt(w), fmt(b), fmt(loss_wb(w, b, data.x, data.y))]
        rows.append([str(n), *minimum, *(fmt(c) for c in q)])
    headers = ["$n$", "$w^*$", "$b^*$", "$J(w^*,b^*)$", "$w^2$", "$b^2$", "$wb$", "$w$", "$b$"]
    return markdown_table([*headers, "$1$"], rows)


def table_signed_errors() -> str:
    """Errors of the flat line ŷ = ȳ on sample set 1-1: signed errors cancel, squares do not."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    y_hat = np.full_like(y, y.mean())
    e = y_hat - y
    rows = [
        [fmt(a), fmt(t), fmt(p), fmt(d), fmt(abs(d)), fmt(d * d)]
        for a, t, p, d in zip(x, y, y_hat, e, strict=True)
    ]
    rows.append(
        [
            "$\\sum$",
            fmt(y.sum()),
            fmt(y_hat.sum()),
            fmt(e.sum()),
            fmt(np.abs(e).sum()),
            fmt(sse(y_hat, y)),
        ]
    )
    return markdown_table(["$x$", "$y$", "$\\hat y$", "$e$", "$\\lvert e\\rvert$", "$e^2$"], rows)


def _copies(k: int) -> tuple[np.ndarray, np.ndarray]:
    # sample set 1-1 repeated k times: n grows, but the data say nothing new
    return np.tile(SAMPLE_1_1.x, k), np.tile(SAMPLE_1_1.y, k)


def table_gradient_scaling() -> str:
    """dJ/dw of y = w·x at w = 1 and the stable-η bound, for SSE, MSE, ½MSE as n grows."""
    rows = []
    for k in (1, 2, 4):
        x, y = _copies(k)
        n = len(x)
        # chain rule: dJ/dw = Σ (∂J/∂ŷ_i)·x_i with ŷ_i = w·x_i
        grads = [float(g(1.0 * x, y) @ x) for g in (sse_grad, mse_grad, half_mse_grad)]
        limits = [lr_limit_w(x, scale) for scale in (1.0, 1.0 / n, 1.0 / (2 * n))]
        rows.append([str(n), *(fmt(g) for g in grads), *(fmt(v, 6) for v in limits)])
    headers = ["$n$", "SSE $J'(1)$", "MSE $J'(1)$", "½MSE $J'(1)$"]
    return markdown_table(
        [*headers, "SSE $\\eta_{\\max}$", "MSE $\\eta_{\\max}$", "½MSE $\\eta_{\\max}$"], rows
    )


def values() -> dict[str, str]:
    """Named numbers used in the prose of loss.md and loss.en.md."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    head = SAMPLE_1_1.head(2)
    q2 = quadratic_coefficients(head.x, head.y)
    w2, b2 = least_squares_wb(head.x, head.y)
    w10, b10 = least_squares_wb(x, y)
    out = {f"q2_{name}": fmt(c) for name, c in q2._asdict().items()}
    out |= {
        "min2_w": fmt(w2),
        "min2_b": fmt(b2),
        "min2_loss": fmt(loss_wb(w2, b2, head.x, head.y)),
        "min10_w": fmt(w10),
        "min10_b": fmt(b10),
        "min10_loss": fmt(loss_wb(w10, b10, x, y)),
        "parabola_w": fmt(least_squares_w(x, y)),
        "parabola_sxx": fmt(float((x * x).sum())),
        "parabola_sxy": fmt(float((x * y).sum())),
        "parabola_syy": fmt(float((y * y).sum())),
    }
    w, b = GRAD_AT
    sse_w, sse_b = grad_sse(w, b, x, y)
    mse_w, mse_b = grad_mse(w, b, x, y)
    out |= {"grad_sse_w": fmt(sse_w), "grad_sse_b": fmt(sse_b)}
    out |= {"grad_mse_w": fmt(mse_w), "grad_mse_b": fmt(mse_b)}
    out |= _more_values()
    return out


def _more_values() -> dict[str, str]:
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    flat = np.full_like(y, y.mean())
    out = {
        "flat_y": fmt(y.mean()),
        "flat_sum_e": fmt(float((flat - y).sum())),
        "flat_sse": fmt(sse(flat, y)),
        "flat_mae": fmt(mae(flat, y)),
    }
    z = 2.0  # the logit of the BCE example
    out |= {"bce_sigma": fmt(sigmoid(z)), "bce_loss_y1": fmt(bce([sigmoid(z)], [1.0]))}
    out |= {"bce_grad_y1": fmt(float(bce_grad_z([z], [1.0])[0]))}
    out |= {"bce_loss_y0": fmt(bce([sigmoid(z)], [0.0]))}
    out |= {"bce_grad_y0": fmt(float(bce_grad_z([z], [0.0])[0]))}
    # exercise 2.1: the line y = 2x on sample set 1-1
    y_hat = 2.0 * x
    out |= {"ex1_sse": fmt(sse(y_hat, y)), "ex1_mse": fmt(mse(y_hat, y))}
    out |= {"ex1_half_mse": fmt(half_mse(y_hat, y)), "ex1_mae": fmt(mae(y_hat, y))}
    # exercise 2.2: the first three samples
    head = SAMPLE_1_1.head(3)
    out |= {f"q3_{k}": fmt(c) for k, c in quadratic_coefficients(head.x, head.y)._asdict().items()}
    w3, b3 = least_squares_wb(head.x, head.y)
    out |= {
        "min3_w": fmt(w3),
        "min3_b": fmt(b3),
        "min3_loss": fmt(loss_wb(w3, b3, head.x, head.y), 6),
    }
    # exercise 2.3: gradients of the line y = 2x for all ten samples
    g_w, g_b = grad_sse(2.0, 0.0, x, y)
    m_w, m_b = grad_mse(2.0, 0.0, x, y)
    out |= {
        "ex3_sse_w": fmt(g_w),
        "ex3_sse_b": fmt(g_b),
        "ex3_mse_w": fmt(m_w),
        "ex3_mse_b": fmt(m_b),
    }
    # exercise 2.4: one labelled sample x = 1.5, y = 0 and the model z = w·x + b, w = 1, b = −0.5
    z4 = 1.0 * 1.5 - 0.5
    dz = float(bce_grad_z([z4], [0.0])[0])
    out |= {
        "ex4_z": fmt(z4),
        "ex4_sigma": fmt(sigmoid(z4)),
        "ex4_loss": fmt(bce([sigmoid(z4)], [0.0])),
    }
    out |= {"ex4_grad_w": fmt(dz * 1.5), "ex4_grad_b": fmt(dz)}
    # learning-rate limits of y = w·x on sample set 1-1 (n = 10)
    out |= {"lr_sse": fmt(lr_limit_w(x, 1.0), 6), "lr_mse": fmt(lr_limit_w(x, 0.1), 6)}
    return out
