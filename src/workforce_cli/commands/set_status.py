"""`wfplan set-status`: not_started, in_progress, blocked, dropped (re-opening drops done_on)."""

from __future__ import annotations

from pathlib import Path

from workforce_cli.commands.writing import run_change
from workforce_cli.edit import marking
from workforce_cli.edit.workspace import find_milestone


def run(
    item_id: str,
    status: str,
    paths: list[Path] | None,
    plan: str | None,
    dry_run: bool,
    output_format: str = "text",
) -> int:
    return run_change(
        paths,
        lambda ws: [marking.set_status(ws, find_milestone(ws, item_id, plan), status)],
        dry_run,
        output_format,
    )
