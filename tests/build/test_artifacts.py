"""Generation: every figure/table regenerates byte-identically and the CLI reports staleness."""

from __future__ import annotations

import json

import pytest
from pages import DOCS

from descent.__main__ import main
from descent.build import artifacts, digest


def test_discovery_finds_figures_tables_and_values():
    paths = [a.path for a in artifacts.discover()]
    assert paths == sorted(paths)
    assert "generated/values.json" in paths
    assert all(p.startswith(("figures/", "generated/")) for p in paths)


@pytest.mark.parametrize("artifact", artifacts.discover(), ids=lambda a: a.path)
def test_committed_file_matches_a_fresh_rendering(artifact):
    committed = DOCS / artifact.path
    assert committed.is_file(), f"{committed} missing: run `nox -s figures`"
    fresh = artifact.render()
    assert fresh == committed.read_bytes(), f"{committed} is stale: run `nox -s figures`"
    assert fresh == artifact.render(), f"{artifact.source} is not reproducible"


def test_every_generated_file_is_produced_by_a_function():
    produced = {a.path for a in artifacts.discover()}
    on_disk = {p.relative_to(DOCS).as_posix() for p in (DOCS / "figures").glob("*")}
    on_disk |= {p.relative_to(DOCS).as_posix() for p in (DOCS / "generated").glob("*")}
    assert not sorted(on_disk - produced), (
        f"files no function produces: {sorted(on_disk - produced)}"
    )


def test_values_json_holds_only_text(tmp_path):
    values = json.loads((DOCS / "generated" / "values.json").read_text(encoding="utf-8"))
    assert all(isinstance(v, str) and v for v in values.values())


def test_cli_check_flags_a_stale_file_and_generate_repairs_it(tmp_path, capsys):
    artifacts.write_all(tmp_path)
    assert main(["generate", "--docs", str(tmp_path), "--check"]) == 0
    victim = tmp_path / "generated" / "values.json"
    victim.write_text("{}\n", encoding="utf-8")
    assert main(["generate", "--docs", str(tmp_path), "--check"]) == 1
    assert "values.json" in capsys.readouterr().err
    assert main(["generate", "--docs", str(tmp_path)]) == 0
    assert main(["generate", "--docs", str(tmp_path), "--check"]) == 0


def test_two_functions_claiming_one_file_is_an_error(monkeypatch):
    original = artifacts._functions

    def doubled(package, prefix):
        found = original(package, prefix)
        return found + found[:1]

    monkeypatch.setattr(artifacts, "_functions", doubled)
    with pytest.raises(ValueError, match="is produced by both"):
        artifacts.discover()


def test_a_value_key_pages_could_not_write_is_an_error(monkeypatch):
    from descent.chapters.loss import tables as loss

    monkeypatch.setattr(loss, "values", lambda: {"Min_W": "2.1"})
    with pytest.raises(ValueError, match="key 'Min_W' must match"):
        artifacts.all_values()


def test_generate_skips_only_when_the_sources_are_unchanged(tmp_path, capsys, monkeypatch):
    assert main(["generate", "--docs", str(tmp_path)]) == 0
    assert "generated" in capsys.readouterr().out
    assert digest.up_to_date(tmp_path)
    assert main(["generate", "--docs", str(tmp_path)]) == 0
    assert "up to date" in capsys.readouterr().out
    # a changed source, or a missing file, makes the next run regenerate
    monkeypatch.setattr(digest, "sources_digest", lambda: "0" * 64)
    assert not digest.up_to_date(tmp_path)
    monkeypatch.undo()
    (tmp_path / "generated" / "values.json").unlink()
    assert not digest.up_to_date(tmp_path)
    assert main(["generate", "--docs", str(tmp_path)]) == 0
    assert (tmp_path / "generated" / "values.json").is_file()


def test_the_committed_digest_matches_the_sources():
    # the committed files were generated from exactly these sources (their bytes are
    # checked by test_committed_file_matches_a_fresh_rendering)
    recorded = (DOCS / digest.DIGEST).read_text(encoding="utf-8").strip()
    assert recorded == digest.sources_digest(), "run `python -m descent generate --force`"


def test_a_new_chapter_directory_is_discovered_without_registering_it(tmp_path, monkeypatch):
    from descent import chapters

    page = tmp_path / "new_page"
    page.mkdir()
    (page / "__init__.py").write_text('"""docs/new-page.md"""\n')
    (page / "tables.py").write_text(
        "def table_new_page_numbers():\n    return '| a |\\n|---:|\\n| 1 |\\n'\n\n\n"
        "def values():\n    return {'answer': '42'}\n"
    )
    monkeypatch.setattr(chapters, "__path__", [*chapters.__path__, str(tmp_path)])
    found = {a.path: a.source for a in artifacts.discover()}
    assert found["generated/new-page-numbers.md"] == (
        "descent.chapters.new_page.tables:table_new_page_numbers"
    )
    assert artifacts.module_values("new_page") == {"new_page.answer": "42"}
    assert "new_page" in artifacts.chapter_names()
