"""`wfplan validate`: schema and semantic checks of every plan file, all problems in one run."""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli import config
from workforce_cli.checks.engine import check_repository
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.diagnostics import count
from workforce_cli.read import loader as loading


def run(paths: list[Path] | None, output_format: str, strict: bool) -> int:
    settings = config.load()
    repository = loading.load(config.plan_paths(paths, settings))
    diagnostics = check_repository(repository)
    sys.stdout.write(FORMATTERS[output_format](diagnostics, len(repository.files)))
    errors, warnings = count(diagnostics)
    return 1 if errors or (strict and warnings) else 0
