"""Semantic checks: one module per family, each a function from a plan to Diagnostics.

The schema (unknown keys, types, choices) is the models' job; these checks see plans that
passed it and look at what a schema cannot: references, dates, status rules and totals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from workforce_cli.checks import dates, ids, progress, staffing
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.read.sources import LoadedPlan, Repository, collector_paused

Check = Callable[[LoadedPlan], Iterator[Diagnostic]]

CHECKS: tuple[Check, ...] = (ids.check, dates.check, progress.check, staffing.check)


def run(repository: Repository) -> list[Diagnostic]:
    """All diagnostics of a repository, loading and semantic, in file and line order."""
    found = list(repository.diagnostics)
    with collector_paused():
        for plan in repository.plans:
            for check in CHECKS:
                found.extend(check(plan))
    return sorted(found, key=lambda d: d.sort_key)
