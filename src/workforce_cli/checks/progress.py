"""Status rules of milestones (and of actions that are their own milestone).

WF401 done without done_on::

    status: done
    done_on: 2021-11-30          # passes; without this line: WF401

WF402 done_on on a milestone that is not done (re-opened work keeps no completion date).

WF403 revised_due without revision_reason: a re-baselined deadline must say why::

    due: Dec 2021
    revised_due: Mar 2022
    revision_reason: Events cancelled   # passes; without it: WF403

WF404 (warning) revision_reason without revised_due.

WF405 an action with milestones also carries due, status, done_on or revised_due: the
milestones carry them; the action's own would be ignored.

WF406 an action without milestones has no due: it is a milestone of its own and needs a
deadline (`due: ongoing` or `due: tbc` where the source gives none).
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli.diagnostics import Diagnostic
from workforce_cli.model import Status
from workforce_cli.model.walk import milestones
from workforce_cli.read.sources import LoadedPlan

_OWN_FIELDS = ("due", "done_on", "revised_due", "revision_reason")


def check(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    source = loaded.source
    for a, action in enumerate(loaded.plan.actions):
        if action.milestones:
            fields = [f for f in _OWN_FIELDS if getattr(action, f) is not None]
            if "status" in action.model_fields_set:
                fields.insert(0, "status")
            for name in fields:
                yield source.diagnostic(
                    "WF405",
                    f'action "{action.id}" has milestones, so its own `{name}` would be ignored',
                    ("actions", a, name),
                    hint="move it to the milestone it belongs to, or remove it",
                    key=True,
                )
        elif action.due is None:
            yield source.diagnostic(
                "WF406",
                f'action "{action.id}" has no milestones and no `due`',
                ("actions", a),
                hint="add `due:` (a date, `ongoing`, or `tbc` where the source gives none), "
                "or list its milestones",
                key=True,
            )
    for ref in milestones(loaded.plan):
        item, path = ref.item, ref.path
        if item.status == Status.DONE and item.done_on is None:
            yield source.diagnostic(
                "WF401",
                f'"{ref.id}" is done but has no `done_on`',
                (*path, "status"),
                hint="add `done_on:` with the date it was completed",
            )
        if item.status != Status.DONE and item.done_on is not None:
            yield source.diagnostic(
                "WF402",
                f'"{ref.id}" has `done_on` but its status is {item.status.value}',
                (*path, "done_on"),
                hint="set `status: done`, or remove `done_on`",
                key=True,
            )
        if item.revised_due is not None and not (item.revision_reason or "").strip():
            yield source.diagnostic(
                "WF403",
                f'"{ref.id}" has a `revised_due` without a `revision_reason`',
                (*path, "revised_due"),
                hint="say why the deadline moved: `revision_reason: ...`",
                key=True,
            )
        if item.revision_reason is not None and item.revised_due is None:
            yield source.diagnostic(
                "WF404",
                f'"{ref.id}" has a `revision_reason` but no `revised_due`',
                (*path, "revision_reason"),
                hint="add the new deadline as `revised_due:`, or remove the reason",
                key=True,
            )
