"""One plan file as plan-level facts, one a line, for git's textconv (`git diff`, `git log -p`).

git runs `wfplan diff --textconv FILE` on each side of a change and diffs the two texts, so
a fact that changed shows as one `-` and one `+` line, and what does not change what the
plan says (comments, layout, key order, moving a block) shows as nothing. Each line names
the item and the field: `milestone campaign-review (action campaign): due: Dec 2021 (ends
2021-12-31)`. Dates are shown with the day they end on, so moving `period.start` shows every
relative deadline it moves. A file that cannot be read as a plan is shown as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from workforce_cli import dates
from workforce_cli.model import schedule
from workforce_cli.model.plan import Plan, StaffingFile
from workforce_cli.read import loader as loading

_DATES = frozenset(
    ("due", "start", "end", "done_on", "revised_due", "as_of", "by", "on", "forecast")
)
_NESTED = frozenset(("actions", "milestones", "themes", "targets", "measures", "staffing"))
_NESTED |= {"snapshots", "teams", "actuals"}
_SKIP = frozenset(("id", "wfplan", "kind"))  # the label says it
_SKIP = frozenset(("id", "wfplan", "kind"))  # the label says it


def _value(name: str, value: Any, anchor: Any) -> str:
    if isinstance(value, str):
        if name in _DATES:
            try:
                ends = schedule.end_of(value, anchor)
            except dates.DateError:
                ends = None
            same = ends is None or value == ends.isoformat()
            return value if same or ends is None else f"{value} (ends {ends.isoformat()})"
        return value.replace("\n", " ")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _fields(label: str, model: BaseModel, anchor: Any) -> Iterator[str]:
    """`label: field: value` for each field set (defaults left out, nested blocks apart)."""
    data = model.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    for name, value in data.items():
        if name in _NESTED or name in _SKIP or value in ([], {}):
            continue
        if isinstance(value, dict):
            for part, inner in value.items():
                yield f"{label}: {name}.{part}: {_value(part, inner, anchor)}"
        else:
            yield f"{label}: {name}: {_value(name, value, anchor)}"


def _plan(plan: Plan) -> Iterator[str]:
    try:
        anchor = schedule.anchor(plan)
    except dates.DateError:
        anchor = None
    yield from _fields(f"plan {plan.id}", plan, anchor)
    for theme in sorted(plan.themes, key=lambda t: t.id):
        yield from _fields(f"theme {theme.id}", theme, anchor)
    for action in sorted(plan.actions, key=lambda a: a.id):
        yield from _fields(f"action {action.id}", action, anchor)
        for milestone in sorted(action.milestones, key=lambda m: m.id):
            yield from _fields(f"milestone {milestone.id} (action {action.id})", milestone, anchor)
    if plan.staffing:
        yield f"plan {plan.id}: staffing unit: {plan.staffing.unit}"
        yield from _snapshots(plan.staffing.snapshots, anchor)
    for target in sorted(plan.targets, key=lambda t: t.id):
        yield from _fields(f"target {target.id}", target, anchor)
    for measure in sorted(plan.measures, key=lambda m: m.id):
        label = f"measure {measure.id}"
        yield from _fields(label, measure, anchor)
        for reading in measure.actuals:
            yield f"{label}: reading {_value('as_of', reading.as_of, anchor)}: {reading.value:g}"


def _snapshots(snapshots: list[Any], anchor: Any) -> Iterator[str]:
    for snapshot in sorted(snapshots, key=lambda s: str(schedule.end_of(s.as_of, anchor))):
        label = f"snapshot {_value('as_of', snapshot.as_of, anchor)}"
        yield from (line for line in _fields(label, snapshot, anchor) if ": as_of: " not in line)
        for row in sorted(snapshot.teams, key=lambda r: r.team):
            figures = row.model_dump(mode="json", exclude_none=True)
            figures.pop("team")
            shown = ", ".join(f"{k} {v:g}" for k, v in figures.items()) or "no figures"
            yield f"{label}: team {row.team}: {shown}"


def textconv(name: str, content: bytes, limit: int = loading.MAX_FILE_BYTES) -> str:
    repository = loading.load_contents([(name, content)], limit=limit)
    lines: list[str] = []
    if repository.plans:
        lines += _plan(repository.plans[0].plan)
    elif repository.staffing_files:
        staffing: StaffingFile = repository.staffing_files[0].staffing
        lines.append(f"staffing file for plan {staffing.plan}: unit: {staffing.unit}")
        lines += _snapshots(staffing.snapshots, None)
    else:
        text = content.decode("utf-8", errors="replace")
        return text if text.endswith("\n") or not text else text + "\n"
    return "\n".join(lines) + "\n"
