"""Measures (caseloads, time to appoint, turnover) between two versions of a plan.

A reading added is news; a reading of a date that was already reported, changed or
removed, rewrites the record of the past ("record-correction"). A measure's target moved
the easy way (given `better: lower|higher`) or pushed back is a weakened target.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from workforce_cli.diff import fields
from workforce_cli.diff.common import Pair, days_between, end
from workforce_cli.diff.results import Change
from workforce_cli.model import Measure, MeasureTarget, Reading
from workforce_cli.output import number

_OWN = frozenset(("id", "title", "unit", "better", "baseline", "target", "actuals"))


def _value(value: float, measure: Measure) -> str:
    return f"{number(value)} {measure.unit}" if measure.unit else number(value)


def _reading(reading: Reading | None) -> str:
    return f"{number(reading.value)} ({reading.as_of})" if reading else "none"


def _goal(target: MeasureTarget | None) -> str:
    return f"{number(target.value)} by {target.by}" if target else "none"


def measures(pair: Pair) -> Iterator[Change]:
    old = {m.id: (i, m) for i, m in enumerate(pair.base.plan.measures)}
    new = {m.id: (i, m) for i, m in enumerate(pair.head.plan.measures)}
    for measure_id, (i, measure) in new.items():
        if measure_id not in old:
            yield Change("measure_added", measure_id, measure.title, pair.at(("measures", i)))
            continue
        yield from _measure(pair, old[measure_id][1], measure, i)
    for measure_id, (i, measure) in old.items():
        if measure_id not in new:
            where = pair.gone(pair.base.source, ("measures", i))
            yield Change("measure_removed", measure_id, measure.title, where)


def _weaker(pair: Pair, was: MeasureTarget, now: MeasureTarget, better: str | None) -> bool:
    later = days_between(end(was.by, pair.base_anchor), end(now.by, pair.head_anchor))
    if later is None or later > 0:
        return True
    if better == "lower":
        return now.value > was.value
    if better == "higher":
        return now.value < was.value
    return False


def _measure(pair: Pair, was: Measure, now: Measure, i: int) -> Iterator[Change]:
    path = ("measures", i)
    if was.title != now.title:
        where = pair.at((*path, "title"))
        retitled = (f'"{was.title}" → "{now.title}"',)
        yield Change("title_changed", now.id, now.title, where, details=retitled)
    if was.target != now.target:
        where = pair.at((*path, "target") if now.target else path)
        words = f"target {_goal(was.target)} → {_goal(now.target)}"
        weaker = now.target is None or (
            was.target is not None and _weaker(pair, was.target, now.target, now.better)
        )
        if weaker:
            words += f" (better: {now.better})" if now.better else ""
            yield Change("measure_target_weakened", now.id, now.title, where, details=(words,))
        else:
            yield Change("measure_changed", now.id, now.title, where, details=(words,))
    details: list[str] = []
    if was.baseline != now.baseline:
        details.append(f"baseline {_reading(was.baseline)} → {_reading(now.baseline)}")
    for name in ("unit", "better"):
        a, b = getattr(was, name), getattr(now, name)
        if a != b:
            details.append(f"{name} {a or 'none'} → {b or 'none'}")
    if details:
        where = pair.at((*path, "baseline") if was.baseline != now.baseline else path)
        yield Change("measure_changed", now.id, now.title, where, details=tuple(details))
    yield from _readings(pair, was, now, path)
    yield from fields.other(pair, was, now, path, _OWN, now.id, now.title)


def _readings(pair: Pair, was: Measure, now: Measure, path: tuple[str, int]) -> Iterator[Change]:
    def by_date(measure: Measure, start: date | None) -> dict[date | str, tuple[int, Reading]]:
        found: dict[date | str, tuple[int, Reading]] = {}
        for j, reading in enumerate(measure.actuals):
            found.setdefault(end(reading.as_of, start) or reading.as_of, (j, reading))
        return found

    old, new = by_date(was, pair.base_anchor), by_date(now, pair.head_anchor)
    for key, (j, reading) in new.items():
        where = pair.at((*path, "actuals", j))
        if key not in old:
            words = f"{reading.as_of}: {_value(reading.value, now)}"
            yield Change("reading_added", now.id, now.title, where, details=(words,))
        elif old[key][1].value != reading.value:
            words = f"{reading.as_of}: {number(old[key][1].value)} → {_value(reading.value, now)}"
            yield Change("reading_corrected", now.id, now.title, where, details=(words,))
    for key, (j, reading) in old.items():
        if key not in new:
            where = pair.gone(pair.base.source, (*path, "actuals", j))
            words = f"{reading.as_of}: {_value(reading.value, was)} removed"
            yield Change("reading_corrected", now.id, now.title, where, details=(words,))
