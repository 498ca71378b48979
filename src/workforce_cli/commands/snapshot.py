"""`wfplan snapshot add`: a staffing snapshot from an HR system's CSV export."""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli.commands.writing import run_change
from workforce_cli.edit import snapshot as snapshot_add
from workforce_cli.edit.marking import check_date
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
    check_date("--as-of", as_of)
    raw = read_file(csv_file)
    try:
        rows = read_rows(raw, str(csv_file))
    except CsvProblems as problems:
        sys.stderr.write("".join(f"wfplan: error: {p}\n" for p in problems.problems))
        sys.stderr.write("wfplan: nothing written\n")
        return 1
    return run_change(
        paths, lambda ws: [snapshot_add.add(ws, plan, as_of, rows, into)], dry_run, output_format
    )
