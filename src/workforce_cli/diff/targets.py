"""Staffing targets and snapshots between two versions of a plan.

A target is weakened when it asks for less (a lower permanent share, a higher agency or
vacancy rate) or gives longer (its `by` pushed back), or is removed: each is its own class
so `--fail-on target-weakened` can stop it. Snapshots are matched by their as-of date, so
re-ordering them or moving them to a staffing file changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from workforce_cli.diff import fields
from workforce_cli.diff.common import Pair, anchor, days_between, end, moved, place
from workforce_cli.diff.results import Change, Place
from workforce_cli.model import Target
from workforce_cli.model.figures import totals
from workforce_cli.output import number
from workforce_cli.read.sources import LoadedPlan, SnapshotRef

_TARGET_OWN = frozenset(("id", "metric", "value", "by", "teams", "title"))


def _target_text(target: Target) -> str:
    return f"{target.metric} {target.value} by {target.by}"


def targets(pair: Pair) -> Iterator[Change]:
    old = {t.id: (i, t) for i, t in enumerate(pair.base.plan.targets)}
    new = {t.id: (i, t) for i, t in enumerate(pair.head.plan.targets)}
    for target_id, (i, target) in new.items():
        where = pair.at(("targets", i))
        title = target.title or target_id
        if target_id not in old:
            yield Change("target_added", target_id, title, where, after=_target_text(target))
            continue
        was = old[target_id][1]
        yield from _target(pair, was, target, where, title)
        yield from fields.other(pair, was, target, ("targets", i), _TARGET_OWN, target_id, title)
    for target_id, (i, target) in old.items():
        if target_id not in new:
            yield Change(
                "target_removed",
                target_id,
                target.title or target_id,
                pair.gone(pair.base.source, ("targets", i)),
                before=_target_text(target),
            )


def _target(pair: Pair, was: Target, now: Target, where: Place, title: str) -> Iterator[Change]:
    details: list[str] = []
    weaker = False
    if was.metric != now.metric:
        details.append(f"metric {was.metric} → {now.metric}")
    if was.threshold != now.threshold or was.value != now.value:
        details.append(f"value {was.value} → {now.value}")
        if was.metric == now.metric:
            floor = now.metric == "permanent_share"
            weaker = now.threshold < was.threshold if floor else now.threshold > was.threshold
    if was.by != now.by:
        days = days_between(end(was.by, pair.base_anchor), end(now.by, pair.head_anchor))
        details.append(f"by {was.by} → {now.by}{moved(days)}")
        weaker = weaker or days is None or days > 0
    if (was.teams or []) != (now.teams or []):
        details.append(
            f"teams {', '.join(was.teams or ['all'])} → {', '.join(now.teams or ['all'])}"
        )
    if details:
        kind = "target_weakened" if weaker else "target_changed"
        before, after = _target_text(was), _target_text(now)
        yield Change(kind, now.id, title, where, before, after, details=tuple(details))


# --- staffing snapshots -------------------------------------------------------------------


def _by_date(loaded: LoadedPlan) -> dict[date | str, SnapshotRef]:
    start = anchor(loaded)
    found: dict[date | str, SnapshotRef] = {}
    for ref in loaded.snapshots:
        found.setdefault(end(ref.snapshot.as_of, start) or ref.snapshot.as_of, ref)
    return found


def _share(ref: SnapshotRef | None) -> float | None:
    if ref is None:
        return None
    return totals(ref.snapshot.teams, ref.snapshot.vacancy_basis).permanent_share


def _figures(ref: SnapshotRef) -> str:
    t = totals(ref.snapshot.teams, ref.snapshot.vacancy_basis)
    return (
        f"{number(t.permanent)} permanent, {number(t.agency)} agency, "
        f"{number(t.vacant)} vacant {ref.unit}"
    )


def _rows(ref: SnapshotRef) -> dict[str, tuple[float | None, ...]]:
    return {r.team: (r.permanent, r.agency, r.vacant, r.establishment) for r in ref.snapshot.teams}


_COLUMNS = ("permanent", "agency", "vacant", "establishment")


def _row_changes(old: SnapshotRef, new: SnapshotRef) -> list[str]:
    before, after = _rows(old), _rows(new)
    details: list[str] = []
    if old.snapshot.vacancy_basis != new.snapshot.vacancy_basis:
        details.append(f"vacancy_basis {old.snapshot.vacancy_basis} → {new.snapshot.vacancy_basis}")
    for team, figures in after.items():
        if team not in before:
            details.append(f"{team}: row added")
            continue
        changed = [
            f"{name} {number(a)} → {number(b)}"
            for name, a, b in zip(_COLUMNS, before[team], figures, strict=True)
            if a != b
        ]
        if changed:
            details.append(f"{team}: {', '.join(changed)}")
    details.extend(f"{team}: row removed" for team in before if team not in after)
    for name in ("stated_totals", "notes"):
        a, b = getattr(old.snapshot, name), getattr(new.snapshot, name)
        if a != b:
            details.append(f"{name} changed")
    return details


def snapshots(pair: Pair) -> Iterator[Change]:
    old, new = _by_date(pair.base), _by_date(pair.head)
    ordered = sorted(new, key=str)
    for position, key in enumerate(ordered):
        ref = new[key]
        title = f"staffing as of {ref.snapshot.as_of}"
        was = old.get(key)
        if was is None:
            previous = new[ordered[position - 1]] if position else None
            yield Change(
                "snapshot_added",
                ref.snapshot.as_of,
                title,
                place(ref.source, ref.path),
                after=_figures(ref),
                share_before=_share(previous),
                share_after=_share(ref),
            )
            continue
        details = _row_changes(was, ref)
        if details:
            yield Change(
                "snapshot_changed",
                ref.snapshot.as_of,
                title,
                place(ref.source, ref.path),
                _figures(was),
                _figures(ref),
                share_before=_share(was),
                share_after=_share(ref),
                details=tuple(details),
            )
    for key, ref in old.items():
        if key not in new:
            yield Change(
                "snapshot_removed",
                ref.snapshot.as_of,
                f"staffing as of {ref.snapshot.as_of}",
                pair.gone(ref.source, ref.path),
                before=_figures(ref),
                share_before=_share(ref),
            )
