"""Load small inline plans for the staffing tests (they must pass `wfplan validate`)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write
from workforce_cli.checks.engine import check_repository
from workforce_cli.read import loader as loading
from workforce_cli.read.sources import LoadedPlan


def load_plan(folder: Path, plan: str, **staffing_files: str) -> LoadedPlan:
    """The plan in `plan` (YAML text), with staffing files named by keyword; no errors allowed."""
    write(folder / "plan.yaml", plan)
    for name, text in staffing_files.items():
        write(folder / f"{name}.yaml", text)
    repository = loading.load([folder])
    errors = [d for d in check_repository(repository) if d.severity == "error"]
    assert errors == []
    (loaded,) = repository.plans
    return loaded
