"""A configuration that is not UTF-8, templates outside their folder and template recursion:
each a message and exit 2, never a crash or a file read that nobody asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import Run, write

PLAN = "wfplan: 1\nid: p\ntitle: P\nactions:\n  - {id: a, title: A, due: 2021-01-31}\n"


@pytest.fixture
def repo(workdir: Path) -> Path:
    write(workdir / "plans" / "p.yaml", PLAN)
    return workdir


def test_a_configuration_that_is_not_utf8_is_a_usage_error(run: Run, repo: Path) -> None:
    (repo / "wfplan.toml").write_bytes(b'paths = ["plans"]\n# caf\xe9\n')
    result = run("status")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "wfplan: error: wfplan.toml:2:6: cannot read configuration: byte 0xe9 is not UTF-8; "
        "save the file as UTF-8\n"
    )


def test_a_pyproject_that_is_not_utf8_is_a_usage_error(run: Run, repo: Path) -> None:
    (repo / "pyproject.toml").write_bytes(b"[tool.wfplan]\n\xff = 1\n")
    result = run("validate")
    assert result.exit_code == 2
    assert result.stderr.startswith("wfplan: error: pyproject.toml:2:1: cannot read configuration")


def test_configuration_errors_name_the_file_relative(run: Run, repo: Path) -> None:
    write(repo / "wfplan.toml", "due_whithin = 3\n")
    (repo / "sub").mkdir()
    os.chdir(repo / "sub")
    result = run("status")
    assert result.stderr == (
        'wfplan: error: ../wfplan.toml: unknown configuration key "due_whithin"; '
        'did you mean "due_within"?\n'
    )


def test_configured_templates_outside_the_repository_are_refused(run: Run, repo: Path) -> None:
    write(repo / "wfplan.toml", 'templates = "/etc/passwd"\n')
    result = run("report", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "wfplan: error: wfplan.toml: `templates` names /etc/passwd, which is outside the "
        "repository (the folder of wfplan.toml); templates are read only from inside it\n"
    )


def test_an_include_through_a_link_out_of_the_folder_is_refused(run: Run, repo: Path) -> None:
    secret = write(repo.parent / f"{repo.name}-secret.txt", "the secret\n")
    write(repo / "tpl" / "report.md.j2", '{% include "leak.txt" %}\n')
    (repo / "tpl" / "leak.txt").symlink_to(secret)
    write(repo / "wfplan.toml", 'templates = "tpl"\n')
    result = run("report", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "wfplan: error: tpl/report.md.j2:1: leak.txt leads out of the template folder "
        "(a link to a file elsewhere); templates include only files inside their folder\n"
    )


def test_an_include_with_dots_out_of_the_folder_is_refused(run: Run, repo: Path) -> None:
    write(repo / "tpl" / "mine.j2", '{% include "../plans/p.yaml" %}\n')
    result = run("report", "--template", "tpl/mine.j2", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "wfplan: error: tpl/mine.j2:1: ../plans/p.yaml: not found (templates include only "
        "files inside their folder)\n"
    )


def test_a_template_that_is_a_link_out_of_its_folder_is_refused(run: Run, repo: Path) -> None:
    write(repo / "tpl" / "report.md.j2", "x\n")
    (repo / "tpl" / "report.md.j2").unlink()
    (repo / "tpl" / "report.md.j2").symlink_to("/etc/hostname")
    write(repo / "wfplan.toml", 'templates = "tpl"\n')
    result = run("report", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "report.md.j2 leads out of the template folder" in result.stderr


def test_a_recursive_macro_is_a_template_error_at_its_line(run: Run, repo: Path) -> None:
    write(
        repo / "mine.j2",
        "start\n{% macro down(n) %}{{ down(n + 1) }}{% endmacro %}\n{{ down(0) }}\n",
    )
    result = run("report", "--template", "mine.j2", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "wfplan: error: mine.j2:2: the template calls itself without end "
        "(a macro or include that never stops recursing)\n"
    )
