"""What `wfplan staffing` computes for each plan as of a date, and its JSON structure.

`evaluate(loaded, as_of)` gathers a plan's snapshots up to the date (`staffing.history`),
the change from the previous snapshot, its targets (`targets`) and measures (`measures`).
`to_dict()` is the documented JSON of `wfplan staffing --format json`
(docs/output-formats.md): keep it stable, add keys only. Counts and percentages are rounded
to 2 decimals there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from workforce_cli.model.figures import Totals
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.staffing import measures, targets
from workforce_cli.staffing.history import (
    COUNTS,
    METRICS,
    History,
    SnapshotFigures,
    change,
    history,
)
from workforce_cli.staffing.measures import MeasureProgress
from workforce_cli.staffing.targets import TargetProgress


@dataclass(frozen=True, slots=True)
class PlanStaffing:
    loaded: LoadedPlan
    as_of: date
    history: History
    targets: tuple[TargetProgress, ...]
    measures: tuple[MeasureProgress, ...]

    @property
    def unit(self) -> str:
        return self.loaded.unit

    @property
    def is_empty(self) -> bool:
        """No snapshots (even later ones), targets or measures: nothing to show."""
        return not (self.history.snapshots or self.history.skipped or self.targets or self.measures)

    def team_changes(self) -> dict[str, dict[str, float | None]]:
        """Per team present with figures in both the latest and the previous snapshot."""
        latest, previous = self.history.latest, self.history.previous
        if latest is None or previous is None:
            return {}
        before = {t.team: t.totals for t in previous.teams if t.has_figures}
        return {
            t.team: change(before[t.team], t.totals)
            for t in latest.teams
            if t.has_figures and t.team in before
        }

    def total_change(self) -> dict[str, float | None] | None:
        latest, previous = self.history.latest, self.history.previous
        if latest is None or previous is None:
            return None
        return change(previous.total, latest.total)

    def to_dict(self) -> dict[str, Any]:
        plan = self.loaded.plan
        latest, previous = self.history.latest, self.history.previous
        total_change = self.total_change()
        return {
            "id": plan.id,
            "title": plan.title,
            "organisation": plan.organisation,
            "file": self.loaded.source.display,
            "unit": self.unit,
            "snapshots": [snapshot_dict(s) for s in self.history.snapshots],
            "latest": latest.as_of if latest else None,
            "change": None
            if total_change is None or latest is None or previous is None
            else {
                "from": previous.as_of,
                "to": latest.as_of,
                "total": _rounded(total_change),
                "teams": {team: _rounded(c) for team, c in self.team_changes().items()},
            },
            "skipped_snapshots": [
                {
                    "as_of": s.ref.snapshot.as_of,
                    "date": s.date.isoformat() if s.date else None,
                    "where": s.where,
                    "reason": s.reason,
                }
                for s in self.history.skipped
            ],
            "targets": [t.to_dict() for t in self.targets],
            "measures": [m.to_dict() for m in self.measures],
        }


def evaluate(loaded: LoadedPlan, as_of: date) -> PlanStaffing:
    """A plan's staffing as of `as_of`. The plan must have passed `wfplan validate`."""
    snapshots = history(loaded, as_of)
    return PlanStaffing(
        loaded,
        as_of,
        snapshots,
        tuple(targets.progress(loaded, snapshots, as_of)),
        tuple(measures.progress(loaded, as_of)),
    )


def figures_dict(t: Totals | None) -> dict[str, float | None]:
    """Counts and rates (as percentages) to 2 decimals; all None for a row without figures."""
    names = COUNTS + METRICS
    if t is None:
        return dict.fromkeys(names)
    return _rounded(t.values())


def snapshot_dict(s: SnapshotFigures) -> dict[str, Any]:
    return {
        "as_of": s.as_of,
        "date": s.date.isoformat(),
        "file": s.ref.source.display,
        "vacancy_basis": s.vacancy_basis,
        "teams": [
            {"team": t.team, "has_figures": t.has_figures}
            | figures_dict(t.totals if t.has_figures else None)
            for t in s.teams
        ],
        # No team with figures: the totals are unknown, not zero.
        "total": figures_dict(s.total if s.total.teams else None)
        | {"teams_counted": len(s.total.teams), "missing_teams": list(s.total.missing)},
    }


def _rounded(figures: dict[str, float | None]) -> dict[str, float | None]:
    # round(-0.001, 2) is -0.0, which JSON shows as "-0.0"; add 0.0 to make it 0.0.
    return {k: None if v is None else round(v, 2) + 0.0 for k, v in figures.items()}
