"""The values `wfplan status` computes: rated milestones, plan roll-ups, the whole report.

Frozen dataclasses; each `to_dict()` is the documented JSON structure of
`wfplan status --format json` (docs/output-formats.md): keep it stable, add keys only.
Renderers (text, Markdown, the report templates) work from these values. The rules that
produce them are in `engine.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, Protocol

from workforce_cli.model import Status
from workforce_cli.output import iso

Rating = Literal["complete", "red", "amber", "green", "not_rated"]
NotRated = Literal["dropped", "ongoing", "undetermined"]
PlanRating = Literal["red", "amber", "green"]
RATINGS: tuple[Rating, ...] = ("complete", "red", "amber", "green", "not_rated")

# Worst first: the order of "needs attention" lists and of the roll-up.
_SEVERITY: dict[str, int] = {"red": 0, "amber": 1, "green": 2, "complete": 3, "not_rated": 4}


@dataclass(frozen=True)
class Options:
    """What decides a rating besides the plan: the day, the due-soon window, the grace period."""

    as_of: date
    due_within: int = 28
    red_after: int = 0
    labels: Mapping[str, str] = field(default_factory=dict)

    def label(self, rating: str) -> str:
        """The word shown for a rating (configurable: some councils say Blue for complete)."""
        return self.labels.get(rating, rating.replace("_", " ").title())


@dataclass(frozen=True)
class MilestoneStatus:
    """One milestone (or an action without milestones) rated as of a date."""

    id: str
    title: str
    action_id: str
    action_title: str
    is_action: bool
    theme: str | None
    theme_title: str | None
    owners: tuple[str, ...]
    timescale: str | None
    status: Status
    """As written in the file; see `rating` for what it means as of the date."""
    rating: Rating
    not_rated: NotRated | None
    """Why a milestone is not rated (None when it is)."""
    due: str | None
    revised_due: str | None
    revision_reason: str | None
    effective_due: str | None
    """The deadline in force, as written: revised_due if set, else due."""
    due_date: date | None
    """Last day of the effective deadline's window; None for ongoing and undetermined."""
    original_due_date: date | None
    """Last day of `due`'s window (differs from due_date when re-baselined)."""
    done_on: str | None
    done_date: date | None
    """First day of `done_on`'s window."""
    days_overdue: int | None
    """Days past due_date, for open milestones past it; else None."""
    days_until_due: int | None
    """Days from the as-of date to due_date (0: due today), for open milestones not past it."""
    days_late: int | None
    """For milestones completed late: days from due_date to done_date."""

    @property
    def overdue(self) -> bool:
        return self.days_overdue is not None

    @property
    def blocked(self) -> bool:
        return self.open and self.status == Status.BLOCKED

    @property
    def open(self) -> bool:
        return self.rating not in ("complete",) and self.not_rated != "dropped"

    @property
    def late(self) -> bool:
        """Completed after its deadline."""
        return self.days_late is not None

    def due_soon(self, within: int) -> bool:
        return self.days_until_due is not None and self.days_until_due <= within

    def to_dict(self, options: Options) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "action": self.action_id,
            "action_title": self.action_title,
            "is_action": self.is_action,
            "theme": self.theme,
            "theme_title": self.theme_title,
            "owners": list(self.owners),
            "timescale": self.timescale,
            "status": self.status.value,
            "rating": self.rating,
            "label": options.label(self.rating),
            "not_rated": self.not_rated,
            "due": self.due,
            "revised_due": self.revised_due,
            "revision_reason": self.revision_reason,
            "effective_due": self.effective_due,
            "due_date": iso(self.due_date),
            "original_due_date": iso(self.original_due_date),
            "done_on": self.done_on,
            "done_date": iso(self.done_date),
            "overdue": self.overdue,
            "due_soon": self.due_soon(options.due_within),
            "blocked": self.blocked,
            "days_overdue": self.days_overdue,
            "days_until_due": self.days_until_due,
            "days_late": self.days_late,
        }


class TargetLine(Protocol):
    """A staffing target's one-line summary under its plan (filled in by the staffing code)."""

    @property
    def summary(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


class MeasureLine(TargetLine, Protocol):
    """A measure's progress under its plan (filled in by the staffing code)."""

    @property
    def id(self) -> str: ...

    @property
    def has_figures(self) -> bool: ...


@dataclass(frozen=True)
class PlanStatus:
    """A plan's roll-up: its rating, counts, progress and milestones, as of a date."""

    id: str
    title: str
    organisation: str | None
    owners: tuple[str, ...]
    file: str | None
    rating: PlanRating
    milestones: tuple[MilestoneStatus, ...]
    """Every milestone, in file order."""
    targets: tuple[TargetLine, ...] = ()
    """Hook for staffing: each target's one-line summary, shown under the plan. Empty unless
    a caller adds them, e.g. `dataclasses.replace(plan_status, targets=(...))`."""
    measures: tuple[MeasureLine, ...] = ()
    """Hook for the plan's measures (caseloads, time to appoint ...): each one's progress,
    filled in the same way as `targets`."""

    def count(self, rating: str) -> int:
        return sum(1 for m in self.milestones if m.rating == rating)

    def apart(self, reason: NotRated) -> tuple[MilestoneStatus, ...]:
        return tuple(m for m in self.milestones if m.not_rated == reason)

    @property
    def progress(self) -> tuple[int, int]:
        """(complete, all milestones not dropped): shown as `[n/m]`."""
        done = self.count("complete")
        return done, len(self.milestones) - len(self.apart("dropped"))

    @property
    def progress_text(self) -> str:
        return "[{}/{}]".format(*self.progress)

    @property
    def overdue(self) -> tuple[MilestoneStatus, ...]:
        """Open milestones past their deadline, most days late first."""
        late = [m for m in self.milestones if m.overdue]
        return tuple(sorted(late, key=lambda m: -(m.days_overdue or 0)))

    def due_soon(self, within: int) -> tuple[MilestoneStatus, ...]:
        """Open milestones due today or within `within` days, soonest first."""
        soon = [m for m in self.milestones if m.due_soon(within)]
        return tuple(sorted(soon, key=lambda m: m.days_until_due or 0))

    @property
    def attention(self) -> tuple[MilestoneStatus, ...]:
        """Red and Amber milestones, worst first: Red before Amber, most overdue, soonest due."""
        flagged = (m for m in self.milestones if m.rating in ("red", "amber"))
        return tuple(sorted(flagged, key=worst))

    def counts(self, within: int) -> dict[str, int]:
        counts: dict[str, int] = {"total": len(self.milestones)}
        counts |= {rating: self.count(rating) for rating in RATINGS}
        return {
            **counts,
            "complete_late": sum(1 for m in self.milestones if m.late),
            "dropped": len(self.apart("dropped")),
            "ongoing": len(self.apart("ongoing")),
            "undetermined": len(self.apart("undetermined")),
            "overdue": len(self.overdue),
            "due_soon": len(self.due_soon(within)),
            "blocked": sum(1 for m in self.milestones if m.blocked),
        }

    def to_dict(self, options: Options) -> dict[str, Any]:
        done, of = self.progress
        return {
            "id": self.id,
            "title": self.title,
            "organisation": self.organisation,
            "owners": list(self.owners),
            "file": self.file,
            "rating": self.rating,
            "label": options.label(self.rating),
            "counts": self.counts(options.due_within),
            "progress": {"complete": done, "of": of, "text": self.progress_text},
            "attention": [m.id for m in self.attention],
            "overdue": [m.id for m in self.overdue],
            "due_soon": [m.id for m in self.due_soon(options.due_within)],
            "milestones": [m.to_dict(options) for m in self.milestones],
            "targets": [t.to_dict() for t in self.targets],
            "measures": [m.to_dict() for m in self.measures],
        }

    @property
    def measures_shown(self) -> tuple[MeasureLine, ...]:
        """The measures with a figure (an actual, a baseline or a target) to show."""
        return tuple(m for m in self.measures if m.has_figures)

    @property
    def measures_blank(self) -> tuple[str, ...]:
        """The ids of the measures with no figure yet: listed on one line."""
        return tuple(m.id for m in self.measures if not m.has_figures)


def worst(milestone: MilestoneStatus) -> tuple[int, int, int]:
    """Sort key, worst first: by rating, then days overdue (most first), then soonest due."""
    return (
        _SEVERITY[milestone.rating],
        -(milestone.days_overdue or 0),
        milestone.days_until_due if milestone.days_until_due is not None else 1 << 30,
    )


@dataclass(frozen=True)
class StatusReport:
    """Every plan's status as of one date: the result of `wfplan status`."""

    options: Options
    plans: tuple[PlanStatus, ...]

    @property
    def rating(self) -> PlanRating:
        return roll_up(p.rating for p in self.plans)

    def to_dict(self) -> dict[str, Any]:
        o = self.options
        return {
            "as_of": o.as_of.isoformat(),
            "due_within": o.due_within,
            "red_after": o.red_after,
            "labels": {rating: o.label(rating) for rating in RATINGS},
            "rating": self.rating,
            "label": o.label(self.rating),
            "plans": [p.to_dict(o) for p in self.plans],
        }


def roll_up(ratings: Iterable[str]) -> PlanRating:
    seen = set(ratings)
    return "red" if "red" in seen else "amber" if "amber" in seen else "green"
