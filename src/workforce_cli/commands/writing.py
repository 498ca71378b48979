"""What every command that changes plan files shares: read, check, show the diff, write."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from workforce_cli import config, safewrite
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.edit.workspace import Change, Refused, Workspace


def workspace(paths: list[Path] | None) -> Workspace | None:
    """The plans, read once; None (after printing the errors as `validate` does) if unsound.

    A change is checked by validating the result, which only says something if the plans
    were valid before it.
    """
    found = Workspace.read(config.plan_paths(paths, config.load()))
    errors = found.errors()
    if errors:
        sys.stdout.write(FORMATTERS["text"](errors, len(found.files)))
        return None
    return found


def run_change(
    paths: list[Path] | None, make: Callable[[Workspace], Sequence[Change]], dry_run: bool
) -> int:
    """Make the changes, check the result, print the diff and write (unless `dry_run`)."""
    found = workspace(paths)
    if found is None:
        return 1
    try:
        changes = [c for c in make(found) if c.changed or c.before is None]
    except Refused as err:
        sys.stderr.write(f"wfplan: error: {err}\n")
        return 1
    if not changes:
        sys.stdout.write("nothing to change: the plan already says so\n")
        return 0
    errors = found.check(changes)
    if errors:
        sys.stdout.write("the change would leave these errors, so nothing was written:\n")
        sys.stdout.write(FORMATTERS["text"](errors, len(found.files)))
        return 1
    for change in changes:
        sys.stdout.write(change.diff())
    if dry_run:
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
        sys.stdout.write(f"{change.summary}\n")
    return 0
