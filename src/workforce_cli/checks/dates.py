"""The rules of date expressions (WF201-WF206): every `due`, `revised_due`, `start`,
`done_on`, `by`, `as_of` and `on` of a plan and of its staffing files.

Every rule here needs the plan's dates parsed; `_dates` parses them once per plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from workforce_cli import dates
from workforce_cli.checks.rule import per_plan, plan_milestones, rule
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.model import Status
from workforce_cli.model.walk import YamlPath, date_fields
from workforce_cli.read.sources import LoadedPlan, SourceFile

_CODES = {"unrecognised": "WF201", "ambiguous": "WF202", "impossible": "WF203"}
FIRST, LAST = date(1900, 1, 1), date(2199, 12, 31)
"""The days a plan's dates may name. Every command computes with them (a deadline plus the
days of `due_within`, the day after for a calendar event, a quarter's end), and a date near
the ends of Python's calendar (years 1 and 9999) would crash those sums: WF203 instead."""

_PERIOD_START: YamlPath = ("period", "start")


@rule("WF201")
def unrecognised_date(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A date field holds text that is not a date expression wfplan knows.

    Why: a deadline that cannot be read can never be overdue, so nobody would be chased
    for it. The forms a plan may use are listed in docs/dates.md:
    `Dec 2021`, `2022-03-31`, `Q3 2022`, `2022/23`, `Spring 2022`, `+9 weeks`, `ongoing`,
    `tbc` and more.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: soonish

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
    """
    return _problems(loaded, "WF201")


@rule("WF202")
def ambiguous_date(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A date expression that can be read two ways: `04/05` is April 2005, or the financial
    year 2004/05.

    Why: the two readings are a year apart; choosing one silently would make a deadline
    overdue, or not, by accident. Write the month or the year in full.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: 04/05

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Apr 2005
    """
    return _problems(loaded, "WF202")


@rule("WF203")
def impossible_date(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A date that does not exist (the 31st of February, month 13, the 0th of a month), or
    one outside the years a plan can name, 1900 to 2199.

    Why: it is a slip, and the day meant cannot be told from it (the 28th? the 3rd of
    March?); the author has to say.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: 31 Feb 2021

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: 28 Feb 2021
    """
    return _problems(loaded, "WF203")


@rule("WF204")
def relative_without_start(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    A relative timescale (`+9 weeks`, `+6m`) in a plan with no `period.start` to count
    from, or a `period.start` that is itself relative.

    Why: plans often say "within 9 weeks" of their start. Without the start, the deadline
    is unknown and the milestone could never be overdue.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: +9 weeks

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        period: {start: Apr 2021}
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: +9 weeks
    """
    parsed = _dates(loaded)[0]
    source = loaded.source
    start = parsed.get(_PERIOD_START)
    if start is not None and start.is_relative:
        yield source.diagnostic(
            "WF204",
            f'period.start "{start.text}" is relative; it is what relative timescales count from',
            _PERIOD_START,
            hint="write the date the plan starts, such as `start: Apr 2002`",
        )
        start = None
    has_anchor = start is not None and start.window() is not None
    for path, expr in parsed.items():
        if expr.is_relative and not has_anchor and path != _PERIOD_START:
            yield source.diagnostic(
                "WF204",
                f'"{expr.text}" is relative to the plan\'s start, but the plan has no '
                "`period.start`",
                path,
                hint="add `period: {start: ...}` with the date the plan starts",
            )


@rule("WF205")
def undetermined_deadline(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    An open milestone whose deadline is undetermined: `tbc`, `unable to
    determine`. A done or dropped milestone is not warned about.

    Why: a milestone with no deadline is never overdue, so nobody is chased for it. The
    source may really give no date, so it is a warning: it keeps the gap visible until a
    date is agreed.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Restructure the teams
            due: tbc

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Restructure the teams
            due: Mar 2022
    """
    parsed = _dates(loaded)[2]
    for ref in plan_milestones(loaded):
        if ref.item.status in (Status.DONE, Status.DROPPED):
            continue
        field = "revised_due" if ref.item.revised_due is not None else "due"
        expr_due = parsed.get((*ref.path, field))
        if expr_due is not None and expr_due.kind == "undetermined":
            yield loaded.source.diagnostic(
                "WF205",
                f'"{ref.id}" has no deadline yet ({field}: {expr_due.text})',
                (*ref.path, field),
                hint="it will never show as overdue; set a date when one is agreed",
            )


@rule("WF206")
def period_reversed(loaded: LoadedPlan) -> Iterator[Diagnostic]:
    """
    The plan's `period.end` is before its `period.start`.

    Why: usually two dates swapped or a year mistyped; the period is what relative
    timescales count from and what the report shows as the plan's life.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        period: {start: Apr 2023, end: 2021}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        period: {start: Apr 2021, end: Mar 2023}
    """
    parsed = _dates(loaded)[2]
    start, end = parsed.get(_PERIOD_START), parsed.get(("period", "end"))
    if start is None or start.is_relative or end is None:
        return
    start_window = start.window()
    if start_window is None:
        return
    end_window = end.window(start_window.start)
    if end_window and end_window.end < start_window.start:
        yield loaded.source.diagnostic(
            "WF206",
            f'period ends ("{end.text}") before it starts ("{start.text}")',
            ("period", "end"),
        )


RULES = (
    unrecognised_date,
    ambiguous_date,
    impossible_date,
    relative_without_start,
    undetermined_deadline,
    period_reversed,
)


def _problems(loaded: LoadedPlan, code: str) -> Iterator[Diagnostic]:
    return (d for d in _dates(loaded)[1] if d.code == code)


@per_plan
def _dates(
    loaded: LoadedPlan,
) -> tuple[dict[YamlPath, dates.DateExpr], list[Diagnostic], dict[YamlPath, dates.DateExpr]]:
    """The plan's date expressions by path; what could not be parsed, or is out of range
    (WF201-WF203); and the expressions in range, for the rules that compute with them."""
    plan, source = loaded.plan, loaded.source
    parsed: dict[YamlPath, dates.DateExpr] = {}
    problems: list[Diagnostic] = []
    for path, text in date_fields(plan):
        expr, problem = _parse(source, path, text)
        if problem:
            problems.append(problem)
        elif expr is not None:
            parsed[path] = expr
    start = parsed.get(_PERIOD_START)
    start_window = start.window() if start is not None and not start.is_relative else None
    anchor = start_window.start if start_window is not None else None
    usable = dict(parsed)
    for path, expr in parsed.items():
        problem = _out_of_range(source, path, expr, anchor)
        if problem:
            problems.append(problem)
            del usable[path]
    for snapshot_ref in loaded.snapshots:
        if snapshot_ref.source is source:
            continue  # the plan's own snapshots are among its date fields
        where = (*snapshot_ref.path, "as_of")
        expr, problem = _parse(snapshot_ref.source, where, snapshot_ref.snapshot.as_of)
        if expr is not None:
            problem = _out_of_range(snapshot_ref.source, where, expr, anchor)
        if problem:
            problems.append(problem)
    return parsed, problems, usable


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
