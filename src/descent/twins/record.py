"""Run every PyTorch example of chapters 10 and 11 and record what it returned.

    python -m descent.twins.record           rewrite src/descent/twins/torch_record.json
    python -m descent.twins.record --check   fail, with a diff, if a fresh run differs from
                                             the record or from docs/generated/torch-*.md

PyTorch is needed only to record (``nox -s torch`` does it). The record is committed; the
tables of :mod:`descent.chapters.pytorch.tables` and :mod:`descent.chapters.pitfalls.tables`
read it, so
``python -m descent generate`` and the pages need no PyTorch. Numbers are kept to 12
significant digits, so that a last-bit difference between CPUs does not change the file.

>>> entry(0.1 + 0.2)
{'repr': '0.30000000000000004', 'value': 0.3}
>>> entry([float("inf"), 1 / 3])
{'value': [inf, 0.333333333333]}
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

RECORD = Path(__file__).with_name("torch_record.json")
_fresh: list[dict] = []  # a record being checked, shown to the tables instead of the file


def _round(v: Any) -> Any:
    if isinstance(v, list | tuple):
        return [_round(u) for u in v]
    if isinstance(v, bool) or v is None or isinstance(v, int | str):
        return v
    return float(f"{float(v):.12g}")


def entry(v: Any) -> dict[str, Any]:
    """One returned value as JSON: its repr as printed, and its numbers (rounded), if any."""
    if hasattr(v, "detach"):  # a torch.Tensor
        return {"repr": repr(v), "value": _round(v.detach().tolist())}
    if isinstance(v, str):  # an error or a warning: drop the build path PyTorch appends
        return {"repr": v.split(" (Triggered internally at")[0]}
    if isinstance(v, list | tuple):
        if v and all(isinstance(u, str) for u in v):  # printed lines
            return {"repr": "\n".join(v)}
        return {"value": _round(v)}  # numbers only: a full-precision repr could vary by CPU
    return {"repr": repr(v), "value": _round(v)}


def runs() -> dict[str, Callable[[], dict]]:
    """Every recorded run: a name, and a call of a torch example with the chapters' givens."""
    from descent.chapters.pitfalls import examples as gp
    from descent.chapters.pytorch import examples as g
    from descent.twins import examples as te
    from descent.twins import mistakes as tm
    from descent.twins import pitfalls as tp
    from descent.twins import training as tt
    from descent.twins.mlp import digits_mlp

    x, y = g.line_data()
    return {
        "requires_grad": te.requires_grad,
        "graph": lambda: {"nodes": te.grad_fn_graph(te.requires_grad()["y"])},
        "loss_graph": lambda: {"nodes": te.grad_fn_graph(te.one_sample_loss())},
        "leaves": te.leaves,
        "zero_grad": te.zero_grad,
        "optimizer_step": te.optimizer_step,
        "per_sample_w": lambda: tt.fit_w_per_sample(x, y),
        "per_sample_wb": lambda: tt.fit_wb_per_sample(x, y),
        "mse_loss": tt.mse_loss,
        "orders": lambda: {"orders": tt.epoch_orders(g.N, g.BATCH_EPOCHS, g.BATCH_SIZE, g.SEED)},
        "minibatch": lambda: tt.fit_minibatch(x, y, g.BATCH_EPOCHS),
        "backward_again": tp.backward_again,
        "full_batch": lambda: tp.fit_full_batch(x, y),
        "no_zero_grad": lambda: tp.fit_full_batch(x, y, zero_grad=False),
        "sum": lambda: tp.fit_full_batch(x, y, steps=gp.SUM_STEPS, reduction="sum"),
        "used_twice": tp.used_twice,
        "float32_basics": tp.float32_basics,
        "per_sample_w_float32": lambda: tp.fit_w_per_sample_float32(x, y),
        "rebind": tp.rebind,
        "update_in_no_grad": tp.update_in_no_grad,
        "shape_mismatch": tp.shape_mismatch,
        "digits_mlp": digits_mlp,
        "double_sigmoid": tm.double_sigmoid,
        "onehot_targets": tm.onehot_targets,
    }


def record() -> dict[str, Any]:
    """Run every example under PyTorch and return the record (needs torch)."""
    from descent.twins.examples import require_torch, torch

    require_torch()
    torch.manual_seed(0)  # nn.Linear draws its start from the global generator
    out = {name: {k: entry(v) for k, v in run().items()} for name, run in runs().items()}
    return {"torch": torch.__version__.split("+")[0], "runs": out}


def dumps(rec: dict) -> str:
    """The record as committed: sorted, one line per returned value (diffs stay readable).

    >>> print(dumps({"torch": "2", "runs": {"r": {"y": {"value": 1.0}}}}), end="")
    {"torch": "2", "runs": {
     "r": {
      "y": {"value": 1.0}}}}
    """
    runs = [
        f" {json.dumps(name)}: {{\n"
        + ",\n".join(
            f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
            for k, v in sorted(rec["runs"][name].items())
        )
        + "}"
        for name in sorted(rec["runs"])
    ]
    return f'{{"torch": {json.dumps(rec["torch"])}, "runs": {{\n' + ",\n".join(runs) + "}}\n"


@cache
def _load_file() -> dict[str, Any]:
    if not RECORD.is_file():
        raise FileNotFoundError(f"{RECORD} is missing: run `nox -s torch` to record it")
    return json.loads(RECORD.read_text(encoding="utf-8"))


def load() -> dict[str, Any]:
    """The record's runs: the committed file, or the fresh record being checked."""
    return (_fresh[-1] if _fresh else _load_file())["runs"]


@contextlib.contextmanager
def showing(rec: dict) -> Iterator[None]:
    """Let the tables read ``rec`` instead of the committed record, inside the block."""
    _fresh.append(rec)
    try:
        yield
    finally:
        _fresh.pop()


def _diff(old: str, new: str, name: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(True), new.splitlines(True), f"committed {name}", f"fresh {name}"
    )
    return "".join(lines)


def check(rec: dict, docs: Path) -> list[str]:
    """Return a diff for the record and for every torch-* table that a fresh run changes."""
    from descent.build import artifacts

    diffs = []
    if not RECORD.is_file() or RECORD.read_text(encoding="utf-8") != dumps(rec):
        old = RECORD.read_text(encoding="utf-8") if RECORD.is_file() else ""
        diffs.append(_diff(old, dumps(rec), RECORD.name))
    with showing(rec):
        for artifact in artifacts.discover():
            if artifact.path.startswith("generated/torch-"):
                target = docs / artifact.path
                old = target.read_text(encoding="utf-8") if target.is_file() else ""
                new = artifact.render().decode("utf-8")
                if new != old:
                    diffs.append(_diff(old, new, artifact.path))
    return diffs


def main(argv: list[str] | None = None) -> int:
    """Record (or, with --check, compare); returns the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m descent.twins.record")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs directory")
    args = parser.parse_args(argv)
    rec = record()
    if args.check:
        diffs = check(rec, args.docs)
        for diff in diffs:
            print(diff, file=sys.stderr)
        print(f"torch record: {len(diffs)} file(s) differ from a fresh run", file=sys.stderr)
        return 1 if diffs else 0
    RECORD.write_text(dumps(rec), encoding="utf-8")
    _load_file.cache_clear()
    print(f"wrote {RECORD} (torch {rec['torch']}); now run `python -m descent generate`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
