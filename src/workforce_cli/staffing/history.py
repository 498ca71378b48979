"""Staffing figures: totals and rates of a snapshot, as SPEC.md defines them.

With p, a, v the permanent, agency and vacant FTE of the rows in scope, and V the vacancies
as the Department for Education counts them (v + a, or v where the source already counts
agency-covered posts as vacant, `vacancy_basis: dfe`):

    permanent_share = p / (p + a)         agency_rate = a / (p + a)
    vacancy_rate = V / (V + p)            uncovered_vacancy_rate = v / (p + a + v)

Rows with no figures are left out and reported as missing, never counted as zero. A rate
whose denominator is zero is None ("n/a"), never 0%.

`history(loaded, as_of)` gives a plan's snapshots as of a day: those of the plan file and
of its staffing files, ordered by the end of their `as_of` windows, keeping those dated on
or before the day and listing the others (later, or not a date) as left out. Targets are
`targets.py`'s, measures `measures.py`'s, the whole command's result `staffing_report.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from workforce_cli import dates
from workforce_cli.model import TeamRow, schedule
from workforce_cli.read.loader import LoadedPlan, SnapshotRef


@dataclass(frozen=True, slots=True)
class Totals:
    permanent: float = 0.0
    agency: float = 0.0
    vacant: float = 0.0
    vacancy_basis: str = "unfilled"
    teams: tuple[str, ...] = ()
    """Teams counted (rows with figures)."""
    missing: tuple[str, ...] = field(default=())
    """Teams whose rows have no figures: unknown, not zero."""

    @property
    def staffed(self) -> float:
        return self.permanent + self.agency

    @property
    def establishment(self) -> float:
        # Under the DfE basis `vacant` already includes the agency-covered posts.
        if self.vacancy_basis == "dfe":
            return self.permanent + self.vacant
        return self.permanent + self.agency + self.vacant

    @property
    def dfe_vacancies(self) -> float:
        return self.vacant if self.vacancy_basis == "dfe" else self.vacant + self.agency

    @property
    def permanent_share(self) -> float | None:
        return _ratio(self.permanent, self.staffed)

    @property
    def agency_rate(self) -> float | None:
        return _ratio(self.agency, self.staffed)

    @property
    def vacancy_rate(self) -> float | None:
        return _ratio(self.dfe_vacancies, self.dfe_vacancies + self.permanent)

    @property
    def uncovered_vacancy_rate(self) -> float | None:
        if self.vacancy_basis == "dfe":
            # agency-covered and uncovered posts are not told apart under this basis
            return None
        return _ratio(self.vacant, self.permanent + self.agency + self.vacant)

    def values(self) -> dict[str, float | None]:
        """Every count, and every rate as a percentage (76.03), or None where undefined: what
        `value` gives name by name, at a fraction of the cost for tens of thousands of rows."""
        p, a, v = self.permanent, self.agency, self.vacant
        dfe = self.vacancy_basis == "dfe"
        staffed, vacancies = p + a, v if dfe else v + a
        return {
            "permanent": p,
            "agency": a,
            "vacant": v,
            "establishment": p + v if dfe else p + a + v,
            "permanent_share": _percent(p, staffed),
            "agency_rate": _percent(a, staffed),
            "vacancy_rate": _percent(vacancies, vacancies + p),
            "uncovered_vacancy_rate": None if dfe else _percent(v, p + a + v),
        }

    def rate(self, metric: str) -> float | None:
        """A metric by name, as a fraction (0.7603), or None where it is undefined."""
        value: float | None = getattr(self, metric)
        return value


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 else None


def _percent(part: float, whole: float) -> float | None:
    return 100 * (part / whole) if whole > 0 else None


def totals(
    rows: Iterable[TeamRow], vacancy_basis: str = "unfilled", teams: Iterable[str] | None = None
) -> Totals:
    """Totals of the rows (only the named teams, if given)."""
    wanted = set(teams) if teams is not None else None
    permanent = agency = vacant = 0.0
    counted: list[str] = []
    missing: list[str] = []
    for row in rows:
        if wanted is not None and row.team not in wanted:
            continue
        if not row.has_figures:
            missing.append(row.team)
            continue
        counted.append(row.team)
        permanent += row.permanent or 0.0
        agency += row.agency or 0.0
        vacant += row.vacant or 0.0
    return Totals(permanent, agency, vacant, vacancy_basis, tuple(counted), tuple(missing))


# --- a plan's snapshots, as of a date -----------------------------------------------------

METRICS = ("permanent_share", "agency_rate", "vacancy_rate", "uncovered_vacancy_rate")
COUNTS = ("permanent", "agency", "vacant", "establishment")


@dataclass(frozen=True, slots=True)
class TeamFigures:
    row: TeamRow
    vacancy_basis: str

    @property
    def team(self) -> str:
        return self.row.team

    @property
    def has_figures(self) -> bool:
        return self.row.has_figures

    @property
    def totals(self) -> Totals:
        # Worked out when asked for: a national corpus has tens of thousands of rows, and
        # the text output shows only the latest snapshot's.
        return totals([self.row], self.vacancy_basis)


@dataclass(frozen=True)
class SnapshotFigures:
    """One snapshot resolved: its date (the end of its as_of window), teams and total."""

    ref: SnapshotRef
    date: date

    @cached_property
    def teams(self) -> tuple[TeamFigures, ...]:
        return tuple(TeamFigures(row, self.vacancy_basis) for row in self.ref.snapshot.teams)

    @cached_property
    def total(self) -> Totals:
        return totals(self.ref.snapshot.teams, self.vacancy_basis)

    @property
    def as_of(self) -> str:
        return self.ref.snapshot.as_of

    @property
    def vacancy_basis(self) -> str:
        return self.ref.snapshot.vacancy_basis

    def scoped(self, teams: Sequence[str] | None) -> Totals:
        """Totals of some teams; a named team absent from this snapshot counts as missing."""
        if teams is None:
            return self.total
        scope = totals(self.ref.snapshot.teams, self.vacancy_basis, teams)
        present = {row.team for row in self.ref.snapshot.teams}
        absent = tuple(team for team in teams if team not in present)
        if not absent:
            return scope
        return Totals(
            scope.permanent,
            scope.agency,
            scope.vacant,
            scope.vacancy_basis,
            scope.teams,
            scope.missing + absent,
        )


@dataclass(frozen=True, slots=True)
class Skipped:
    """A snapshot left out of a status as of a date, and why."""

    ref: SnapshotRef
    date: date | None
    reason: Literal["after as-of", "no date"]

    @property
    def where(self) -> str:
        line, _ = self.ref.source.locate((*self.ref.path, "as_of"))
        return f"{self.ref.source.display}:{line}"


@dataclass(frozen=True, slots=True)
class History:
    """A plan's snapshots up to a date, oldest first, and those left out."""

    snapshots: tuple[SnapshotFigures, ...]
    skipped: tuple[Skipped, ...]

    @property
    def latest(self) -> SnapshotFigures | None:
        return self.snapshots[-1] if self.snapshots else None

    @property
    def previous(self) -> SnapshotFigures | None:
        return self.snapshots[-2] if len(self.snapshots) > 1 else None


def snapshot_date(text: str, anchor: date | None) -> date | None:
    """The day a snapshot (or reading) stands for, or None if its as_of is not a date."""
    try:
        window = dates.parse(text).window(anchor)
    except dates.DateError:
        return None
    return window.end if window else None


def when(text: str, day: date | None) -> str:
    """A date as written, with the day it resolves to when it is relative to the plan's start:
    "in the next 9 months (31 Jan 2003)"."""
    try:
        relative = dates.parse(text).is_relative
    except dates.DateError:
        return text
    if not relative or day is None:
        return text
    return f"{text} ({dates.format_window(dates.Window(day, day))})"


def history(loaded: LoadedPlan, as_of: date) -> History:
    """The plan's snapshots (its own and its staffing files') dated on or before `as_of`."""
    anchor = schedule.anchor(loaded.plan)
    kept: list[SnapshotFigures] = []
    skipped: list[Skipped] = []
    for ref in loaded.snapshots:
        day = snapshot_date(ref.snapshot.as_of, anchor)
        if day is None:
            skipped.append(Skipped(ref, None, "no date"))
        elif day > as_of:
            skipped.append(Skipped(ref, day, "after as-of"))
        else:
            kept.append(figures(ref, day))
    kept.sort(key=lambda s: s.date)
    return History(tuple(kept), tuple(skipped))


def figures(ref: SnapshotRef, day: date) -> SnapshotFigures:
    return SnapshotFigures(ref, day)


def value(t: Totals, name: str) -> float | None:
    """A count, or a rate as a percentage (76.03), or None where it is undefined."""
    if name in COUNTS:
        figure: float = getattr(t, name)
        return figure
    rate = t.rate(name)
    return None if rate is None else 100 * rate


def change(before: Totals, after: Totals) -> dict[str, float | None]:
    """Counts in FTE and rates in percentage points, after minus before; None where either
    side is undefined, or (for vacancies) where the two count vacancies differently."""
    comparable = before.vacancy_basis == after.vacancy_basis
    result: dict[str, float | None] = {}
    for name in COUNTS + METRICS:
        if not comparable and name in ("vacant", "establishment"):
            result[name] = None
            continue
        old, new = value(before, name), value(after, name)
        result[name] = None if old is None or new is None else new - old
    return result
