"""The staffing part of a report's context: the staffing engine's results, and their charts.

The figures are `staffing.engine.evaluate`'s, as `wfplan staffing --format json` shows
them; this adds only words for reading them and, for HTML, the trend chart of each target.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from workforce_cli import output
from workforce_cli.model import schedule
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.report import charts
from workforce_cli.staffing import engine as staffing_report
from workforce_cli.staffing.engine import figures_dict
from workforce_cli.staffing.history import History, value
from workforce_cli.staffing.targets import METRIC_WORDS, TargetProgress
from workforce_cli.status.engine import Options

_UNIT_WORDS = {"fte": "FTE", "headcount": "headcount"}


def staffing_section(loaded: LoadedPlan, options: Options, output_format: str) -> dict[str, Any]:
    """`staffing`, `targets`, `measures` and `trend_charts` of one plan's context."""
    result = staffing_report.evaluate(loaded, options.as_of)
    target_rows = [t.to_dict() for t in result.targets]
    measure_rows = [m.to_dict() for m in result.measures]
    snapshots = result.history.snapshots
    latest = staffing_report.snapshot_dict(snapshots[-1]) if snapshots else None
    change = result.total_change()
    data: dict[str, Any] = {
        "unit": result.unit,
        "unit_text": _UNIT_WORDS.get(result.unit, result.unit),
        # Every snapshot's totals; the teams only of the latest (a corpus plan has 24).
        "snapshots": [
            {"as_of": s.as_of, "date": s.date.isoformat(), "total": figures_dict(s.total)}
            for s in snapshots
        ],
        "latest_snapshot": latest,
        "change": None
        if change is None or len(snapshots) < 2
        else {
            "from": snapshots[-2].as_of,
            "to": snapshots[-1].as_of,
            "total": {k: None if v is None else round(v, 2) + 0.0 for k, v in change.items()},
        },
        "skipped_snapshots": [
            {"as_of": s.ref.snapshot.as_of, "reason": s.reason} for s in result.history.skipped
        ],
    }
    for row, progress in zip(target_rows, result.targets, strict=True):
        row["metric_text"] = METRIC_WORDS[progress.target.metric]
        row["goal"] = progress.goal
        row["current_text"] = progress.current_text
        row["gap_text"] = progress.gap_text
        row["trajectory_text"] = progress.trajectory.text
    anchor = schedule.anchor(loaded.plan)
    for row, measure in zip(measure_rows, result.measures, strict=True):
        row["baseline_text"] = _reading_text(row["baseline"], measure.amount)
        row["latest_text"] = _reading_text(row["latest"], measure.amount)
        target = row["target"]
        row["target_text"] = (
            f"{measure.amount(target['value'])} by {_by(target['by'], anchor)}" if target else ""
        )
    trend_charts: list[Markup] = []
    if output_format == "html":
        for i, progress in enumerate(result.targets):
            trend = _trend(progress, result.history)
            if trend is not None:
                ident = f"{loaded.id}-trend-{i + 1}"
                wide = charts.trend_chart(trend, ident)
                narrow = charts.trend_chart(trend, f"{ident}-narrow", charts.NARROW_TREND_BOX)
                trend_charts.append(Markup(charts.pair(wide, narrow)))
    return {
        "staffing": data if result.history.snapshots or result.history.skipped else None,
        "targets": target_rows,
        "measures": measure_rows,
        "trend_charts": trend_charts,
    }


def _by(text: str, anchor: date | None) -> str:
    """A deadline as written, with the day it falls due where the words do not say it."""
    end = schedule.end_of(text, anchor)
    if end is None or text.strip() == output.day(end):
        return text
    return f"{output.day(end)} ({text})"


def _reading_text(reading: dict[str, Any] | None, amount: Any) -> str:
    if reading is None:
        return ""
    return f"{amount(reading['value'])} ({reading['as_of']})"


def _trend(progress: TargetProgress, history: History) -> charts.Trend | None:
    """The target's metric in each snapshot (its teams only), and its projected course."""
    teams = progress.target.teams
    points: list[tuple[date, float]] = []
    for snapshot in history.snapshots:
        figure = value(snapshot.scoped(teams), progress.target.metric)
        if figure is not None:
            points.append((snapshot.date, figure))
    if not points:
        return None
    projection: list[tuple[date, float]] = []
    projected, per_year = progress.trajectory.projected, progress.trajectory.slope_per_year
    last = points[-1][0]
    # Only forwards: a line that reached the target in the past (a target already met)
    # projects nothing.
    if projected is not None and per_year and projected > last and progress.state != "met":
        # The fitted line passes through (projected, threshold); drawn from the last
        # figure's date, and cut a year past the target date so a far-off date cannot
        # squash the chart.
        per_day = per_year / 365.25
        horizon = max(progress.by_date or last, last) + timedelta(days=365)
        end = min(projected, horizon)
        projection = [
            (day, progress.threshold + per_day * (day - projected).days) for day in (last, end)
        ]
    metric = METRIC_WORDS[progress.target.metric].capitalize()
    if teams:
        names = ", ".join(teams)
        metric += f" ({names if len(names) <= 60 else names[:59] + '…'})"
    return charts.Trend(
        metric=metric,
        points=points,
        target=progress.threshold,
        target_by=progress.by_date,
        projection=projection,
    )
