"""One training epoch of the digits MLP (chapter ``layers``) three ways, timed.

Usage (PyTorch is optional; without it the PyTorch column is skipped):

    python benchmarks/mlp_epoch.py [--runs 5] [--epochs 1]

The same network (64 → 32 → 10, ReLU), start, learning rate and mini-batches (45 batches of
32 from 1437 training images) run with the hand-written matrix backward
(:func:`descent.mlp_training.train_hand`), the book's tensor engine
(:func:`descent.mlp_training.train_engine`) and, if installed, PyTorch on the CPU in float64
(:func:`descent.twins.mlp.train_torch`). Prints the median wall-clock time of each and two
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
from descent.torch_examples import torch


def timed(train, runs: int, epochs: int) -> tuple[float, list[float]]:
    d, start = load(), ex.start()
    kw = ex.settings() | {"epochs": epochs}
    times, losses = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        losses = train(start, d.x_train, d.y_train, **kw).losses
        times.append(time.perf_counter() - t0)
    return statistics.median(times), losses


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()
    results = {
        "hand-written": timed(train_hand, args.runs, args.epochs),
        "tensor engine": timed(train_engine, args.runs, args.epochs),
    }
    if torch is not None:
        from descent.twins.mlp import train_torch

        torch.set_num_threads(1)  # one core, as our numpy loop mostly uses
        results["PyTorch (CPU, 1 thread)"] = timed(train_torch, args.runs, args.epochs)
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
