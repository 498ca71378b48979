"""What `wfplan status`, `overdue` (and any command that computes on plans) read first.

The as-of date, the plans (only if they pass `wfplan validate`: a status built on broken
data is never shown as if it were sound), and the `--plan` selection.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from workforce_cli import config, dates
from workforce_cli.checks.engine import check_repository
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.errors import UsageError
from workforce_cli.read import loader as loading
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.status import engine as status


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


def load_valid(paths: list[Path] | None, settings: config.Config) -> list[LoadedPlan] | None:
    """The plans under `paths`; None, after printing their errors as `validate` does, if any
    file has errors. Warnings are not printed here: `wfplan validate` is the place for them."""
    repository = loading.load(config.plan_paths(paths, settings))
    found = check_repository(repository, settings.severity)
    errors = [d for d in found if d.severity == "error"]
    if errors:
        sys.stdout.write(FORMATTERS["text"](errors, len(repository.files)))
        return None
    return repository.plans


def select(plans: list[LoadedPlan], plan_id: str | None) -> list[LoadedPlan]:
    """All plans, or the one `--plan` names (an unknown id is a usage error listing them)."""
    if plan_id is None:
        return plans
    chosen = [p for p in plans if p.id == plan_id]
    if not chosen:
        known = ", ".join(sorted(p.id for p in plans)) or "none"
        raise UsageError(f'no plan with id "{plan_id}"; known plans: {known}')
    return chosen


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
