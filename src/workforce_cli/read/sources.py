"""The values reading produces: a source file with its positions, a loaded plan, a repository.

They sit apart from the loader so that everything that reports a position (the schema error
mapping, the checks, the engines) can name them without importing the loader.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workforce_cli.diagnostics import Diagnostic, make
from workforce_cli.model import Plan, Snapshot, StaffingFile
from workforce_cli.read import yaml as yamlio
from workforce_cli.read.yaml import YamlPath

_ID_LINE = re.compile(r"^id:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*(?:#.*)?$", re.M)
_PLAN_LINE = re.compile(r"^plan:[ \t]*[\"']?([a-z0-9][a-z0-9-]*)[\"']?[ \t]*(?:#.*)?$", re.M)
_KIND_STAFFING = re.compile(r"^kind:[ \t]*[\"']?staffing\b", re.M)


@dataclass(eq=False)
class SourceFile:
    path: Path
    display: str
    text: str = ""
    _data: Any = field(default=None, repr=False)
    """The data as read, with its positions (yamlio.YamlMap): how `locate` finds lines."""
    _root_mark: int = field(default=0, repr=False)
    _declared: str | None = field(default=None, repr=False)
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        """Let go of the data and its positions once the file's checks are done, keeping
        what later steps ask of it: the plan it names, and its text if that holds an inline
        suppression (`# wfplan: ignore`). Nothing may be located in it afterwards."""
        self._declared = self.declared_plan()
        self._released = True
        self._data = None
        if "ignore" not in self.text:
            self.text = ""

    def locate(self, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
        return yamlio.locate_data(self._data, self._root_mark, path, key=key)

    def diagnostic(
        self,
        code: str,
        message: str,
        path: YamlPath,
        *,
        hint: str | None = None,
        key: bool = False,
    ) -> Diagnostic:
        line, column = self.locate(path, key=key)
        return make(code, message, self.display, line, column, hint)

    def declared_plan(self) -> str | None:
        """The plan a file says it belongs to: a plan's `id`, a staffing file's `plan`.

        Read from the data when the file parsed, else from a top-level `id:` or `plan:`
        line of its text (a file with a syntax error still names its plan); None when the
        file says neither, or could not be read as text at all.
        """
        if self._released:
            return self._declared
        data = self._data
        if isinstance(data, dict):
            key = "plan" if data.get("kind") == "staffing" else "id"
            value = data.get(key)
            return value if isinstance(value, str) else None
        staffing = _KIND_STAFFING.search(self.text) is not None
        found = (_PLAN_LINE if staffing else _ID_LINE).search(self.text)
        return found.group(1) if found else None


@dataclass(eq=False)
class SnapshotRef:
    """A staffing snapshot and where it was written (the plan file or a staffing file)."""

    snapshot: Snapshot
    source: SourceFile
    path: YamlPath
    unit: str


@dataclass(eq=False)
class LoadedPlan:
    plan: Plan
    source: SourceFile
    snapshots: list[SnapshotRef] = field(default_factory=list)
    """The plan's own snapshots and those of its staffing files, in file order."""

    @property
    def id(self) -> str:
        return self.plan.id

    @property
    def unit(self) -> str:
        return self.plan.staffing.unit if self.plan.staffing else "fte"


@dataclass(eq=False)
class StaffingDoc:
    staffing: StaffingFile
    source: SourceFile


@dataclass(eq=False)
class Repository:
    files: list[SourceFile]
    plans: list[LoadedPlan]
    staffing_files: list[StaffingDoc]
    diagnostics: list[Diagnostic]

    def plan(self, plan_id: str) -> LoadedPlan | None:
        return next((p for p in self.plans if p.id == plan_id), None)


@contextmanager
def collector_paused(freeze: bool = True) -> Iterator[None]:
    """Pause Python's cycle collector while building trees and models that all survive.

    Reading a corpus allocates millions of objects, none in reference cycles, and keeps
    most of them: the collector would scan the growing heap again and again for nothing
    (on a national corpus, 40 full collections and two thirds of `wfplan validate`'s time).
    Reference counting still frees everything that is dropped. On the way out, what
    survived is frozen (`gc.freeze`): the plans live until the process ends, and the
    computing and rendering that follow would otherwise pay for rescanning them. With
    `freeze=False` (files read, checked and let go one at a time) nothing is frozen.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
