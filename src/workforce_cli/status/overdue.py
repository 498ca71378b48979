"""`wfplan overdue` output: text (rich), JSON and CSV of the overdue milestones across plans.

`FORMATS` is the registry whose keys are the `--format` choices; renderers return a string.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from workforce_cli.output import csv_text, day, plural, visible
from workforce_cli.status.engine import Options, Overdue
from workforce_cli.status.render import (
    STYLES,
    Terminal,
    due_text,
    dump_json,
    finish,
    owners_text,
    text_console,
)


@dataclass(frozen=True)
class OverdueList:
    """The result of `wfplan overdue`: the rows, and what selected them."""

    options: Options
    owner: str | None
    rows: tuple[Overdue, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.options.as_of.isoformat(),
            "red_after": self.options.red_after,
            "owner": self.owner,
            "count": len(self.rows),
            "milestones": [
                {
                    "plan": plan.id,
                    "plan_title": plan.title,
                    "organisation": plan.organisation,
                    "file": plan.file,
                    **m.to_dict(self.options),
                }
                for plan, m in self.rows
            ],
        }


def summary(result: OverdueList) -> str:
    owner = f' with an owner matching "{result.owner}"' if result.owner is not None else ""
    when = day(result.options.as_of)
    if not result.rows:
        return f"No overdue milestones{owner} as of {when}."
    return f"Overdue as of {when}: {plural(len(result.rows), 'milestone')}{owner}, most late first"


def render_text(result: OverdueList, terminal: Terminal) -> str:
    from workforce_cli.status.layout import Column, painter, rich_table, table_lines

    out = io.StringIO()
    console = text_console(terminal, out)
    console.print(visible(summary(result)), markup=False)
    columns = (
        Column("Late", right=True),
        Column("RAG"),
        Column("Due"),
        Column("Plan", ratio=1),
        Column("Milestone", ratio=2),
        Column("Owner", ratio=1),
    )
    rows = [
        (
            (plural(m.days_overdue or 0, "day"), None),
            (visible(result.options.label(m.rating)), STYLES[m.rating]),
            (due_text(m), None),
            (plan.id, None),
            (visible(f"{m.id}: {m.title}"), None),
            (visible(owners_text(m)), None),
        )
        for plan, m in result.rows
    ]
    if rows:
        lines = table_lines(columns, rows, terminal.width, painter(console, terminal.color))
        if lines is None:
            console.print(rich_table(columns, rows))
        else:
            out.write("".join(line + "\n" for line in lines))
    return finish(out, terminal)


def render_json(result: OverdueList, terminal: Terminal) -> str:
    return dump_json(result.to_dict())


CSV_COLUMNS = ("plan", "id", "title", "owners", "due", "due_date", "days_overdue", "rag", "status")


def render_csv(result: OverdueList, terminal: Terminal) -> str:
    """One row per milestone; owners joined by "; "; dates ISO; lines end in \\n."""
    return csv_text(
        CSV_COLUMNS,
        (
            [
                plan.id,
                m.id,
                m.title,
                "; ".join(m.owners),
                m.effective_due or "",
                m.due_date.isoformat() if m.due_date else "",
                m.days_overdue,
                result.options.label(m.rating),
                m.status.value,
            ]
            for plan, m in result.rows
        ),
    )


Renderer = Callable[[OverdueList, Terminal], str]
FORMATS: dict[str, Renderer] = {"text": render_text, "json": render_json, "csv": render_csv}
