"""Walks over a plan: its milestones (an action without milestones is one) and its dates."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from workforce_cli.model.plan import Action, Milestone, Plan, Snapshot, Tracked

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class MilestoneRef:
    """A milestone with the action it belongs to and its path in the file."""

    action: Action
    item: Milestone | Action
    path: YamlPath

    @property
    def id(self) -> str:
        return self.item.id

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def owners(self) -> list[str]:
        if isinstance(self.item, Milestone) and self.item.owner:
            return self.item.owner
        return self.action.owner or []

    @property
    def timescale(self) -> str | None:
        if isinstance(self.item, Milestone) and self.item.timescale:
            return self.item.timescale
        return self.action.timescale

    @property
    def is_action(self) -> bool:
        return self.item is self.action


def milestones(plan: Plan) -> Iterator[MilestoneRef]:
    for a, action in enumerate(plan.actions):
        if action.milestones:
            for m, milestone in enumerate(action.milestones):
                yield MilestoneRef(action, milestone, ("actions", a, "milestones", m))
        else:
            yield MilestoneRef(action, action, ("actions", a))


TRACKED_DATES = ("due", "start", "done_on", "revised_due")


def date_fields(plan: Plan) -> Iterator[tuple[YamlPath, str]]:
    """Every date expression a plan file holds, with its path (staffing files: see below)."""
    if plan.period:
        if plan.period.start is not None:
            yield ("period", "start"), plan.period.start
        if plan.period.end is not None:
            yield ("period", "end"), plan.period.end
    for i, approval in enumerate(plan.approvals):
        if approval.on is not None:
            yield ("approvals", i, "on"), approval.on
    if plan.review:
        yield ("review", "due"), plan.review.due
    for a, action in enumerate(plan.actions):
        yield from _tracked(action, ("actions", a))
        for m, milestone in enumerate(action.milestones):
            yield from _tracked(milestone, ("actions", a, "milestones", m))
    if plan.staffing:
        yield from snapshot_dates(plan.staffing.snapshots, ("staffing", "snapshots"))
    for t, target in enumerate(plan.targets):
        yield ("targets", t, "by"), target.by
        if target.forecast is not None:
            yield ("targets", t, "forecast"), target.forecast
    for i, measure in enumerate(plan.measures):
        if measure.baseline:
            yield ("measures", i, "baseline", "as_of"), measure.baseline.as_of
        if measure.target:
            yield ("measures", i, "target", "by"), measure.target.by
        for r, reading in enumerate(measure.actuals):
            yield ("measures", i, "actuals", r, "as_of"), reading.as_of


def snapshot_dates(snapshots: list[Snapshot], base: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    for s, snapshot in enumerate(snapshots):
        yield (*base, s, "as_of"), snapshot.as_of


def _tracked(item: Tracked, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    for name in TRACKED_DATES:
        value = getattr(item, name)
        if value is not None:
            yield (*path, name), value
