"""The playground's four functions, its links, and the path its page must reproduce.

``docs/javascripts/playground.js`` runs the same update rules in the reader's browser; the
browser tests step it through its controls and compare every iterate with :func:`trajectory`.

>>> trajectory("square", lr=0.25, start=[1.0], steps=2).thetas[:, 0].tolist()
[1.0, 0.5, 0.25]
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

import numpy as np

from descent import landscapes as ls
from descent.data import SAMPLE_1_1
from descent.linear import grad_mse
from descent.linefit import mse_wb
from descent.optim import GD, Gradient, Loss, Momentum, Run, descend
from descent.validate import as_vector, finite_number, positive_number

MAX_STEPS = 1000  # the page stops a run here, and so does a link's steps=
LR_MAX = 10.0  # the page's η slider spans 10⁻⁴ … 10; a link may set any η in (0, 10]


# --8<-- [start:line-loss]
def line_loss(theta: np.ndarray) -> float:
    """J(w, b) = (1/n)·Σ(w·x_i + b − y_i)² on sample set 1-1.

    >>> round(line_loss(np.array([2.0, 0.0])), 12)
    0.186
    """
    w, b = as_vector("theta", theta)
    return mse_wb(w, b, SAMPLE_1_1.x, SAMPLE_1_1.y)


def line_grad(theta: np.ndarray) -> np.ndarray:
    """∇J(w, b) = (2/n)·(Σe_i·x_i, Σe_i) with e_i = w·x_i + b − y_i.

    >>> line_grad(np.array([2.0, 0.0])).round(12)
    array([-2.9 , -0.32])
    """
    w, b = as_vector("theta", theta)
    return np.array(grad_mse(w, b, SAMPLE_1_1.x, SAMPLE_1_1.y))


# --8<-- [end:line-loss]


@dataclass(frozen=True)
class Function:
    """One function of the playground: J, ∇J, coordinate names and the page's defaults."""

    loss: Loss
    grad: Gradient
    coords: tuple[str, ...]  # also the URL parameters that set the start
    start: tuple[float, ...]
    lr: float


FUNCTIONS = {
    "square": Function(ls.square, ls.square_grad, ("x",), (1.2,), 0.3),
    "sin_bowl": Function(ls.sin_bowl, ls.sin_bowl_grad, ("x", "y"), (3.0, 1.0), 0.1),
    "double_well": Function(ls.double_well, ls.double_well_grad, ("x",), (-0.5,), 0.05),
    "line": Function(line_loss, line_grad, ("w", "b"), (0.0, 0.0), 0.02),
}


def function(name: str) -> Function:
    """The playground function called ``name``, or a ValueError listing the names."""
    if name not in FUNCTIONS:
        raise ValueError(f"f must be one of {', '.join(FUNCTIONS)}, got {name!r}")
    return FUNCTIONS[name]


@dataclass(frozen=True)
class Settings:
    """What a playground link selects: function, η, start, momentum β (None: plain GD)."""

    f: str
    lr: float
    start: tuple[float, ...]
    beta: float | None = None
    steps: int = 0  # steps taken as soon as the page opens


def _beta(beta: float | None) -> float | None:
    if beta is not None and not 0 <= finite_number("momentum", beta) < 1:
        raise ValueError(f"momentum must be in [0, 1), got {beta}")
    return None if beta is None else float(beta)


def _steps(steps: object) -> int:
    text = str(steps)
    if not text.isdigit() or int(text) > MAX_STEPS:
        raise ValueError(f"steps must be an integer from 0 to {MAX_STEPS}, got {steps!r}")
    return int(text)


def settings(f: str = "square", **given: float | str | None) -> Settings:
    """Settings for ``f``: its defaults, overridden by lr, momentum, steps and coordinates.

    >>> settings("sin_bowl", y=0.5, momentum=0.9)
    Settings(f='sin_bowl', lr=0.1, start=(3.0, 0.5), beta=0.9, steps=0)
    """
    fn = function(f)
    unknown = set(given) - {"lr", "momentum", "steps", *fn.coords}
    if unknown:
        raise ValueError(f"unknown parameter(s) for f={f}: {', '.join(sorted(unknown))}")
    start = tuple(
        finite_number(c, given[c]) if given.get(c) is not None else s
        for c, s in zip(fn.coords, fn.start, strict=True)
    )
    lr = positive_number("lr", given["lr"]) if given.get("lr") is not None else fn.lr
    if lr > LR_MAX:
        raise ValueError(f"lr must be at most {LR_MAX:g}, got {lr}")
    steps = _steps(given.get("steps") or 0)
    return Settings(f, lr, start, _beta(given.get("momentum")), steps)


def parse_query(query: str) -> Settings:
    """Read a link's query string the way the page does (the page ignores a bad value).

    >>> parse_query("f=square&lr=0.3&x=1.2")
    Settings(f='square', lr=0.3, start=(1.2,), beta=None, steps=0)
    """
    pairs = dict(parse_qsl(query.lstrip("?"), keep_blank_values=True))
    f = pairs.pop("f", "square")
    for name, text in pairs.items():
        if name != "steps":
            try:
                pairs[name] = float(text)
            except ValueError:
                raise ValueError(f"{name} must be a number, got {text!r}") from None
    return settings(f, **pairs)


def link(s: Settings, page: str = "playground.md") -> str:
    """The link that opens the playground with ``s``: shortest round-trip numbers.

    >>> link(settings("square", lr=0.3, x=1.2))
    'playground.md?f=square&lr=0.3&x=1.2'
    """
    params = {"f": s.f, "lr": repr(s.lr)}
    params |= {c: repr(v) for c, v in zip(function(s.f).coords, s.start, strict=True)}
    if s.beta is not None:
        params["momentum"] = repr(s.beta)
    if s.steps:
        params["steps"] = str(s.steps)
    return f"{page}?{urlencode(params)}"


# --8<-- [start:trajectory]
def trajectory(f: str, lr: float, start: np.ndarray, steps: int, beta: float | None = None) -> Run:
    """The iterates θ_0 … θ_steps the page shows: plain GD, or heavy-ball momentum with β.

    A run that diverges raises optim.DivergenceError, naming the step and η, as the page does.

    >>> trajectory("square", 0.25, [1.0], 2, beta=0.5).thetas[:, 0].tolist()
    [1.0, 0.5, 0.0]
    """
    fn = function(f)
    start = as_vector("start", start)
    if start.size != len(fn.coords):
        raise ValueError(f"start must have {len(fn.coords)} coordinate(s), got {start.size}")
    optimizer = GD(lr) if _beta(beta) is None else Momentum(lr, beta)
    return descend(fn.loss, fn.grad, start, optimizer, steps=steps)


# --8<-- [end:trajectory]
