"""Time the forward and the backward pass of the scalar engine on chains of 10³ … 10⁶ nodes.

Usage (from the repository root, with the package installed):

    python benchmarks/backward_scaling.py [--runs 3] [--max-exponent 6]

The chain is x → sin → sin → … → sin (n operations, n + 1 nodes). Prints a Markdown table of
median wall-clock seconds, the backward/forward ratio and the time per node. Reverse mode visits
every node and every edge once, so both columns should grow linearly in n and the ratio should
stay roughly constant (the goal is backward ≤ 3 × forward). Nothing is asserted: these machines
are noisy, so numbers are reported, never tested.
"""

from __future__ import annotations

import argparse
import statistics
import time

from descent.engine import Value


def chain(n: int) -> tuple[Value, Value]:
    """Return the input x and the end of a chain of n sin operations."""
    x = Value(0.5, label="x")
    v = x
    for _ in range(n):
        v = v.sin()
    return x, v


def measure(n: int, runs: int) -> tuple[float, float]:
    forward, backward = [], []
    for _ in range(runs):
        start = time.perf_counter()
        _, end = chain(n)
        middle = time.perf_counter()
        end.backward()
        stop = time.perf_counter()
        forward.append(middle - start)
        backward.append(stop - middle)
        del end
    return statistics.median(forward), statistics.median(backward)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is shown")
    parser.add_argument("--max-exponent", type=int, default=6, help="largest chain is 10**this")
    args = parser.parse_args()
    print("| nodes | forward s | backward s | backward/forward | µs/node fwd | µs/node bwd |")
    print("|---:|---:|---:|---:|---:|---:|")
    for k in range(3, args.max_exponent + 1):
        n = 10**k
        t_f, t_b = measure(n, args.runs)
        print(
            f"| 10^{k} | {t_f:.4f} | {t_b:.4f} | {t_b / t_f:.2f} | "
            f"{1e6 * t_f / n:.2f} | {1e6 * t_b / n:.2f} |"
        )


if __name__ == "__main__":
    main()
