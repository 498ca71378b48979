"""`wfplan staffing`: headcount by team, rates, change, targets and measures, as of a date."""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli import config
from workforce_cli.commands import inputs
from workforce_cli.staffing.engine import evaluate
from workforce_cli.staffing.render import FORMATS


def run(
    paths: list[Path] | None,
    plan_id: str | None,
    as_of: str | None,
    output_format: str,
    max_file_size: int | None = None,
) -> int:
    day = inputs.as_of(as_of)
    settings = config.load(max_file_size=max_file_size)
    plans = inputs.load_valid(paths, settings, plan_id, "staffing")
    results = [evaluate(loaded, day) for loaded in plans]
    sys.stdout.write(FORMATS[output_format](day, results))
    return 0
