"""Actions and milestones between two versions of a plan: matched by id, or paired as renames.

An id renamed in the same edit as other changes would otherwise read as one unfinished
milestone removed and another added, hiding whatever else changed (a deadline moved, say).
Items whose id exists on one side only are paired when their titles match, or when most
of the fields they set are the same; the pair is reported as a rename and then compared
like any other matched item.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from workforce_cli.diff import fields
from workforce_cli.diff.common import (
    Pair,
    days_between,
    end,
    moved,
    owners,
    shown,
    unfinished,
)
from workforce_cli.diff.results import Change
from workforce_cli.model import Action, Milestone, Status, schedule
from workforce_cli.model.walk import MilestoneRef, YamlPath, milestones

# The fields a rename is judged on; the rest of an item is its wording or its children.
_COMPARED = ("title", "due", "status", "owner", "timescale", "revised_due", "done_on", "start")
_OWN = frozenset(
    [
        "id",
        "title",
        "owner",
        "timescale",
        "depends_on",
        "milestones",
        "status",
        "due",
        "done_on",
        "revised_due",
        "revision_reason",
    ]
)


def _similarity(old: Action | Milestone, new: Action | Milestone) -> tuple[int, int]:
    """(fields the same, fields either side sets) over `_COMPARED`."""
    same = total = 0
    for name in _COMPARED:
        a, b = getattr(old, name, None), getattr(new, name, None)
        if a is None and b is None:
            continue
        total += 1
        same += a == b
    return same, total


def _pairs(
    gone: dict[str, Action | Milestone], new: dict[str, Action | Milestone]
) -> list[tuple[str, str, str]]:
    """(old id, new id, why) for the items renamed, best matches first."""
    candidates: list[tuple[int, float, str, str, str]] = []
    for old_id, old in gone.items():
        for new_id, item in new.items():
            if isinstance(old, Milestone) != isinstance(item, Milestone):
                continue
            same, total = _similarity(old, item)
            if old.title == item.title:
                candidates.append((0, 0.0, old_id, new_id, "same title"))
            elif total and same * 2 > total:
                why = f"{same} of {total} fields the same"
                candidates.append((1, -same / total, old_id, new_id, why))
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    found = []
    for _, _, old_id, new_id, why in sorted(candidates):
        if old_id not in taken_old and new_id not in taken_new:
            taken_old.add(old_id)
            taken_new.add(new_id)
            found.append((old_id, new_id, why))
    return found


def changes(pair: Pair) -> Iterator[Change]:
    base, head = pair.base.plan, pair.head.plan
    base_actions = {a.id: (i, a) for i, a in enumerate(base.actions)}
    head_actions = {a.id: (i, a) for i, a in enumerate(head.actions)}
    base_leaves = {m.id: m for m in milestones(base)}
    head_leaves = {m.id: m for m in milestones(head)}
    base_ids, head_ids = set(base_actions) | set(base_leaves), set(head_actions) | set(head_leaves)

    def one_side(ids: set[str], actions: dict[str, Any], leaves: dict[str, MilestoneRef]) -> Any:
        found: dict[str, Action | Milestone] = {}
        for item_id in ids:
            found[item_id] = leaves[item_id].item if item_id in leaves else actions[item_id][1]
        return found

    renames = _pairs(
        one_side(base_ids - head_ids, base_actions, base_leaves),
        one_side(head_ids - base_ids, head_actions, head_leaves),
    )
    alias = {old: new for old, new, _ in renames}
    known = {alias.get(i, i) for i in base_ids}  # base ids, under their head names

    for old_id, new_id, why in renames:
        item = head_leaves.get(new_id)
        path: YamlPath = item.path if item else ("actions", head_actions[new_id][0])
        title = item.title if item else head_actions[new_id][1].title
        yield Change(
            "renamed", new_id, title, pair.at((*path, "id")), old_id, new_id, details=(why,)
        )
    for action_id, (i, action) in head_actions.items():
        if action_id not in known:
            count = len(action.milestones)
            details = (f"{count} milestone{'s' * (count != 1)}",) if count else ()
            place = pair.at(("actions", i))
            yield Change("action_added", action_id, action.title, place, details=details)
    for action_id, (i, action) in base_actions.items():
        if alias.get(action_id, action_id) not in head_ids:
            leaves: list[Action | Milestone] = [*action.milestones] or [action]
            left = tuple(
                m.id for m in leaves if unfinished(m) and alias.get(m.id, m.id) not in head_ids
            )
            where = pair.gone(pair.base.source, ("actions", i))
            yield Change("action_removed", action_id, action.title, where, unfinished=left)
    for leaf_id, ref in head_leaves.items():
        if leaf_id not in known and not ref.is_action and ref.action.id in known:
            yield Change("milestone_added", leaf_id, ref.title, pair.at(ref.path))
    for leaf_id, ref in base_leaves.items():
        parent = alias.get(ref.action.id, ref.action.id)
        if (
            alias.get(leaf_id, leaf_id) not in head_ids
            and not ref.is_action
            and parent in head_actions
        ):
            left = (leaf_id,) if unfinished(ref.item) else ()
            where = pair.gone(pair.base.source, ref.path)
            yield Change("milestone_removed", leaf_id, ref.title, where, unfinished=left)

    for action_id, (_, action) in base_actions.items():
        new_id = alias.get(action_id, action_id)
        if new_id in head_actions:
            i, now = head_actions[new_id]
            yield from _described(pair, action, now, ("actions", i))
    for leaf_id, ref in base_leaves.items():
        now_ref = head_leaves.get(alias.get(leaf_id, leaf_id))
        if now_ref is None:
            continue
        if not now_ref.is_action and not ref.is_action:
            yield from _described(pair, ref.item, now_ref.item, now_ref.path)
        yield from _status(pair, ref, now_ref)
        yield from _deadline(pair, ref, now_ref)
        yield from _done_on(pair, ref, now_ref)


def _described(
    pair: Pair, old: Action | Milestone, new: Action | Milestone, path: YamlPath
) -> Iterator[Change]:
    """Title, owner, timescale, dependencies and the other fields of a matched item."""
    if old.title != new.title:
        yield Change(
            "title_changed",
            new.id,
            new.title,
            pair.at((*path, "title")),
            details=(f"{shown(old.title)} → {shown(new.title)}",),
        )
    if (old.owner or []) != (new.owner or []):
        where = pair.at((*path, "owner") if new.owner else path)
        details = (f"{owners(old.owner)} → {owners(new.owner)}",)
        yield Change("owner_changed", new.id, new.title, where, details=details)
    if old.timescale != new.timescale:
        where = pair.at((*path, "timescale") if new.timescale else path)
        details = (f"timescale {shown(old.timescale)} → {shown(new.timescale)}",)
        yield Change("timescale_changed", new.id, new.title, where, details=details)
    if isinstance(old, Action) and isinstance(new, Action) and old.depends_on != new.depends_on:
        where = pair.at((*path, "depends_on") if new.depends_on else path)
        details = (f"depends_on {shown(old.depends_on)} → {shown(new.depends_on)}",)
        yield Change("depends_on_changed", new.id, new.title, where, details=details)
    yield from fields.other(pair, old, new, path, _OWN, new.id, new.title)


def _status(pair: Pair, old: MilestoneRef, new: MilestoneRef) -> Iterator[Change]:
    before, after = old.item.status, new.item.status
    if before == after:
        return
    place = pair.at((*new.path, "status"))
    if after == Status.DONE:
        yield Change("completed", new.id, new.title, place, before.value, new.item.done_on)
    elif before == Status.DONE:
        yield Change("reopened", new.id, new.title, place, before.value, after.value)
    else:
        yield Change("status_changed", new.id, new.title, place, before.value, after.value)


def _done_on(pair: Pair, old: MilestoneRef, new: MilestoneRef) -> Iterator[Change]:
    was, now = old.item, new.item
    if was.status != Status.DONE or now.status != Status.DONE or was.done_on == now.done_on:
        return
    days = days_between(end(was.done_on, pair.base_anchor), end(now.done_on, pair.head_anchor))
    yield Change(
        "done_on_changed",
        new.id,
        new.title,
        pair.at((*new.path, "done_on")),
        was.done_on,
        now.done_on,
        days,
        details=(f"done_on {was.done_on} → {now.done_on}{moved(days)}",),
    )


def _deadline(pair: Pair, old: MilestoneRef, new: MilestoneRef) -> Iterator[Change]:
    was, now = old.item, new.item
    done = was.status == Status.DONE and now.status == Status.DONE
    if was.due != now.due:
        before, after = end(was.due, pair.base_anchor), end(now.due, pair.head_anchor)
        days = days_between(before, after)
        if not (days == 0 or (before is None and after is None and was.due and now.due)):
            # Later, or from a date to none (ongoing, tbc): the baseline itself was edited.
            slipped = (days is not None and days > 0) or (before is not None and after is None)
            kind = "done_due_changed" if done else "silent_slip" if slipped else "due_changed"
            place = pair.at((*new.path, "due"))
            note = f"after it was done on {now.done_on}" if done else None
            yield Change(kind, new.id, new.title, place, was.due, now.due, days, reason=note)
    elif was.revised_due == now.revised_due:
        yield from _anchored(pair, old, new)
    yield from _revision(pair, old, new)


def _anchored(pair: Pair, old: MilestoneRef, new: MilestoneRef) -> Iterator[Change]:
    """The same deadline text, resolved against a moved `period.start`."""
    if pair.base_anchor == pair.head_anchor:
        return
    name = "revised_due" if new.item.revised_due is not None else "due"
    text = getattr(new.item, name)
    before, after = end(text, pair.base_anchor), end(text, pair.head_anchor)
    if before == after:
        return
    days = days_between(before, after)
    later = (days is not None and days > 0) or (before is not None and after is None)
    yield Change(
        "anchor_slip" if later else "anchor_moved",
        new.id,
        new.title,
        pair.at((*new.path, name)),
        str(before) if before else "no date",
        str(after) if after else "no date",
        days,
        reason=f"{name} {text}",
    )


def _revision(pair: Pair, old: MilestoneRef, new: MilestoneRef) -> Iterator[Change]:
    was, now = old.item, new.item
    was_due, now_due = schedule.effective_due(was), schedule.effective_due(now)
    days = days_between(end(was_due, pair.base_anchor), end(now_due, pair.head_anchor))
    if now.revised_due is not None and now.revised_due != was.revised_due:
        later = days is None or days > 0
        if was.revised_due is not None and was.revision_reason == now.revision_reason and later:
            kind = "reslipped"
        elif was.revised_due is None or days != 0:
            kind = "recorded_slip"
        else:
            return
        yield Change(
            kind,
            new.id,
            new.title,
            pair.at((*new.path, "revised_due")),
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
            pair.at(new.path),
            was.revised_due,
            now.due,
            days,
        )
