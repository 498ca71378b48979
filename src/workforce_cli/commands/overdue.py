"""`wfplan overdue`: every overdue milestone across plans, most days late first."""

from __future__ import annotations

import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

from workforce_cli import config
from workforce_cli.commands import inputs
from workforce_cli.errors import UsageError
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.status import engine as status
from workforce_cli.status.overdue import FORMATS, OverdueList
from workforce_cli.status.render import Terminal


def run(
    paths: list[Path] | None,
    as_of: str | None,
    owner: str | None,
    plan_id: str | None,
    red_after: int | None,
    output_format: str,
    max_file_size: int | None = None,
    jobs: int | None = None,
) -> int:
    if owner is not None and not owner.strip():
        raise UsageError("--owner needs some text to look for, such as --owner hr")
    settings = config.load(max_file_size=max_file_size)
    day = inputs.as_of(as_of)
    options = inputs.rating_options(settings, day, None, red_after)
    rated = inputs.compute_valid(paths, settings, partial(_rate, options), plan_id, "overdue", jobs)
    report = status.StatusReport(options, tuple(rated))
    result = OverdueList(options, owner, status.overdue(report, owner))
    sys.stdout.write(FORMATS[output_format](result, Terminal.detect(sys.stdout)))
    return 0


def _rate(options: status.Options, loaded: LoadedPlan) -> status.PlanStatus:
    """One plan's overdue milestones (what a worker sends back: the others are not shown)."""
    rated = status.evaluate(loaded.plan, options, loaded.source.display)
    return replace(rated, milestones=tuple(m for m in rated.milestones if m.overdue))
