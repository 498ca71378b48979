"""The changes between two versions of one plan, matched by id.

Actions, milestones and targets are matched by id and snapshots by their as-of date, so
moving or re-ordering a block, or renaming the file, changes nothing. Both versions have
passed validation before they get here; a date that still cannot be read counts as "no
date" rather than failing the comparison.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from workforce_cli import dates
from workforce_cli.diff.results import Change, Place
from workforce_cli.model import Action, Milestone, Status, Target, schedule
from workforce_cli.model.figures import totals
from workforce_cli.model.walk import MilestoneRef, YamlPath, milestones
from workforce_cli.output import number
from workforce_cli.read.sources import LoadedPlan, SnapshotRef

_FINISHED = (Status.DONE, Status.DROPPED)


def compare(base: LoadedPlan, head: LoadedPlan) -> list[Change]:
    return [*_items(base, head), *_targets(base, head), *_snapshots(base, head)]


def _place(loaded: LoadedPlan, path: YamlPath) -> Place:
    line, column = loaded.source.locate(path)
    return Place(loaded.source.display, line, column)


def _end(text: str | None, anchor: date | None) -> date | None:
    if text is None:
        return None
    try:
        return schedule.end_of(text, anchor)
    except dates.DateError:
        return None


def _anchor(loaded: LoadedPlan) -> date | None:
    # The base is not date-checked (see engine.diff): an unreadable start is no anchor.
    try:
        return schedule.anchor(loaded.plan)
    except dates.DateError:
        return None


def unfinished(item: Action | Milestone) -> bool:
    return item.status not in _FINISHED


# --- actions and milestones ---------------------------------------------------------------


def _items(base: LoadedPlan, head: LoadedPlan) -> Iterator[Change]:
    base_actions = {a.id: (i, a) for i, a in enumerate(base.plan.actions)}
    head_actions = {a.id: (i, a) for i, a in enumerate(head.plan.actions)}
    base_leaves = {m.id: m for m in milestones(base.plan)}
    head_leaves = {m.id: m for m in milestones(head.plan)}
    base_ids, head_ids = set(base_actions) | set(base_leaves), set(head_actions) | set(head_leaves)

    for action_id, (i, action) in head_actions.items():
        if action_id not in base_ids:
            count = len(action.milestones)
            details = (f"{count} milestone{'s' * (count != 1)}",) if count else ()
            yield Change(
                "action_added",
                action_id,
                action.title,
                _place(head, ("actions", i)),
                details=details,
            )
    for action_id, (_, action) in base_actions.items():
        if action_id not in head_ids:
            leaves: list[Action | Milestone] = [*action.milestones] or [action]
            gone = tuple(m.id for m in leaves if unfinished(m) and m.id not in head_ids)
            yield Change(
                "action_removed",
                action_id,
                action.title,
                _place(head, ("actions",)),
                unfinished=gone,
            )
    for leaf_id, ref in head_leaves.items():
        if leaf_id not in base_ids and not ref.is_action and ref.action.id in base_ids:
            yield Change("milestone_added", leaf_id, ref.title, _place(head, ref.path))
    for leaf_id, ref in base_leaves.items():
        if leaf_id not in head_ids and not ref.is_action and ref.action.id in head_actions:
            # Shown where it was taken from: its action, as the head revision has it.
            where = _place(head, ("actions", head_actions[ref.action.id][0]))
            gone = (leaf_id,) if unfinished(ref.item) else ()
            yield Change("milestone_removed", leaf_id, ref.title, where, unfinished=gone)
    base_anchor, head_anchor = _anchor(base), _anchor(head)
    for leaf_id, ref in head_leaves.items():
        old = base_leaves.get(leaf_id)
        if old is not None:
            yield from _status(old, ref, head)
            yield from _deadline(old, ref, head, base_anchor, head_anchor)


def _status(old: MilestoneRef, new: MilestoneRef, head: LoadedPlan) -> Iterator[Change]:
    before, after = old.item.status, new.item.status
    if before == after:
        return
    place = _place(head, (*new.path, "status"))
    if after == Status.DONE:
        yield Change("completed", new.id, new.title, place, before.value, new.item.done_on)
    elif before == Status.DONE:
        yield Change("reopened", new.id, new.title, place, before.value, after.value)
    else:
        yield Change("status_changed", new.id, new.title, place, before.value, after.value)


def _deadline(
    old: MilestoneRef,
    new: MilestoneRef,
    head: LoadedPlan,
    base_anchor: date | None,
    head_anchor: date | None,
) -> Iterator[Change]:
    was, now = old.item, new.item
    if was.due != now.due:
        before, after = _end(was.due, base_anchor), _end(now.due, head_anchor)
        days = (after - before).days if before and after else None
        if not (days == 0 or (before is None and after is None and was.due and now.due)):
            # Later, or from a date to none (ongoing, tbc): the baseline itself was edited.
            slipped = (days is not None and days > 0) or (before is not None and after is None)
            kind = "silent_slip" if slipped else "due_changed"
            yield Change(
                kind, new.id, new.title, _place(head, (*new.path, "due")), was.due, now.due, days
            )
    was_due, now_due = schedule.effective_due(was), schedule.effective_due(now)
    before, after = _end(was_due, base_anchor), _end(now_due, head_anchor)
    days = (after - before).days if before and after else None
    if now.revised_due is not None and now.revised_due != was.revised_due:
        if was.revised_due is None or days != 0:
            yield Change(
                "recorded_slip",
                new.id,
                new.title,
                _place(head, (*new.path, "revised_due")),
                was_due,
                now.revised_due,
                days,
                reason=now.revision_reason,
            )
    elif now.revised_due is None and was.revised_due is not None:
        yield Change(
            "revision_removed",
            new.id,
            new.title,
            _place(head, new.path),
            was.revised_due,
            now.due,
            days,
        )


# --- targets ------------------------------------------------------------------------------


def _target_text(target: Target) -> str:
    return f"{target.metric} {target.value} by {target.by}"


def _targets(base: LoadedPlan, head: LoadedPlan) -> Iterator[Change]:
    old = {t.id: t for t in base.plan.targets}
    new = {t.id: (i, t) for i, t in enumerate(head.plan.targets)}
    for target_id, (i, target) in new.items():
        place = _place(head, ("targets", i))
        was = old.get(target_id)
        if was is None:
            yield Change(
                "target_added",
                target_id,
                target.title or target_id,
                place,
                after=_target_text(target),
            )
            continue
        details: list[str] = []
        if was.metric != target.metric:
            details.append(f"metric {was.metric} → {target.metric}")
        if was.threshold != target.threshold or was.value != target.value:
            details.append(f"value {was.value} → {target.value}")
        if was.by != target.by:
            details.append(f"by {was.by} → {target.by}")
        if (was.teams or []) != (target.teams or []):
            details.append(
                f"teams {', '.join(was.teams or ['all'])} → {', '.join(target.teams or ['all'])}"
            )
        if details:
            yield Change(
                "target_changed",
                target_id,
                target.title or target_id,
                place,
                _target_text(was),
                _target_text(target),
                details=tuple(details),
            )
    for i, target in enumerate(base.plan.targets):
        if target.id not in new:
            yield Change(
                "target_removed",
                target.id,
                target.title or target.id,
                _place(base, ("targets", i)),
                before=_target_text(target),
            )


# --- staffing snapshots -------------------------------------------------------------------


def _by_date(loaded: LoadedPlan) -> dict[date | str, SnapshotRef]:
    anchor = _anchor(loaded)
    found: dict[date | str, SnapshotRef] = {}
    for ref in loaded.snapshots:
        found.setdefault(_end(ref.snapshot.as_of, anchor) or ref.snapshot.as_of, ref)
    return found


def _share(ref: SnapshotRef | None) -> float | None:
    if ref is None:
        return None
    return totals(ref.snapshot.teams, ref.snapshot.vacancy_basis).permanent_share


def _ref_place(ref: SnapshotRef) -> Place:
    line, column = ref.source.locate(ref.path)
    return Place(ref.source.display, line, column)


def _figures(ref: SnapshotRef) -> str:
    t = totals(ref.snapshot.teams, ref.snapshot.vacancy_basis)
    return (
        f"{number(t.permanent)} permanent, {number(t.agency)} agency, "
        f"{number(t.vacant)} vacant {ref.unit}"
    )


def _rows(ref: SnapshotRef) -> dict[str, tuple[float | None, ...]]:
    return {r.team: (r.permanent, r.agency, r.vacant, r.establishment) for r in ref.snapshot.teams}


_COLUMNS = ("permanent", "agency", "vacant", "establishment")


def _row_changes(old: SnapshotRef, new: SnapshotRef) -> list[str]:
    before, after = _rows(old), _rows(new)
    details: list[str] = []
    if old.snapshot.vacancy_basis != new.snapshot.vacancy_basis:
        details.append(f"vacancy_basis {old.snapshot.vacancy_basis} → {new.snapshot.vacancy_basis}")
    for team, figures in after.items():
        if team not in before:
            details.append(f"{team}: row added")
            continue
        moved = [
            f"{name} {number(a)} → {number(b)}"
            for name, a, b in zip(_COLUMNS, before[team], figures, strict=True)
            if a != b
        ]
        if moved:
            details.append(f"{team}: {', '.join(moved)}")
    details.extend(f"{team}: row removed" for team in before if team not in after)
    return details


def _snapshots(base: LoadedPlan, head: LoadedPlan) -> Iterator[Change]:
    old, new = _by_date(base), _by_date(head)
    ordered = sorted(new, key=str)
    for position, key in enumerate(ordered):
        ref = new[key]
        title = f"staffing as of {ref.snapshot.as_of}"
        was = old.get(key)
        if was is None:
            previous = new[ordered[position - 1]] if position else None
            yield Change(
                "snapshot_added",
                ref.snapshot.as_of,
                title,
                _ref_place(ref),
                after=_figures(ref),
                share_before=_share(previous),
                share_after=_share(ref),
            )
            continue
        details = _row_changes(was, ref)
        if details:
            yield Change(
                "snapshot_changed",
                ref.snapshot.as_of,
                title,
                _ref_place(ref),
                _figures(was),
                _figures(ref),
                share_before=_share(was),
                share_after=_share(ref),
                details=tuple(details),
            )
    for key, ref in old.items():
        if key not in new:
            yield Change(
                "snapshot_removed",
                ref.snapshot.as_of,
                f"staffing as of {ref.snapshot.as_of}",
                _ref_place(ref),
                before=_figures(ref),
                share_before=_share(ref),
            )
