"""What `wfplan import` says it did. `FORMATS` is the registry of `--format` choices.

Text: with `--dry-run` the plan itself, else one line of what was created and the header of
each column with the field it became. JSON (for scripts): the file written, the ids made,
the column mapping, the problems and the errors (when nothing was written), each naming its
source cell.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workforce_cli.importing.results import Imported


@dataclass(frozen=True)
class Outcome:
    result: Imported
    plan_id: str
    text: str
    """The plan file's text."""
    written: Path | None
    """The file written; None on a dry run."""


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def render_text(outcome: Outcome) -> str:
    if outcome.written is None:
        return outcome.text
    result = outcome.result
    steps = sum(len(a.steps) for a in result.actions)
    lines = [
        f"created {outcome.written}: plan {outcome.plan_id} from {result.source} "
        f"({', '.join(result.tables)}): {_count(len(result.themes), 'theme')}, "
        f"{_count(len(result.actions), 'action')}, {_count(steps, 'milestone')}, "
        f"{_count(len(result.snapshots), 'staffing snapshot')}",
        "columns:",
    ]
    for m in result.mapping:
        lines.append(f'  {m.table}: "{m.header}" -> {m.field or "(not imported)"}')
    lines.append("check it with `wfplan validate`")
    return "\n".join(lines) + "\n"


def render_json(outcome: Outcome) -> str:
    result = outcome.result
    document: dict[str, object] = {
        "file": str(outcome.written) if outcome.written else None,
        "plan": outcome.plan_id,
        "source": result.source,
        "tables": result.tables,
        "themes": [t.id for t in result.themes],
        "actions": [a.id for a in result.actions],
        "milestones": [s.id for a in result.actions for s in a.steps],
        "snapshots": [s.as_of for s in result.snapshots],
        "mapping": [
            {"table": m.table, "header": m.header, "field": m.field} for m in result.mapping
        ],
        "problems": [{"where": p.where, "message": p.message} for p in result.problems],
        "errors": [{"where": p.where, "message": p.message} for p in result.errors],
    }
    if outcome.written is None and not result.errors:
        document["yaml"] = outcome.text
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[Outcome], str]] = {"text": render_text, "json": render_json}
