"""Hostile input, counted: random expression graphs at every magnitude, and bad arguments.

Run: ``python benchmarks/hostile.py [seconds]``. Every case ends in one of four ways:
a result (checked against the other engine and against exact rationals where they apply),
a clear error (an exception of ours naming its operation or argument), a silent inf/NaN
(a result that is not finite, returned without an error), or a mismatch (two answers that
disagree). A report, never a test: the counts go into the notes, nothing is asserted.
"""

from __future__ import annotations

import math
import random
import sys
import time
import warnings
from collections import Counter
from fractions import Fraction

import numpy as np

from descent import calculus, linear, losses, numdiff, optim, polyfit
from descent.engine import Value
from descent.tensor import Tensor

CLEAR = (ValueError, TypeError, OverflowError, ZeroDivisionError, RuntimeError, ArithmeticError)
BAD = [float("nan"), float("inf"), None, "1", True, [1.0, None], 1e308, 1e-320, -0.0]


def magnitude(rng: random.Random) -> float:
    return rng.choice((1, -1)) * rng.uniform(1, 10) * 10.0 ** rng.randint(-300, 300)


def random_graph(rng: random.Random, xs: list, depth: int):
    """A random expression over the leaves xs: + − × ÷ and small integer powers."""
    nodes = list(xs)
    for _ in range(depth):
        a, b = rng.choice(nodes), rng.choice(nodes)
        op = rng.choice("+-*/p")
        if op == "+":
            nodes.append(a + b)
        elif op == "-":
            nodes.append(a - b)
        elif op == "*":
            nodes.append(a * b)
        elif op == "/":
            nodes.append(a / b)
        else:
            nodes.append(a ** rng.choice((2, 3, -1)))
    return nodes[-1]


def engine_case(rng: random.Random, tally: Counter) -> None:
    data = [magnitude(rng) for _ in range(3)]
    depth = rng.randint(1, 6)
    seed = rng.random()
    try:
        vs = [Value(d) for d in data]
        out = random_graph(random.Random(seed), vs, depth)
        out.backward()
        scalar = (out.data, [v.grad for v in vs])
    except CLEAR as exc:
        scalar = type(exc)
    try:
        ts = [Tensor([d], requires_grad=True) for d in data]
        out_t = random_graph(random.Random(seed), ts, depth)
        out_t.sum().backward()
        tensor = (out_t.data[0], [0.0 if t.grad is None else t.grad[0] for t in ts])
    except CLEAR as exc:
        tensor = type(exc)
    for result in (scalar, tensor):
        tally["cases"] += 1
        if isinstance(result, type):
            tally["clear errors"] += 1
        elif not all(math.isfinite(v) for v in (result[0], *result[1])):
            tally["silent inf/NaN"] += 1
    if not isinstance(scalar, type) and not isinstance(tensor, type):
        a, b = np.array([scalar[0], *scalar[1]]), np.array([tensor[0], *tensor[1]])
        if not np.allclose(a, b, rtol=1e-9, atol=0):
            tally["mismatches"] += 1
    if depth == 1:  # one operation: compare the quotient's gradient with exact rationals
        exact_case(data, seed, scalar, tally)


def exact_case(data: list[float], seed: float, scalar, tally: Counter) -> None:
    fx = [Fraction(d) for d in data]
    try:
        out = random_graph(random.Random(seed), fx, 1)
        float(out)
    except (ZeroDivisionError, OverflowError):
        return
    if isinstance(scalar, type):
        # refused although the value is finite: fine only if a true derivative is infinite
        tally["refused (exact value finite)"] += 1
    elif not math.isclose(scalar[0], float(out), rel_tol=1e-12, abs_tol=1e-300):
        tally["mismatches"] += 1


LIBRARY = {
    "sse": lambda a: losses.sse(a, [0.0] * len(a)) if isinstance(a, list) else losses.sse(a, a),
    "mse_grad": lambda a: losses.mse_grad(a, [1.0]),
    "parabola": calculus.parabola,
    "sin_of_square_grad": calculus.sin_of_square_grad,
    "neuron_loss": lambda a: calculus.neuron_loss(a, 0.0, 1.0, 1.0),
    "best_central_step": lambda a: calculus.best_central_step(1.0, a),
    "Quadratic": lambda a: linear.Quadratic(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)(a, 1.0),
    "least_squares_w": lambda a: linear.least_squares_w([a, 2.0], [1.0, 2.0]),
    "least_squares_wb": lambda a: linear.least_squares_wb([a, 2 * a], [1.0, 2.0]),
    "relative_error": lambda a: numdiff.relative_error([a, 1.0], [a, 2.0]),
    "predict": lambda a: polyfit.predict([0.0, 0.0, 0.0, 1.0], [a]),
    "hessian": lambda a: polyfit.hessian([a, 1.0]),
    "GD": lambda a: optim.GD(lr=a),
    "Momentum": lambda a: optim.Momentum(lr=0.1, beta=a),
    "Adam": lambda a: optim.Adam(lr=0.1, eps=a),
    "descend steps": lambda a: optim.descend(
        lambda t: float(t @ t), lambda t: 2 * t, [1.0], optim.GD(0.1), steps=a
    ),
    "descend stop_below": lambda a: optim.descend(
        lambda t: float(t @ t), lambda t: 2 * t, [1.0], optim.GD(0.1), steps=3, stop_below=a
    ),
    "Value": Value,
    "Tensor": Tensor,
}


def library_cases(rng: random.Random, tally: Counter) -> None:
    args = BAD + [magnitude(rng) for _ in range(20)] + [np.int64(3), np.float32(0.5)]
    for name, call in LIBRARY.items():
        for a in args:
            tally["cases"] += 1
            try:
                out = call(a)
            except CLEAR:
                tally["clear errors"] += 1
                continue
            except Exception as exc:
                tally[f"unclear error: {name}: {type(exc).__name__}"] += 1
                continue
            values = getattr(out, "thetas", getattr(out, "data", out))
            try:
                finite = np.isfinite(np.asarray(values, dtype=float)).all()
            except (TypeError, ValueError):
                finite = True  # an optimiser object: nothing numeric to inspect
            if not finite:
                tally["silent inf/NaN"] += 1


def main(seconds: float = 20.0) -> None:
    warnings.simplefilter("error")  # a numpy warning standing in for an error counts as unclear
    rng, tally, start = random.Random(0), Counter(), time.perf_counter()
    library_cases(rng, tally)
    graphs = 0
    while time.perf_counter() - start < seconds:
        try:
            engine_case(rng, tally)
        except Exception as exc:
            tally[f"unclear error: engine: {type(exc).__name__}: {exc}"[:90]] += 1
        graphs += 1
    print(f"random expression graphs: {graphs} (each through both engines)")
    for key in (
        "cases",
        "clear errors",
        "silent inf/NaN",
        "mismatches",
        "refused (exact value finite)",
    ):
        print(f"{key:32} {tally.pop(key, 0)}")
    for key, n in sorted(tally.items()):
        print(f"{key:32} {n}")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 20.0)
