"""`wfplan diff`'s core: read two revisions with the same loader, match plans by id, compare.

Work is spent only where a change can be. Each plan's fingerprint is the set of blob ids of
its files (the plan file and every staffing file naming it); where it is the same at both
revisions, the plan cannot have changed and is not compared, nor checked at the base. The
head is always checked in full, because a broken plan must fail CI whether or not this
change touched it (`Diff.failing`). Every file is still parsed at both revisions: which
plan a staffing file joins is only known once it is read, and a changed plan needs all its
snapshots, including those in untouched files, to give the change in permanent share.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workforce_cli.checks import policy
from workforce_cli.checks.rules import CHECKS
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.diff.common import shown, unfinished
from workforce_cli.diff.compare import compare
from workforce_cli.diff.results import Change, Diff, Failure, Place, PlanDiff, PlanState
from workforce_cli.model.walk import milestones
from workforce_cli.read import loader as loading
from workforce_cli.read.git import FileAt
from workforce_cli.read.sources import LoadedPlan, Repository

# A plan by id, or (for a file that fails to load and names no plan) the file by its path.
Key = tuple[int, str]


@dataclass(eq=False)
class _Unit:
    key: Key
    loaded: LoadedPlan | None = None
    files: list[str] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)

    def failure(
        self,
        *,
        semantic: bool,
        side: _Side | None = None,
        severities: Mapping[str, str] | None = None,
    ) -> Failure | None:
        """The errors that keep this plan from being compared; `semantic` adds the checks' errors.

        The base revision is read without the semantic checks: it is what was merged, a
        problem in it is not this change's, and checking both sides would double the cost
        of a diff over a large corpus. Its schema and YAML errors still count. The head is
        checked as `wfplan validate` checks it: its files' suppressions and the configured
        `severities` apply.
        """
        errors = list(self.errors)
        if semantic and side is not None:
            found = list(self.errors)
            if self.loaded is not None:
                found += [d for check in CHECKS for d in check(self.loaded)]
            sources = [s for s in side.repository.files if s.display in self.files]
            applied = policy.apply(found, sources, severities or {})
            errors = [d for d in applied if d.severity == "error"]
        if self.loaded is not None and not errors:
            return None
        errors.sort(key=lambda d: d.sort_key)
        return Failure(len(errors), errors[0]) if errors else None


@dataclass(eq=False)
class _Side:
    files: Sequence[FileAt]
    repository: Repository
    owners: dict[str, str]
    """File path -> the plan id it holds or joins (files that fail: their `id`/`plan` key)."""


def _read(files: Sequence[FileAt], limit: int) -> _Side:
    repository = loading.load_contents([(f.path, f.content) for f in files], limit=limit)
    owners: dict[str, str] = {}
    for loaded in repository.plans:
        owners.setdefault(loaded.source.display, loaded.id)
    for doc in repository.staffing_files:
        owners[doc.source.display] = doc.staffing.plan
    content = {f.path: f.content for f in files}
    for display in {d.file for d in repository.diagnostics} - owners.keys():
        # Only for files that fail: read again to learn which plan they were meant to be.
        _, data, _ = loading.read_source(Path(display), content[display], limit=limit)
        if isinstance(data, dict):
            name = data.get("plan") if data.get("kind") == "staffing" else data.get("id")
            if isinstance(name, str) and name:
                owners[display] = name
    return _Side(files, repository, owners)


def _units(side: _Side, other: _Side) -> dict[Key, _Unit]:
    units: dict[Key, _Unit] = {}

    def unit(path: str) -> _Unit:
        owner = side.owners.get(path) or other.owners.get(path)
        key: Key = (0, owner) if owner else (1, path)
        return units.setdefault(key, _Unit(key))

    for f in side.files:
        unit(f.path).files.append(f.path)
    for loaded in side.repository.plans:
        found = unit(loaded.source.display)
        found.loaded = found.loaded or side.repository.plan(loaded.id)
    for diagnostic in side.repository.diagnostics:
        if diagnostic.severity == "error":
            unit(diagnostic.file).errors.append(diagnostic)
    return units


def _fingerprint(side: _Side, unit: _Unit) -> tuple[str, ...]:
    blobs = {f.path: f.blob for f in side.files}
    return tuple(sorted(blobs[path] for path in unit.files))


def diff(
    base_files: Sequence[FileAt],
    head_files: Sequence[FileAt],
    base: str,
    head: str | None,
    severities: Mapping[str, str] | None = None,
    *,
    limit: int = loading.MAX_FILE_BYTES,
) -> Diff:
    """Compare the plans in two sets of files; `head` None stands for the working tree.
    Files over `limit` bytes fail to load (WF001)."""
    base_side, head_side = _read(base_files, limit), _read(head_files, limit)
    old, new = _units(base_side, head_side), _units(head_side, base_side)
    results: list[PlanDiff] = []
    relaid: list[str] = []
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        head_failure = (
            now.failure(semantic=True, side=head_side, severities=severities) if now else None
        )
        touched = (
            was is None
            or now is None
            or (_fingerprint(base_side, was) != _fingerprint(head_side, now))
        )
        if not touched and head_failure is None:
            continue
        base_failure = was.failure(semantic=False) if was and touched else None
        result = _plan_diff(key, was, now, base_failure, head_failure, touched)
        if was and now and result.state == "changed" and not (base_failure or head_failure):
            result.changes.extend(_staffing_files(base_side, head_side, was, now))
        if result.changes or result.base_failure or result.head_failure:
            results.append(result)
        elif touched:
            relaid.append(result.name)
    return Diff(base, head, results, relaid)


def _staffing_files(old: _Side, new: _Side, was: _Unit, now: _Unit) -> list[Change]:
    """A staffing file's own fields (its unit, its notes), matched by path: its snapshots
    are compared with the plan's."""
    before = {
        d.source.display: d for d in old.repository.staffing_files if d.source.display in was.files
    }
    found = []
    for doc in new.repository.staffing_files:
        if doc.source.display not in now.files or doc.source.display not in before:
            continue
        prior = before[doc.source.display].staffing
        differ = [n for n in ("unit", "notes") if getattr(prior, n) != getattr(doc.staffing, n)]
        if differ:
            line, column = doc.source.locate(
                (differ[0],) if getattr(doc.staffing, differ[0]) else ()
            )
            details = tuple(
                f"{n} {shown(getattr(prior, n))} → {shown(getattr(doc.staffing, n))}"
                for n in differ
            )
            where = Place(doc.source.display, line, column)
            found.append(
                Change(
                    "field_changed",
                    doc.staffing.plan,
                    f"staffing file {doc.source.display}",
                    where,
                    details=details,
                )
            )
    return found


def _plan_diff(
    key: Key,
    was: _Unit | None,
    now: _Unit | None,
    base_failure: Failure | None,
    head_failure: Failure | None,
    touched: bool,
) -> PlanDiff:
    plan_id = key[1] if key[0] == 0 else None
    either = now if now is not None else was
    assert either is not None
    loaded = (now and now.loaded) or (was and was.loaded)
    title = loaded.plan.title if loaded else ""
    file = loaded.source.display if loaded else either.files[0] if either.files else key[1]
    if was is None:
        result = PlanDiff(plan_id, title, file, "added", base_failure, head_failure)
        if now and now.loaded and head_failure is None:
            result.changes.append(_plan_added(now.loaded))
        return result
    if now is None:
        result = PlanDiff(plan_id, title, file, "removed", base_failure, head_failure)
        if was.loaded and base_failure is None:
            result.changes.append(_plan_removed(was.loaded))
        return result
    state: PlanState = "changed" if touched else "unchanged"
    result = PlanDiff(plan_id, title, file, state, base_failure, head_failure)
    if was.loaded and now.loaded and base_failure is None and head_failure is None:
        result.changes.extend(compare(was.loaded, now.loaded))
    return result


def _plan_added(loaded: LoadedPlan) -> Change:
    count = sum(1 for _ in milestones(loaded.plan))
    return Change(
        "plan_added",
        loaded.id,
        loaded.plan.title,
        Place(loaded.source.display, 1, 1),
        details=(f"{count} milestone{'s' * (count != 1)}",),
    )


def _plan_removed(loaded: LoadedPlan) -> Change:
    gone = tuple(m.id for m in milestones(loaded.plan) if unfinished(m.item))
    return Change(
        "plan_removed",
        loaded.id,
        loaded.plan.title,
        Place(loaded.source.display, 1, 1),
        unfinished=gone,
    )
