"""What every command that changes plan files shares: read, check, show the diff, write.

Data (the diff, what was written, or the JSON answer) goes to stdout; errors and refusals to
stderr (with `--format json`, the errors are also in the JSON). A file with errors elsewhere in
the repository does not stop an edit of a plan it does not belong to (the rule is
`checks.blocking`'s): the edit goes ahead when the edited plan's files are clean and the change
adds no error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from workforce_cli import config, safewrite
from workforce_cli.checks import blocking, reports
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.edit import fields
from workforce_cli.edit.workspace import Change, Refused, Workspace
from workforce_cli.errors import UsageError
from workforce_cli.output import visible_lines


def _print_errors(errors: Sequence[Diagnostic], files: int) -> None:
    sys.stderr.write(FORMATTERS["text"](sorted(errors, key=lambda d: d.sort_key), files))


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
    settings = config.load()
    found = Workspace.read(
        config.plan_paths(paths, settings), settings.severity, settings.max_file_size
    )
    before = found.errors() or []
    broken = blocking.broken_files(found.repository.files, before)
    try:
        changes = [c for c in make(found) if c.changed or c.before is None]
    except (Refused, UsageError) as err:
        if broken:  # what was asked for may be in a file that could not be read
            _print_errors(blocking.errors_of(broken), len(found.files))
            sys.stderr.write(
                f"wfplan: error: {visible_lines(str(err))}\n"
                "wfplan: error: these files have errors, and what you asked for may be in one "
                f"of them: {blocking.names(broken)}\n"
            )
            if as_json:
                _json(written=False, dry_run=dry_run, errors=blocking.errors_of(broken))
            return 1
        if isinstance(err, UsageError):
            raise
        sys.stderr.write(f"wfplan: error: {visible_lines(str(err))}\n")
        if as_json:
            _json(written=False, dry_run=dry_run, refused=str(err))
        return 1
    if not changes:
        if as_json:
            _json(written=False, dry_run=dry_run)
        else:
            sys.stdout.write("nothing to change: the plan already says so\n")
        return 0
    after = found.with_changes(changes)
    in_the_way = blocking.blocking(broken, after.plans_of(c.path for c in changes))
    if in_the_way:
        _print_errors(blocking.errors_of(in_the_way), len(found.files))
        sys.stderr.write(
            f"wfplan: error: nothing written: the plan being edited has errors in "
            f"{blocking.names(in_the_way)}; fix them first\n"
        )
        if as_json:
            _json(written=False, dry_run=dry_run, errors=blocking.errors_of(in_the_way))
        return 1
    if broken:
        left_out = "; ".join(b.described for b in broken)
        sys.stderr.write(f"wfplan: note: other files have errors, not touched: {left_out}\n")
    added = _new_errors(before, after.errors() or [])
    if added:
        if as_json:
            _json(written=False, dry_run=dry_run, changes=changes, errors=added)
        else:
            # The lines are the changed file's, as it would have been written.
            sys.stderr.write(
                "wfplan: error: the change would leave these errors (at lines of the file as "
                "it would be written), so nothing was written:\n"
            )
            _print_errors(added, len(found.files))
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
        if not as_json:
            sys.stdout.write(f"{change.summary}\n")
    if as_json:
        _json(written=True, dry_run=False, changes=changes)
    return 0


def _new_errors(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The errors of `after` that were not there before (the edited files were clean, so
    every error in them is new; elsewhere an error is the same if its file, code and
    message are)."""
    seen = {(d.file, d.code, d.message) for d in before if d.severity == "error"}
    return [d for d in after if d.severity == "error" and (d.file, d.code, d.message) not in seen]
