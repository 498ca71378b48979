"""The `wfplan` application: its name, its help and --version; commands register on it."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from workforce_cli import __version__

app = typer.Typer(
    name="wfplan",
    help="Workforce action plans as code: validate, track, report and diff plans kept as YAML.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"wfplan {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Workforce action plans as code: validate, track, report and diff plans kept as YAML."""
