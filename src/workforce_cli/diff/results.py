"""What a change does to the plans, as values: changes, per-plan results, the whole diff.

The kinds of change, their order and their wording in summaries are one table (`KINDS`), so
the text, Markdown, JSON and GitHub outputs cannot disagree on what a change is called.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workforce_cli.diagnostics import Diagnostic

# kind -> (one, many): the words of the one-line summary, in the order it lists them.
KINDS: dict[str, tuple[str, str]] = {
    "plan_added": ("plan added", "plans added"),
    "plan_removed": ("plan removed", "plans removed"),
    "action_added": ("action added", "actions added"),
    "action_removed": ("action removed", "actions removed"),
    "milestone_added": ("milestone added", "milestones added"),
    "milestone_removed": ("milestone removed", "milestones removed"),
    "completed": ("milestone completed", "milestones completed"),
    "reopened": ("milestone re-opened", "milestones re-opened"),
    "status_changed": ("status changed", "statuses changed"),
    "silent_slip": ("deadline moved silently", "deadlines moved silently"),
    "recorded_slip": ("deadline revised with a reason", "deadlines revised with a reason"),
    "revision_removed": ("revised deadline withdrawn", "revised deadlines withdrawn"),
    "due_changed": ("deadline brought forward or set", "deadlines brought forward or set"),
    "target_added": ("target added", "targets added"),
    "target_removed": ("target removed", "targets removed"),
    "target_changed": ("target changed", "targets changed"),
    "snapshot_added": ("staffing snapshot added", "staffing snapshots added"),
    "snapshot_removed": ("staffing snapshot removed", "staffing snapshots removed"),
    "snapshot_changed": ("staffing snapshot changed", "staffing snapshots changed"),
}
ORDER = {kind: rank for rank, kind in enumerate(KINDS)}

FailOn = Literal["silent-slip", "unfinished-removed"]


@dataclass(frozen=True, slots=True)
class Place:
    file: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Change:
    """One change to one plan. `place` is in the head revision, or the base for removals."""

    kind: str
    id: str
    """The milestone, action or target id; a snapshot's as_of; a plan's id."""
    title: str
    place: Place | None
    before: str | None = None
    after: str | None = None
    days: int | None = None
    """How far a deadline moved (later is positive); None where either side has no date."""
    reason: str | None = None
    unfinished: tuple[str, ...] = ()
    """Removals: the ids of the unfinished milestones that went with it."""
    share_before: float | None = None
    share_after: float | None = None
    details: tuple[str, ...] = ()

    @property
    def fails(self) -> tuple[FailOn, ...]:
        """The --fail-on conditions this change meets."""
        found: list[FailOn] = []
        if self.kind == "silent_slip":
            found.append("silent-slip")
        if self.unfinished:
            found.append("unfinished-removed")
        return tuple(found)


@dataclass(frozen=True, slots=True)
class Failure:
    """A plan that does not load (or does not pass validation) at one revision."""

    errors: int
    first: Diagnostic


PlanState = Literal["changed", "added", "removed", "unchanged"]


@dataclass(slots=True)
class PlanDiff:
    plan_id: str | None
    """None for a file that fails to load and belongs to no plan we can name."""
    title: str
    file: str
    state: PlanState
    base_failure: Failure | None = None
    head_failure: Failure | None = None
    changes: list[Change] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.plan_id if self.plan_id is not None else self.file


@dataclass(slots=True)
class Diff:
    base: str
    head: str | None
    """None: the working tree."""
    plans: list[PlanDiff]
    """Plans with changes or failures, by id (files of no known plan last, by path)."""

    def changes(self, kind: str | None = None) -> list[Change]:
        return [c for p in self.plans for c in p.changes if kind is None or c.kind == kind]

    @property
    def broken_at_head(self) -> list[PlanDiff]:
        return [p for p in self.plans if p.head_failure is not None]

    def failing(self, fail_on: tuple[str, ...]) -> bool:
        """Exit 1: a plan fails to load at head, or a change meets a --fail-on condition."""
        if self.broken_at_head:
            return True
        return any(set(c.fails) & set(fail_on) for c in self.changes())
