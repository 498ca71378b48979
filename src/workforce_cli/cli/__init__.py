"""The `wfplan` command line: options only. Each command calls one function in `commands/`.

`app.py` is the application, `check.py` the commands that check plans, `track.py` those
that read plans to show them, `edit.py` those that write them. Imports of the commands happen
inside each command so that `wfplan --help` does not pay for pydantic, the models and the
YAML parser.
"""

from __future__ import annotations

import typer

from workforce_cli import errors
from workforce_cli.cli.app import app

# Registration order is the order of `wfplan --help`: reading commands first.
from workforce_cli.cli import check  # isort: skip
from workforce_cli.cli import track  # isort: skip
from workforce_cli.cli import edit  # isort: skip

__all__ = ["app", "check", "edit", "main", "track"]


def main(argv: list[str] | None = None) -> int:
    """Run wfplan; return the exit code (`errors.boundary` turns outcomes into exit codes)."""
    command = typer.main.get_command(app)
    return errors.boundary(
        lambda: command.main(args=argv, prog_name="wfplan", standalone_mode=False)
    )
