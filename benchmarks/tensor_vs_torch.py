"""Train the sin cubic with our tensor engine and with PyTorch (CPU, float64), and compare.

Usage (PyTorch is not a dependency of the package; run this in an environment that has it):

    python benchmarks/tensor_vs_torch.py [--runs 3]

Both train a + b·x + c·x² + d·x³ on 2000 points of sin x over [−π, π] with the summed
squared error, lr = 1e-6, 2000 steps, from a = b = c = d = 0. Prints the coefficients, their
largest difference (expected below 1e-9) and the median wall-clock time of each. Nothing is
asserted about time: these machines are noisy, so numbers are reported, never tested.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np

from descent.chapters.autograd.fits import CUBIC_LR, CUBIC_N, CUBIC_STEPS, cubic_data, train_cubic

try:
    import torch
except ImportError:
    sys.exit(
        "tensor_vs_torch.py needs PyTorch, which is not a dependency of this package.\n"
        "Install it in a separate environment (e.g. `pip install torch` there, plus "
        "`pip install -e . --no-deps`) and run this script with that environment's python."
    )


# --8<-- [start:torch-loop]
def train_cubic_torch(lr: float = CUBIC_LR, steps: int = CUBIC_STEPS, n: int = CUBIC_N):
    x, y = (torch.from_numpy(v) for v in cubic_data(n))  # the very same float64 points
    a, b, c, d = (torch.zeros((), dtype=torch.float64, requires_grad=True) for _ in "abcd")
    optimizer = torch.optim.SGD([a, b, c, d], lr=lr)
    criterion = torch.nn.MSELoss(reduction="sum")
    for _ in range(steps):
        loss = criterion(a + b * x + c * x**2 + d * x**3, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return np.array([p.item() for p in (a, b, c, d)])


# --8<-- [end:torch-loop]


def timed(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each; the median is shown")
    args = parser.parse_args()
    t_ours, ours = timed(lambda: train_cubic().theta, args.runs)
    t_torch, theirs = timed(train_cubic_torch, args.runs)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; numpy {np.__version__}")
    print("| | a | b | c | d | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, theta, t in (("descent.tensor", ours, t_ours), ("PyTorch", theirs, t_torch)):
        print(f"| {name} | " + " | ".join(f"{v:.12g}" for v in theta) + f" | {t:.3f} |")
    print(f"\nlargest coefficient difference: {np.max(np.abs(ours - theirs)):.3g} (goal < 1e-9)")
    print(f"speed relative to PyTorch: {t_torch / t_ours:.2f}x (goal >= 0.5x)")


if __name__ == "__main__":
    main()
