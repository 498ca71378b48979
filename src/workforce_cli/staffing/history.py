"""A plan's staffing over time: its snapshots as of a day, and team and total figures.

Totals and rates of one set of rows are `model/figures.py`'s (the checks need them too).
`history(loaded, as_of)` gives a plan's snapshots as of a day: those of the plan file and
of its staffing files, ordered by the end of their `as_of` windows, keeping those dated on
or before the day and listing the others (later, or not a date) as left out. Targets are
`targets.py`'s, measures `measures.py`'s, the whole command's result `engine.py`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Literal

from workforce_cli import dates
from workforce_cli.model import TeamRow, schedule
from workforce_cli.model.figures import Totals, totals
from workforce_cli.read.sources import LoadedPlan, SnapshotRef

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
