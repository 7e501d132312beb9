"""One training epoch of the digits MLP (chapter ``layers``) three ways, timed.

Usage (PyTorch is optional; without it the PyTorch column is skipped):

    python benchmarks/mlp_epoch.py [--runs 21] [--epochs 1]

The same network (64 → 32 → 10, ReLU), start, learning rate and mini-batches (45 batches of
32 from 1437 training images) run with the hand-written matrix backward
(:func:`descent.mlp_training.train_hand`), the book's tensor engine
(:func:`descent.mlp_training.train_engine`), taking turns, and, if installed, PyTorch on the
CPU in float64 (:func:`descent.twins.mlp.train_torch`). Prints the median CPU time of each and two
ratios: PyTorch's time over the engine's (goal ≥ 0.5, i.e. the engine at least half as fast)
and the engine's over the hand-written backward's (goal ≤ 2). Nothing is asserted: these
machines are noisy, so the numbers are reported, never tested.
"""

from __future__ import annotations

import argparse
import statistics
import time

from descent.chapters.layers import examples as ex
from descent.digits import load
from descent.mlp_training import train_engine, train_hand
from descent.twins.examples import torch


def timed(trainers: dict, runs: int, epochs: int) -> dict[str, tuple[float, list[float]]]:
    """Median CPU time of each trainer and its losses, the trainers taking turns run by run.

    Taking turns (hand, engine, hand, …) spreads a slow spell of a noisy machine over
    all of them instead of one; CPU time (``process_time``) leaves out other processes.
    """
    d, start = load(), ex.start()
    kw = ex.settings() | {"epochs": epochs}
    times: dict[str, list[float]] = {name: [] for name in trainers}
    losses: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, train in trainers.items():
            t0 = time.process_time()
            losses[name] = train(start, d.x_train, d.y_train, **kw).losses
            times[name].append(time.process_time() - t0)
    return {name: (statistics.median(times[name]), losses[name]) for name in trainers}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    # the two numpy trainers take turns; PyTorch runs on its own afterwards, since its runs
    # leave the caches cold for whichever trainer follows (the hand-written one looked 10 %
    # slower right after PyTorch than right after the engine)
    results = timed(
        {"hand-written": train_hand, "tensor engine": train_engine}, args.runs, args.epochs
    )
    if torch is not None:
        from descent.twins.mlp import train_torch

        torch.set_num_threads(1)  # one core, as our numpy loop mostly uses
        results |= timed({"PyTorch (CPU, 1 thread)": train_torch}, args.runs, args.epochs)
    base = results["hand-written"][1]
    for name, (seconds, losses) in results.items():
        gap = max(abs(a - b) for a, b in zip(losses, base, strict=True))
        print(f"{name:24s} {1000 * seconds:8.1f} ms   largest loss difference {gap:.1e}")
    engine = results["tensor engine"][0]
    print(f"engine / hand-written: {engine / results['hand-written'][0]:.2f}× (goal ≤ 2)")
    if torch is not None:
        ratio = results["PyTorch (CPU, 1 thread)"][0] / engine
        print(f"engine speed relative to PyTorch: {ratio:.2f}× (goal ≥ 0.5)")
    else:
        print("PyTorch not installed: no comparison with it")


if __name__ == "__main__":
    main()
