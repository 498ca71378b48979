"""The shipped report templates, compiled once and kept in the cache folder (see
docs/report.md): the report is the same whether its template was compiled now or read back."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
import pytest

from tests.conftest import PLANS, Run, write
from workforce_cli.report import templates

PLAN = PLANS / "dudley-csc-2021.yaml"
REPORT = ("report", PLAN, "--as-of", "2021-12-10", "--format", "html")


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    # As in a shell without PYTHONDONTWRITEBYTECODE, whatever the test run's own.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The compiled templates' folder in an empty cache folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "wfplan" / "templates"


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)


def test_the_report_template_is_compiled_once_then_read_back(
    run: Run, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(*REPORT)
    assert first.exit_code == 0
    assert len(list(cache.iterdir())) == 2  # report.html.j2 and the report.css it includes
    _no_compiling(monkeypatch)
    assert run(*REPORT) == first


def test_markdown_and_html_are_kept_apart(run: Run, cache: Path) -> None:
    html = run(*REPORT).stdout
    markdown = run("report", PLAN, "--as-of", "2021-12-10").stdout
    assert markdown.startswith("# ") and html.startswith("<!DOCTYPE html>")
    assert run(*REPORT).stdout == html
    assert run("report", PLAN, "--as-of", "2021-12-10").stdout == markdown


def test_a_damaged_entry_is_compiled_again_and_replaced(
    run: Run, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(*REPORT)
    for entry in cache.iterdir():
        entry.write_bytes(b"j2 not what was written")
    assert run(*REPORT) == first
    _no_compiling(monkeypatch)
    assert run(*REPORT) == first


def test_without_a_cache_folder_the_template_is_compiled_at_each_run(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = write(tmp_path / "cache-file", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    result = run(*REPORT)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert not_a_folder.read_text("utf-8") == ""


def test_nothing_is_written_where_python_writes_no_bytecode(
    run: Run, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert run(*REPORT).exit_code == 0
    assert not cache.parent.exists()


def _render(folder: Path, cache: Path, autoescape: bool) -> str:
    env = templates._environment([folder], autoescape, sandboxed=False)
    env.bytecode_cache = templates.CompiledTemplates(cache, env)
    return env.get_template("t.j2").render(x="<b>")


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    folder, cache = tmp_path / "templates", tmp_path / "cache"
    write(folder / "t.j2", "before {{ x }}")
    assert _render(folder, cache, False) == "before <b>"
    write(folder / "t.j2", "after {{ x }}")
    assert _render(folder, cache, False) == "after <b>"
    assert len(list(cache.iterdir())) == 1  # the entry of t.j2, replaced


def test_an_environment_never_uses_what_another_compiled(tmp_path: Path) -> None:
    folder, cache = tmp_path / "templates", tmp_path / "cache"
    write(folder / "t.j2", "{{ x }}")
    assert _render(folder, cache, True) == "&lt;b&gt;"
    assert _render(folder, cache, False) == "<b>"
    assert _render(folder, cache, True) == "&lt;b&gt;"
    assert len(list(cache.iterdir())) == 2
