"""`wfplan new`: start a plan file from the shipped template."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from workforce_cli import config, safewrite
from workforce_cli.checks import reports
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.edit import fields, newplan
from workforce_cli.errors import UsageError


def run(
    plan_id: str,
    title: str,
    organisation: str | None,
    output: Path | None,
    output_format: str = "text",
) -> int:
    newplan.check_id(plan_id)
    settings = config.load()
    folders = list(settings.paths) or [Path("plans")]
    target = output or folders[0] / f"{plan_id}.yaml"
    if target.exists():
        raise UsageError(f"{target} already exists; choose another --output")
    taken = newplan.clash(plan_id, folders, settings.max_file_size)
    if taken:
        raise UsageError(f'plan id "{plan_id}" is already used by {taken}')
    content = newplan.text(plan_id, title, organisation, target)
    problems = newplan.problems(target, content)
    if problems:  # the template and the checks disagree: a bug, but never write a bad file
        sys.stderr.write(FORMATTERS["text"](problems, 1))
        return 1
    if output is None:
        safewrite.make_folder(target.parent)  # the first plan starts the folder
    if not target.parent.is_dir():
        raise UsageError(f"cannot create {target}: no such directory {target.parent}")
    try:
        safewrite.write(target, content.encode("utf-8"), None)
    except safewrite.StaleFile as err:
        raise UsageError(f"{err}; choose another --output") from None
    if output_format == "json":
        where = reports.relative(str(target), reports.root())
        records = fields.changes(target, None, content.encode("utf-8"), where)
        document = {
            "written": True,
            "dry_run": False,
            "changes": records,
            "errors": [],
            "refused": None,
        }
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        return 0
    sys.stdout.write(f"created {target}: plan {plan_id}; check it with `wfplan validate`\n")
    return 0
