"""`wfplan done`: mark a milestone (or a milestone-less action) done, with the day it was done."""

from __future__ import annotations

import os
from pathlib import Path

from workforce_cli.commands import inputs
from workforce_cli.commands.writing import run_change
from workforce_cli.edit import marking
from workforce_cli.edit.workspace import find_milestone


def run(
    item_id: str,
    paths: list[Path] | None,
    on: str | None,
    plan: str | None,
    dry_run: bool,
    output_format: str = "text",
) -> int:
    if on is None:
        # Today, or the day WFPLAN_AS_OF names (so scripts and tests are reproducible).
        done_on = inputs.as_of(os.environ.get("WFPLAN_AS_OF") or None).isoformat()
    else:
        done_on = marking.check_date("--on", on)
    return run_change(
        paths,
        lambda ws: [marking.done(ws, find_milestone(ws, item_id, plan), done_on)],
        dry_run,
        output_format,
    )
