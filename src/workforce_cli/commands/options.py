"""The options several commands share, defined once: paths, --as-of, --plan, --format, --dry-run,
--max-file-size.

Format choices come from each feature's `FORMATS` (its package face, which imports nothing
heavy, so `wfplan --help` stays fast). `md` and `markdown` name the same format everywhere;
the documented spelling is `markdown`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

ALIASES = {"md": "markdown", "markdown": "md"}
"""Two spellings of one format: whichever a command's registry has, the other is accepted."""


def _format_parser(names: Sequence[str]) -> Callable[[str], str]:
    def parse(value: str) -> str:
        if value in names:
            return value
        other = ALIASES.get(value)
        if other is not None and other in names:
            return other
        shown = ", ".join(repr(n) for n in names)
        raise typer.BadParameter(f"{value!r} is not one of {shown}")

    return parse


def format_option(names: Sequence[str], help: str) -> Any:
    """`--format/-f`, choosing one of `names` (a feature's FORMATS)."""
    return typer.Option(
        "--format",
        "-f",
        parser=_format_parser(names),
        metavar="[" + "|".join(names) + "]",
        help=help,
    )


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Plan files or folders (searched recursively for *.yaml, *.yml). "
        "Default: the configured paths, else plans/.",
        show_default=False,
    ),
]


def as_of_option(help: str) -> Any:
    """`--as-of` (also WFPLAN_AS_OF): any date expression; default today."""
    return typer.Option("--as-of", envvar="WFPLAN_AS_OF", help=help, show_default=False)


AS_OF_HELP = (
    'The day to rate as of: any date expression ("2006-04-01", "end March 06" = '
    '31 Mar 2006, "+2 weeks" from today). Default: today.'
)
AsOfOption = Annotated[str | None, as_of_option(AS_OF_HELP)]
PlanOption = Annotated[
    str | None, typer.Option("--plan", help="Only the plan with this id.", show_default=False)
]
RedAfterOption = Annotated[
    int | None,
    typer.Option(
        "--red-after",
        min=0,
        help="Days overdue before a milestone turns Red. Default: config, else 0.",
        show_default=False,
    ),
]
IdArg = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="The id of the milestone (or of an action without milestones)."
    ),
]
EditPlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan", help="The plan to look in, when the id is used by several.", show_default=False
    ),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
]


def _size(value: str) -> int:
    from workforce_cli.config import parse_size  # when given: `--help` reads no configuration

    try:
        return parse_size(value)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None


MaxFileSizeOption = Annotated[
    int | None,
    typer.Option(
        "--max-file-size",
        parser=_size,
        metavar="SIZE",
        help="Read plan files up to this size (20MB, 50MiB, or bytes). "
        "Default: max_file_size in the config, else 2MiB.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (replaced whole, never half-written). Default: standard output.",
        show_default=False,
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Worker processes that read and check files. Default: one per available CPU "
        "when the plans come to 1 MiB or more, else none. --jobs 1: all in this process.",
        show_default=False,
    ),
]
