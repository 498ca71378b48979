"""Changes to plan files: find what to change, make the change, and check the result.

A `Workspace` reads every plan file once, as bytes: the repository is loaded from those bytes,
the edit is made to them, and the write later checks that the file still holds them. A change
is only offered for writing once the repository with the changed file passes every check.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workforce_cli.checks.engine import check_repository
from workforce_cli.diagnostics import Diagnostic, count
from workforce_cli.edit.document import BOM
from workforce_cli.errors import UsageError
from workforce_cli.model.walk import MilestoneRef, milestones
from workforce_cli.output import visible
from workforce_cli.read import loader as loading
from workforce_cli.read.files import read_file
from workforce_cli.read.sources import LoadedPlan, Repository


class Refused(Exception):
    """The change cannot be made as asked (the data says no, not the command line): exit 1."""


@dataclass(frozen=True)
class Change:
    """A file's bytes before and after; `before` is None for a file being created."""

    path: Path
    before: bytes | None
    after: bytes
    summary: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self, context: int = 3) -> str:
        old = _lines(self.before) if self.before is not None else []
        lines = difflib.unified_diff(
            old,
            _lines(self.after),
            "/dev/null" if self.before is None else f"a/{self.path.as_posix()}",
            f"b/{self.path.as_posix()}",
            n=context,
            lineterm="",
        )
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _lines(data: bytes) -> list[str]:
    # Shown without CR and BOM: a diff is read on a terminal; the file keeps both.
    text = data.decode("utf-8").removeprefix(BOM)
    return [line.rstrip("\r\n") + "\n" for line in text.splitlines(keepends=True)]


@dataclass(eq=False)
class Workspace:
    files: dict[Path, bytes]
    roots: tuple[Path, ...] = ()
    """The paths the files were found under (a new file must be under one to be found)."""
    severities: Mapping[str, str] = field(default_factory=dict)
    """The configuration's per-code severities: an error made a warning does not block."""
    limit: int = loading.MAX_FILE_BYTES
    """The configured `max_file_size`: larger files are not read."""
    repository: Repository = field(init=False)

    def __post_init__(self) -> None:
        self.repository = loading.load_contents(
            [(str(path), data) for path, data in self.files.items()], limit=self.limit
        )

    @classmethod
    def read(
        cls,
        paths: Sequence[Path],
        severities: Mapping[str, str] | None = None,
        limit: int = loading.MAX_FILE_BYTES,
    ) -> Workspace:
        contents: dict[Path, bytes] = {}
        for path in loading.discover(paths):
            contents[path] = read_file(path, limit=limit)
        return cls(contents, tuple(paths), severities or {}, limit)

    def errors(self) -> list[Diagnostic] | None:
        """Every diagnostic, if there is an error among them; None when the plans are sound."""
        diagnostics = check_repository(self.repository, self.severities)
        return diagnostics if count(diagnostics)[0] else None

    def check(self, changes: Sequence[Change]) -> list[Diagnostic] | None:
        """`errors()` of the repository as it would be with the changes written."""
        return self.with_changes(changes).errors()

    def with_changes(self, changes: Sequence[Change]) -> Workspace:
        """The workspace as it would be with the changes written."""
        files = dict(self.files)
        for change in changes:
            files[change.path] = change.after
        return Workspace(files, self.roots, self.severities, self.limit)

    def plans_of(self, paths: Iterable[Path]) -> set[str]:
        """The plans the files at `paths` name (a plan's id, a staffing file's plan)."""
        shown = {str(path) for path in paths}
        return {
            plan
            for source in self.repository.files
            if source.display in shown and (plan := source.declared_plan()) is not None
        }

    def plan(self, plan_id: str) -> LoadedPlan:
        found = self.repository.plan(plan_id)
        if found is None:
            known = ", ".join(sorted(p.id for p in self.repository.plans)) or "none"
            raise UsageError(f'no plan with id "{plan_id}"; known plans: {known}')
        return found


@dataclass(frozen=True)
class Found:
    loaded: LoadedPlan
    ref: MilestoneRef


def find_milestone(workspace: Workspace, item_id: str, plan_id: str | None) -> Found:
    """The milestone (or milestone-less action) with this id; a usage error names candidates."""
    plans = [workspace.plan(plan_id)] if plan_id else workspace.repository.plans
    found: list[Found] = []
    everything: list[Found] = []
    for loaded in plans:
        for ref in milestones(loaded.plan):
            everything.append(Found(loaded, ref))
            if ref.id == item_id:
                found.append(Found(loaded, ref))
        for action in loaded.plan.actions:
            if action.id == item_id and action.milestones:
                ids = ", ".join(m.id for m in action.milestones)
                raise UsageError(
                    f'"{item_id}" is an action with milestones; give one of its milestones: {ids}'
                )
    if len(found) == 1:
        return found[0]
    if found:
        lines = [f'"{item_id}" is a milestone of {len(found)} plans; choose one with --plan:']
        lines.extend(_candidate(f) for f in found)
        raise UsageError("\n".join(lines))
    where = f'plan "{plan_id}"' if plan_id else "the plans"
    close = difflib.get_close_matches(item_id, [f.ref.id for f in everything], n=5, cutoff=0.6)
    if not close:
        raise UsageError(
            f'no milestone "{item_id}" in {where}; milestone ids are the `id:` of each '
            "milestone (or of an action without milestones)"
        )
    lines = [f'no milestone "{item_id}" in {where}; did you mean:']
    lines.extend(_candidate(f) for f in everything if f.ref.id in close)
    raise UsageError("\n".join(lines))


def _candidate(found: Found) -> str:
    line, _ = found.loaded.source.locate(found.ref.path)
    return (
        f"  {found.ref.id}  --plan {found.loaded.id}  "
        f"({visible(found.loaded.source.display)}:{line}) {visible(found.ref.title)}"
    )
