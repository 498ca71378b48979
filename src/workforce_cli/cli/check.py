"""The commands that check plans and explain the checks: validate, schema, explain. Options
only: each calls one function in `commands/`, imported inside the command so that
`wfplan --help` does not pay for pydantic, the models and the YAML parser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from workforce_cli.checks import EXPLAIN_FORMATS
from workforce_cli.checks import FORMATS as VALIDATE_FORMATS
from workforce_cli.cli.app import app
from workforce_cli.commands.options import JobsOption, MaxFileSizeOption, PathsArg, format_option


@app.command()
def validate(
    paths: PathsArg = None,
    output_format: Annotated[
        str,
        format_option(
            VALIDATE_FORMATS,
            "text (file:line:col: error CODE message), json, github (Actions annotations and a "
            "job summary), sarif (SARIF 2.1.0, for code scanning) or gitlab (Code Quality).",
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option(help="Warnings fail the check too.")] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="Report only findings not recorded in this file (see --update-baseline).",
            show_default=False,
        ),
    ] = None,
    tracked: Annotated[
        bool,
        typer.Option(
            "--tracked",
            help="Only files git tracks or has staged: untracked drafts are left out "
            "(for pre-commit).",
        ),
    ] = False,
    update_baseline: Annotated[
        bool,
        typer.Option(
            "--update-baseline",
            help="Record today's findings in the --baseline file (default: "
            "wfplan-baseline.json) and exit 0.",
        ),
    ] = False,
    jobs: JobsOption = None,
    size: MaxFileSizeOption = None,
) -> int:
    """Check plan and staffing files: schema, ids, references, dates, status rules, totals.

    Exit 0 when clean (warnings allowed unless --strict), 1 when problems are found,
    2 for a usage error or when no plan files are found.
    """
    from workforce_cli.commands import validate as command

    return command.run(
        paths, output_format, strict, baseline, update_baseline, tracked, size, jobs=jobs
    )


@app.command()
def schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the schemas to.")
    ] = Path("schemas"),
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the schemas in --output are stale.")
    ] = False,
    missing_ok: Annotated[
        bool,
        typer.Option(
            "--missing-ok",
            help="With --check: pass when the --output folder does not exist (a plan "
            "repository that keeps no schemas).",
        ),
    ] = False,
) -> int:
    """Write the JSON Schema of plan and staffing files (for editors and other tools)."""
    from workforce_cli.commands import schema as command

    return command.run(output, check, missing_ok)


@app.command()
def explain(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="CODE",
            help="A code (WF101) or its name (unknown-key). Default: list them all.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str, format_option(EXPLAIN_FORMATS, "text, or markdown (the catalogue in the docs).")
    ] = "text",
    every: Annotated[
        bool, typer.Option("--all", help="Every rule's documentation, not the list.")
    ] = False,
) -> int:
    """Show what a diagnostic code checks, why, and a failing and a passing example.

    Without a code, list every code with its severity, name and summary.
    Exit 2 for an unknown code.
    """
    from workforce_cli.commands import explain as command

    return command.run(code, output_format, every)
