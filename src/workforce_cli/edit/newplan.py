"""A new plan file from the shipped template `new-plan.yaml.j2`: valid from its first line.

The template holds the required keys and, commented out, an example of every section, so
the file validates clean as created and shows how to write the rest.
"""

from __future__ import annotations

import re
from pathlib import Path

from workforce_cli.diagnostics import Diagnostic
from workforce_cli.edit.document import scalar
from workforce_cli.edit.snapshot import schema_modeline
from workforce_cli.errors import UsageError
from workforce_cli.model.types import ID_PATTERN
from workforce_cli.read import loader as loading

TEMPLATE = "new-plan.yaml.j2"


def check_id(plan_id: str) -> str:
    if not re.match(ID_PATTERN, plan_id) or len(plan_id) > 100:
        suggestion = re.sub(r"[^a-z0-9]+", "-", plan_id.lower()).strip("-")
        example = f' (for example "{suggestion}")' if suggestion else ""
        raise UsageError(
            f'"{plan_id}" is not a valid plan id: use lowercase letters, digits and hyphens, '
            f"starting with a letter or digit{example}"
        )
    return plan_id


def text(plan_id: str, title: str, organisation: str | None, output: Path) -> str:
    if not title.strip():
        raise UsageError("--title cannot be empty")
    context = {
        "modeline": schema_modeline(output, "plan"),
        "plan_id": check_id(plan_id),
        "title": scalar(title.strip(), flow=False),
        "organisation": scalar(organisation.strip(), flow=False) if organisation else None,
    }
    from workforce_cli.report import templates as render  # jinja2: only `wfplan new` needs it

    return render.render(render.builtin(TEMPLATE), context)


def problems(output: Path, content: str) -> list[Diagnostic]:
    """The diagnostics of the new file on its own (it must have none)."""
    from workforce_cli.checks.engine import check_repository

    return check_repository(loading.load_contents([(str(output), content.encode("utf-8"))]))


def clash(plan_id: str, folders: list[Path], limit: int = loading.MAX_FILE_BYTES) -> str | None:
    """The file that already holds a plan with this id, if any, among the plan folders (files
    over `limit` bytes are not read)."""
    existing = [f for f in folders if f.exists()]
    if not existing:
        return None
    try:
        repository = loading.load(existing, limit=limit)
    except UsageError:
        return None  # no plan files there yet
    found = repository.plan(plan_id)
    return found.source.display if found else None
