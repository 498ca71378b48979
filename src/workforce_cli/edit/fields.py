"""What an edit changed, field by field, for `--format json` on the editing commands.

Both versions of the file are read with the loader and compared item by item (the plan,
each action, milestone, target and measure by id; each snapshot by its as-of date), so the
answer is about the plan, not about lines: `{file, plan, id, field, before, after}`. An item
added or removed whole has `field` null and the item as `after` or `before`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel

from workforce_cli.read import loader as loading

Record = dict[str, Any]
_NESTED = frozenset(("actions", "milestones", "themes", "targets", "measures", "staffing"))


def _items(data: bytes | None, display: str) -> tuple[str | None, dict[str, Record]]:
    """The plan id a file holds or joins, and its items by id (snapshots by `as_of`)."""
    if data is None:
        return None, {}
    repository = loading.load_contents([(display, data)])
    found: dict[str, Record] = {}

    def add(key: str, model: BaseModel) -> None:
        found[key] = {k: v for k, v in model.model_dump(mode="json").items() if k not in _NESTED}

    if repository.plans:
        plan = repository.plans[0].plan
        add(plan.id, plan)
        for action in plan.actions:
            add(action.id, action)
            for milestone in action.milestones:
                add(milestone.id, milestone)
        for target in plan.targets:
            add(target.id, target)
        for measure in plan.measures:
            add(measure.id, measure)
        snapshots = plan.staffing.snapshots if plan.staffing else []
        owner = plan.id
    elif repository.staffing_files:
        staffing = repository.staffing_files[0].staffing
        snapshots, owner = staffing.snapshots, staffing.plan
    else:
        return None, {}
    for snapshot in snapshots:
        found[f"snapshot {snapshot.as_of}"] = snapshot.model_dump(mode="json")
    return owner, found


def changes(path: Path, before: bytes | None, after: bytes, file: str) -> list[Record]:
    """Field-level changes between two versions of one file (`file`: the name to report)."""
    display = path.as_posix()
    plan_before, old = _items(before, display)
    plan_after, new = _items(after, display)
    plan = plan_after or plan_before
    found: list[Record] = []

    def record(item: str, field: str | None, was: Any, now: Any) -> None:
        found.append(
            {"file": file, "plan": plan, "id": item, "field": field, "before": was, "after": now}
        )

    for key, fields in new.items():
        if key not in old:
            record(key, None, None, fields)
            continue
        for name, value in fields.items():
            if old[key].get(name) != value:
                record(key, name, old[key].get(name), value)
        for name in old[key].keys() - fields.keys():
            record(key, name, old[key][name], None)
    for key, fields in old.items():
        if key not in new:
            record(key, None, fields, None)
    return found
