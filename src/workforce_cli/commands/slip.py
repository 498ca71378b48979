"""`wfplan slip`: a re-baselined deadline with its reason; the original `due` is kept."""

from __future__ import annotations

from pathlib import Path

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
    output_format: str = "text",
) -> int:
    revised = marking.check_date("--to", to)
    return run_change(
        paths,
        lambda ws: [marking.slip(ws, find_milestone(ws, item_id, plan), revised, reason)],
        dry_run,
        output_format,
    )
