"""The command line under misuse: a closed pipe, a typo in --only, extra and hand-edited files."""

from __future__ import annotations

import subprocess
import sys

import pytest

from descent.__main__ import main
from descent.build import digest


def test_list_into_a_pipe_closed_early_ends_quietly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "descent", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout.readline()  # like `| head -1`: read one line, then hang up
    proc.stdout.close()
    with proc.stderr:
        stderr = proc.stderr.read().decode()
    assert proc.wait() == 0
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr


def test_only_matching_nothing_is_an_error(tmp_path, capsys) -> None:
    assert main(["generate", "--docs", str(tmp_path), "--only", "no-such-artifact"]) == 2
    assert "--only 'no-such-artifact' matches no artifact" in capsys.readouterr().err


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    assert main(["generate", "--docs", str(docs)]) == 0
    return docs


def test_check_reports_a_file_no_function_produces(generated, capsys) -> None:
    stray = generated / "generated" / "old-table.md"
    stray.write_text("| left over |\n", encoding="utf-8")
    try:
        assert main(["generate", "--docs", str(generated), "--check"]) == 1
        assert "generated/old-table.md" in capsys.readouterr().err
    finally:
        stray.unlink()
    assert main(["generate", "--docs", str(generated), "--check"]) == 0


def test_plain_generate_notices_a_hand_edited_file(generated, capsys) -> None:
    table = generated / "generated" / "values.json"
    original = table.read_bytes()
    table.write_bytes(original + b" ")
    assert not digest.up_to_date(generated)
    assert main(["generate", "--docs", str(generated)]) == 0
    assert "generated" in capsys.readouterr().out
    assert table.read_bytes() == original
    assert digest.up_to_date(generated)
