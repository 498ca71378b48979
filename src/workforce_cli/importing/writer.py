"""An import as a plan file: the house layout, every value quoted only where YAML needs it,
and a comment above each theme, action and snapshot naming the table and row it came from."""

from __future__ import annotations

import re
from pathlib import Path

from workforce_cli.edit.document import scalar
from workforce_cli.edit.snapshot import schema_modeline, snapshot_lines
from workforce_cli.importing.results import Imported, Item, Step

_UNSAFE_BLOCK = re.compile(r"[\t\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]")


def render(
    result: Imported, plan_id: str, title: str, organisation: str | None, output: Path
) -> str:
    tables = ", ".join(result.tables)
    lines = [
        schema_modeline(output, "plan"),
        f"# Imported by `wfplan import` from {result.source} ({tables}). Titles, owners and",
        "# timescales are the source's words; check each due, owner and status against it.",
        "wfplan: 1",
        f"id: {scalar(plan_id, flow=False)}",
        *_text("title", title, 0),
    ]
    if organisation:
        lines += _text("organisation", organisation, 0)
    lines += _text("notes", f"Imported from {result.source}: {tables}.", 0)
    if result.themes:
        lines += ["", "themes:"]
        for theme in result.themes:
            lines += [
                f"  # {theme.cite}",
                f"  - id: {scalar(theme.id, flow=False)}",
                *_text("title", theme.title, 4),
            ]
    if result.actions:
        lines += ["", "actions:"]
        for item in result.actions:
            lines += _action(item)
    if result.snapshots:
        lines += ["", "staffing:", f"  unit: {result.snapshots[0].unit}", "  snapshots:"]
        for snapshot in result.snapshots:
            lines.append(f"    # {snapshot.cite}")
            lines += snapshot_lines(snapshot.as_of, snapshot.rows, 4, 2, 2)
            if snapshot.stated:
                cells = ", ".join(f"{name}: {value}" for name, value in snapshot.stated.items())
                lines.append(f"      stated_totals: {{{cells}}}")
            if snapshot.notes:
                lines += _text("notes", "\n".join(snapshot.notes), 6)
    return "\n".join(lines) + "\n"


def _action(item: Item) -> list[str]:
    lines = [f"  # {item.cite}", f"  - id: {scalar(item.id, flow=False)}"]
    if item.theme:
        lines.append(f"    theme: {scalar(item.theme, flow=False)}")
    lines += _text("title", item.title, 4)
    if item.description:
        lines += _text("description", "\n".join(item.description), 4)
    lines += _owners(item.owner, 4)
    if item.timescale:
        lines += _text("timescale", item.timescale, 4)
    if item.resources:
        lines += _text("resources", "\n".join(item.resources), 4)
    if item.links:
        lines += _text("links", "\n".join(item.links), 4)
    if item.notes:
        lines += _text("notes", "\n".join(item.notes), 4)
    if item.steps:
        lines.append("    milestones:")
        for step in item.steps:
            lines += _step(step)
        return lines
    return lines + _tracked(item.start, item.due or "tbc", item.status, item.done_on, 4)


def _step(step: Step) -> list[str]:
    lines = [
        f"      # {step.cite}" if step.cite else "",
        f"      - id: {scalar(step.id, flow=False)}",
    ]
    lines = [line for line in lines if line]
    lines += _text("title", step.title, 8)
    lines += _owners(step.owner, 8)
    if step.timescale:
        lines += _text("timescale", step.timescale, 8)
    if step.notes:
        lines += _text("notes", "\n".join(step.notes), 8)
    return lines + _tracked(step.start, step.due, step.status, step.done_on, 8)


def _tracked(
    start: str | None, due: str, status: str | None, done_on: str | None, indent: int
) -> list[str]:
    lines = []
    if start:
        lines += _text("start", start, indent)
    lines += _text("due", due, indent)
    if status:
        lines.append(f"{' ' * indent}status: {status}")
    if done_on:
        lines += _text("done_on", done_on, indent)
    return lines


def _owners(owners: list[str], indent: int) -> list[str]:
    if not owners:
        return []
    if len(owners) == 1:
        return _text("owner", owners[0], indent)
    pad = " " * indent
    return [f"{pad}owner:", *(f"{pad}  - {scalar(o, flow=False)}" for o in owners)]


def _text(key: str, value: str, indent: int) -> list[str]:
    """`key: value`, or a literal block (`|-`) for text of several lines."""
    pad = " " * indent
    quoted_key = f'"{key}"' if key == "on" else key
    if "\n" not in value or _UNSAFE_BLOCK.search(value):
        return [f"{pad}{quoted_key}: {scalar(value, flow=False)}"]
    body = [line.rstrip() for line in value.split("\n")]
    if body[0].startswith(" ") or not body[0]:
        return [f"{pad}{quoted_key}: {scalar(value, flow=False)}"]
    return [f"{pad}{quoted_key}: |-", *(f"{pad}  {line}" if line else "" for line in body)]
