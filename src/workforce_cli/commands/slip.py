"""`wfplan slip`: a re-baselined deadline with its reason; the original `due` is kept."""

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
    to: str,
    reason: str,
    plan: str | None,
    dry_run: bool,
    earlier: bool = False,
    output_format: str = "text",
) -> int:
    # "+3 weeks" is three weeks from today (or WFPLAN_AS_OF), stored as that day.
    today = inputs.as_of(os.environ.get("WFPLAN_AS_OF") or None)
    revised, shown = marking.written_date("--to", to, today)
    return run_change(
        paths,
        lambda ws: [
            marking.slip(
                ws,
                find_milestone(ws, item_id, plan),
                revised,
                reason,
                shown=shown,
                earlier=earlier,
            )
        ],
        dry_run,
        output_format,
    )
