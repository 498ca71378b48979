"""What every comparison of two versions of a plan needs: places, dates, words for values.

`Pair` holds the two versions and answers "where is this in the head file?", including for
something that is no longer there: a removal is shown at the first line after the deleted
lines in the new file, which is where a pull request's diff shows the deletion (the first
line of the enclosing list is usually outside the diff, so a review would never see it).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workforce_cli import dates
from workforce_cli.diff.results import Place
from workforce_cli.model import Action, Milestone, Status, schedule
from workforce_cli.model.walk import YamlPath
from workforce_cli.output import days
from workforce_cli.read.sources import LoadedPlan, SourceFile

FINISHED = (Status.DONE, Status.DROPPED)


def unfinished(item: Action | Milestone) -> bool:
    return item.status not in FINISHED


def end(text: str | None, anchor: date | None) -> date | None:
    """The last day of a date expression; None for none, ongoing, tbc or unreadable."""
    if text is None:
        return None
    try:
        return schedule.end_of(text, anchor)
    except dates.DateError:
        return None


def anchor(loaded: LoadedPlan) -> date | None:
    # The base is not date-checked (see engine.diff): an unreadable start is no anchor.
    try:
        return schedule.anchor(loaded.plan)
    except dates.DateError:
        return None


def days_between(before: date | None, after: date | None) -> int | None:
    return (after - before).days if before and after else None


def moved(value: int | None) -> str:
    return "" if value is None else f" ({days(value, signed=True)})"


def shown(value: Any, limit: int = 60) -> str:
    """A field's value in a sentence: text quoted, lists joined, nothing as "none"."""
    if value is None or value == []:
        return "none"
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        text = ", ".join(value)
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def owners(value: list[str] | None) -> str:
    return "; ".join(value) if value else "none"


@dataclass(eq=False)
class Pair:
    """Two versions of one plan, and the means to place a change in the head revision."""

    base: LoadedPlan
    head: LoadedPlan
    base_anchor: date | None = None
    head_anchor: date | None = None
    _maps: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.base_anchor, self.head_anchor = anchor(self.base), anchor(self.head)

    def at(self, path: YamlPath) -> Place:
        """The place of `path` in the head plan file."""
        return place(self.head.source, path)

    def gone(self, source: SourceFile, path: YamlPath) -> Place:
        """Where the base's `path` (in `source`) was deleted, as a place in the head file."""
        line, _ = source.locate(path)
        target = self._head_source(source.display)
        if target is None:
            return place(source, path)
        mapping = self._map(source, target)
        return Place(target.display, mapping[min(line, len(mapping)) - 1], 1)

    def _head_source(self, display: str) -> SourceFile | None:
        if display == self.base.source.display:
            return self.head.source
        for ref in self.head.snapshots:
            if ref.source.display == display:
                return ref.source
        return None

    def _map(self, old: SourceFile, new: SourceFile) -> list[int]:
        """For each line of `old` (from 1), the line of `new` it became or was deleted before."""
        key = (old.display, new.display)
        if key not in self._maps:
            self._maps[key] = line_map(old.text.splitlines(), new.text.splitlines())
        return self._maps[key]


def line_map(a: list[str], b: list[str]) -> list[int]:
    """For each line of `a` (index 0 is line 1), the 1-based line of `b` it became, or the
    first line after the place it was deleted from. The common start and end are matched
    directly, so the line matcher only sees the part that changed."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    mapping = [i + 1 for i in range(start)] + [0] * (len(a) - start)
    middle_a, middle_b = a[start : len(a) - end], b[start : len(b) - end]
    matcher = difflib.SequenceMatcher(None, middle_a, middle_b)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        for i in range(i1, i2):
            offset = j1 + (i - i1) if tag == "equal" else j1
            mapping[start + i] = start + offset + 1
    for k in range(end):
        mapping[len(a) - end + k] = len(b) - end + k + 1
    mapping.append(len(b) or 1)
    return [max(1, min(line, len(b) or 1)) for line in mapping]


def place(source: SourceFile, path: YamlPath) -> Place:
    line, column = source.locate(path)
    return Place(source.display, line, column)
