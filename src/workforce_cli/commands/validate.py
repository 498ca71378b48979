"""`wfplan validate`: schema and semantic checks of every plan file, all problems in one run."""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli import config
from workforce_cli.checks import baseline, batch
from workforce_cli.checks.render import FORMATTERS, step_summary
from workforce_cli.commands.summary import write_step_summary
from workforce_cli.diagnostics import count
from workforce_cli.output import plural
from workforce_cli.read import git
from workforce_cli.read import loader as loading


def run(
    paths: list[Path] | None,
    output_format: str,
    strict: bool,
    baseline_file: Path | None = None,
    update_baseline: bool = False,
    tracked: bool = False,
    max_file_size: int | None = None,
    jobs: int | None = None,
) -> int:
    settings = config.load(max_file_size=max_file_size)
    read = config.plan_paths(paths, settings)
    checked: batch.Checked[None] = batch.check_files(
        loading.discover(git.tracked(read) if tracked else read),
        settings.severity,
        jobs,
        limit=settings.max_file_size,
    )
    diagnostics, files = checked.diagnostics, len(checked.files)
    if update_baseline:
        where = baseline_file or baseline.DEFAULT
        written = baseline.write(where, diagnostics)
        sys.stderr.write(f"wfplan: recorded {plural(written, 'finding')} in {where}\n")
        diagnostics = []
    elif baseline_file is not None:
        found = baseline.split(diagnostics, baseline.load(baseline_file))
        diagnostics = found.new
        note = f"{plural(found.known, 'known finding')} in {baseline_file} not shown"
        if found.fixed:
            note += f"; {found.fixed} of its entries are fixed (--update-baseline drops them)"
        sys.stderr.write(f"wfplan: {note}\n")
    sys.stdout.write(FORMATTERS[output_format](diagnostics, files))
    if output_format == "github":
        write_step_summary(step_summary(diagnostics, files))
    errors, warnings = count(diagnostics)
    return 1 if errors or (strict and warnings) else 0
