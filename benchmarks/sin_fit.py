"""Time the sin(x) cubic fit: vectorised numpy descent vs the same maths in a plain Python loop.

Usage (from the repository root, with the package installed):

    python benchmarks/sin_fit.py [--runs 5] [--loop-steps 20]

The vectorised run is the chapter's full problem, 2000 points × 2000 steps through
``optim.descend`` (goal: ≤ 50 ms). The plain loop is far slower, so it runs only
``--loop-steps`` steps and its time is scaled up to 2000 steps: every step does the same
work, so the scaling is linear. Prints a Markdown table of medians. Nothing is asserted:
these machines are noisy, so numbers are reported, never tested.
"""

from __future__ import annotations

import argparse
import statistics
import time

from descent.optim import GD
from descent.polyfit import LR, STEPS, fit, fit_loop, sin_data, start


def time_vectorised() -> float:
    x, y = sin_data()
    begin = time.perf_counter()
    fit(x, y, start(), GD(LR), steps=STEPS)
    return time.perf_counter() - begin


def time_loop(steps: int) -> float:
    x, y = sin_data()
    xs, ys, theta0 = x.tolist(), y.tolist(), start().tolist()
    begin = time.perf_counter()
    fit_loop(xs, ys, theta0, LR, steps)
    return time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--loop-steps", type=int, default=20)
    args = parser.parse_args()
    vec = statistics.median(time_vectorised() for _ in range(args.runs))
    loop = statistics.median(time_loop(args.loop_steps) for _ in range(args.runs))
    loop_full = loop * STEPS / args.loop_steps
    print(f"| 2000 points × {STEPS} steps (median of {args.runs}) | ms |\n|---|---:|")
    print(f"| vectorised numpy through `descend` (goal ≤ 50 ms) | {vec * 1e3:.1f} |")
    print(f"| plain Python loop, {args.loop_steps} steps measured | {loop * 1e3:.1f} |")
    print(f"| plain Python loop, scaled to {STEPS} steps | {loop_full * 1e3:.0f} |")
    print(f"| **ratio loop / vectorised** | **{loop_full / vec:.0f}×** |")


if __name__ == "__main__":
    main()
