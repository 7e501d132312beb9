"""Tables and named numbers of the loss chapter (value keys ``loss.<key>``)."""

from __future__ import annotations

from descent.data import SAMPLE_1_1
from descent.linear import (
    grad_mse,
    grad_sse,
    least_squares_w,
    least_squares_wb,
    loss_wb,
    quadratic_coefficients,
)
from descent.tables import markdown_table

# The point where chapter 2 evaluates the n-sample gradients: the line y = x.
GRAD_AT = (1.0, 0.0)


def fmt(value: float, digits: int = 4) -> str:
    """Format a number with at most ``digits`` decimals, trailing zeros and −0 removed.

    >>> fmt(2.50), fmt(-0.0), fmt(-1e-15), fmt(-20.4)
    ('2.5', '0', '0', '−20.4')
    """
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    return text.replace("-", "−")


def table_loss_quadratic() -> str:
    """Coefficients of J(w, b) expanded, for the first two samples and for all ten."""
    rows = []
    for n in (2, len(SAMPLE_1_1.x)):
        data = SAMPLE_1_1.head(n)
        q = quadratic_coefficients(data.x, data.y)
        w, b = least_squares_wb(data.x, data.y)
        cells = [fmt(c) for c in q] + [fmt(w), fmt(b), fmt(loss_wb(w, b, data.x, data.y))]
        rows.append([str(n), *cells])
    headers = ["$n$", "$w^2$", "$b^2$", "$wb$", "$w$", "$b$", "$1$", "$w^*$", "$b^*$"]
    return markdown_table([*headers, "$J(w^*,b^*)$"], rows)


def values() -> dict[str, str]:
    """Named numbers used in the prose of loss.md and loss.en.md."""
    x, y = SAMPLE_1_1.x, SAMPLE_1_1.y
    head = SAMPLE_1_1.head(2)
    q2 = quadratic_coefficients(head.x, head.y)
    w2, b2 = least_squares_wb(head.x, head.y)
    w10, b10 = least_squares_wb(x, y)
    out = {f"q2_{name}": fmt(c) for name, c in q2._asdict().items()}
    out |= {f"q2_{name}_double": fmt(2 * c) for name, c in q2._asdict().items()}
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
    return out
