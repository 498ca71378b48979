"""`wfplan staffing` output formats: a registry whose keys are the `--format` choices.

Each formatter takes the as-of date and the plans' results and returns the whole output.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from datetime import date

from workforce_cli.model.figures import Totals
from workforce_cli.output import Cell, csv_text, day, visible, visible_lines
from workforce_cli.staffing.engine import PlanStaffing
from workforce_cli.staffing.history import COUNTS, METRICS, value

Formatter = Callable[[date, Sequence[PlanStaffing]], str]

_RATE_HEADERS: tuple[tuple[str, str], ...] = (
    ("permanent_share", "Perm %"),
    ("agency_rate", "Agency %"),
    ("vacancy_rate", "Vacancy %"),
)


def _count(number: float | None, unit: str) -> str:
    if number is None:
        return "n/a"
    if unit == "headcount" and number == int(number):
        return f"{number:.0f}"
    return f"{number:.2f}"


def _pct(number: float | None) -> str:
    return "n/a" if number is None else f"{number:.2f}%"


def _signed(number: float | None, suffix: str = "") -> str:
    if number is None:
        return "n/a"
    shown = f"{number:+.2f}"
    return ("+0.00" if shown == "-0.00" else shown) + suffix


def _unit_word(unit: str) -> str:
    return "FTE" if unit == "fte" else unit


def _figures_row(name: str, t: Totals, unit: str, share_change: str) -> list[str]:
    counts = [_count(getattr(t, n), unit) for n in ("permanent", "agency", "vacant")]
    counts.append(_count(t.establishment, unit))
    return [name, *counts, *(_pct(value(t, m)) for m, _ in _RATE_HEADERS), share_change]


def _table(rows: list[list[str]], indent: str) -> list[str]:
    rows = [[visible(cell) for cell in row] for row in rows]
    full = [row for row in rows if len(row) > 2]
    widths = [max(len(row[i]) for row in full) for i in range(len(rows[0]))]
    widths[0] = max(widths[0], *(len(row[0]) for row in rows))
    lines = []
    for row in rows:
        if len(row) == 2:  # a team without figures: its note spans the figure columns
            lines.append(f"{indent}{row[0]:<{widths[0]}}  {row[1]}")
            continue
        cells = [f"{row[0]:<{widths[0]}}"] + [
            f"{c:>{w}}" for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append(indent + "  ".join(cells).rstrip())
    return lines


def _snapshot_lines(result: PlanStaffing) -> list[str]:
    h, unit = result.history, result.unit
    latest, previous = h.latest, h.previous
    lines: list[str] = []
    if latest is None:
        lines.append("  No staffing snapshot up to this date.")
    else:
        count = len(h.snapshots)
        lines.append(
            f"  Snapshot as of {latest.as_of} ({_unit_word(unit)}; the latest of "
            f"{count} snapshot{'s' if count != 1 else ''} up to {day(result.as_of)})"
        )
        changes = result.team_changes()
        header = ["Team", "Permanent", "Agency", "Vacant", "Establ."]
        header += [title for _, title in _RATE_HEADERS] + ["Share +/- pp"]
        total_change = result.total_change()
        rows = [header]
        for team in latest.teams:
            if not team.has_figures:
                rows.append([team.team, "no figures, not counted"])
                continue
            share = changes.get(team.team, {}).get("permanent_share")
            rows.append(_figures_row(team.team, team.totals, unit, _signed(share)))
        share = total_change["permanent_share"] if total_change else None
        counted = f"Total ({len(latest.total.teams)} of {len(latest.teams)} teams)"
        if latest.total.teams:
            rows.append(_figures_row(counted, latest.total, unit, _signed(share)))
        else:
            rows.append([counted, "no figures"])
        if total_change is None:  # nothing to compare with: no change column
            rows = [row[:-1] if len(row) > 2 else row for row in rows]
        lines += _table(rows, "    ")
        if latest.total.missing:
            missing = ", ".join(visible(m) for m in latest.total.missing)
            lines.append("    Not counted (no figures): " + missing)
        if latest.total.blanks:
            blanks = visible(latest.total.blanks)
            lines.append(
                f"    Blank figures, unknown and not counted as zero: {blanks}; "
                "the totals and rates that need them are n/a"
            )
        uncovered = _pct(value(latest.total, "uncovered_vacancy_rate"))
        lines.append(f"    Uncovered vacancy rate (vacant, no agency cover): {uncovered}")
        if previous is None or total_change is None:
            lines.append("    Change since the previous snapshot: n/a, this is the first one")
        else:
            c = total_change
            lines.append(
                f"    Change since {previous.as_of}: permanent {_signed(c['permanent'])}, "
                f"agency {_signed(c['agency'])}, vacant {_signed(c['vacant'])} "
                f"{_unit_word(unit)}; permanent share {_signed(c['permanent_share'], ' pp')}, "
                f"agency rate {_signed(c['agency_rate'], ' pp')}, "
                f"vacancy rate {_signed(c['vacancy_rate'], ' pp')}"
            )
    for skipped in h.skipped:
        why = (
            f"is dated after {day(result.as_of)}"
            if skipped.reason == "after as-of"
            else "has no date"
        )
        lines.append(
            f"  Left out: the snapshot as of {skipped.ref.snapshot.as_of} ({skipped.where}) {why}"
        )
    return lines


def _target_lines(result: PlanStaffing) -> list[str]:
    lines = ["  Targets"] if result.targets else []
    for t in result.targets:
        metric = t.target.metric.replace("_", " ")
        lines.append(f"    {t.id}: {metric} {t.goal} — {t.state}")
        if t.state == "no data":
            lines.append(f"      {t.reason}")
        else:
            trend = t.trajectory
            if trend.slope_per_year is not None:
                trend_text = (
                    f"trend {trend.slope_per_year:+.2f} pp a year over {trend.points} "
                    f"snapshots, {trend.text.removeprefix('trajectory ')}"
                )
            else:
                trend_text = trend.text
            lines.append(f"      current {t.current_text}; {t.gap_text}; {trend_text}")
            latest = result.history.latest
            shown = latest.total.missing if latest else ()
            # The table already lists the service's missing teams; say it again only where
            # this target's scope (its teams, or an earlier snapshot) misses others.
            if t.totals is not None and t.totals.missing and t.totals.missing != shown:
                missing = ", ".join(visible(m) for m in t.totals.missing)
                lines.append("      not counted (no figures): " + missing)
            if t.unknown:
                lines.append(f"      {visible(t.unknown_text)}")
            lines.append(f"      {t.reason}")
        if t.target.forecast:
            lines.append(f"      the plan's own forecast: {visible(t.target.forecast)}")
    return lines


def _measure_lines(result: PlanStaffing) -> list[str]:
    shown = [m for m in result.measures if m.latest or m.measure.baseline or m.measure.target]
    blank = [m.id for m in result.measures if m not in shown]
    lines = ["  Measures"] if result.measures else []
    for m in shown:
        lines.append(f"    {visible(m.summary)}")
    if blank:
        text = "No figures yet: " + ", ".join(blank)
        lines += textwrap.wrap(
            text, 96, initial_indent="    ", subsequent_indent="      ", break_on_hyphens=False
        )
    return lines


def format_text(as_of: date, results: Sequence[PlanStaffing]) -> str:
    """The text table; plan text is shown with control characters escaped (`visible`)."""
    lines = [f"Staffing as of {day(as_of)}"]
    for result in results:
        plan = result.loaded.plan
        lines += ["", f"{plan.id}: {visible(plan.title)}"]
        if result.is_empty:
            lines.append("  No staffing snapshots, targets or measures.")
            continue
        if result.history.snapshots or result.history.skipped:
            lines += _snapshot_lines(result)
        elif result.targets:
            lines.append("  No staffing snapshots.")
        lines += _target_lines(result)
        lines += _measure_lines(result)
    # Every piece is on its own line: any control character left (a newline in a team name
    # included, escaped by `_table`) is shown escaped.
    return visible_lines("\n".join(lines) + "\n")


def format_json(as_of: date, results: Sequence[PlanStaffing]) -> str:
    # The same layout as `wfplan status`: indented, with each team row, total and change
    # on one line (readable, diff-friendly, and fast on a national corpus).
    from workforce_cli.status.render import dump_json

    return dump_json({"as_of": as_of.isoformat(), "plans": [r.to_dict() for r in results]})


CSV_COLUMNS = (
    "plan", "snapshot", "date", "level", "team", "has_figures", "unit", "vacancy_basis",
    "permanent", "agency", "vacant", "establishment", "permanent_share", "agency_rate",
    "vacancy_rate", "uncovered_vacancy_rate", "missing_teams", "file",
)  # fmt: skip


def format_csv(as_of: date, results: Sequence[PlanStaffing]) -> str:
    rows: list[list[Cell]] = []
    for result in results:
        for s in result.history.snapshots:
            head: list[Cell] = [result.loaded.id, s.as_of, s.date.isoformat()]
            tail: list[Cell] = [result.unit, s.vacancy_basis]
            for team in s.teams:
                cells = _cells(team.totals if team.has_figures else None)
                flag = str(team.has_figures).lower()
                rows.append(
                    [*head, "team", team.team, flag, *tail, *cells, "", s.ref.source.display]
                )
            cells = _cells(s.total if s.total.teams else None)
            flag, missing = str(bool(s.total.teams)).lower(), "; ".join(s.total.missing)
            rows.append([*head, "total", "", flag, *tail, *cells, missing, s.ref.source.display])
    return csv_text(CSV_COLUMNS, rows)


def _cells(t: Totals | None) -> list[str]:
    """Counts and percentages to 2 decimals; empty cells for a row without figures."""
    if t is None:
        return [""] * len(COUNTS + METRICS)
    return ["" if v is None else f"{v:.2f}" for v in t.values().values()]


FORMATS: dict[str, Formatter] = {"text": format_text, "json": format_json, "csv": format_csv}
