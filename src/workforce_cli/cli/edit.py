"""The commands that write plans: done, set-status, slip, snapshot add, new, import. Options
only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from workforce_cli.cli.app import app
from workforce_cli.commands.options import (
    DryRunOption,
    EditPlanOption,
    IdArg,
    PathsArg,
    format_option,
)
from workforce_cli.edit import FORMATS as EDIT_FORMATS
from workforce_cli.importing import FORMATS as IMPORT_FORMATS

EditFormat = Annotated[
    str,
    format_option(
        EDIT_FORMATS,
        "text (the change as a diff) or json (what changed: file, plan, id, field, before, "
        "after; for scripts and bots).",
    ),
]

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
    output_format: EditFormat = "text",
) -> int:
    """Mark a milestone done: writes `status: done` and `done_on`, and nothing else.

    Exit 0 when written (or nothing to change), 1 when the result would not validate or
    the file changed meanwhile, 2 for an unknown or ambiguous id.
    """
    from workforce_cli.commands import done as command

    return command.run(item_id, paths, on, plan, dry_run, output_format)


@app.command(name="set-status")
def set_status(
    item_id: IdArg,
    status: Annotated[
        NewStatus, typer.Argument(help="not_started, in_progress, blocked or dropped.")
    ],
    paths: PathsArg = None,
    plan: EditPlanOption = None,
    dry_run: DryRunOption = False,
    output_format: EditFormat = "text",
) -> int:
    """Set a milestone's status; re-opening a done milestone removes its done_on.

    To mark one done, use `wfplan done` (it records the day).
    """
    from workforce_cli.commands import set_status as command

    return command.run(item_id, status, paths, plan, dry_run, output_format)


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
    output_format: EditFormat = "text",
) -> int:
    """Re-baseline a deadline: writes revised_due and revision_reason; `due` is kept.

    A second slip replaces the first revision (git history keeps it).
    """
    from workforce_cli.commands import slip as command

    return command.run(item_id, paths, to, reason, plan, dry_run, output_format)


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
    output_format: EditFormat = "text",
) -> int:
    """Append a staffing snapshot from a CSV file (an HR system's or Excel's export).

    Exit 1 if a figure is not a number or is negative (naming the CSV row and column), if the
    plan already has a snapshot as of that date, or if the result would not validate.
    """
    from workforce_cli.commands import snapshot as command

    return command.add(csv_file, paths, plan, as_of, into, dry_run, output_format)


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
    output_format: EditFormat = "text",
) -> int:
    """Start a new plan file from the template; it validates clean and never overwrites."""
    from workforce_cli.commands import new as command

    return command.run(plan_id, title, organisation, output, output_format)


@app.command(name="import")
def import_(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A Word document (.docx), spreadsheet (.xlsx, .ods) or .csv file."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Where to write the plan. Default: plans/ID.yaml.",
            show_default=False,
        ),
    ] = None,
    plan_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="The plan's id. Default: from the file's name.", show_default=False
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(
            "--title", help="The plan's title. Default: the file's name.", show_default=False
        ),
    ] = None,
    organisation: Annotated[
        str | None,
        typer.Option("--organisation", help="The council or organisation.", show_default=False),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", help="Only this sheet of a workbook.", show_default=False),
    ] = None,
    table: Annotated[
        int | None,
        typer.Option(
            "--table",
            min=1,
            help="Only the N-th table (or sheet), counting from 1.",
            show_default=False,
        ),
    ] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="HEADER=FIELD",
            help='Read the column headed HEADER as FIELD ("Lead officer=owner", "Notes=ignore"). '
            "Repeatable.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="The date of a headcount table's figures, when the table does not say it.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the plan; write nothing.")
    ] = False,
    output_format: Annotated[
        str,
        format_option(
            IMPORT_FORMATS, "text, or json (what was written: file, ids, columns, problems)."
        ),
    ] = "text",
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> int:
    """Turn the tables of a council's Word or Excel action plan into a plan file.

    Action tables become themes, actions and milestones (wording kept, each from its row);
    a headcount table becomes a staffing snapshot. Exit 0 when written (problems are listed
    as warnings, each naming its source cell), 1 when nothing could be imported or a figure
    is not a number, 2 for a usage error (an unreadable file, an existing output without
    --force, the import extras not installed).
    """
    from workforce_cli.commands import import_plan as command

    request = command.Request(
        file,
        output,
        plan_id,
        title,
        organisation,
        sheet,
        table,
        tuple(maps or ()),
        as_of,
        dry_run,
        output_format,
        force,
    )
    return command.run(request)
