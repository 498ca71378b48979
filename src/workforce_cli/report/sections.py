"""The report's reading aids, from the status engine's results: the summary sentences, the
headline's reason, the blocker of each blocked milestone, the "by lead" view and the key.

One vocabulary throughout: a plan has actions, actions contain milestones, and an action
without milestones of its own is counted as one milestone. Every count says what it counts.
"""

from __future__ import annotations

from typing import Any

from workforce_cli.model import Plan
from workforce_cli.output import days, plural
from workforce_cli.status.engine import MilestoneStatus, Options, PlanStatus, worst

NO_LEAD = "No lead named"

DECISION = (
    "The plan's rating comes from its milestones only (a plan is Red if any milestone is "
    "Red, else Amber if any is Amber, else Green), as the progress of the actions agreed. "
    "Staffing targets are rated apart, each with its own state (met, on track, at risk, "
    "missed, no data), and shown beside the plan's rating in the headline: a plan can be "
    "Green while a target is at risk, and the report says so rather than hiding one in the "
    "other."
)


def summary(result: PlanStatus, options: Options) -> list[str]:
    """The facts in sentences: "4 of 12 milestones complete; 2 overdue, the oldest by 45 days"."""
    done, of = result.progress
    dropped = len(result.apart("dropped"))
    overdue = result.overdue
    first = f"{done} of {plural(of, 'milestone')} complete"
    if dropped:
        first += f" ({dropped} dropped, not counted)"
    if overdue:
        oldest = overdue[0].days_overdue or 0
        first += f"; {len(overdue)} overdue, the oldest by {days(oldest)}"
    elif of - done:
        first += "; none overdue"
    sentences = [first + "."]
    soon = result.due_soon(options.due_within)
    blocked = sum(1 for m in result.milestones if m.blocked)
    extra = []
    if soon:
        extra.append(f"{len(soon)} due in the next {options.due_within} days")
    if blocked:
        extra.append(f"{blocked} blocked")
    late = sum(1 for m in result.milestones if m.late)
    if late:
        extra.append(f"{late} completed late")
    if extra:
        sentences.append(_capital(_join(extra)) + ".")
    apart = [
        (len(result.apart("ongoing")), "ongoing"),
        (len(result.apart("undetermined")), "without a date yet"),
    ]
    words = [f"{n} {what}" for n, what in apart if n]
    if words:
        sentences.append(f"Not rated (listed apart): {_join(words)}.")
    revised = sum(1 for m in result.milestones if m.revised_due)
    if revised:
        sentences.append(f"{plural(revised, 'milestone')} re-baselined (see Revisions).")
    return sentences


def headline(result: PlanStatus, targets: list[dict[str, Any]], options: Options) -> dict[str, str]:
    """The plan's rating with the reason for it, and its targets' states beside it."""
    ms = result.milestones
    within = options.due_within
    if result.rating == "red":
        late = [m for m in ms if m.rating == "red" and (m.days_overdue or 0) > options.red_after]
        # Red but not late: blocked and due soon. (Tested on the days, not by looking each
        # one up in `late`, which made a report quadratic in the plan's size.)
        stuck = [m for m in ms if m.rating == "red" and (m.days_overdue or 0) <= options.red_after]
        parts = []
        if late:
            oldest = max(m.days_overdue or 0 for m in late)
            grace = f" by more than {days(options.red_after)}" if options.red_after else ""
            parts.append(
                f"1 milestone overdue{grace} ({days(oldest)} late)"
                if len(late) == 1
                else f"{len(late)} milestones overdue{grace}, the oldest by {days(oldest)}"
            )
        if stuck:
            parts.append(f"{len(stuck)} blocked and due within {within} days")
        reason = "; ".join(parts)
    elif result.rating == "amber":
        blocked = [m for m in ms if m.rating == "amber" and m.blocked]
        soon = [m for m in ms if m.rating == "amber" and not m.blocked]
        parts = []
        if soon:
            parts.append(f"{plural(len(soon), 'milestone')} due within {within} days")
        if blocked:
            parts.append(f"{len(blocked)} blocked")
        reason = "; ".join(parts)
    else:
        reason = f"nothing overdue, blocked or due within {within} days"
    states: dict[str, int] = {}
    for target in targets:
        states[target["state"]] = states.get(target["state"], 0) + 1
    target_text = ""
    if targets:
        noun = "target" if len(targets) == 1 else "targets"
        counted = ", ".join(f"{n} {state}" for state, n in states.items())
        target_text = f"Staffing {noun} (rated apart from the plan): {counted}."
    return {
        "rating": result.rating,
        "label": options.label(result.rating),
        "reason": reason,
        "text": f"{options.label(result.rating)}: {reason}.",
        "targets": target_text,
    }


def blocker(plan: Plan, result: PlanStatus, row: dict[str, Any]) -> str:
    """What holds a blocked milestone up: its action's unfinished dependencies, else its note."""
    action = next((a for a in plan.actions if a.id == row["action"]), None)
    waiting = []
    for dep in action.depends_on if action is not None else ():
        open_parts = [m for m in result.milestones if m.action_id == dep and m.open]
        if open_parts:
            waiting.append(f"{open_parts[0].action_title} ({dep})")
    if waiting:
        return "Waiting on " + _join(waiting)
    note = row.get("notes") or (action.notes if action is not None else None)
    if note:
        return " ".join(str(note).split())
    return "No blocker recorded (add a note to the milestone)"


def by_lead(
    result: PlanStatus, rows: dict[str, dict[str, Any]], options: Options
) -> list[dict[str, Any]]:
    """Open milestones by lead, for chasing: counts, and the ones to chase, worst first.

    A milestone with two leads is listed under each; leads with nothing open are left out.
    """
    leads: dict[str, list[MilestoneStatus]] = {}
    for m in result.milestones:
        if not m.open or m.not_rated == "dropped":
            continue
        for owner in m.owners or (NO_LEAD,):
            leads.setdefault(owner, []).append(m)
    out: list[dict[str, Any]] = []
    for lead, open_ms in leads.items():
        chase = [m for m in open_ms if m.overdue or m.blocked or m.due_soon(options.due_within)]
        out.append(
            {
                "lead": lead,
                "open": len(open_ms),
                "overdue": sum(1 for m in open_ms if m.overdue),
                "blocked": sum(1 for m in open_ms if m.blocked),
                "due_soon": sum(1 for m in open_ms if m.due_soon(options.due_within)),
                "chase": [rows[m.id] for m in sorted(chase, key=worst)],
            }
        )
    out.sort(key=lambda r: (-r["overdue"], -r["blocked"], -r["due_soon"], r["lead"] == NO_LEAD))
    return out


def key(options: Options) -> dict[str, Any]:
    """What the colours mean with this configuration, the metrics, and the plan/target rule."""
    within, grace = options.due_within, options.red_after
    overdue = f"more than {days(grace)} past" if grace else "past"
    ratings = [
        (
            "red",
            f"Not done and its deadline is {overdue}; or blocked and due within {within} days.",
        ),
        (
            "amber",
            f"Not done and due within {within} days"
            + (f" or overdue by up to {days(grace)}" if grace else "")
            + "; or blocked.",
        ),
        ("green", f"Not done, not blocked, and due more than {within} days ahead."),
        ("complete", "Done (marked late when done after its deadline)."),
        (
            "not_rated",
            "Dropped, ongoing (no deadline) or without a date yet: listed apart.",
        ),
    ]
    return {
        "ratings": [
            {"rating": r, "label": options.label(r), "meaning": text} for r, text in ratings
        ],
        "due_within": within,
        "red_after": grace,
        "decision": DECISION,
        "counting": (
            "A plan has actions; actions contain milestones. An action without milestones of "
            "its own counts as one milestone. Progress counts complete milestones out of all "
            "that are not dropped."
        ),
        "dates": (
            "A deadline is shown as the day it falls due: the last day of the period written "
            "(a month is due on its last day, a financial year on 31 March), with the source's "
            "own words beneath where they say more. A revised deadline shows the original too."
        ),
        "metrics": [
            {
                "name": "Permanent share",
                "meaning": "permanent FTE ÷ (permanent + agency FTE).",
            },
            {
                "name": "Agency rate",
                "meaning": "agency FTE ÷ (agency + permanent FTE): the Department for "
                "Education's agency worker rate.",
            },
            {
                "name": "Vacancy rate",
                "meaning": "vacancies ÷ (vacancies + permanent FTE), with vacancies counted as "
                "the Department for Education counts them: funded posts without a permanent "
                "worker, including those covered by agency workers.",
            },
        ],
    }


def basis(staffing: dict[str, Any] | None) -> str:
    """The vacancy basis of the plan's latest figures, in words (empty without figures)."""
    if not staffing or not staffing.get("latest_snapshot"):
        return ""
    if staffing["latest_snapshot"].get("vacancy_basis") == "dfe":
        return (
            "Basis used: the plan's vacancy figures already count agency-covered posts (as the "
            "Department for Education does), so they are used as they are."
        )
    return (
        "Basis used: the plan records vacant posts that nobody covers; agency-covered posts "
        "are added to them to give the Department for Education's vacancy count."
    )


def _join(parts: list[str]) -> str:
    if not parts:
        return ""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
