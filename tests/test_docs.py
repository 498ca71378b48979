"""Help text and the README stay in step with the code."""

from __future__ import annotations

import re

import typer

from tests.conftest import REPO, Run
from workforce_cli.cli import app
from workforce_cli.diagnostics import CODES

README = (REPO / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = list(getattr(group, "commands", {}))
    assert names, "no commands registered"
    return names


def test_every_command_has_help_and_is_in_the_readme(run: Run) -> None:
    for name in _commands():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: wfplan {name}"), name
        assert f"`wfplan {name}" in README, f"wfplan {name} is not documented in README.md"


def test_readme_lists_every_diagnostic_code_with_its_severity() -> None:
    rows = dict(re.findall(r"^\| (WF\d{3}) \| (error|warning) \|", README, re.M))
    assert rows == {code: severity for code, (severity, _) in CODES.items()}


def test_readme_starts_with_the_install_and_test_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "pip install" in blocks[0] and "wfplan validate plans/" in blocks[0]
    assert blocks[1] == (
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]' "
        "&& .venv/bin/python -m pytest"
    )
    assert blocks[1] in (REPO / ".ci" / "run").read_text("utf-8")
