"""Renderers of a diff: text, Markdown (for a pull-request comment), JSON and GitHub commands.

Every renderer is a function of the diff and the --fail-on conditions alone: no clock, no
environment, so a re-run on the same revisions gives byte-identical output and a CI job that
edits its pull-request comment only changes it when the plans change.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from typing import Any

from workforce_cli.diff.results import KINDS, ORDER, Change, Diff, Failure, PlanDiff
from workforce_cli.output import (
    days,
    github_data,
    github_property,
    md,
    plural,
    visible,
    visible_lines,
)

WORKING_TREE = "working tree"
MARKER = "<!-- wfplan-diff -->"
"""Ends the Markdown, so a workflow can find its own earlier comment to update."""


def _span(values: Sequence[int | None]) -> str:
    known = sorted(v for v in values if v is not None)
    parts = []
    if known:
        low, high = known[0], known[-1]
        parts.append(
            days(low, signed=True)
            if low == high
            else f"{days(low, signed=True)[:-5]} to {days(high, signed=True)}"
        )
    if None in values:
        parts.append(f"{values.count(None)} to no date")
    return f" ({'; '.join(parts)})" if parts else ""


def summary(diff: Diff) -> str:
    """One line: what the change does, most serious first; "no changes to plans" otherwise."""
    parts: list[str] = []
    broken = diff.broken_at_head
    if broken:
        parts.append(
            f"{plural(len(broken), 'plan')} {'fails' if len(broken) == 1 else 'fail'}"
            " to load at the head revision"
        )
    was_broken = [p for p in diff.plans if p.base_failure is not None]
    if was_broken:
        parts.append(f"{plural(len(was_broken), 'plan')} failed to load at the base revision")
    for kind, (one, many) in KINDS.items():
        found = diff.changes(kind)
        if not found:
            continue
        text = f"{len(found)} {one if len(found) == 1 else many}"
        if kind in ("silent_slip", "recorded_slip"):
            text += _span([c.days for c in found])
        left = sum(len(c.unfinished) for c in found)
        if left:
            text += f" ({left} unfinished)"
        parts.append(text)
    return ", ".join(parts) if parts else "no changes to plans"


def share(value: float) -> str:
    """A permanent share (a fraction, as `staffing.totals` gives it) as a percentage."""
    return f"{value * 100:.2f}%"


def label(change: Change) -> str:
    if change.kind == "milestone_removed" and change.unfinished:
        return "unfinished milestone removed"
    return KINDS[change.kind][0]


def _points(change: Change) -> str:
    before, after = change.share_before, change.share_after
    if after is None:
        return ""
    if before is None:
        return f"permanent share {share(after)}"
    return (
        f"permanent share {share(before)} → {share(after)} ({(after - before) * 100:+.2f} points)"
    )


def detail(change: Change) -> str:
    """What changed, in words, without the kind's label or the item's title."""
    k = change.kind
    moved = f" ({days(change.days, signed=True)})" if change.days is not None else ""
    if k in ("plan_added", "action_added"):
        return "; ".join(change.details)
    if k in ("plan_removed", "action_removed"):
        return f"unfinished: {', '.join(change.unfinished)}" if change.unfinished else ""
    if k == "completed":
        return f"done on {change.after}" if change.after else ""
    if k in ("reopened", "status_changed"):
        return f"status {change.before} → {change.after}"
    if k == "silent_slip":
        return (
            f"due edited from {change.before} to {change.after}{moved} "
            "with no revised_due and revision_reason"
        )
    if k == "due_changed":
        return f"due edited from {change.before} to {change.after}{moved}"
    if k == "recorded_slip":
        return f"deadline {change.before} revised to {change.after}{moved}: {change.reason}"
    if k == "revision_removed":
        return f"revised_due {change.before} withdrawn; due {change.after} applies{moved}"
    if k in ("target_added", "target_removed"):
        return change.after or change.before or ""
    if k == "target_changed":
        return "; ".join(change.details)
    if k == "snapshot_changed":
        return "; ".join((*change.details, _points(change)))
    if k == "snapshot_added":
        shift = _points(change)
        return f"{change.after}; {shift}" if shift else change.after or ""
    if k == "snapshot_removed":
        return f"{change.before}; {_points(change)}"
    return change.before or ""  # snapshot_removed


def _failure_text(failure: Failure, where: str) -> str:
    d = failure.first
    return (
        f"fails to load at the {where} revision: {plural(failure.errors, 'error')}; first: "
        f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}"
    )


def _failures(plan: PlanDiff) -> list[str]:
    found = []
    if plan.base_failure:
        found.append(_failure_text(plan.base_failure, "base").replace("fails", "failed", 1))
    if plan.head_failure:
        found.append(_failure_text(plan.head_failure, "head"))
    return found


def _sorted(plan: PlanDiff) -> list[Change]:
    return sorted(plan.changes, key=lambda c: (ORDER[c.kind], c.place.line if c.place else 0, c.id))


def _head(diff: Diff) -> str:
    return diff.head or WORKING_TREE


# --- text ---------------------------------------------------------------------------------


def text(diff: Diff, fail_on: tuple[str, ...]) -> str:
    # Plan text is shown with control characters escaped (`visible`): one change, one line.
    lines = [f"{diff.base} → {_head(diff)}: {summary(diff)}"]
    for plan in diff.plans:
        title = f": {visible(plan.title)}" if plan.title else ""
        where = f"{visible(plan.file)}, " if plan.plan_id is not None else ""
        lines += ["", f"{visible(plan.name)} ({where}{plan.state}){title}"]
        lines += [f"  {visible(line)}" for line in _failures(plan)]
        for c in _sorted(plan):
            where = f"{visible(c.place.file)}:{c.place.line}: " if c.place else ""
            words = visible(detail(c))
            lines.append(
                f'  {where}{label(c)}: {c.id} "{visible(c.title)}"'
                + (f": {words}" if words else "")
            )
    return visible_lines("\n".join(lines) + "\n")


# --- markdown -----------------------------------------------------------------------------


def markdown(diff: Diff, fail_on: tuple[str, ...]) -> str:
    head = md(_head(diff)) if not diff.head else f"`{md(diff.head)}`"
    lines = [f"**wfplan diff:** {md(summary(diff))} (`{md(diff.base)}` → {head})"]
    for plan in diff.plans:
        serious = plan.head_failure or any(c.fails for c in plan.changes)
        failed = plan.head_failure or plan.base_failure
        count = "not compared" if failed else plural(len(plan.changes), "change")
        title = f" {html.escape(plan.title, quote=False)}" if plan.title else ""
        lines += [
            "",
            "<details open>" if serious else "<details>",
            f"<summary><b>{html.escape(plan.name)}</b>{title} ({plan.state}, {count})</summary>",
            "",
        ]
        for failure in _failures(plan):
            lines.append(f"**{md(failure)}**")
            lines.append("")
        if plan.changes:
            lines += ["| Change | Item | Detail | Where |", "| --- | --- | --- | --- |"]
            for c in _sorted(plan):
                where = f"{md(c.place.file)}:{c.place.line}" if c.place else ""
                item = f"`{md(c.id)}` {md(c.title)}"
                lines.append(f"| {md(label(c))} | {item} | {md(detail(c))} | {where} |")
            lines.append("")
        lines.append("</details>")
    lines += ["", MARKER]
    return "\n".join(lines) + "\n"


# --- json ---------------------------------------------------------------------------------


def _change_json(change: Change) -> dict[str, Any]:
    data = asdict(change)
    place = data.pop("place")
    data = {
        "kind": data.pop("kind"),
        **(place or {"file": None, "line": None, "column": None}),
        **data,
    }
    for key in ("share_before", "share_after"):
        if data[key] is not None:
            data[key] = round(data[key], 6)
    data["unfinished"] = list(change.unfinished)
    data["details"] = list(change.details)
    data["fails"] = list(change.fails)
    return data


def _failure_json(failure: Failure | None) -> dict[str, Any] | None:
    if failure is None:
        return None
    return {"errors": failure.errors, "first": asdict(failure.first)}


def as_json(diff: Diff, fail_on: tuple[str, ...]) -> str:
    document = {
        "base": diff.base,
        "head": diff.head,
        "summary": summary(diff),
        "failing": diff.failing(fail_on),
        "counts": {kind: len(diff.changes(kind)) for kind in KINDS},
        "plans": [
            {
                "id": plan.plan_id,
                "title": plan.title,
                "file": plan.file,
                "state": plan.state,
                "base_failure": _failure_json(plan.base_failure),
                "head_failure": _failure_json(plan.head_failure),
                "changes": [_change_json(c) for c in _sorted(plan)],
            }
            for plan in diff.plans
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


# --- github -------------------------------------------------------------------------------


def _command(level: str, file: str, line: int, column: int, title: str, message: str) -> str:
    where = f"file={github_property(file)},line={line},col={column}"
    return f"::{level} {where},title={github_property(title)}::{github_data(message)}"


def github(diff: Diff, fail_on: tuple[str, ...]) -> str:
    lines: list[str] = []
    for plan in diff.plans:
        if plan.head_failure:
            d = plan.head_failure.first
            message = f"{plan.name} {_failure_text(plan.head_failure, 'head')}"
            lines.append(_command("error", d.file, d.line, d.column, "wfplan diff", message))
        for c in _sorted(plan):
            if c.place is None:
                continue
            if c.fails:
                level = "error" if set(c.fails) & set(fail_on) else "warning"
            elif c.kind == "recorded_slip":
                level = "notice"
            else:
                continue
            words = detail(c)
            message = f'{c.id} "{c.title}": {words}' if words else f'{c.id} "{c.title}"'
            lines.append(
                _command(
                    level,
                    c.place.file,
                    c.place.line,
                    c.place.column,
                    f"wfplan: {label(c)}",
                    message,
                )
            )
    lines.append(f"{diff.base} → {_head(diff)}: {summary(diff)}")
    return "\n".join(lines) + "\n"


FORMATS: dict[str, Callable[[Diff, tuple[str, ...]], str]] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
    "github": github,
}
