"""What `wfplan status`, `overdue` (and any command that computes on plans) read first.

The as-of date, the plans (only if they pass `wfplan validate`: a status built on broken
data is never shown as if it were sound), and the `--plan` selection.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TypeVar

from workforce_cli import config, dates
from workforce_cli.checks import batch, blocking
from workforce_cli.checks.engine import check_repository
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.errors import Refused, UsageError
from workforce_cli.read import loader as loading
from workforce_cli.read.sources import LoadedPlan, SourceFile
from workforce_cli.status import engine as status

T = TypeVar("T")


def as_of(text: str | None, today: date | None = None) -> date:
    """The day an `--as-of` (or `WFPLAN_AS_OF`) expression names; today when not given.

    A month, quarter or year means its last day (`end March 06` is 31 March 2006); a
    relative form counts from today (`+2 weeks`: what will be late in a fortnight).
    """
    today = today or date.today()
    if text is None:
        return today
    try:
        return dates.resolve_as_of(text, today)
    except dates.DateError as err:
        # An as-of is a day: the date hint's "ongoing or tbc" do not apply here.
        hint = err.hint.replace(", ongoing or tbc", "")
        raise UsageError(f"--as-of (or WFPLAN_AS_OF): {err}; {hint}") from None


def load_valid(
    paths: list[Path] | None,
    settings: config.Config,
    plan_id: str | None = None,
    command: str = "this command",
) -> list[LoadedPlan]:
    """The plans under `paths` (only the one `plan_id` names, if given) that nothing broken
    stands in the way of (the rule is `checks.blocking`'s). If something does, `Refused`
    carries the errors that block, as `validate` prints them, and which files they are in.

    Warnings are not printed here: `wfplan validate` is the place for them.
    """
    repository = loading.load(config.plan_paths(paths, settings), limit=settings.max_file_size)
    diagnostics = check_repository(repository, settings.severity)
    admit(repository.files, diagnostics, [p.id for p in repository.plans], plan_id, command)
    return [p for p in repository.plans if plan_id is None or p.id == plan_id]


def compute_valid(
    paths: list[Path] | None,
    settings: config.Config,
    work: batch.Work[T],
    plan_id: str | None = None,
    command: str = "this command",
    jobs: int | None = None,
) -> list[T]:
    """`work` done on each plan `load_valid` would give, in file order: each file is read,
    checked and computed on alone (in `jobs` worker processes), and let go."""
    found = loading.discover(config.plan_paths(paths, settings))
    checked = batch.check_files(
        found, settings.severity, jobs, work, plan_id, limit=settings.max_file_size
    )
    admit(checked.files, checked.diagnostics, checked.plan_ids, plan_id, command)
    return [result for _, result in checked.results]


def admit(
    files: list[SourceFile],
    diagnostics: list[Diagnostic],
    plan_ids: list[str],
    plan_id: str | None,
    command: str,
) -> None:
    """Refuse (`Refused`) when files with errors stand in the way of the plans asked for; an
    unknown `plan_id` is a usage error. Files left out are named on stderr."""
    broken = blocking.broken_files(files, diagnostics)
    if not broken:
        known(plan_ids, plan_id)
        return
    if plan_id is None:
        shown_errors = _refuse(blocking.errors_of(broken), len(files))
        sound = _sound(plan_ids, broken)
        if any(b.plan is None for b in broken):
            how = "fix them first: a file that does not name its plan could belong to any"
        elif sound and command in _TAKES_PLAN:
            shown = ", ".join(sound[:5]) + (f" and {len(sound) - 5} more" if len(sound) > 5 else "")
            how = f"fix them, or name a plan to show alone with --plan ({shown})"
        else:
            how = "fix them first"
        raise Refused(
            shown_errors + f"wfplan: error: {command} reads every plan, and these files have "
            f"errors: {blocking.names(broken)}; {how}\n"
        )
    in_the_way = blocking.blocking(broken, {plan_id})
    if in_the_way:
        raise Refused(
            _refuse(blocking.errors_of(in_the_way), len(files))
            + f'wfplan: error: plan "{plan_id}" cannot be shown: '
            f"{blocking.names(in_the_way)} {'has' if len(in_the_way) == 1 else 'have'} errors\n"
        )
    known(plan_ids, plan_id)
    left_out = "; ".join(b.described for b in broken)
    sys.stderr.write(
        f"wfplan: note: left out, with errors: {left_out}; `wfplan validate` lists them\n"
    )


_TAKES_PLAN = ("status", "overdue", "staffing", "report")


def _refuse(errors: list[Diagnostic], files: int) -> str:
    return FORMATTERS["text"](sorted(errors, key=lambda d: d.sort_key), files)


def _sound(plan_ids: list[str], broken: list[blocking.Broken]) -> list[str]:
    """The ids of the plans no broken file stands in the way of."""
    return sorted(i for i in plan_ids if not blocking.blocking(broken, {i}))


def known(plan_ids: list[str], plan_id: str | None) -> None:
    """An unknown `--plan` id is a usage error that lists the known ones."""
    if plan_id is not None and plan_id not in plan_ids:
        listed = ", ".join(sorted(plan_ids)) or "none"
        raise UsageError(f'no plan with id "{plan_id}"; known plans: {listed}')


def rating_options(
    settings: config.Config, day: date, due_within: int | None, red_after: int | None
) -> status.Options:
    """The rating settings: the configuration's, with any flag given overriding it."""
    return status.Options(
        as_of=day,
        due_within=settings.due_within if due_within is None else due_within,
        red_after=settings.red_after if red_after is None else red_after,
        labels=settings.labels,
    )
