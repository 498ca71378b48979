"""What a change does to the plans, as values: changes, per-plan results, the whole diff.

The kinds of change, their order, their class and their wording in summaries are one table
(`KINDS`), so the text, Markdown, JSON, GitHub, SARIF and GitLab outputs cannot disagree on
what a change is called or how serious it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workforce_cli.diagnostics import Diagnostic

# A reader's classes of change, each one nameable by --fail-on.
CLASSES: dict[str, str] = {
    "slip": "a deadline or review moved later",
    "schedule": "a deadline brought forward, set, or its revision withdrawn; the period moved",
    "scope": "work added or removed, retitled, or its dependencies changed",
    "ownership": "an owner changed",
    "progress": "a milestone completed, re-opened or its status changed",
    "target-weakened": "a staffing or measure target lowered, pushed back or removed",
    "target": "a target added, raised, brought forward or its teams changed",
    "measure": "a measure added, removed, re-baselined, or a new reading",
    "staffing": "a staffing snapshot added",
    "record-correction": "the record of the past rewritten: completion dates, a done "
    "milestone's deadline, past readings and snapshots, ids, timescale wording",
    "other": "any other field (notes, descriptions, links, approvals)",
}

# kind -> (one, many, class): the words of the one-line summary, in the order it lists them.
KINDS: dict[str, tuple[str, str, str]] = {
    "plan_added": ("plan added", "plans added", "scope"),
    "plan_removed": ("plan removed", "plans removed", "scope"),
    "action_added": ("action added", "actions added", "scope"),
    "action_removed": ("action removed", "actions removed", "scope"),
    "milestone_added": ("milestone added", "milestones added", "scope"),
    "milestone_removed": ("milestone removed", "milestones removed", "scope"),
    "renamed": ("id renamed", "ids renamed", "record-correction"),
    "completed": ("milestone completed", "milestones completed", "progress"),
    "reopened": ("milestone re-opened", "milestones re-opened", "progress"),
    "status_changed": ("status changed", "statuses changed", "progress"),
    "silent_slip": ("deadline moved silently", "deadlines moved silently", "slip"),
    "reslipped": (
        "deadline revised again with the old reason",
        "deadlines revised again with the old reason",
        "slip",
    ),
    "anchor_slip": (
        "deadline moved later by period.start",
        "deadlines moved later by period.start",
        "slip",
    ),
    "recorded_slip": ("deadline revised with a reason", "deadlines revised with a reason", "slip"),
    "review_postponed": ("review postponed", "reviews postponed", "slip"),
    "revision_removed": (
        "revised deadline withdrawn",
        "revised deadlines withdrawn",
        "schedule",
    ),
    "due_changed": (
        "deadline brought forward or set",
        "deadlines brought forward or set",
        "schedule",
    ),
    "anchor_moved": (
        "deadline brought forward by period.start",
        "deadlines brought forward by period.start",
        "schedule",
    ),
    "period_changed": ("plan period changed", "plan periods changed", "schedule"),
    "review_changed": ("review date changed", "review dates changed", "schedule"),
    "done_due_changed": (
        "deadline of a done milestone changed",
        "deadlines of done milestones changed",
        "record-correction",
    ),
    "done_on_changed": ("completion date changed", "completion dates changed", "record-correction"),
    "title_changed": ("title changed", "titles changed", "scope"),
    "depends_on_changed": ("dependencies changed", "dependencies changed", "scope"),
    "owner_changed": ("owner changed", "owners changed", "ownership"),
    "timescale_changed": ("timescale changed", "timescales changed", "record-correction"),
    "target_added": ("target added", "targets added", "target"),
    "target_removed": ("target removed", "targets removed", "target-weakened"),
    "target_weakened": ("target weakened", "targets weakened", "target-weakened"),
    "target_changed": ("target changed", "targets changed", "target"),
    "measure_added": ("measure added", "measures added", "measure"),
    "measure_removed": ("measure removed", "measures removed", "measure"),
    "measure_target_weakened": (
        "measure target weakened",
        "measure targets weakened",
        "target-weakened",
    ),
    "measure_changed": ("measure changed", "measures changed", "measure"),
    "reading_added": ("measure reading added", "measure readings added", "measure"),
    "reading_corrected": (
        "past measure reading changed",
        "past measure readings changed",
        "record-correction",
    ),
    "snapshot_added": ("staffing snapshot added", "staffing snapshots added", "staffing"),
    "snapshot_removed": (
        "staffing snapshot removed",
        "staffing snapshots removed",
        "record-correction",
    ),
    "snapshot_changed": (
        "staffing snapshot changed",
        "staffing snapshots changed",
        "record-correction",
    ),
    "field_changed": ("other field changed", "other fields changed", "other"),
}
ORDER = {kind: rank for rank, kind in enumerate(KINDS)}

# --fail-on: the two named conditions, then every class.
CONDITIONS: dict[str, str] = {
    "silent-slip": "a deadline moved later without a new revised_due and revision_reason "
    "(a due edited, a revision moved again with its old reason, period.start moved, a done "
    "milestone's due moved later), or a plan file with unfinished work deleted",
    "unfinished-removed": "an unfinished milestone removed (with its action or plan, or alone)",
}
FAIL_ON: tuple[str, ...] = (*CONDITIONS, *CLASSES)

_SILENT = ("silent_slip", "reslipped", "anchor_slip")


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
    def cls(self) -> str:
        return KINDS[self.kind][2]

    @property
    def fails(self) -> tuple[str, ...]:
        """The --fail-on conditions this change meets (its class always among them)."""
        found: list[str] = []
        later = self.days is not None and self.days > 0
        if self.kind in _SILENT or (self.kind == "done_due_changed" and later):
            found.append("silent-slip")
        if self.kind == "plan_removed" and self.unfinished:
            # A deleted file shows in a pull request as one line; every deadline in it went
            # with no revised_due or reason, so it is the largest silent slip there is.
            found.append("silent-slip")
        if self.unfinished:
            found.append("unfinished-removed")
        found.append(self.cls)
        return tuple(found)

    @property
    def serious(self) -> bool:
        """Worth a warning even when no --fail-on names it."""
        return bool({"silent-slip", "unfinished-removed", "target-weakened"} & set(self.fails))


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
    relaid: list[str] = field(default_factory=list)
    """Plans whose files changed with no change to what they say (layout, comments, order)."""

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
