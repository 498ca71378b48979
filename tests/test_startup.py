"""What a one-plan command does not load or build at start-up (the timings are in benchmarks/).

`wfplan validate FILE` in an editor or a pre-commit hook pays for whatever the process
imports and builds before it reads the file; these pin what is left for the commands that
need it, in fresh processes (a test process has everything imported already).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from tests.conftest import PLANS, REPO, Run
from workforce_cli.cli import app, command

PLAN = str(PLANS / "dudley-csc-2021.yaml")

RENDERING = ("jinja2", "markupsafe", "rich", "dateutil.parser")
"""Libraries only reports (jinja2, markupsafe) and text tables (rich) need."""

DIFF_AND_GIT = ("workforce_cli.diff.engine", "workforce_cli.diff.results", "workforce_cli.read.git")
"""What `wfplan report --since` needs and a report without it does not."""

FEATURES = ("report", "status", "staffing", "diff", "edit", "importing")
"""The feature packages: their `__init__` is loaded for its FORMATS, nothing more."""


def _loaded(argv: list[str], names: tuple[str, ...]) -> list[str]:
    """Which of `names` (a module or any module under it) a fresh `wfplan ARGV` loads."""
    probe = (
        "import sys\n"
        "from workforce_cli.cli import main\n"
        f"code = main({argv!r})\n"
        f"names = {names!r}\n"
        "loaded = sorted({n for n in names for m in sys.modules"
        " if m == n or m.startswith(n + '.')})\n"
        "sys.stderr.write(repr((code, loaded)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "WFPLAN_AS_OF": "2022-01-31"},
    )
    code, loaded = ast.literal_eval(done.stderr.splitlines()[-1])
    assert code == 0, done.stderr
    return list(loaded)


def _feature_modules() -> tuple[str, ...]:
    package = REPO / "src" / "workforce_cli"
    return tuple(
        f"workforce_cli.{feature}.{path.stem}"
        for feature in FEATURES
        for path in sorted((package / feature).glob("*.py"))
        if path.stem != "__init__"
    )


def test_validating_one_plan_loads_no_feature_and_no_rendering_library() -> None:
    assert _loaded(["validate", PLAN], RENDERING + _feature_modules()) == []


@pytest.mark.parametrize("name", ["status", "overdue", "staffing"])
def test_json_of_one_plan_loads_neither_templates_nor_rich(name: str) -> None:
    loaded = _loaded([name, PLAN, "--format", "json"], RENDERING)
    assert loaded == []


def test_the_status_text_of_one_plan_loads_no_templates() -> None:
    assert _loaded(["status", PLAN], ("jinja2", "markupsafe")) == []


def test_the_models_are_built_without_reading_their_source() -> None:
    # Field descriptions are given to `Field`, not read from attribute docstrings, which
    # made pydantic read and parse model/plan.py once per model at every start.
    probe = (
        "import linecache, sys\n"
        "import workforce_cli.model\n"
        "sys.stderr.write(repr(sorted(f for f in linecache.cache if 'workforce_cli' in f)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert ast.literal_eval(done.stderr) == []


def test_a_run_converts_only_the_command_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    group = command()
    assert group.main(args=["validate", PLAN], prog_name="wfplan", standalone_mode=False) == 0
    assert capsys.readouterr().out == "1 file checked: no problems found\n"
    assert group.commands.made == ["validate"]  # type: ignore[attr-defined]


def test_help_converts_every_command_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    group = command()
    group.main(args=["--help"], prog_name="wfplan", standalone_mode=False)
    expected = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert group.commands.made == expected  # type: ignore[attr-defined]


def _typer_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    typer.main.get_command(app).main(args=args, prog_name="wfplan", standalone_mode=False)
    return capsys.readouterr().out


def test_every_help_is_what_typer_makes_of_the_app(
    run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    for args in [["--help"], *([name, "--help"] for name in names), ["snapshot", "add", "-h"]]:
        assert run(*args).stdout == _typer_help(args, capsys), args


def test_an_unknown_command_is_refused_as_typer_refuses_it(run: Run) -> None:
    result = run("valdate", PLAN)
    assert result.exit_code == 2
    assert "No such command 'valdate'. Did you mean 'validate'?" in result.stderr


def test_a_report_without_since_loads_neither_the_diff_engine_nor_git(tmp_path: Path) -> None:
    out = str(tmp_path / "report.html")
    loaded = _loaded(["report", PLAN, "--format", "html", "--output", out], DIFF_AND_GIT)
    assert loaded == []
