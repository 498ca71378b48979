"""A staffing snapshot appended to a plan, from team rows: where it goes and how it is written.

The snapshot goes into the plan's own file, or into a staffing file of the plan: the one
`--into` names (created if it does not exist yet), else the plan's only staffing file. It is
written in the file's own indentation, each team row a one-line `{team: ..., permanent: ...}`
as the plans write them, after the last snapshot (with a blank line between if the file
separates its snapshots so).
"""

from __future__ import annotations

import os
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, SequenceNode

from workforce_cli.edit.document import Document, Edit, EditError, end_of, entry, indents, scalar
from workforce_cli.edit.workspace import Change, Refused, Workspace
from workforce_cli.errors import UsageError
from workforce_cli.model import schedule
from workforce_cli.read.csv_rows import FIGURES, CsvRow
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.read.yaml import YamlPath


def add(
    workspace: Workspace, plan_id: str, as_of: str, rows: list[CsvRow], into: Path | None
) -> Change:
    loaded = workspace.plan(plan_id)
    _refuse_duplicate(loaded, as_of)
    target = _target(workspace, loaded, into)
    summary = f"{target}: snapshot of {plan_id} as of {as_of} added ({len(rows)} teams)"
    if target not in workspace.files:
        return Change(target, None, _new_file(target, loaded, as_of, rows).encode(), summary)
    document = Document.parse(workspace.files[target])
    path: YamlPath = ("staffing",) if target == loaded.source.path else ()
    try:
        _append(document, path, as_of, rows)
    except EditError as err:
        raise Refused(f"{target}: cannot add the snapshot: {err}") from None
    return Change(target, workspace.files[target], document.encode(), summary)


def _refuse_duplicate(loaded: LoadedPlan, as_of: str) -> None:
    anchor = schedule.anchor(loaded.plan)
    day = schedule.end_of(as_of, anchor)
    for ref in loaded.snapshots:
        if schedule.end_of(ref.snapshot.as_of, anchor) == day:
            line, _ = ref.source.locate(ref.path)
            same = "" if ref.snapshot.as_of == as_of else f", the same day as {as_of}"
            raise Refused(
                f'{loaded.id} already has a snapshot as of "{ref.snapshot.as_of}" '
                f"({ref.source.display}:{line}){same}; edit that one instead"
            )


def _target(workspace: Workspace, loaded: LoadedPlan, into: Path | None) -> Path:
    staffing = [
        d.source.path for d in workspace.repository.staffing_files if d.staffing.plan == loaded.id
    ]
    if into is None:
        if len(staffing) > 1:
            listed = ", ".join(str(p) for p in staffing)
            raise UsageError(
                f"{loaded.id} has several staffing files ({listed}); choose with --into"
            )
        return staffing[0] if staffing else loaded.source.path
    for known in (loaded.source.path, *staffing):
        if known.resolve() == into.resolve():
            return known
    if into.exists():
        raise UsageError(
            f"{into} is neither the file of plan {loaded.id} nor one of its staffing files"
        )
    if into.suffix not in (".yaml", ".yml"):
        raise UsageError(f"{into}: a staffing file is named *.yaml or *.yml")
    if not any(_under(into, root) for root in workspace.roots):
        where = ", ".join(str(r) for r in workspace.roots)
        raise UsageError(f"{into} is outside the plan folders ({where}), where wfplan looks")
    if not into.parent.is_dir():
        raise UsageError(f"cannot create {into}: no such directory {into.parent}")
    return into


def _under(path: Path, root: Path) -> bool:
    root = root.resolve()
    return path.resolve() == root or root in path.resolve().parents


def snapshot_lines(
    as_of: str, rows: list[CsvRow], dash: int, inner: int, offset: int, row_gap: int = 1
) -> list[str]:
    """The snapshot's lines: its dash at column `dash`, its keys at `dash + inner` (so
    `-   as_of:` in a file that writes lists so), team rows `offset` deeper than `teams:`."""
    key = " " * (dash + inner)
    gap = " " * max(1, inner - 1)
    lines = [f"{' ' * dash}-{gap}as_of: {scalar(as_of, flow=False)}", f"{key}teams:"]
    for row in rows:
        cells = [f"team: {scalar(row.team, flow=True)}"]
        cells.extend(f"{name}: {row.figures[name]}" for name in FIGURES if name in row.figures)
        lines.append(f"{key}{' ' * offset}-{' ' * row_gap}{{{', '.join(cells)}}}")
    return lines


def _append(document: Document, path: YamlPath, as_of: str, rows: list[CsvRow]) -> None:
    step, offset = indents(document.root)
    root = document.mapping(())
    parent = document.mapping(path) if path and entry(root, "staffing") else None
    if path and parent is None:
        # A plan without staffing: a new section at the end, after a blank line.
        lines = ["", "staffing:", f"{' ' * step}snapshots:"]
        lines += snapshot_lines(as_of, rows, step + offset, 2, offset)
        document.insert_lines(document.line_end(end_of(root)), lines)
        return
    mapping = parent or root
    if mapping.flow_style:
        raise EditError("its staffing is written in flow style ({...}); write it as a block")
    found = entry(mapping, "snapshots")
    column = mapping.value[0][0].start_mark.column
    if found is None:
        lines = [f"{' ' * column}snapshots:"]
        lines += snapshot_lines(as_of, rows, column + offset, 2, offset)
        document.insert_lines(document.line_end(end_of(mapping)), lines)
        return
    key, snapshots = found
    if not isinstance(snapshots, SequenceNode) or (snapshots.flow_style and snapshots.value):
        raise EditError("its snapshots are not a block list (- as_of: ...)")
    if not snapshots.value:  # `snapshots: []`
        position = document.line_end(snapshots.end_mark.index)
        document.edits.append(Edit(key.end_mark.index, snapshots.end_mark.index, ":"))
        lines = snapshot_lines(as_of, rows, column + offset, 2, offset)
        document.insert_lines(position, lines)
        return
    last = snapshots.value[-1]
    dash = snapshots.start_mark.column
    inner = last.start_mark.column - dash if isinstance(last, MappingNode) else 2
    teams = entry(last, "teams") if isinstance(last, MappingNode) else None
    row_gap = 1
    if teams and isinstance(teams[1], SequenceNode) and not teams[1].flow_style:
        offset = teams[1].start_mark.column - teams[0].start_mark.column
        if teams[1].value:
            row_gap = max(1, teams[1].value[0].start_mark.column - teams[1].start_mark.column - 1)
    lines = snapshot_lines(as_of, rows, dash, inner, offset, row_gap)
    if len(snapshots.value) > 1:
        between = document.text[end_of(snapshots.value[-2]) : last.start_mark.index]
        if "\n\n" in between.replace("\r", "").replace(" ", ""):
            lines.insert(0, "")
    document.insert_lines(document.line_end(end_of(snapshots)), lines)


def _new_file(path: Path, loaded: LoadedPlan, as_of: str, rows: list[CsvRow]) -> str:
    lines = [
        schema_modeline(path, "staffing"),
        "wfplan: 1",
        "kind: staffing",
        f"plan: {loaded.id}",
        f"unit: {loaded.unit}",
        "snapshots:",
        *snapshot_lines(as_of, rows, 2, 2, 2),
    ]
    return "\n".join(lines) + "\n"


def schema_modeline(path: Path, kind: str) -> str:
    """The line that points editors (VS Code's YAML extension) at the file's JSON Schema."""
    schema = Path.cwd() / "schemas" / f"{kind}.schema.json"
    relative = os.path.relpath(schema, path.resolve().parent)
    return f"# yaml-language-server: $schema={Path(relative).as_posix()}"
