"""Date expressions: every `due`, `revised_due`, `start`, `done_on`, `by`, `as_of`, `on`.

WF201 not recognised (`due: soonish`), WF202 ambiguous (`due: 04/05`: April 2005 or the
financial year 2004/05?), WF203 impossible (`due: 31 Feb 2021`)::

    due: Feb 2021          # passes
    due: 31 Feb 2021       # fails: WF203

WF204 a relative timescale (`+9 weeks`) in a plan with no `period.start` to count from.

WF205 (warning) an open milestone whose deadline is undetermined (`tbc`, `unable to
determine`): never overdue, so nobody is chased; a done or dropped one is not warned about.

WF206 `period.end` before `period.start`.
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli import dates
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.model import Status
from workforce_cli.model.walk import YamlPath, date_fields, milestones
from workforce_cli.read.sources import LoadedPlan, SourceFile

_CODES = {"unrecognised": "WF201", "ambiguous": "WF202", "impossible": "WF203"}


def check(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    plan, source = loaded.plan, loaded.source
    parsed: dict[YamlPath, dates.DateExpr] = {}
    for path, text in date_fields(plan):
        expr, problem = _parse(source, path, text)
        if problem:
            yield problem
        elif expr is not None:
            parsed[path] = expr
    start = parsed.get(("period", "start"))
    if start is not None and start.is_relative:
        yield source.diagnostic(
            "WF204",
            f'period.start "{start.text}" is relative; it is what relative timescales count from',
            ("period", "start"),
            hint="write the date the plan starts, such as `start: Apr 2002`",
        )
        start = None
    has_anchor = start is not None and start.window() is not None
    for path, expr in parsed.items():
        if expr.is_relative and not has_anchor and path != ("period", "start"):
            yield source.diagnostic(
                "WF204",
                f'"{expr.text}" is relative to the plan\'s start, but the plan has no '
                "`period.start`",
                path,
                hint="add `period: {start: ...}` with the date the plan starts",
            )
    end = parsed.get(("period", "end"))
    start_window = start.window() if start is not None else None
    if start is not None and start_window is not None and end is not None:
        end_window = end.window(start_window.start)
        if end_window and end_window.end < start_window.start:
            yield source.diagnostic(
                "WF206",
                f'period ends ("{end.text}") before it starts ("{start.text}")',
                ("period", "end"),
            )
    for ref in milestones(plan):
        if ref.item.status in (Status.DONE, Status.DROPPED):
            continue
        field = "revised_due" if ref.item.revised_due is not None else "due"
        expr_due = parsed.get((*ref.path, field))
        if expr_due is not None and expr_due.kind == "undetermined":
            yield source.diagnostic(
                "WF205",
                f'"{ref.id}" has no deadline yet ({field}: {expr_due.text})',
                (*ref.path, field),
                hint="it will never show as overdue; set a date when one is agreed",
            )
    for snapshot_ref in loaded.snapshots:
        if snapshot_ref.source is source:
            continue  # the plan's own snapshots were checked above
        _, problem = _parse(
            snapshot_ref.source, (*snapshot_ref.path, "as_of"), snapshot_ref.snapshot.as_of
        )
        if problem:
            yield problem


def _parse(
    source: SourceFile, path: YamlPath, text: str
) -> tuple[dates.DateExpr | None, Diagnostic | None]:
    try:
        return dates.parse(text), None
    except dates.DateError as err:
        code = _CODES.get(err.kind, "WF201")
        return None, source.diagnostic(code, str(err), path, hint=err.hint or None)
