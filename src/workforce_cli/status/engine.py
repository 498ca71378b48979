"""Milestones to RAG ratings as of a date, and the roll-up of each plan (docs/rag.md).

The rules, as of a day `as_of`, with `due` the last day of the effective deadline's window
(`revised_due` if set, else `due`; a month, season or year is due on its last day):

* done: Complete, and late when `done_on` (its window's first day) is after `due`. A
  milestone done after `as_of` was still open on that day and is rated as open, so a status
  as of a past date shows what was true then.
* dropped, and open milestones due `ongoing` or undetermined (`tbc`): not rated, listed
  apart; except that blocked work is always at least Amber.
* Red: overdue by more than `red_after` days; or blocked and due on or before
  `as_of + due_within` (overdue included).
* Amber: due on or before `as_of + due_within` (due today, due soon, or overdue within the
  grace period); or blocked.
* Green: otherwise.

A plan is Red if any milestone is Red, else Amber if any is Amber, else Green. Its progress
`[n/m]` counts complete milestones out of all that are not dropped.

Nothing here prints. Results are the frozen values of `results.py` (re-exported here),
whose `to_dict()` is the documented JSON structure of `wfplan status --format json`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from workforce_cli import dates
from workforce_cli.model import Plan, Status, schedule
from workforce_cli.model.walk import MilestoneRef, milestones
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.staffing.measures import progress as measure_progress
from workforce_cli.staffing.targets import target_summaries
from workforce_cli.status.results import (
    RATINGS,
    MilestoneStatus,
    NotRated,
    Options,
    PlanRating,
    PlanStatus,
    Rating,
    StatusReport,
    TargetLine,
    roll_up,
    worst,
)

__all__ = [
    "RATINGS",
    "MilestoneStatus",
    "NotRated",
    "Options",
    "PlanRating",
    "PlanStatus",
    "Rating",
    "StatusReport",
    "TargetLine",
    "evaluate",
    "evaluate_all",
    "overdue",
    "owner_matches",
    "rate",
    "roll_up",
    "worst",
]


def rate(
    ref: MilestoneRef, anchor: date | None, options: Options, theme_title: str | None = None
) -> MilestoneStatus:
    """One milestone's rating as of `options.as_of` (the rules are in the module docstring);
    `anchor` is the plan's `schedule.anchor`, `theme_title` the title of its action's theme."""
    item, as_of = ref.item, options.as_of
    effective = schedule.effective_due(item)
    due_date = _end_of(effective, anchor) if effective is not None else None
    original = _end_of(item.due, anchor) if item.due is not None else None
    done_date = _start_of(item.done_on, anchor) if item.done_on is not None else None
    done = item.status == Status.DONE and (done_date is None or done_date <= as_of)
    blocked = item.status == Status.BLOCKED
    days_overdue = days_until = days_late = None
    not_rated: NotRated | None = None
    rating: Rating
    if done:
        rating = "complete"
        if due_date is not None and done_date is not None and done_date > due_date:
            days_late = (done_date - due_date).days
    elif item.status == Status.DROPPED:
        rating, not_rated = "not_rated", "dropped"
    elif due_date is None:
        kind = dates.parse(effective).kind if effective is not None else "undetermined"
        rating = "amber" if blocked else "not_rated"
        if not blocked:
            not_rated = "ongoing" if kind == "ongoing" else "undetermined"
    else:
        gap = (as_of - due_date).days
        if gap > 0:
            days_overdue = gap
        else:
            days_until = -gap
        in_window = -gap <= options.due_within
        if gap > options.red_after or (blocked and in_window):
            rating = "red"
        elif in_window or blocked:
            rating = "amber"
        else:
            rating = "green"
    action = ref.action
    return MilestoneStatus(
        id=ref.id,
        title=ref.title,
        action_id=action.id,
        action_title=action.title,
        is_action=ref.is_action,
        theme=action.theme,
        theme_title=theme_title,
        owners=tuple(ref.owners),
        timescale=ref.timescale,
        status=item.status,
        rating=rating,
        not_rated=not_rated,
        due=item.due,
        revised_due=item.revised_due,
        revision_reason=item.revision_reason,
        effective_due=effective,
        due_date=due_date,
        original_due_date=original,
        done_on=item.done_on,
        done_date=done_date,
        days_overdue=days_overdue,
        days_until_due=days_until,
        days_late=days_late,
    )


# A plan writes the same few dozen deadlines for its milestones: each is resolved once.
@lru_cache(maxsize=16384)
def _end_of(text: str, anchor: date | None) -> date | None:
    return schedule.end_of(text, anchor)


@lru_cache(maxsize=16384)
def _start_of(text: str, anchor: date | None) -> date | None:
    window = schedule.window(text, anchor)
    return window.start if window else None


def evaluate(plan: Plan, options: Options, file: str | None = None) -> PlanStatus:
    """A plan's status as of `options.as_of`. The plan must have passed `wfplan validate`."""
    anchor = schedule.anchor(plan)
    themes = {theme.id: theme.title for theme in plan.themes}
    rated = tuple(
        rate(ref, anchor, options, themes.get(ref.action.theme or "")) for ref in milestones(plan)
    )
    return PlanStatus(
        id=plan.id,
        title=plan.title,
        organisation=plan.organisation,
        owners=tuple(plan.owner or ()),
        file=file,
        rating=roll_up(m.rating for m in rated),
        milestones=rated,
    )


def evaluate_all(plans: Iterable[tuple[Plan, str | None]], options: Options) -> StatusReport:
    """Every plan's status, in the order given; each plan comes with its file's display path."""
    return StatusReport(options, tuple(evaluate(plan, options, file) for plan, file in plans))


def evaluate_loaded(plans: Sequence[LoadedPlan], options: Options) -> StatusReport:
    """`evaluate_all` over loaded plans, with each staffing target's and each measure's
    one-line summary under its plan (what `wfplan status` shows)."""
    report = evaluate_all(((p.plan, p.source.display) for p in plans), options)
    return replace(
        report,
        plans=tuple(
            replace(
                result,
                targets=tuple(target_summaries(loaded, options.as_of)),
                measures=tuple(measure_progress(loaded, options.as_of)),
            )
            for result, loaded in zip(report.plans, plans, strict=True)
        ),
    )


def owner_matches(milestone: MilestoneStatus, text: str) -> bool:
    """Whether any owner contains `text`, ignoring case: `hr` finds "Personnel / HR Teams"."""
    needle = text.casefold().strip()
    return any(needle in owner.casefold() for owner in milestone.owners)


Overdue = tuple[PlanStatus, MilestoneStatus]


def overdue(report: StatusReport, owner: str | None = None) -> tuple[Overdue, ...]:
    """Every open milestone past its deadline across plans, most days late first (ties keep
    plan and file order); only those with an owner containing `owner`, if given."""
    rows = [
        (plan, m)
        for plan in report.plans
        for m in plan.milestones
        if m.overdue and (owner is None or owner_matches(m, owner))
    ]
    return tuple(sorted(rows, key=lambda row: -(row[1].days_overdue or 0)))
