"""Measures (caseloads, time to appoint, turnover ...) as of a date (docs/metrics.md).

The latest actual is the last reading dated on or before the as-of date; the change is
that actual minus the baseline. The state, in this order:

* `no data`: no actual up to the as-of date; or no `better: lower|higher` (WF507), so
  better cannot be told from worse; or a target but no baseline to draw the line from;
* `no target`: an actual but no target to judge it against (an addition to the
  four states: Leeds' time to appoint fell from 13 to 8.5 weeks with no target set, and
  calling that "no data" or "off track" would mislead). The change from the baseline
  still says whether it moved the right way (`direction`);
* `met`: the latest actual is at least as good as the target value;
* `off track`: the target date has passed unmet, or the latest actual is worse than the
  straight line from the baseline to the target at the actual's date;
* `on track`: otherwise (at least as good as that line).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from workforce_cli.model import Measure, Reading, schedule
from workforce_cli.output import iso
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.staffing.history import snapshot_date, when

MeasureState = Literal["met", "on track", "off track", "no data", "no target"]
MEASURE_STATES: tuple[MeasureState, ...] = ("met", "on track", "off track", "no data", "no target")
Direction = Literal["better", "worse", "unchanged"]


@dataclass(frozen=True, slots=True)
class MeasureProgress:
    measure: Measure
    baseline_date: date | None
    target_date: date | None
    latest: Reading | None
    latest_date: date | None
    later: int
    """Readings dated after the as-of date, left out."""
    change: float | None
    direction: Direction | None
    expected: float | None
    """The straight line from baseline to target, at the latest actual's date."""
    state: MeasureState
    reason: str

    @property
    def id(self) -> str:
        return self.measure.id

    def amount(self, number: float) -> str:
        return f"{number:g}{self.unit_suffix}"

    @property
    def unit_suffix(self) -> str:
        return f" {self.measure.unit}" if self.measure.unit else ""

    @property
    def summary(self) -> str:
        m = self.measure
        if self.latest is None:
            parts = [f"{m.id}: no actual"]
        else:
            parts = [f"{m.id}: {self.amount(self.latest.value)} ({self.latest.as_of})"]
        if m.baseline is not None:
            base = f"baseline {self.amount(m.baseline.value)} ({m.baseline.as_of})"
            if self.change is not None:
                base += f", change {self.change:+g}{self.unit_suffix}" + (
                    f" ({self.direction})" if self.direction else ""
                )
            parts.append(base)
        if m.target is not None:
            goal = f"target {self.amount(m.target.value)} by {when(m.target.by, self.target_date)}"
            if self.expected is not None and self.state in ("on track", "off track"):
                goal += f" (line: {self.expected:.3g} at {self.latest_as_of})"
            parts.append(goal)
        why = f" ({self.reason})" if self.state in ("off track", "no data") else ""
        return "; ".join(parts) + f" — {self.state}{why}"

    @property
    def has_figures(self) -> bool:
        """An actual, a baseline or a target: something to show beyond the name."""
        m = self.measure
        return self.latest is not None or m.baseline is not None or m.target is not None

    @property
    def latest_as_of(self) -> str | None:
        return self.latest.as_of if self.latest else None

    def to_dict(self) -> dict[str, Any]:
        m = self.measure
        return {
            "id": m.id,
            "title": m.title,
            "unit": m.unit,
            "better": m.better,
            "baseline": _reading(m.baseline, self.baseline_date),
            "target": None
            if m.target is None
            else {"by": m.target.by, "date": iso(self.target_date), "value": m.target.value},
            "latest": _reading(self.latest, self.latest_date),
            "later_readings": self.later,
            "change": self.change,
            "direction": self.direction,
            "expected": None if self.expected is None else round(self.expected, 4),
            "state": self.state,
            "reason": self.reason,
            "summary": self.summary,
        }


def _reading(reading: Reading | None, day: date | None) -> dict[str, Any] | None:
    if reading is None:
        return None
    return {"as_of": reading.as_of, "date": iso(day), "value": reading.value}


def progress(loaded: LoadedPlan, as_of: date) -> list[MeasureProgress]:
    anchor = schedule.anchor(loaded.plan)
    return [_one(measure, as_of, anchor) for measure in loaded.plan.measures]


def _one(measure: Measure, as_of: date, anchor: date | None) -> MeasureProgress:
    dated = [(snapshot_date(r.as_of, anchor), r) for r in measure.actuals]
    known = sorted(((d, r) for d, r in dated if d is not None), key=lambda pair: pair[0])
    up_to = [(d, r) for d, r in known if d <= as_of]
    later = len(known) - len(up_to)
    latest_date, latest = up_to[-1] if up_to else (None, None)
    base, goal = measure.baseline, measure.target
    base_date = snapshot_date(base.as_of, anchor) if base else None
    goal_date = snapshot_date(goal.by, anchor) if goal else None
    change = direction = expected = None
    if latest is not None and base is not None:
        change = round(latest.value - base.value, 6)
        direction = _direction(change, measure.better)
    state: MeasureState
    if latest is None or latest_date is None:
        state = "no data"
        reason = "no actual yet" + (f" up to the as-of date ({later} later)" if later else "")
    elif goal is None:
        state, reason = "no target", "no target to judge against"
    elif measure.better is None:
        state, reason = "no data", "the measure does not say whether lower or higher is better"
    elif _as_good(latest.value, goal.value, measure.better):
        state, reason = "met", f"{latest.value:g} meets the target {goal.value:g}"
    elif goal_date is not None and as_of > goal_date:
        state, reason = "off track", f"{goal.by} has passed and the target is not met"
    elif base is None or base_date is None:
        state, reason = "no data", "no baseline to measure progress from"
    else:
        expected = _line(base.value, base_date, goal.value, goal_date, latest_date)
        if _as_good(latest.value, expected, measure.better):
            state, reason = "on track", "at least as good as the line from baseline to target"
        else:
            state, reason = "off track", "worse than the line from baseline to target"
    return MeasureProgress(
        measure, base_date, goal_date, latest, latest_date, later, change, direction,
        expected, state, reason,
    )  # fmt: skip


def _as_good(actual: float, goal: float, better: str) -> bool:
    return actual <= goal + 1e-9 if better == "lower" else actual >= goal - 1e-9


def _direction(change: float, better: str | None) -> Direction | None:
    if change == 0:
        return "unchanged"
    if better is None:
        return None
    return "better" if (change < 0) == (better == "lower") else "worse"


def _line(start: float, start_date: date, end: float, end_date: date | None, day: date) -> float:
    """The straight line from (start_date, start) to (end_date, end), at `day`, held flat
    outside that span."""
    if end_date is None or end_date <= start_date:
        return end
    if day <= start_date:
        return start
    if day >= end_date:
        return end
    share = (day - start_date).days / (end_date - start_date).days
    return start + (end - start) * share
