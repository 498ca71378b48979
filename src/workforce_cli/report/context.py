"""The context a report template receives: plain dicts, lists, strings and numbers.

Every number comes from the engines (`status` for ratings, `staffing` for figures); this
module only arranges their results for reading: grouped by theme and action, with the
summary sentences written out. docs/templates.md ("The template context") documents
every key; a user's template relies on them, so keys are only ever added.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from workforce_cli import __version__, dates
from workforce_cli.model import Action, Milestone, Plan, schedule
from workforce_cli.output import day, long_date
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.report import charts, sections
from workforce_cli.report.changes import Since
from workforce_cli.report.portfolio import markdown_anchors, portfolio
from workforce_cli.report.provenance import Provenance
from workforce_cli.report.staffing import staffing_section
from workforce_cli.status import engine as status
from workforce_cli.status.engine import MilestoneStatus, Options, PlanStatus

STATUS_WORDS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "blocked": "Blocked",
    "dropped": "Dropped",
}

NOT_RATED_WORDS = {"ongoing": "Ongoing", "undetermined": "No date yet", "dropped": "Dropped"}
"""Shown in the RAG column instead of a colour, for milestones that are not rated."""


def build(
    plans: Sequence[LoadedPlan],
    options: Options,
    output_format: str,
    since: Since | None = None,
    provenance: Provenance | None = None,
) -> dict[str, Any]:
    """The whole context: the report's date and settings, and one entry per plan (worst
    first when there are several, as the portfolio lists them)."""
    provenance = provenance or Provenance()
    entries = [plan_context(loaded, options, output_format, since, provenance) for loaded in plans]
    overall = status.roll_up(p["rating"] for p in entries)
    overview = portfolio(entries)
    if len(entries) > 1:
        order = {row["id"]: i for i, row in enumerate(overview)}
        entries.sort(key=lambda p: order[p["id"]])
    markdown_anchors(entries)
    for row, entry in zip(overview, entries, strict=True):
        row["md_anchor"] = entry["md_anchor"]
    return {
        "wfplan": __version__,
        "format": output_format,
        "as_of": options.as_of.isoformat(),
        "as_of_text": long_date(options.as_of),
        "as_of_short": day(options.as_of),
        "due_within": options.due_within,
        "due_by": day(options.as_of + timedelta(days=options.due_within)),
        "red_after": options.red_after,
        "labels": {rating: options.label(rating) for rating in status.RATINGS},
        "rating": overall,
        "label": options.label(overall),
        "portfolio": overview,
        "since": since.revision_text if since is not None else None,
        "generated": provenance.generated_text,
        "key": sections.key(options),
        "plans": entries,
    }


def plan_context(
    loaded: LoadedPlan,
    options: Options,
    output_format: str,
    since: Since | None = None,
    provenance: Provenance | None = None,
) -> dict[str, Any]:
    plan = loaded.plan
    result = status.evaluate(plan, options, loaded.source.display)
    anchor = schedule.anchor(plan)
    items = _items(plan)
    rows = {m.id: _milestone(m, items.get(m.id), options, anchor) for m in result.milestones}
    themes = _themes(plan, result, rows, options)
    staffing = staffing_section(loaded, options, output_format)
    blocked = [rows[m.id] for m in result.milestones if m.blocked]
    done, of = result.progress
    # PlanStatus.to_dict's keys, without its per-milestone dicts (the rows below have them).
    context: dict[str, Any] = {
        "id": result.id,
        "title": result.title,
        "organisation": result.organisation,
        "owners": list(result.owners),
        "file": result.file,
        "rating": result.rating,
        "label": options.label(result.rating),
        "counts": result.counts(options.due_within),
        "progress": {"complete": done, "of": of, "text": result.progress_text},
    }
    context.update(
        {
            "period": _period(plan),
            "review": {"due": plan.review.due, "by": plan.review.by} if plan.review else None,
            "summary": sections.summary(result, options),
            "themes": themes,
            "overdue": [rows[m.id] for m in result.overdue],
            "due_soon": [rows[m.id] for m in result.due_soon(options.due_within)],
            "blocked": blocked,
            "apart": {
                reason: [rows[m.id] for m in result.apart(reason)]
                for reason in ("ongoing", "undetermined", "dropped")
            },
            "revisions": [_revision(rows[m.id], m) for m in result.milestones if m.revised_due],
            **staffing,
            "rag_chart": _rag_chart(loaded.id, themes, options) if output_format == "html" else "",
        }
    )
    for row in blocked:
        row["blocker"] = sections.blocker(plan, result, row)
    context["actions_count"] = len(plan.actions)
    context["headline"] = sections.headline(result, context["targets"], options)
    context["by_lead"] = sections.by_lead(result, rows, options)
    context["changes"] = since.for_plan(loaded, options) if since is not None else None
    context["basis"] = sections.basis(context["staffing"])
    context["provenance"] = (provenance or Provenance()).for_plan(loaded)
    return context


# Worst first, as a reader scans a bar: what needs attention, then what is fine or done.
_CHART_ORDER = ("red", "amber", "green", "complete", "not_rated")


def _rag_chart(plan_id: str, themes: list[dict[str, Any]], options: Options) -> Markup:
    rows = [
        (
            theme["title"],
            [charts.Segment(r, options.label(r), theme["counts"][r]) for r in _CHART_ORDER],
        )
        for theme in themes
    ]
    if not rows:
        return Markup("")
    # Two drawings of one chart: the wide one for screens and paper, a narrow one (its
    # text at the same size) for phones; the stylesheet shows one of them.
    wide = charts.rag_chart(rows, f"{plan_id}-rag")
    narrow = charts.rag_chart(rows, f"{plan_id}-rag-narrow", width=charts.NARROW_WIDTH)
    return Markup(charts.pair(wide, narrow))


def _period(plan: Plan) -> str:
    if plan.period is None:
        return ""
    start, end = plan.period.start, plan.period.end
    if start and end:
        return f"{start} to {end}"
    return f"from {start}" if start else f"to {end}" if end else ""


def _milestone(
    m: MilestoneStatus, item: Action | Milestone | None, options: Options, anchor: date | None
) -> dict[str, Any]:
    row = m.to_dict(options)
    row["notes"] = item.notes if item is not None else None
    row["status_text"] = STATUS_WORDS[m.status.value]
    row["rag_text"] = NOT_RATED_WORDS[m.not_rated] if m.not_rated else row["label"]
    row["owner_text"] = ", ".join(m.owners)
    row["due_text"] = m.effective_due or ""
    row["due_date_text"] = _long_date(m.due_date) if m.due_date else ""
    # The resolved date as a table shows it, and the source's words where they say more.
    row["due_short"] = _day(m.due_date) if m.due_date else ""
    row["due_words"] = _words(m.effective_due, anchor) if m.effective_due else ""
    row["original_short"] = (
        _day(m.original_due_date) if m.revised_due and m.original_due_date else ""
    )
    row["original_words"] = _words(m.due, anchor) if m.revised_due and m.due else ""
    row["done_short"] = _day(m.done_date) if m.done_date else ""
    row["blocker"] = ""
    return row


# A plan's deadlines are a few dozen days and expressions, written out for each of its
# milestones: each is worked out once.
_day = lru_cache(maxsize=4096)(day)
_long_date = lru_cache(maxsize=4096)(long_date)


@lru_cache(maxsize=16384)
def _words(text: str, anchor: date | None) -> str:
    """The deadline as written, unless it names one day (then the date says it all)."""
    if not text:
        return ""
    expr = dates.parse(text)
    window = expr.window(anchor)
    if window is not None and window.start == window.end and not expr.is_relative:
        return ""
    return text


def _items(plan: Plan) -> dict[str, Action | Milestone]:
    """Each milestone (or milestone-less action) by id, found in one pass: looking each one up
    by scanning the actions made a report quadratic in the plan's size."""
    items: dict[str, Action | Milestone] = {}
    for action in plan.actions:
        if not action.milestones:
            items.setdefault(action.id, action)
        for milestone in action.milestones:
            items.setdefault(milestone.id, milestone)
    return items


def _themes(
    plan: Plan, result: PlanStatus, rows: dict[str, dict[str, Any]], options: Options
) -> list[dict[str, Any]]:
    """Themes in file order, each with its actions and their milestones; then unthemed ones."""
    by_action: dict[str, list[MilestoneStatus]] = {}
    for m in result.milestones:
        by_action.setdefault(m.action_id, []).append(m)
    groups: list[tuple[str | None, str, str | None]] = [
        (t.id, t.title, t.description) for t in plan.themes
    ]
    if any(a.theme is None for a in plan.actions):
        groups.append((None, "Other actions", None))
    # Each theme's actions in one pass (not one scan of every action per theme).
    by_theme: dict[str | None, list[Action]] = {}
    for action in plan.actions:
        by_theme.setdefault(action.theme, []).append(action)
    themes = []
    for theme_id, title, description in groups:
        actions = [
            _action(action, by_action.get(action.id, []), rows)
            for action in by_theme.get(theme_id, [])
        ]
        if not actions and theme_id is None:
            continue
        milestones = [m for a in actions for m in a["milestones"]]
        counts = {r: sum(1 for m in milestones if m["rating"] == r) for r in status.RATINGS}
        rows_all = [*actions, *milestones]
        # A column no row of this table fills takes no room (Lead, Timescale, Notes).
        columns = {
            "lead": any(r["owner_text"] for r in rows_all),
            "timescale": any(r["timescale"] for r in rows_all),
            "notes": any(r["notes"] for r in rows_all),
        }
        themes.append(
            {
                "id": theme_id,
                "title": title,
                "description": description,
                "counts": counts,
                "milestones_count": len(milestones),
                "columns": columns,
                "actions": actions,
                # table rows: one per milestone, plus a heading row per action with several
                "rows": len(milestones) + sum(1 for a in actions if not a["single"]),
            }
        )
    return themes


def _action(
    action: Action,
    rated: list[MilestoneStatus],
    rows: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    # No rating of its own: an action with milestones is shown with each milestone's.
    return {
        "id": action.id,
        "title": action.title,
        "owners": list(action.owner or ()),
        "owner_text": ", ".join(action.owner or ()),
        "timescale": action.timescale,
        "notes": action.notes,
        "single": not action.milestones,
        "milestones": [rows[m.id] for m in rated],
    }


def _revision(row: dict[str, Any], m: MilestoneStatus) -> dict[str, Any]:
    moved = (
        (m.due_date - m.original_due_date).days
        if m.due_date is not None and m.original_due_date is not None
        else None
    )
    return {**row, "original_due": m.due, "moved_days": moved, "reason": m.revision_reason}
