"""`wfplan snapshot add`: a staffing snapshot from an HR system's CSV export."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from workforce_cli.commands import inputs
from workforce_cli.commands.writing import run_change
from workforce_cli.edit import snapshot as snapshot_add
from workforce_cli.edit.marking import written_date
from workforce_cli.model.figures import FIGURES, blanks_text
from workforce_cli.read.csv_rows import CsvProblems, read_rows
from workforce_cli.read.files import read_file


def add(
    csv_file: Path,
    paths: list[Path] | None,
    plan: str,
    as_of: str,
    into: Path | None,
    dry_run: bool,
    output_format: str = "text",
) -> int:
    # A relative --as-of counts from today (or WFPLAN_AS_OF), stored as that day: in the
    # plan it would count from period.start.
    as_of, _ = written_date("--as-of", as_of, inputs.as_of(os.environ.get("WFPLAN_AS_OF") or None))
    raw = read_file(csv_file)
    try:
        rows = read_rows(raw, str(csv_file))
    except CsvProblems as problems:
        sys.stderr.write("".join(f"wfplan: error: {p}\n" for p in problems.problems))
        sys.stderr.write("wfplan: nothing written\n")
        return 1
    blanks = blanks_text(
        (row.team, figure)
        for row in rows
        if row.figures
        for figure in FIGURES
        if figure not in row.figures
    )
    if blanks:
        # Kept blank in the plan (unknown), which every total that needs them will show.
        sys.stderr.write(f"wfplan: note: blank cells are unknown figures, not zero: {blanks}\n")
    return run_change(
        paths, lambda ws: [snapshot_add.add(ws, plan, as_of, rows, into)], dry_run, output_format
    )
