"""What every command that changes plan files shares: read, check, show the diff, write."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from workforce_cli import config, safewrite
from workforce_cli.checks import reports
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.edit import fields
from workforce_cli.edit.workspace import Change, Refused, Workspace


def workspace(paths: list[Path] | None, output_format: str = "text") -> Workspace | None:
    """The plans, read once; None (after printing the errors as `validate` does) if unsound.

    A change is checked by validating the result, which only says something if the plans
    were valid before it.
    """
    settings = config.load()
    found = Workspace.read(config.plan_paths(paths, settings), settings.severity)
    errors = found.errors()
    if errors:
        if output_format == "json":
            _json(written=False, dry_run=False, errors=errors)
        else:
            sys.stdout.write(FORMATTERS["text"](errors, len(found.files)))
        return None
    return found


def _json(
    *,
    written: bool,
    dry_run: bool,
    changes: Sequence[Change] = (),
    errors: Sequence[Diagnostic] = (),
    refused: str | None = None,
) -> None:
    """The JSON answer of an editing command: what changed, field by field, and whether it
    was written; with the errors that stopped it, if any. Files are named from the
    repository root, as in every machine format."""
    base = reports.root()
    records = [
        record
        for change in changes
        for record in fields.changes(
            change.path, change.before, change.after, reports.relative(str(change.path), base)
        )
    ]
    document = {
        "written": written,
        "dry_run": dry_run,
        "changes": records,
        "errors": [{**asdict(d), "file": reports.relative(d.file, base)} for d in errors],
        "refused": refused,
    }
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def run_change(
    paths: list[Path] | None,
    make: Callable[[Workspace], Sequence[Change]],
    dry_run: bool,
    output_format: str = "text",
) -> int:
    """Make the changes, check the result, print the diff (or, as JSON, the fields changed)
    and write (unless `dry_run`)."""
    as_json = output_format == "json"
    found = workspace(paths, output_format)
    if found is None:
        return 1
    try:
        changes = [c for c in make(found) if c.changed or c.before is None]
    except Refused as err:
        sys.stderr.write(f"wfplan: error: {err}\n")
        if as_json:
            _json(written=False, dry_run=dry_run, refused=str(err))
        return 1
    if not changes:
        if as_json:
            _json(written=False, dry_run=dry_run)
        else:
            sys.stdout.write("nothing to change: the plan already says so\n")
        return 0
    errors = found.check(changes)
    if errors:
        if as_json:
            _json(written=False, dry_run=dry_run, changes=changes, errors=errors)
        else:
            # The lines are the changed file's, as it would have been written.
            sys.stdout.write(
                "the change would leave these errors (at lines of the file as it would be "
                "written), so nothing was written:\n"
            )
            sys.stdout.write(FORMATTERS["text"](errors, len(found.files)))
        return 1
    if not as_json:
        for change in changes:
            sys.stdout.write(change.diff())
    if dry_run:
        if as_json:
            _json(written=False, dry_run=True, changes=changes)
        else:
            for change in changes:
                sys.stdout.write(f"{change.summary} (dry run: nothing written)\n")
        return 0
    for change in changes:
        try:
            safewrite.write(change.path, change.after, change.before)
        except safewrite.StaleFile as err:
            sys.stderr.write(f"wfplan: error: {err}; nothing written, run the command again\n")
            return 1
        except OSError as err:
            sys.stderr.write(f"wfplan: error: cannot write {change.path}: {err.strerror or err}\n")
            return 1
        if not as_json:
            sys.stdout.write(f"{change.summary}\n")
    if as_json:
        _json(written=True, dry_run=False, changes=changes)
    return 0
