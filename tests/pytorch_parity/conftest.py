"""tests/pytorch_parity runs the PyTorch examples; it needs PyTorch, which `nox -s torch` installs.

Without PyTorch the run stops here with a message instead of skipping silently: a skipped
comparison would look like a passing one. The regular `tests` session leaves this folder out
(`--ignore=tests/pytorch_parity`).
"""

from __future__ import annotations

import pytest

try:
    import torch  # noqa: F401
except ImportError as error:
    raise pytest.UsageError(
        "tests/pytorch_parity needs PyTorch: run `nox -s torch` (the tests session must pass "
        "--ignore=tests/pytorch_parity)"
    ) from error
