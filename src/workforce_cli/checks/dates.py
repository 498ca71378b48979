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
from datetime import date

from workforce_cli import dates
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.model import Status
from workforce_cli.model.walk import YamlPath, date_fields, milestones
from workforce_cli.read.sources import LoadedPlan, SourceFile

_CODES = {"unrecognised": "WF201", "ambiguous": "WF202", "impossible": "WF203"}
FIRST, LAST = date(1900, 1, 1), date(2199, 12, 31)
"""The days a plan's dates may name. Every command computes with them (a deadline plus the
days of `due_within`, the day after for a calendar event, a quarter's end), and a date near
the ends of Python's calendar (years 1 and 9999) would crash those sums: WF203 instead."""


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
    start_window = start.window() if start is not None else None
    anchor = start_window.start if start_window is not None else None
    for path, expr in list(parsed.items()):
        problem = _out_of_range(source, path, expr, anchor)
        if problem:
            yield problem
            del parsed[path]
    end = parsed.get(("period", "end"))
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
        where = (*snapshot_ref.path, "as_of")
        expr, problem = _parse(snapshot_ref.source, where, snapshot_ref.snapshot.as_of)
        if expr is not None:
            problem = _out_of_range(snapshot_ref.source, where, expr, anchor)
        if problem:
            yield problem


def _out_of_range(
    source: SourceFile, path: YamlPath, expr: dates.DateExpr, anchor: date | None
) -> Diagnostic | None:
    if expr.is_relative and anchor is None:
        return None  # WF204 says so
    try:
        window = expr.window(anchor)
    except dates.DateError:  # past Python's calendar
        where = "outside"
    else:
        if window is None or (window.start >= FIRST and window.end <= LAST):
            return None
        where = "before" if window.start < FIRST else "after"
    return source.diagnostic(
        "WF203",
        f'"{expr.text}" is {where} the years a plan can name ({FIRST.year} to {LAST.year})',
        path,
        hint="check the year; a date that is not known yet is `tbc`",
    )


def _parse(
    source: SourceFile, path: YamlPath, text: str
) -> tuple[dates.DateExpr | None, Diagnostic | None]:
    try:
        return dates.parse(text), None
    except dates.DateError as err:
        code = _CODES.get(err.kind, "WF201")
        return None, source.diagnostic(code, str(err), path, hint=err.hint or None)
