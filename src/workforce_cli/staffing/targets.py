"""Staffing targets as of a date: current value, gap, trajectory and state (docs/metrics.md).

A `permanent_share` target is a floor (at least), `agency_rate` and `vacancy_rate` targets
are ceilings (at most); a ratio `80:20` is read for the target's metric. Only snapshots
dated on or before the as-of date count, and only the target's teams when it names some.

* current: the metric in the latest snapshot where it is defined (a scope with no staffed
  posts has no rate: it is skipped, never read as 0%).
* gap: for a permanent-share target, the FTE of agency cover to make permanent at today's
  staffed level, `max(0, t*(p + a) - p)` to 2 decimals; for a rate target, percentage points.
* trajectory: the least-squares line through (date, metric) of every snapshot up to the
  as-of date; its projected date is the first day on which the line reaches the target,
  but never before the latest snapshot (a line already past the target while the latest
  figure is short projects that snapshot's date). None with one snapshot, a flat trend,
  or a trend running away from the target.
* state, in this order: `no data` (no snapshot has figures for the scope); `met` (the
  latest figure meets it); `missed` (its `by` date has passed); `on track` (projected on or
  before `by`); `at risk` otherwise.

The last rule is a decision (docs/metrics.md, "Targets"): a target that is not met and has no
projected date (one snapshot only, or a flat or worsening trend) is `at risk`, not `no
data`. There are figures, and they show the target unmet with nothing yet to say it will
be met in time; a workforce lead should see that flagged rather than greyed out. Its
trajectory reads "n/a — one snapshot" and its gap is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from workforce_cli import dates
from workforce_cli.model import Target, schedule
from workforce_cli.model.figures import Totals
from workforce_cli.output import iso
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.staffing.history import History, history, snapshot_date, value, when

State = Literal["met", "on track", "at risk", "missed", "no data"]
STATES: tuple[State, ...] = ("met", "on track", "at risk", "missed", "no data")

METRIC_WORDS = {
    "permanent_share": "permanent share",
    "agency_rate": "agency rate",
    "vacancy_rate": "vacancy rate",
}

_FLAT = 1e-9  # percentage points a day: below this the trend is flat


@dataclass(frozen=True, slots=True)
class Trajectory:
    points: int
    slope_per_year: float | None
    """Percentage points a year (365.25 days) of the fitted line; None with under 2 points."""
    projected: date | None
    """The first day the line reaches the target; None when it never does."""
    reason: str | None
    """Why there is no projected date: "one snapshot", "flat trend", ..."""

    @property
    def text(self) -> str:
        if self.projected is not None:
            return f"projected {dates.format_window(dates.Window(self.projected, self.projected))}"
        return f"trajectory n/a — {self.reason}"


@dataclass(frozen=True, slots=True)
class TargetProgress:
    target: Target
    threshold: float
    """The percentage the metric is compared with."""
    by_date: date | None
    unit: str
    current: float | None
    """The metric as a percentage in the latest snapshot that defines it."""
    current_as_of: str | None
    current_date: date | None
    totals: Totals | None
    """The in-scope totals of that snapshot (its missing teams are not counted)."""
    gap: float | None
    gap_unit: str
    """"FTE" or "headcount" for permanent-share targets; "pp" for rate targets."""
    trajectory: Trajectory
    state: State
    reason: str

    @property
    def id(self) -> str:
        return self.target.id

    @property
    def at_least(self) -> bool:
        return self.target.metric == "permanent_share"

    @property
    def goal(self) -> str:
        """ "at least 80% (80:20) by Feb 2017"."""
        written = self.target.value
        ratio = f" ({written})" if isinstance(written, str) and ":" in written else ""
        bound = "at least" if self.at_least else "at most"
        teams = f" for {', '.join(self.target.teams)}" if self.target.teams else ""
        by = when(self.target.by, self.by_date)
        return f"{bound} {percent(self.threshold)}{ratio} by {by}{teams}"

    @property
    def gap_text(self) -> str:
        if self.gap is None:
            return "gap n/a"
        if self.gap_unit == "pp":
            return f"gap {self.gap:.2f} pp"
        return f"gap {self.gap:.2f} {self.gap_unit} to make permanent"

    @property
    def current_text(self) -> str:
        if self.current is None:
            return "n/a"
        return f"{self.current:.2f}% ({self.current_as_of})"

    @property
    def summary(self) -> str:
        """One line for `wfplan status`: where it stands, the gap, the trend, the state."""
        metric = METRIC_WORDS[self.target.metric]
        parts = [f"{self.id}: {metric} {self.current_text}, target {self.goal}"]
        if self.state != "no data":
            parts += [self.gap_text, self.trajectory.text]
        why = f" ({self.reason})" if self.state == "no data" else ""
        return "; ".join(parts) + f" — {self.state}{why}"

    def to_dict(self) -> dict[str, Any]:
        t = self.target
        return {
            "id": t.id,
            "title": t.title,
            "metric": t.metric,
            "value": t.value,
            "threshold": round(self.threshold, 2),
            "bound": "at least" if self.at_least else "at most",
            "by": t.by,
            "by_date": iso(self.by_date),
            "teams": list(t.teams) if t.teams is not None else None,
            "forecast": t.forecast,
            "current": _round(self.current),
            "current_as_of": self.current_as_of,
            "current_date": iso(self.current_date),
            "missing_teams": list(self.totals.missing) if self.totals else [],
            "gap": self.gap,
            "gap_unit": self.gap_unit,
            "trajectory": {
                "points": self.trajectory.points,
                "slope_per_year": _round(self.trajectory.slope_per_year),
                "projected": iso(self.trajectory.projected),
                "reason": self.trajectory.reason,
            },
            "state": self.state,
            "reason": self.reason,
            "summary": self.summary,
        }


def percent(number: float) -> str:
    """92 -> "92%", 66.666 -> "66.67%"."""
    return f"{number:.2f}".rstrip("0").rstrip(".") + "%"


def _round(number: float | None) -> float | None:
    return None if number is None else round(number, 2)


def progress(loaded: LoadedPlan, snapshots: History, as_of: date) -> list[TargetProgress]:
    """Every target of the plan as of `as_of`, from its snapshots up to that date."""
    anchor = schedule.anchor(loaded.plan)
    return [
        _one(target, snapshots, as_of, snapshot_date(target.by, anchor), loaded.unit)
        for target in loaded.plan.targets
    ]


def target_summaries(loaded: LoadedPlan, as_of: date) -> list[TargetProgress]:
    """The targets of one plan as of a date; each has `.summary` (one line) and `.to_dict()`.

    For `wfplan status`: `replace(plan_status, targets=tuple(target_summaries(loaded, as_of)))`.
    """
    return progress(loaded, history(loaded, as_of), as_of)


def _one(
    target: Target, snapshots: History, as_of: date, by_date: date | None, unit: str
) -> TargetProgress:
    threshold = target.threshold
    at_least = target.metric == "permanent_share"
    points: list[tuple[date, float, str, Totals]] = []
    for snapshot in snapshots.snapshots:
        scope = snapshot.scoped(target.teams)
        metric = value(scope, target.metric)
        if metric is not None:
            points.append((snapshot.date, metric, snapshot.as_of, scope))
    gap_unit = ("FTE" if unit == "fte" else unit) if at_least else "pp"
    if not points:
        trajectory = Trajectory(0, None, None, "no figures")
        return TargetProgress(
            target, threshold, by_date, unit, None, None, None, None, None, gap_unit,
            trajectory, "no data", _no_data_reason(snapshots, target),
        )  # fmt: skip
    day, current, current_as_of, scope = points[-1]
    trajectory = _trajectory([(d, v) for d, v, _, _ in points], threshold, at_least)
    if at_least:
        gap = round(max(0.0, threshold / 100 * scope.staffed - scope.permanent), 2)
    else:
        gap = round(max(0.0, current - threshold), 2)
    met = current >= threshold - 1e-9 if at_least else current <= threshold + 1e-9
    state: State
    if met:
        state, reason = "met", f"{current:.2f}% as of {current_as_of}"
    elif by_date is not None and as_of > by_date:
        state, reason = "missed", f"{target.by} has passed and the latest figure is short"
    elif trajectory.projected is not None and (by_date is None or trajectory.projected <= by_date):
        state, reason = "on track", "the trend reaches the target by its date"
    elif trajectory.projected is not None:
        state, reason = "at risk", "the trend reaches the target after its date"
    else:
        state, reason = "at risk", f"not met, and no trend that reaches it ({trajectory.reason})"
    return TargetProgress(
        target, threshold, by_date, unit, current, current_as_of, day, scope, gap, gap_unit,
        trajectory, state, reason,
    )  # fmt: skip


def _no_data_reason(snapshots: History, target: Target) -> str:
    if not snapshots.snapshots:
        later = sum(1 for s in snapshots.skipped if s.reason == "after as-of")
        return "no staffing snapshots" + (f" up to the as-of date ({later} later)" if later else "")
    scope = ", ".join(target.teams) if target.teams else "any team"
    return f"no snapshot has staffed posts with figures for {scope}"


def _trajectory(points: list[tuple[date, float]], threshold: float, at_least: bool) -> Trajectory:
    if len(points) < 2:
        return Trajectory(len(points), None, None, "one snapshot")
    xs = [d.toordinal() for d, _ in points]
    ys = [v for _, v in points]
    x_mean, y_mean = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - x_mean) ** 2 for x in xs)
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True))
    if sxx == 0:  # only if WF503 (two snapshots of one date) was not heeded
        return Trajectory(len(points), None, None, "all snapshots have one date")
    slope = sxy / sxx
    per_year = slope * 365.25
    if abs(slope) < _FLAT:
        return Trajectory(len(points), per_year, None, "flat trend")
    if (slope > 0) != at_least:
        return Trajectory(len(points), per_year, None, "moving away from the target")
    crossing = x_mean + (threshold - y_mean) / slope
    if crossing > date.max.toordinal():
        return Trajectory(len(points), per_year, None, "too slow to reach it")
    # A line that crossed the target before the latest snapshot (whose figure is still
    # short, or the target would be met) says "by now": the projection is never earlier.
    reached = max(math.ceil(crossing - 1e-9), xs[-1])
    return Trajectory(len(points), per_year, date.fromordinal(reached), None)
