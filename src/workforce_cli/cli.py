"""The `wfplan` command line: options only. Each command calls one function in `commands/`.

Imports of the commands happen inside each command so that `wfplan --help` does not pay
for pydantic, the models and the YAML parser.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from workforce_cli import __version__, errors
from workforce_cli.checks import EXPLAIN_FORMATS
from workforce_cli.checks import FORMATS as VALIDATE_FORMATS
from workforce_cli.commands.options import (
    AsOfOption,
    DryRunOption,
    EditPlanOption,
    IdArg,
    PathsArg,
    PlanOption,
    RedAfterOption,
    as_of_option,
    format_option,
)
from workforce_cli.diff import FORMATS as DIFF_FORMATS
from workforce_cli.report import FORMATS as REPORT_FORMATS
from workforce_cli.staffing import FORMATS as STAFFING_FORMATS
from workforce_cli.status import FORMATS as STATUS_FORMATS
from workforce_cli.status import OVERDUE_FORMATS

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


@app.command()
def validate(
    paths: PathsArg = None,
    output_format: Annotated[
        str,
        format_option(
            VALIDATE_FORMATS,
            "text (file:line:col: error CODE message), json, or github (Actions annotations).",
        ),
    ] = "text",
    strict: Annotated[bool, typer.Option(help="Warnings fail the check too.")] = False,
) -> int:
    """Check plan and staffing files: schema, ids, references, dates, status rules, totals.

    Exit 0 when clean (warnings allowed unless --strict), 1 when problems are found,
    2 for a usage error or when no plan files are found.
    """
    from workforce_cli.commands import validate as command

    return command.run(paths, output_format, strict)


@app.command()
def schema(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write the schemas to.")
    ] = Path("schemas"),
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the schemas in --output are stale.")
    ] = False,
) -> int:
    """Write the JSON Schema of plan and staffing files (for editors and other tools)."""
    from workforce_cli.commands import schema as command

    return command.run(output, check)


@app.command()
def explain(
    code: Annotated[
        str | None,
        typer.Argument(help="A code (WF101) or its name (unknown-key). Default: list them all."),
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


FailOn = Literal["red", "amber"]


@app.command()
def status(
    paths: PathsArg = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    due_within: Annotated[
        int | None,
        typer.Option(
            "--due-within",
            min=0,
            help="Days ahead that count as due soon (Amber). Default: config, else 28.",
            show_default=False,
        ),
    ] = None,
    red_after: RedAfterOption = None,
    output_format: Annotated[
        str, format_option(STATUS_FORMATS, "text (for a terminal), json, or markdown.")
    ] = "text",
    fail_on: Annotated[
        FailOn | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if any plan is Red (red), or Red or Amber (amber).",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Each plan rated Red/Amber/Green as of a date: counts, progress [n/m], and the overdue,
    blocked and due-soon milestones with owner and days late, worst first.

    Exit 0, or 1 if the plans have errors (shown as `wfplan validate` shows them) or a
    --fail-on condition is met; 2 for a usage error or when no plan files are found.
    """
    from workforce_cli.commands import status as command

    return command.run(paths, as_of, plan, due_within, red_after, output_format, fail_on)


@app.command()
def overdue(
    paths: PathsArg = None,
    as_of: AsOfOption = None,
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            help='Only milestones with an owner containing this text, ignoring case ("hr" '
            'finds "Personnel / HR Teams").',
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    red_after: RedAfterOption = None,
    output_format: Annotated[
        str, format_option(OVERDUE_FORMATS, "text (for a terminal), json, or csv.")
    ] = "text",
) -> int:
    """Every overdue milestone across plans, most days late first, with owner and due date.

    Exit 0 (also when nothing is overdue), 1 if the plans have errors (shown as
    `wfplan validate` shows them), 2 for a usage error or when no plan files are found.
    """
    from workforce_cli.commands import overdue as command

    return command.run(paths, as_of, owner, plan, red_after, output_format)


@app.command()
def staffing(
    paths: PathsArg = None,
    plan: PlanOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        str,
        format_option(
            STAFFING_FORMATS,
            "text (for a terminal), json, or csv (one row per plan, snapshot and team).",
        ),
    ] = "text",
) -> int:
    """Staffing by team as of a date: permanent, agency, vacant, establishment, permanent
    share, agency and vacancy rates, the change since the previous snapshot; then each
    target's gap, trajectory and state, and each measure's progress.

    Exit 0, or 1 if the plans have errors (shown as `wfplan validate` shows them); 2 for a
    usage error (a bad --as-of, an unknown --plan) or when no plan files are found.
    """
    from workforce_cli.commands import staffing as command

    return command.run(paths, plan, as_of, output_format)


@app.command()
def report(
    paths: PathsArg = None,
    output_format: Annotated[
        str,
        format_option(
            REPORT_FORMATS,
            "markdown (GitHub-flavoured; md works too) or html (one self-contained file, "
            "prints on A4).",
        ),
    ] = "markdown",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the report to this file (replaced whole, never half-written). "
            "Default: standard output.",
            show_default=False,
        ),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="Write one report per plan into this folder, as PLAN-ID.md or PLAN-ID.html.",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="Your own Jinja2 template (sandboxed; context in the README). "
            "Default: `templates` in the configuration, else the shipped one.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
) -> int:
    """The progress report for a meeting: summary, RAG table of actions by theme, overdue and
    due soon, revisions, staffing against target (with charts in HTML), and measures.

    Exit 0, or 1 if the plans have errors (shown as `wfplan validate` shows them); 2 for a
    usage error, no plan files, or a template error (reported as FILE:LINE: message).
    """
    from workforce_cli.commands import report as command

    return command.run(paths, output_format, output, output_dir, template, as_of, plan)


NewStatus = Literal["not_started", "in_progress", "blocked", "dropped", "done"]


@app.command()
def done(
    item_id: IdArg,
    paths: PathsArg = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The day it was done, as any date expression, stored as written. "
            "Default: today (or WFPLAN_AS_OF).",
            show_default=False,
        ),
    ] = None,
    plan: EditPlanOption = None,
    dry_run: DryRunOption = False,
) -> int:
    """Mark a milestone done: writes `status: done` and `done_on`, and nothing else.

    Exit 0 when written (or nothing to change), 1 when the result would not validate or
    the file changed meanwhile, 2 for an unknown or ambiguous id.
    """
    from workforce_cli.commands import done as command

    return command.run(item_id, paths, on, plan, dry_run)


@app.command(name="set-status")
def set_status(
    item_id: IdArg,
    status: Annotated[
        NewStatus, typer.Argument(help="not_started, in_progress, blocked or dropped.")
    ],
    paths: PathsArg = None,
    plan: EditPlanOption = None,
    dry_run: DryRunOption = False,
) -> int:
    """Set a milestone's status; re-opening a done milestone removes its done_on.

    To mark one done, use `wfplan done` (it records the day).
    """
    from workforce_cli.commands import set_status as command

    return command.run(item_id, status, paths, plan, dry_run)


@app.command()
def slip(
    item_id: IdArg,
    to: Annotated[str, typer.Option("--to", help="The new deadline, as any date expression.")],
    reason: Annotated[
        str, typer.Option("--reason", help="Why the deadline moved (kept in the plan).")
    ],
    paths: PathsArg = None,
    plan: EditPlanOption = None,
    dry_run: DryRunOption = False,
) -> int:
    """Re-baseline a deadline: writes revised_due and revision_reason; `due` is kept.

    A second slip replaces the first revision (git history keeps it).
    """
    from workforce_cli.commands import slip as command

    return command.run(item_id, paths, to, reason, plan, dry_run)


class DiffFailOn(StrEnum):
    # An Enum, not a Literal: this typer takes no list of Literal.
    SILENT_SLIP = "silent-slip"
    UNFINISHED_REMOVED = "unfinished-removed"


@app.command()
def diff(
    base: Annotated[
        str,
        typer.Argument(
            metavar="BASE", help="The revision to compare from (branch, tag or commit)."
        ),
    ],
    head_and_paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[HEAD] [PATHS]",
            help="The revision to compare to (default: the working tree), then plan files or "
            "folders (default: the configured paths, else plans/).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        str,
        format_option(
            DIFF_FORMATS,
            "text, markdown (for a pull-request comment), json, or github (annotations).",
        ),
    ] = "text",
    fail_on: Annotated[
        list[DiffFailOn] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if a due is moved later in place (silent-slip) or an unfinished "
            "milestone is removed (unfinished-removed). Repeatable.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """What a change does to the plans between two git revisions.

    Milestones added, removed, completed, re-opened; deadlines moved (silently or with a
    reason) and by how many days; targets and staffing figures changed. Exit 0, or 1 when a
    plan fails to load at HEAD or a --fail-on condition is met; 2 outside git, for an
    unknown revision, or when there are no plan files at either revision.
    """
    from workforce_cli.commands import diff as command

    return command.run(base, head_and_paths or [], output_format, [c.value for c in fail_on or []])


snapshot_app = typer.Typer(
    help="Staffing snapshots: add one from a CSV export.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(snapshot_app, name="snapshot")


@snapshot_app.command("add")
def snapshot_add(
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv",
            help="Team rows: a header naming team, permanent, agency, vacant "
            "[, establishment] in any order; a blank cell is unknown.",
        ),
    ],
    plan: Annotated[str, typer.Option("--plan", help="The plan the snapshot belongs to.")],
    as_of: Annotated[
        str, typer.Option("--as-of", help="The date of the figures (a date expression).")
    ],
    paths: PathsArg = None,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into",
            help="The plan's file or one of its staffing files; a new *.yaml path creates a "
            "staffing file. Default: the plan's only staffing file, else the plan's file.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
) -> int:
    """Append a staffing snapshot from a CSV file (an HR system's or Excel's export).

    Exit 1 if a figure is not a number or is negative (naming the CSV row and column), if the
    plan already has a snapshot as of that date, or if the result would not validate.
    """
    from workforce_cli.commands import snapshot as command

    return command.add(csv_file, paths, plan, as_of, into, dry_run)


@app.command()
def new(
    plan_id: Annotated[
        str,
        typer.Argument(
            metavar="PLAN_ID", help="The new plan's id: lowercase letters, digits and hyphens."
        ),
    ],
    title: Annotated[str, typer.Option("--title", help="The plan's title.")],
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="The council or organisation.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write it. Default: plans/PLAN_ID.yaml.",
            show_default=False,
        ),
    ] = None,
) -> int:
    """Start a new plan file from the template; it validates clean and never overwrites."""
    from workforce_cli.commands import new as command

    return command.run(plan_id, title, organisation, output)


@app.command()
def calendar(
    paths: PathsArg = None,
    as_of: Annotated[
        str | None,
        as_of_option("The export's timestamp (DTSTAMP), as a date expression. Default: today."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the .ics file here (default: stdout).", show_default=False
        ),
    ] = None,
) -> int:
    """Every dated milestone as an iCalendar (.ics) file for Outlook or Google Calendar.

    Stable event ids (plan-id.milestone-id@wfplan): importing a newer file updates events.
    """
    from workforce_cli.commands import calendar as command

    return command.run(paths, as_of, output)


def main(argv: list[str] | None = None) -> int:
    """Run wfplan; return the exit code (`errors.boundary` turns outcomes into exit codes)."""
    command = typer.main.get_command(app)
    return errors.boundary(
        lambda: command.main(args=argv, prog_name="wfplan", standalone_mode=False)
    )
