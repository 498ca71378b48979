"""Recording progress on a milestone: done, a new status, a slipped deadline.

Each function returns the `Change` to the milestone's file; the caller checks and writes it.
Dates are checked here, before the file is touched, so a typo is a usage error that quotes it
rather than a diagnostic about a line that was never written.
"""

from __future__ import annotations

from ruamel.yaml.nodes import MappingNode

from workforce_cli import dates
from workforce_cli.edit.document import Document, EditError, entry
from workforce_cli.edit.workspace import Change, Found, Refused, Workspace
from workforce_cli.errors import UsageError
from workforce_cli.model import Status

OPEN_STATUSES = ("not_started", "in_progress", "blocked", "dropped")


def check_date(option: str, text: str, *, dated: bool = True) -> str:
    """The date expression as written, if it reads (and names a date, with `dated`)."""
    try:
        expr = dates.parse(text)
    except dates.DateError as err:
        raise UsageError(f"{option}: {err}; {err.hint}") from None
    if dated and expr.kind in ("ongoing", "undetermined"):
        raise UsageError(f'{option}: "{text}" is not a date; give a day, such as 2021-11-30')
    return text


def done(workspace: Workspace, found: Found, on: str) -> Change:
    document, mapping = _open(workspace, found)
    document.upsert(mapping, [("status", "done"), ("done_on", on)])
    item = found.ref.item
    if item.status is Status.DONE and item.done_on != on:
        summary = f"{_name(found)}: done on {on} (was recorded as done on {item.done_on})"
    else:
        summary = f"{_name(found)}: done on {on}"
    return _change(workspace, found, document, summary)


def set_status(workspace: Workspace, found: Found, status: str) -> Change:
    if status == "done":
        raise UsageError(
            f"use `wfplan done {found.ref.id} [--on DATE]` to mark it done: "
            "a done milestone records the day it was done (done_on)"
        )
    if status not in OPEN_STATUSES:
        raise UsageError(f'unknown status "{status}"; use one of: {", ".join(OPEN_STATUSES)}')
    document, mapping = _open(workspace, found)
    document.upsert(mapping, [("status", status)])
    item = found.ref.item
    summary = f"{_name(found)}: {item.status.value} -> {status}"
    if entry(mapping, "done_on") is not None:
        document.remove(mapping, "done_on")
        summary += f" (re-opened: done_on {item.done_on} removed)"
    return _change(workspace, found, document, summary)


def slip(workspace: Workspace, found: Found, to: str, reason: str) -> Change:
    item = found.ref.item
    if not reason.strip():
        raise UsageError("--reason: say why the deadline moved; the reason is kept in the plan")
    if item.status is Status.DONE:
        raise Refused(
            f"{_name(found)} is done (on {item.done_on}); a slip re-baselines an open milestone"
        )
    document, mapping = _open(workspace, found)
    document.upsert(mapping, [("revised_due", to), ("revision_reason", reason.strip())])
    summary = f"{_name(found)}: due {to} (originally {item.due})"
    if item.revised_due is not None:
        summary += (
            f"; replaces the earlier revision to {item.revised_due} "
            f'("{item.revision_reason}"), which git history keeps'
        )
    return _change(workspace, found, document, summary)


def _name(found: Found) -> str:
    return f"{found.loaded.id}/{found.ref.id}"


def _open(workspace: Workspace, found: Found) -> tuple[Document, MappingNode]:
    path = found.loaded.source.path
    document = Document.parse(workspace.files[path])
    try:
        mapping = document.mapping(found.ref.path)
    except EditError as err:
        raise Refused(f"{found.loaded.source.display}: cannot edit {found.ref.id}: {err}") from None
    return document, mapping


def _change(workspace: Workspace, found: Found, document: Document, summary: str) -> Change:
    path = found.loaded.source.path
    return Change(path, workspace.files[path], document.encode(), summary)
