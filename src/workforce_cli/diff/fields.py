"""The fields no other comparison names: notes, descriptions, links, approvals, and so on.

Every change to what a plan says is reported; those without a meaning of their own are
"other field changed", so an edit is never summed up as "no changes to plans".
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from workforce_cli.diff.common import Pair, shown
from workforce_cli.diff.results import Change
from workforce_cli.model.walk import YamlPath


def other(
    pair: Pair,
    old: BaseModel,
    new: BaseModel,
    path: YamlPath,
    skip: frozenset[str],
    item_id: str,
    title: str,
) -> Iterator[Change]:
    """One change listing every field of `new` not in `skip` that differs from `old`."""
    # Compared as models first: most items of a changed plan are untouched, and dumping
    # every one of them to compare would be most of the cost of a diff.
    names = [n for n in type(new).model_fields if n not in skip]
    differ = [n for n in names if getattr(old, n, None) != getattr(new, n, None)]
    if not differ:
        return
    before = old.model_dump(mode="json", include=set(differ))
    after = new.model_dump(mode="json", include=set(differ))
    first = differ[0]
    where = pair.at((*path, first) if after.get(first) is not None else path)
    details = tuple(f"{n} {shown(before.get(n))} → {shown(after.get(n))}" for n in differ)
    yield Change("field_changed", item_id, title, where, details=details)
