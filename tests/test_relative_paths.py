"""Paths are reported relative to the working directory, never absolute: with `paths` in
wfplan.toml (GitHub annotations attach only to repository-relative paths; a report footer
must not show the home folder) and with an absolute path on the command line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Run, write

PLAN = """\
wfplan: 1
id: p
title: P
actions:
  - {id: a, title: A, due: 2021-01-31}
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: T, permanent: 4, agency: 1, vacant: 1}
"""


@pytest.fixture
def configured(workdir: Path) -> Path:
    write(workdir / "wfplan.toml", 'paths = ["plans"]\n')
    write(workdir / "plans" / "p.yaml", PLAN)
    return workdir


def test_validate_names_files_relative_to_the_working_directory(run: Run, configured: Path) -> None:
    write(configured / "plans" / "p.yaml", PLAN.replace("title: P\n", "title: P\ntitel: x\n"))
    text = run("validate")
    assert text.stdout.startswith('plans/p.yaml:4:1: error WF101 unknown key "titel"\n')
    github = run("validate", "--format", "github")
    assert github.stdout.startswith("::error file=plans/p.yaml,line=4,col=1,title=WF101::")
    assert json.loads(run("validate", "--format", "json").stdout)[0]["file"] == "plans/p.yaml"


def test_an_absolute_path_given_is_shown_relative(run: Run, configured: Path) -> None:
    result = run("status", str(configured / "plans"), "--as-of", "2021-03-01", "-f", "json")
    assert json.loads(result.stdout)["plans"][0]["file"] == "plans/p.yaml"


@pytest.mark.parametrize(
    ("command", "find"),
    [
        ("status", lambda data: data["plans"][0]["file"]),
        ("overdue", lambda data: data["milestones"][0]["file"]),
        ("staffing", lambda data: data["plans"][0]["file"]),
    ],
)
def test_json_file_keys_are_relative(
    run: Run, configured: Path, command: str, find: object
) -> None:
    result = run(command, "--as-of", "2021-03-01", "--format", "json")
    assert result.exit_code == 0
    assert find(json.loads(result.stdout)) == "plans/p.yaml"  # type: ignore[operator]


def test_staffing_csv_and_report_footer_are_relative(run: Run, configured: Path) -> None:
    csv = run("staffing", "--as-of", "2021-03-01", "--format", "csv").stdout
    assert csv.splitlines()[1].endswith(",plans/p.yaml")
    report = run("report", "--as-of", "2021-03-01").stdout
    assert "Source: plans/p.yaml, " in report
    assert str(configured) not in report + csv


def test_from_a_subfolder_paths_lead_back_up(
    run: Run, configured: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (configured / "docs").mkdir()
    monkeypatch.chdir(configured / "docs")
    result = run("status", "--as-of", "2021-03-01", "--format", "json")
    assert json.loads(result.stdout)["plans"][0]["file"] == "../plans/p.yaml"


def test_edits_show_a_relative_diff(run: Run, configured: Path) -> None:
    result = run("done", "a", "--on", "2021-01-30", "--dry-run")
    assert result.stdout.startswith("--- a/plans/p.yaml\n+++ b/plans/p.yaml\n")


def test_diff_names_files_relative(run: Run, configured: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@e", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "base")
    write(configured / "plans" / "p.yaml", PLAN.replace("2021-01-31", "2021-03-31"))
    result = run("diff", "HEAD", "--format", "json")
    assert str(configured) not in result.stdout
    assert '"plans/p.yaml"' in result.stdout
