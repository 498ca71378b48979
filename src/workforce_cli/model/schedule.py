"""A plan's dates resolved to windows: the anchor of relative timescales, deadlines, as-of dates.

Only for plans that passed `wfplan validate`'s date checks: an unreadable expression here
is a bug, not bad input.
"""

from __future__ import annotations

from datetime import date

from workforce_cli import dates
from workforce_cli.model import Plan, Tracked


def anchor(plan: Plan) -> date | None:
    """The day relative timescales count from: the start of `period.start`'s window."""
    if plan.period is None or plan.period.start is None:
        return None
    expr = dates.parse(plan.period.start)
    if expr.is_relative:
        return None
    window = expr.window()
    return window.start if window else None


def window(text: str | None, start: date | None) -> dates.Window | None:
    """The window of a date expression (None for none, ongoing and undetermined)."""
    if text is None:
        return None
    return dates.parse(text).window(start)


def effective_due(item: Tracked) -> str | None:
    """The deadline in force: a re-baselined `revised_due` if there is one, else `due`."""
    return item.revised_due if item.revised_due is not None else item.due


def end_of(text: str, start: date | None) -> date | None:
    """The last day of a date expression's window: a deadline, or a snapshot's as-of date."""
    resolved = window(text, start)
    return resolved.end if resolved else None
