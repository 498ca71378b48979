"""Files to models: find the plan files, read them, and build the repository of plans.

Every problem becomes a Diagnostic at the file, line and column of the key or value that
causes it; nothing here prints or exits. A path that cannot be used at all (missing,
unreadable, or holding no plan files) raises `UsageError`, which the CLI turns into exit 2.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from workforce_cli.diagnostics import Diagnostic, did_you_mean, make
from workforce_cli.errors import UsageError as UsageError
from workforce_cli.model import Plan, StaffingFile
from workforce_cli.read import files
from workforce_cli.read import yaml as yamlio
from workforce_cli.read.schema_errors import describe, schema_diagnostics
from workforce_cli.read.sources import (
    LoadedPlan,
    Repository,
    SnapshotRef,
    SourceFile,
    StaffingDoc,
    collector_paused,
)

MAX_FILE_BYTES = files.PLAN_LIMIT

SUFFIXES = (".yaml", ".yml")


def discover(paths: Sequence[Path]) -> list[Path]:
    """The plan files under `paths`: files as given, directories searched recursively."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                raise UsageError(f"cannot read directory {path}: permission denied")
            found.extend(_walk(path))
        elif path.is_file():
            found.append(path)
        elif path.exists():
            raise UsageError(f"{path} is neither a file nor a directory")
        else:
            raise UsageError(f"no such file or directory: {path}")
    if not found:
        where = ", ".join(str(p) for p in paths)
        raise UsageError(
            f"no plan files (*.yaml, *.yml) found in {where}; "
            "create one with `wfplan new` or pass the folder that holds your plans"
        )
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path, None)
    return list(unique)


def _walk(directory: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, name) for name in sorted(names) if name.endswith(SUFFIXES))
    return found


def read_source(
    path: Path, content: bytes | None = None, *, limit: int = MAX_FILE_BYTES
) -> tuple[SourceFile, Any, list[Diagnostic]]:
    """Read one file to plain data, or say why it cannot be read.

    With `content`, that is the file's text (a file as it was at a git revision) and the
    filesystem is not touched; everything else is the same. A file over `limit` bytes is
    refused (WF001).
    """
    source = SourceFile(path, str(path))
    # Bytes held in memory (a git blob): a blob too large to read says its size instead.
    size = getattr(content, "size", None) if content is not None else None
    if content is not None and (size is not None or len(content) > limit):
        refused = files.too_large(len(content) if size is None else size, limit)
        return (
            source,
            None,
            [make(refused.code, refused.message, source.display, hint=refused.hint)],
        )
    try:
        raw = files.read_limited(path, limit) if content is None else content
    except files.FileRefused as refused:
        return (
            source,
            None,
            [make(refused.code, refused.message, source.display, hint=refused.hint)],
        )
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return (
            source,
            None,
            [
                make(
                    "WF002",
                    f"file is not valid UTF-8: byte 0x{raw[err.start]:02x} cannot be decoded",
                    source.display,
                    line,
                    column,
                    "save the file as UTF-8 (in Excel or Word: 'CSV UTF-8' / 'Unicode (UTF-8)')",
                )
            ],
        )
    # A byte-order mark is accepted (Windows editors write one) and not part of the text.
    source.text = text.removeprefix("\ufeff")
    try:
        root = yamlio.compose(source.text)
    except yamlio.YamlFailure as failure:
        p = failure.problem
        return source, None, [make(p.code, p.message, source.display, p.line, p.col, p.hint)]
    if root is None:
        return (
            source,
            None,
            [
                make(
                    "WF003",
                    "file is empty",
                    source.display,
                    hint="a plan starts with `wfplan: 1`, an id and a title; or delete the file",
                )
            ],
        )
    # Without a `*` the text holds no alias, and the walk need not look for one.
    data, problems = yamlio.to_data(root, aliases="*" in source.text, text=source.text)
    diagnostics = [make(p.code, p.message, source.display, p.line, p.col, p.hint) for p in problems]
    # The node tree is not kept (it is ten times the size of the text); the data keeps the
    # positions of its keys and values, which is all that `locate` needs.
    source._data, source._root_mark = data, yamlio.root_mark(root)
    return source, data, diagnostics


def load(paths: Sequence[Path], *, limit: int = MAX_FILE_BYTES) -> Repository:
    """Read every plan and staffing file under `paths` and check their schema.

    Semantic checks (references, dates, totals) are `checks.run`'s job; this builds the
    models they work on and merges staffing files into their plans.
    """
    return load_files(discover(paths), limit=limit)


def load_files(paths: Sequence[Path], *, limit: int = MAX_FILE_BYTES) -> Repository:
    """`load` for files already found: exactly these, in this order."""
    return _load([(path, None) for path in paths], limit)


def load_contents(files: Sequence[tuple[str, bytes]], *, limit: int = MAX_FILE_BYTES) -> Repository:
    """`load` for files held in memory, such as a git revision's: (display path, bytes) pairs."""
    return _load([(Path(display), content) for display, content in files], limit)


def _load(files: Sequence[tuple[Path, bytes | None]], limit: int) -> Repository:
    sources: list[SourceFile] = []
    plans: list[LoadedPlan] = []
    staffing_docs: list[StaffingDoc] = []
    diagnostics: list[Diagnostic] = []
    with collector_paused():
        for path, content in files:
            source, model, problems = read_document(path, content, limit=limit)
            sources.append(source)
            diagnostics.extend(problems)
            if isinstance(model, Plan):
                plans.append(LoadedPlan(model, source))
            elif isinstance(model, StaffingFile):
                staffing_docs.append(StaffingDoc(model, source))
        diagnostics.extend(_assemble(plans, staffing_docs))
    return Repository(sources, plans, staffing_docs, diagnostics)


def read_document(
    path: Path, content: bytes | None = None, *, limit: int = MAX_FILE_BYTES
) -> tuple[SourceFile, Plan | StaffingFile | None, list[Diagnostic]]:
    """One file read and checked against the schema: its model, or the reasons it has none."""
    source, data, problems = read_source(path, content, limit=limit)
    if data is None or problems:
        return source, None, problems
    return source, _validate_document(source, data, problems), problems


def _validate_document(
    source: SourceFile, data: Any, diagnostics: list[Diagnostic]
) -> Plan | StaffingFile | None:
    if not isinstance(data, dict):
        diagnostics.append(
            source.diagnostic(
                "WF008",
                f"a plan file is a mapping of keys (wfplan, id, title, ...), not {describe(data)}",
                (),
                hint="start the file with `wfplan: 1`",
            )
        )
        return None
    if "wfplan" not in data:
        diagnostics.append(
            source.diagnostic(
                "WF008",
                "not a wfplan file: there is no `wfplan: 1` line",
                (),
                hint="add `wfplan: 1` as the first key; only plan and staffing files "
                "belong in the plan folders",
            )
        )
        return None
    if data["wfplan"] != 1:
        diagnostics.append(
            source.diagnostic(
                "WF008",
                f"unsupported format version {data['wfplan']!r}; this wfplan reads version 1",
                ("wfplan",),
                hint="write `wfplan: 1`, or upgrade wfplan",
            )
        )
        return None
    model_class: type[Plan] | type[StaffingFile] = (
        StaffingFile if data.get("kind") == "staffing" else Plan
    )
    try:
        return model_class.model_validate(data)
    except ValidationError as err:
        diagnostics.extend(schema_diagnostics(err, model_class, data, source))
        return None


@dataclass(frozen=True)
class Named:
    """What the cross-file rules need of a file that loaded: the plan it is (a plan file's
    `id`) or joins (a staffing file's `plan`), its display path and where that value is."""

    name: str
    display: str
    line: int
    column: int

    @classmethod
    def of(cls, source: SourceFile, name: str, key: str) -> Named:
        line, column = source.locate((key,))
        return cls(name, source.display, line, column)


def cross_file(
    plans: Sequence[Named], staffing: Sequence[Named]
) -> tuple[list[Diagnostic], dict[int, int]]:
    """Cross-file rules: plan ids are unique; a staffing file joins the plan it names.

    Returns the diagnostics and, for each staffing file that joins a plan, the index of that
    plan (the first with the id) in `plans`.
    """
    diagnostics: list[Diagnostic] = []
    by_id: dict[str, int] = {}
    for index, plan in enumerate(plans):
        first = by_id.get(plan.name)
        if first is not None:
            diagnostics.append(
                make(
                    "WF301",
                    f'plan id "{plan.name}" is already used by '
                    f"{plans[first].display}:{plans[first].line}",
                    plan.display,
                    plan.line,
                    plan.column,
                    "plan ids are unique across the repository; rename one of them",
                )
            )
            continue
        by_id[plan.name] = index
    joins: dict[int, int] = {}
    for index, doc in enumerate(staffing):
        target = by_id.get(doc.name)
        if target is None:
            hint = did_you_mean(doc.name, by_id) or (
                "known plans: " + ", ".join(sorted(by_id)) if by_id else "no plans were loaded"
            )
            diagnostics.append(
                make(
                    "WF307",
                    f'staffing file names unknown plan "{doc.name}"',
                    doc.display,
                    doc.line,
                    doc.column,
                    hint,
                )
            )
            continue
        joins[index] = target
    return diagnostics, joins


def _assemble(plans: list[LoadedPlan], staffing_docs: list[StaffingDoc]) -> list[Diagnostic]:
    """The cross-file rules; staffing snapshots (the plan's own, then its staffing files')
    join their plans."""
    for loaded in plans:
        own_snapshots(loaded)
    diagnostics, joins = cross_file(
        [Named.of(p.source, p.id, "id") for p in plans],
        [Named.of(d.source, d.staffing.plan, "plan") for d in staffing_docs],
    )
    for index, target in joins.items():
        doc = staffing_docs[index]
        plans[target].snapshots.extend(
            SnapshotRef(s, doc.source, ("snapshots", i), doc.staffing.unit)
            for i, s in enumerate(doc.staffing.snapshots)
        )
    return diagnostics


def own_snapshots(loaded: LoadedPlan) -> None:
    """A plan's own staffing snapshots join its list (before any of its staffing files')."""
    if loaded.plan.staffing:
        loaded.snapshots.extend(
            SnapshotRef(s, loaded.source, ("staffing", "snapshots", i), loaded.unit)
            for i, s in enumerate(loaded.plan.staffing.snapshots)
        )
