"""`wfplan status`: every plan rated Red/Amber/Green as of a date, with what needs attention."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from workforce_cli import config
from workforce_cli.commands import inputs
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.status import engine as status
from workforce_cli.status.render import FORMATS, Terminal, plan_text, text_heading


def run(
    paths: list[Path] | None,
    as_of: str | None,
    plan_id: str | None,
    due_within: int | None,
    red_after: int | None,
    output_format: str,
    fail_on: str | None,
    max_file_size: int | None = None,
    jobs: int | None = None,
) -> int:
    settings = config.load(max_file_size=max_file_size)
    day = inputs.as_of(as_of)
    options = inputs.rating_options(settings, day, due_within, red_after)
    terminal = Terminal.detect(sys.stdout)
    if output_format == "text":
        # Each plan's panel is laid out where the plan is rated; only its text comes back.
        panels = inputs.compute_valid(
            paths, settings, partial(_panel, options, terminal), plan_id, "status", jobs
        )
        sys.stdout.write(text_heading(options, terminal) + "".join(text for _, text in panels))
        return 1 if failed(status.roll_up(rating for rating, _ in panels), fail_on) else 0
    rated = inputs.compute_valid(paths, settings, partial(_rate, options), plan_id, "status", jobs)
    report = status.StatusReport(options, tuple(rated))
    sys.stdout.write(FORMATS[output_format](report, terminal))
    return 1 if failed(report.rating, fail_on) else 0


def _rate(options: status.Options, loaded: LoadedPlan) -> status.PlanStatus:
    """One plan's status, with its targets and measures (what a worker sends back)."""
    return status.evaluate_loaded([loaded], options).plans[0]


def _panel(options: status.Options, terminal: Terminal, loaded: LoadedPlan) -> tuple[str, str]:
    """One plan's rating and its panel in text (what a worker sends back)."""
    rated = _rate(options, loaded)
    return rated.rating, plan_text(rated, options, terminal)


def failed(rating: str, fail_on: str | None) -> bool:
    """`--fail-on red`: any plan Red; `--fail-on amber`: any plan Red or Amber."""
    if fail_on == "red":
        return rating == "red"
    if fail_on == "amber":
        return rating in ("red", "amber")
    return False
