"""The portfolio overview of a report on several plans: one row per plan, worst first."""

from __future__ import annotations

import re
from typing import Any

# Headings of a Markdown pack that come before or beside the plans' titles.
_FIXED_HEADINGS = ("portfolio-overview", "contents")
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")


def slug(text: str) -> str:
    """The anchor GitHub gives a Markdown heading: lower case, punctuation dropped, spaces
    to hyphens (GitLab agrees unless that leaves two hyphens in a row)."""
    return _NOT_IN_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def markdown_anchors(plans: list[dict[str, Any]]) -> None:
    """Give each plan `md_anchor`: its title's slug, numbered as GitHub numbers repeats."""
    seen: dict[str, int] = dict.fromkeys(_FIXED_HEADINGS, 1)
    for plan in plans:
        base = slug(plan["title"])
        n = seen.get(base, 0)
        plan["md_anchor"] = base if n == 0 else f"{base}-{n}"
        seen[base] = n + 1


_SEVERITY = {"red": 0, "amber": 1, "green": 2}
_TARGET_SEVERITY = {"missed": 0, "at risk": 1, "no data": 2, "on track": 3, "met": 4}


def portfolio(plans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each plan's rating, exceptions and targets' states; worst first.

    Worst means: Red before Amber before Green; then most overdue, most blocked, most due
    soon; then the worse of its targets (missed, at risk ...); then by title.
    """
    rows = []
    for plan in plans:
        counts = plan["counts"]
        targets = [
            {"goal": f"{t['metric_text'].capitalize()} {t['goal']}", "state": t["state"]}
            for t in plan["targets"]
        ]
        rows.append(
            {
                "id": plan["id"],
                "title": plan["title"],
                "organisation": plan["organisation"],
                "anchor": plan["id"],
                "md_anchor": plan.get("md_anchor", plan["id"]),
                "rating": plan["rating"],
                "label": plan["label"],
                "reason": plan["headline"]["reason"],
                "overdue": counts["overdue"],
                "blocked": counts["blocked"],
                "due_soon": counts["due_soon"],
                "complete": plan["progress"]["complete"],
                "of": plan["progress"]["of"],
                "targets": targets,
            }
        )

    def order(row: dict[str, Any]) -> tuple[Any, ...]:
        states = [_TARGET_SEVERITY.get(t["state"], 2) for t in row["targets"]]
        return (
            _SEVERITY[row["rating"]],
            -row["overdue"],
            -row["blocked"],
            -row["due_soon"],
            min(states, default=5),
            row["title"].casefold(),
            row["id"],
        )

    rows.sort(key=order)
    return rows
