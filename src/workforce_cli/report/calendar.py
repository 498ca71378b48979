"""Milestones as an iCalendar file, for Outlook and Google Calendar.

Written with the `icalendar` library: RFC 5545's escaping, line folding and CRLF line ends
are easy to get subtly wrong by hand, and calendar clients reject rather than repair.

- One all-day event per dated milestone, on the last day of its effective due window
  (`revised_due` if set, else `due`): the day by which it is due.
- UID `<plan-id>.<milestone-id>@wfplan`: ids are unique and stable, so importing a newer
  file updates the events instead of adding copies.
- Done milestones keep their event, with "[done]" before the summary (the one mark every
  client shows); dropped ones are STATUS:CANCELLED, so a re-import removes them from view
  rather than leaving a stale deadline. Every event is TRANSP:TRANSPARENT: a deadline does
  not make anyone busy.
- DTSTAMP is the as-of day at midnight UTC, not the clock: the same plans give the same file.
- Ongoing and undetermined milestones have no day and are left out (counted in the result).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from workforce_cli import __version__, dates
from workforce_cli.model import Plan, Status, schedule
from workforce_cli.model.walk import MilestoneRef, milestones


@dataclass(frozen=True)
class CalendarFile:
    data: bytes
    events: int
    skipped: int
    """Milestones without a day: ongoing or undetermined."""


def build(plans: Iterable[Plan], as_of: date) -> CalendarFile:
    calendar = Calendar()
    calendar.add("prodid", f"-//wfplan//wfplan {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Workforce plan milestones")
    stamp = datetime.combine(as_of, time(0, 0), UTC)
    events = skipped = 0
    for plan in plans:
        anchor = schedule.anchor(plan)
        for ref in milestones(plan):
            due = schedule.effective_due(ref.item)
            window = schedule.window(due, anchor)
            if window is None:
                skipped += 1
                continue
            calendar.add_component(_event(plan, ref, window.end, anchor, stamp))
            events += 1
    return CalendarFile(calendar.to_ical(), events, skipped)


def _event(plan: Plan, ref: MilestoneRef, day: date, anchor: date | None, stamp: datetime) -> Event:
    item = ref.item
    event = Event()
    event.add("uid", f"{plan.id}.{ref.id}@wfplan")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    done = "[done] " if item.status is Status.DONE else ""
    event.add("summary", f"{done}{ref.title} ({plan.id})")
    event.add("description", "\n".join(_description(plan, ref, anchor)))
    event.add("categories", [plan.id])
    event.add("transp", "TRANSPARENT")
    if item.status is Status.DROPPED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def _description(plan: Plan, ref: MilestoneRef, anchor: date | None) -> list[str]:
    item = ref.item
    lines = [f"Plan: {plan.title} ({plan.id})"]
    if not ref.is_action:
        lines.append(f"Action: {ref.action.title} ({ref.action.id})")
    if ref.owners:
        lines.append(f"Owner: {'; '.join(ref.owners)}")
    lines.append(f"Status: {item.status.value.replace('_', ' ')}")
    if item.revised_due is not None:
        lines.append(f"Due: {item.revised_due} (revised; originally {_when(item.due, anchor)})")
        if item.revision_reason:
            lines.append(f"Reason: {item.revision_reason}")
    else:
        lines.append(f"Due: {_when(item.due, anchor)}")
    if item.done_on is not None:
        lines.append(f"Done on: {item.done_on}")
    return lines


def _when(text: str | None, anchor: date | None) -> str:
    """The due date as the plan writes it, with its last day where that is not obvious."""
    if text is None:
        return "none"
    window = schedule.window(text, anchor)
    if window is None or window.start == window.end:
        return text
    return f"{text}, by {dates.format_window(dates.Window(window.end, window.end))}"
