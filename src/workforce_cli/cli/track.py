"""The commands that read plans to show them: status, overdue, staffing, report, diff,
calendar. Options only: each calls one function in `commands/`, imported inside the command
so that `wfplan --help` does not pay for pydantic, the models and the YAML parser.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from workforce_cli.cli.app import app
from workforce_cli.commands.options import (
    AsOfOption,
    JobsOption,
    MaxFileSizeOption,
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
    jobs: JobsOption = None,
    size: MaxFileSizeOption = None,
) -> int:
    """Each plan rated Red/Amber/Green as of a date: counts, progress [n/m], and the overdue,
    blocked and due-soon milestones with owner and days late, worst first.

    Exit 0, or 1 if the plans have errors (shown as `wfplan validate` shows them) or a
    --fail-on condition is met; 2 for a usage error or when no plan files are found.
    """
    from workforce_cli.commands import status as command

    return command.run(
        paths, as_of, plan, due_within, red_after, output_format, fail_on, size, jobs=jobs
    )


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
    jobs: JobsOption = None,
    size: MaxFileSizeOption = None,
) -> int:
    """Every overdue milestone across plans, most days late first, with owner and due date.

    Exit 0 (also when nothing is overdue), 1 if the plans have errors (shown as
    `wfplan validate` shows them), 2 for a usage error or when no plan files are found.
    """
    from workforce_cli.commands import overdue as command

    return command.run(paths, as_of, owner, plan, red_after, output_format, size, jobs=jobs)


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
    size: MaxFileSizeOption = None,
) -> int:
    """Staffing by team as of a date: permanent, agency, vacant, establishment, permanent
    share, agency and vacancy rates, the change since the previous snapshot; then each
    target's gap, trajectory and state, and each measure's progress.

    Exit 0, or 1 if the plans have errors (shown as `wfplan validate` shows them); 2 for a
    usage error (a bad --as-of, an unknown --plan) or when no plan files are found.
    """
    from workforce_cli.commands import staffing as command

    return command.run(paths, plan, as_of, output_format, size)


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
            help="Your own Jinja2 template (sandboxed; context in docs/templates.md). "
            "Default: `templates` in the configuration, else the shipped one.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    plan: PlanOption = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="REV",
            help="The git revision of the last report: list what slipped, was completed, "
            "added or dropped since, and how each target moved (as `wfplan diff REV`).",
            show_default=False,
        ),
    ] = None,
    jobs: JobsOption = None,
    size: MaxFileSizeOption = None,
) -> int:
    """The progress report for a meeting: headline and RAG with its reason, exceptions
    (overdue, blocked, due soon, slipped), changes since the last report (--since), targets
    and staffing (with charts in HTML), measures, a view by lead, the full plan by theme, a
    key, and a portfolio overview first when there are several plans.

    Exit 0, or 1 if the plans have errors (shown as `wfplan validate` shows them); 2 for a
    usage error, no plan files, or a template error (reported as FILE:LINE: message).
    Set SOURCE_DATE_EPOCH (and --as-of) for a byte-reproducible report.
    """
    from workforce_cli.commands import report as command

    return command.run(
        paths, output_format, output, output_dir, template, as_of, plan, since, size, jobs=jobs
    )


class DiffFailOn(StrEnum):
    """diff.results.FAIL_ON, spelt out so `wfplan --help` loads no plan code (a test
    keeps the two the same). An Enum, not a Literal: this typer takes no list of Literal."""

    SILENT_SLIP = "silent-slip"
    UNFINISHED_REMOVED = "unfinished-removed"
    SLIP = "slip"
    SCHEDULE = "schedule"
    SCOPE = "scope"
    OWNERSHIP = "ownership"
    PROGRESS = "progress"
    TARGET_WEAKENED = "target-weakened"
    TARGET = "target"
    MEASURE = "measure"
    STAFFING = "staffing"
    RECORD_CORRECTION = "record-correction"
    OTHER = "other"


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
            "text, markdown (for a pull-request comment), json, github (annotations and a job "
            "summary), sarif (SARIF 2.1.0, for code scanning) or gitlab (Code Quality).",
        ),
    ] = "text",
    fail_on: Annotated[
        list[DiffFailOn] | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 if a deadline moves later with no new reason (silent-slip), an "
            "unfinished milestone is removed (unfinished-removed), or a change of a class "
            "occurs: slip, schedule, scope, ownership, progress, target-weakened, target, "
            "measure, staffing, record-correction, other. Repeatable.",
            show_default=False,
        ),
    ] = None,
    textconv: Annotated[
        bool,
        typer.Option(
            "--textconv",
            help="Print the plan file BASE as plan-level facts, one a line, for git's "
            "textconv (see the README: git diff and git log -p then show plan changes).",
        ),
    ] = False,
    size: MaxFileSizeOption = None,
) -> int:
    """What a change does to the plans between two git revisions.

    Milestones added, removed, completed, re-opened; deadlines moved (silently or with a
    reason) and by how many days; targets and staffing figures changed. Exit 0, or 1 when a
    plan fails to load at HEAD or a --fail-on condition is met; 2 outside git, for an
    unknown revision, or when there are no plan files at either revision.
    """
    from workforce_cli.commands import diff as command

    if textconv:
        return command.textconv(base, head_and_paths or [], size)
    return command.run(
        base, head_and_paths or [], output_format, [c.value for c in fail_on or []], size
    )


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
    size: MaxFileSizeOption = None,
) -> int:
    """Every dated milestone as an iCalendar (.ics) file for Outlook or Google Calendar.

    Stable event ids (plan-id.milestone-id@wfplan): importing a newer file updates events.
    """
    from workforce_cli.commands import calendar as command

    return command.run(paths, as_of, output, size)
