"""Run every check over a repository: the loader's diagnostics, then each plan's rules."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from workforce_cli.checks import dates, ids, policy, progress, staffing
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.read.sources import LoadedPlan, Repository, collector_paused

Check = Callable[[LoadedPlan], Iterator[Diagnostic]]

CHECKS: tuple[Check, ...] = (ids.check, dates.check, progress.check, staffing.check)


def check_repository(
    repository: Repository, severities: Mapping[str, str] | None = None
) -> list[Diagnostic]:
    """All diagnostics of a repository, loading and semantic, in file and line order, with
    the repository's inline suppressions and `severities` (wfplan.toml) applied."""
    found = list(repository.diagnostics)
    with collector_paused():
        for plan in repository.plans:
            for check in CHECKS:
                found.extend(check(plan))
    return policy.apply(found, repository.files, severities or {})
