"""`wfplan calendar`: every dated milestone as an iCalendar file."""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli import config, safewrite
from workforce_cli.commands import inputs
from workforce_cli.report import calendar as calendar_export


def run(
    paths: list[Path] | None,
    as_of: str | None,
    output: Path | None,
    max_file_size: int | None = None,
) -> int:
    day = inputs.as_of(as_of)
    settings = config.load(max_file_size=max_file_size)
    plans = inputs.load_valid(paths, settings, None, "calendar")
    result = calendar_export.build((p.plan for p in plans), day)
    skipped = (
        f"; {result.skipped} without a date (ongoing or tbc) left out" if result.skipped else ""
    )
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.data)
        sys.stdout.flush()
        # The calendar is the output; how much it holds is a note beside it.
        sys.stderr.write(f"wfplan: {result.events} milestones{skipped}\n")
        return 0
    safewrite.write(output, result.data, None, replace=True)  # UTF-8, CRLF line ends
    sys.stdout.write(f"wrote {output}: {result.events} milestones{skipped}\n")
    return 0
