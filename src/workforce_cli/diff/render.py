"""Renderers of a diff: text, Markdown (for a pull-request comment), JSON and GitHub commands.

Every renderer is a function of the diff and the --fail-on conditions alone: no clock, no
environment, so a re-run on the same revisions gives byte-identical output and a CI job that
edits its pull-request comment only changes it when the plans change.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from typing import Any

from workforce_cli.diff import ci
from workforce_cli.diff.results import CLASSES, KINDS, ORDER, Change, Diff, Failure, PlanDiff
from workforce_cli.output import (
    Annotation,
    GithubLevel,
    days,
    github_commands,
    md,
    plural,
    visible,
    visible_lines,
)

WORKING_TREE = "working tree"
MARKER = "<!-- wfplan-diff -->"
"""Ends the Markdown, so a workflow can find its own earlier comment to update."""


def _moved(value: int) -> str:
    return days(value, signed=True)


def _span(values: Sequence[int | None]) -> str:
    known = sorted(v for v in values if v is not None)
    parts = []
    if known:
        low, high = known[0], known[-1]
        parts.append(_moved(low) if low == high else f"{_moved(low)[:-5]} to {_moved(high)}")
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
    for kind, (one, many, _) in KINDS.items():
        found = diff.changes(kind)
        if not found:
            continue
        text = f"{len(found)} {one if len(found) == 1 else many}"
        if kind in _SPANNED:
            text += _span([c.days for c in found])
        left = sum(len(c.unfinished) for c in found)
        if left:
            text += f" ({left} unfinished)"
        parts.append(text)
    if parts:
        return ", ".join(parts)
    if diff.relaid:
        count = len(diff.relaid)
        whose = "1 plan's files" if count == 1 else f"{count} plans' files"
        return f"no changes to plans ({whose} edited: comments, layout or order)"
    return "no changes to plans"


_SPANNED = ("silent_slip", "reslipped", "anchor_slip", "recorded_slip")


def share(value: float) -> str:
    """A permanent share (a fraction, as `staffing.totals` gives it) as a percentage."""
    return f"{value * 100:.2f}%"


def label(change: Change) -> str:
    if change.kind == "milestone_removed" and change.unfinished:
        return "unfinished milestone removed"
    return KINDS[change.kind][0]


_JOINED = (
    "title_changed",
    "owner_changed",
    "timescale_changed",
    "depends_on_changed",
    "field_changed",
    "period_changed",
    "review_postponed",
    "review_changed",
    "target_changed",
    "target_weakened",
    "measure_changed",
    "measure_target_weakened",
    "reading_added",
    "reading_corrected",
    "done_on_changed",
)


def _points(change: Change) -> str:
    before, after = change.share_before, change.share_after
    if after is None:
        return ""
    if before is None:
        return f"permanent share {share(after)}"
    return (
        f"permanent share {share(before)} → {share(after)} ({(after - before) * 100:+.2f} points)"
    )


def _changed_share(change: Change) -> str:
    # Both snapshots exist: a share that is None on one side is n/a there (a blank figure,
    # or no staffed posts), not absent.
    before, after = change.share_before, change.share_after
    if before is None and after is None:
        return ""
    if before is None or after is None:
        shown = [share(v) if v is not None else "n/a" for v in (before, after)]
        return f"permanent share {shown[0]} → {shown[1]}"
    return _points(change)


def detail(change: Change) -> str:
    """What changed, in words, without the kind's label or the item's title."""
    k = change.kind
    moved = f" ({_moved(change.days)})" if change.days is not None else ""
    if k in ("plan_added", "action_added") or k in _JOINED:
        return "; ".join(change.details)
    if k == "renamed":
        return f"id {change.before} → {change.after} ({change.details[0]})"
    if k in ("anchor_slip", "anchor_moved"):
        unrecorded = " with no revised_due and revision_reason" if k == "anchor_slip" else ""
        return (
            f"{change.reason} now ends {change.after}, not {change.before}{moved}"
            + ("," if unrecorded else "")
            + unrecorded
        )
    if k == "done_due_changed":
        return f"due edited from {change.before} to {change.after}{moved} {change.reason}"
    if k == "reslipped":
        return (
            f'revised_due {change.before} → {change.after}{moved}, reason still "{change.reason}"'
        )
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
    if k == "snapshot_changed":
        return "; ".join((*change.details, _changed_share(change)))
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


def code(text: str) -> str:
    """A revision or id as a Markdown code span: shown verbatim, never backslash-escaped.

    Inside a code span backslashes are literal (`HEAD~1` would show as HEAD\\~1), so
    nothing is escaped; a backtick in the text takes a longer fence, as CommonMark says.
    A pipe is the one character a table cell still needs escaped.
    """
    text = " ".join(text.split()).replace("|", "\\|")
    fence = "`"
    while fence in text:
        fence += "`"
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


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
                f'  {where}[{c.cls}] {label(c)}: {c.id} "{visible(c.title)}"'
                + (f": {words}" if words else "")
            )
    return visible_lines("\n".join(lines) + "\n")


# --- markdown -----------------------------------------------------------------------------


def markdown(diff: Diff, fail_on: tuple[str, ...]) -> str:
    head = md(_head(diff)) if not diff.head else code(diff.head)
    lines = [f"**wfplan diff:** {md(summary(diff))} ({code(diff.base)} → {head})"]
    for plan in diff.plans:
        serious = plan.head_failure or any(
            c.serious or set(c.fails) & set(fail_on) for c in plan.changes
        )
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
            lines += [
                "| Class | Change | Item | Detail | Where |",
                "| --- | --- | --- | --- | --- |",
            ]
            for c in _sorted(plan):
                where = f"{md(c.place.file)}:{c.place.line}" if c.place else ""
                item = f"{code(c.id)} {md(c.title)}"
                cells = (md(c.cls), md(label(c)), item, md(detail(c)), where)
                lines.append(f"| {' | '.join(cells)} |")
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
        "class": change.cls,
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
    diff = ci.rooted(diff)
    document = {
        "base": diff.base,
        "head": diff.head,
        "summary": summary(diff),
        "failing": diff.failing(fail_on),
        "counts": {kind: len(diff.changes(kind)) for kind in KINDS},
        "classes": {name: sum(1 for c in diff.changes() if c.cls == name) for name in CLASSES},
        "relaid": diff.relaid,
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


def _annotations(diff: Diff, fail_on: tuple[str, ...]) -> Iterator[Annotation]:
    for plan in diff.plans:
        if plan.head_failure:
            d = plan.head_failure.first
            message = f"{plan.name} {_failure_text(plan.head_failure, 'head')}"
            yield Annotation("error", d.file, d.line, d.column, "wfplan diff", message)
        for c in _sorted(plan):
            if c.place is None:
                continue
            level: GithubLevel = (
                "error" if set(c.fails) & set(fail_on) else "warning" if c.serious else "notice"
            )
            words = detail(c)
            message = f'[{c.cls}] {c.id} "{c.title}"' + (f": {words}" if words else "")
            where = c.place
            yield Annotation(
                level, where.file, where.line, where.column, f"wfplan: {label(c)}", message
            )


def github(diff: Diff, fail_on: tuple[str, ...]) -> str:
    diff = ci.rooted(diff)
    rest = "the job summary or `wfplan diff --format text` lists them all"
    lines = github_commands(_annotations(diff, fail_on), rest)
    lines.append(f"{diff.base} → {_head(diff)}: {summary(diff)}")
    return "\n".join(lines) + "\n"


def described(change: Change) -> str:
    """A change in one sentence: `[class] label: id "title": detail`."""
    words = detail(change)
    text = f'[{change.cls}] {label(change)}: {change.id} "{change.title}"'
    return f"{text}: {words}" if words else text


def sarif(diff: Diff, fail_on: tuple[str, ...]) -> str:
    return ci.sarif(diff, fail_on, described)


def gitlab(diff: Diff, fail_on: tuple[str, ...]) -> str:
    return ci.gitlab(diff, fail_on, described)


FORMATS: dict[str, Callable[[Diff, tuple[str, ...]], str]] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
    "github": github,
    "sarif": sarif,
    "gitlab": gitlab,
}
