"""Formatting for the tables that set PyTorch's recorded output beside our engine's.

The PyTorch side always comes from the committed record of a real run (see
:mod:`descent.twins.record`); these helpers only read and format it.
"""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np

from descent.twins.record import load


def g(v: float, digits: int = 10) -> str:
    """A number for a table: ``digits`` significant digits, no "-0".

    >>> g(-0.0), g(1 / 3, 4), g(2.5)
    ('0', '0.3333', '2.5')
    """
    text = f"{v:.{digits}g}"
    return "0" if text in ("-0", "0") else text


def number(v: Any) -> Any:
    """The plain number(s) held by a Value, a Tensor (ours) or a float: floats or lists.

    >>> from descent.engine import Value
    >>> from descent.tensor import Tensor
    >>> number(Value(1.5)), number(Tensor([1.0, 2.0])), number(np.array(2.0)), number(3)
    (1.5, [1.0, 2.0], 2.0, 3.0)
    """
    if isinstance(v, list):
        return v
    data = v if isinstance(v, np.ndarray) else getattr(v, "data", v)
    return data.tolist() if isinstance(data, np.ndarray) else float(data)


def code(text: str) -> str:
    """Inline code for a table cell (pipes escaped).

    >>> code("a|b")
    '`a\\\\|b`'
    """
    return "`" + text.replace("|", "\\|") + "`"


def text_block(text: str, width: int = 88) -> str:
    """A fenced ``text`` block, long lines wrapped, as a console would show the message.

    >>> print(text_block("a b c", width=3), end="")
    ```text
    a b
    c
    ```
    """
    lines = [w for line in text.splitlines() for w in textwrap.wrap(line, width) or [""]]
    return "```text\n" + "\n".join(lines) + "\n```\n"


def torch_repr(run: str, key: str) -> str:
    """What PyTorch printed for ``key`` in the recorded ``run``.

    >>> torch_repr("requires_grad", "y")
    'tensor(9., grad_fn=<AddBackward0>)'
    """
    return load()[run][key]["repr"]


def torch_value(run: str, key: str) -> Any:
    """The number(s) PyTorch returned for ``key`` in the recorded ``run`` (12 digits).

    >>> torch_value("requires_grad", "w.grad")
    5.0
    """
    return load()[run][key]["value"]
