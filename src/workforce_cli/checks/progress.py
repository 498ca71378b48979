"""The rules of recorded progress (WF401-WF406): status, done_on, re-baselined deadlines.

A milestone is a milestone of an action, or an action without milestones (it is its own).
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli.checks.rule import plan_milestones, rule
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.model import Status
from workforce_cli.read.sources import LoadedPlan

_OWN_FIELDS = ("due", "done_on", "revised_due", "revision_reason")


@rule("WF401")
def done_without_done_on(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A milestone has `status: done` but no `done_on`.

    Why: the day work was done is what tells on-time from late delivery in the report,
    and what `wfplan diff` shows a reviewer. `wfplan done ID` records both at once.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            status: done

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            status: done
            done_on: 2021-11-30
    """
    for ref in plan_milestones(loaded):
        if ref.item.status == Status.DONE and ref.item.done_on is None:
            yield loaded.source.diagnostic(
                "WF401",
                f'"{ref.id}" is done but has no `done_on`',
                (*ref.path, "status"),
                hint="add `done_on:` with the date it was completed",
            )


@rule("WF402")
def done_on_not_done(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A milestone has a `done_on` but its status is not `done`.

    Why: either the status was not updated when the work was done, or the work was
    re-opened and the old completion date left behind; the plan says two things at once.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            status: in_progress
            done_on: 2021-11-30

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            status: done
            done_on: 2021-11-30
    """
    for ref in plan_milestones(loaded):
        if ref.item.status != Status.DONE and ref.item.done_on is not None:
            yield loaded.source.diagnostic(
                "WF402",
                f'"{ref.id}" has `done_on` but its status is {ref.item.status.value}',
                (*ref.path, "done_on"),
                hint="set `status: done`, or remove `done_on`",
                key=True,
            )


@rule("WF403")
def revised_due_without_reason(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A milestone has a `revised_due` (a re-baselined deadline) but no `revision_reason`.

    Why: moving a deadline is a decision a board or an inspector will ask about; the
    reason is recorded with it, and the original `due` is kept. `wfplan slip ID --to DATE
    --reason TEXT` records both.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Hold a recruitment event
            due: Dec 2021
            revised_due: Mar 2022

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Hold a recruitment event
            due: Dec 2021
            revised_due: Mar 2022
            revision_reason: Events cancelled under the winter restrictions
    """
    for ref in plan_milestones(loaded):
        item = ref.item
        if item.revised_due is not None and not (item.revision_reason or "").strip():
            yield loaded.source.diagnostic(
                "WF403",
                f'"{ref.id}" has a `revised_due` without a `revision_reason`',
                (*ref.path, "revised_due"),
                hint="say why the deadline moved: `revision_reason: ...`",
                key=True,
            )


@rule("WF404")
def reason_without_revised_due(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A milestone has a `revision_reason` but no `revised_due`.

    Why: a reason for a moved deadline with no new deadline is usually a `revised_due`
    that was deleted or never written; the milestone is still tracked against its
    original `due`.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Hold a recruitment event
            due: Dec 2021
            revision_reason: Events cancelled under the winter restrictions

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Hold a recruitment event
            due: Dec 2021
            revised_due: Mar 2022
            revision_reason: Events cancelled under the winter restrictions
    """
    for ref in plan_milestones(loaded):
        if ref.item.revision_reason is not None and ref.item.revised_due is None:
            yield loaded.source.diagnostic(
                "WF404",
                f'"{ref.id}" has a `revision_reason` but no `revised_due`',
                (*ref.path, "revision_reason"),
                hint="add the new deadline as `revised_due:`, or remove the reason",
                key=True,
            )


@rule("WF405")
def action_fields_with_milestones(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    An action with milestones also carries its own `due`, `status`, `done_on`,
    `revised_due` or `revision_reason`.

    Why: an action with milestones is tracked through its milestones; its own deadline or
    status would be ignored by every command, though a reader of the file would believe it.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            milestones:
              - {id: m1, title: Adverts out, due: Oct 2021}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milestones:
              - {id: m1, title: Adverts out, due: Oct 2021}
              - {id: m2, title: Posts filled, due: Dec 2021}
    """
    for a, action in enumerate(loaded.plan.actions):
        if not action.milestones:
            continue
        fields = [f for f in _OWN_FIELDS if getattr(action, f) is not None]
        if "status" in action.model_fields_set:
            fields.insert(0, "status")
        for name in fields:
            yield loaded.source.diagnostic(
                "WF405",
                f'action "{action.id}" has milestones, so its own `{name}` would be ignored',
                ("actions", a, name),
                hint="move it to the milestone it belongs to, or remove it",
                key=True,
            )


@rule("WF406")
def action_without_due(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    An action without milestones has no `due`. Such an action is a milestone of its own,
    and a milestone needs a deadline.

    Why: without one it could never be overdue. Where the source gives no deadline, say
    so: `due: ongoing` for continuing work, `due: tbc` where it is still to be agreed.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Keep a bank of agency staff

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Keep a bank of agency staff
            due: ongoing
    """
    for a, action in enumerate(loaded.plan.actions):
        if not action.milestones and action.due is None:
            yield loaded.source.diagnostic(
                "WF406",
                f'action "{action.id}" has no milestones and no `due`',
                ("actions", a),
                hint="add `due:` (a date, `ongoing`, or `tbc` where the source gives none), "
                "or list its milestones",
                key=True,
            )


RULES = (
    done_without_done_on,
    done_on_not_done,
    revised_due_without_reason,
    reason_without_revised_due,
    action_fields_with_milestones,
    action_without_due,
)
