"""The changes between two versions of one plan, matched by id.

Actions, milestones, targets and measures are matched by id (or paired as renames, see
`items`), snapshots and readings by their as-of date, so moving or re-ordering a block, or
renaming the file, changes nothing. Both versions have passed validation before they get
here; a date that still cannot be read counts as "no date" rather than failing.
"""

from __future__ import annotations

from collections.abc import Iterator

from workforce_cli.diff import fields, items, measures, targets
from workforce_cli.diff.common import Pair, days_between, end, moved, owners, shown
from workforce_cli.diff.results import Change
from workforce_cli.read.sources import LoadedPlan

_OWN = frozenset(
    [
        "wfplan",
        "kind",
        "id",
        "title",
        "owner",
        "period",
        "review",
        "actions",
        "targets",
        "measures",
        "staffing",
    ]
)


def compare(base: LoadedPlan, head: LoadedPlan) -> list[Change]:
    pair = Pair(base, head)
    return [
        *_plan(pair),
        *items.changes(pair),
        *targets.targets(pair),
        *measures.measures(pair),
        *targets.snapshots(pair),
    ]


def _plan(pair: Pair) -> Iterator[Change]:
    was, now = pair.base.plan, pair.head.plan
    if was.title != now.title:
        details = (f"{shown(was.title)} → {shown(now.title)}",)
        yield Change("title_changed", now.id, now.title, pair.at(("title",)), details=details)
    if (was.owner or []) != (now.owner or []):
        where = pair.at(("owner",) if now.owner else ())
        details = (f"{owners(was.owner)} → {owners(now.owner)}",)
        yield Change("owner_changed", now.id, now.title, where, details=details)
    period: list[str] = []
    for name in ("start", "end"):
        a = getattr(was.period, name) if was.period else None
        b = getattr(now.period, name) if now.period else None
        if a != b:
            period.append(f"period.{name} {a or 'none'} → {b or 'none'}")
    if period:
        where = pair.at(("period",) if now.period else ())
        yield Change("period_changed", now.id, now.title, where, details=tuple(period))
    before = was.review.due if was.review else None
    after = now.review.due if now.review else None
    if before != after:
        days = days_between(end(before, pair.base_anchor), end(after, pair.head_anchor))
        later = (days is not None and days > 0) or (before is not None and after is None)
        words = f"review.due {before or 'none'} → {after or 'none'}{moved(days)}"
        kind = "review_postponed" if later else "review_changed"
        where = pair.at(("review",) if now.review else ())
        yield Change(kind, now.id, now.title, where, before, after, days, details=(words,))
    yield from fields.other(pair, was, now, (), _OWN, now.id, now.title)
    if was.review and now.review and was.review.by != now.review.by:
        by = (f"review.by {shown(was.review.by)} → {shown(now.review.by)}",)
        where = pair.at(("review", "by") if now.review.by else ("review",))
        yield Change("field_changed", now.id, now.title, where, details=by)
    a = was.staffing.unit if was.staffing else "fte"
    b = now.staffing.unit if now.staffing else "fte"
    if a != b:
        unit = (f"staffing.unit {a} → {b}",)
        yield Change("field_changed", now.id, now.title, pair.at(("staffing",)), details=unit)
