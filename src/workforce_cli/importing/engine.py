"""The import engine: the tables of a document -> themes, actions, milestones, snapshots.

`build` picks the tables (all, or the one `--table` / `--sheet` names), finds each one's
header, joins a table split across pages (the same header twice in a row), and hands action
tables to `actions.Builder` and headcount tables to `headcount.snapshot`. It never prints:
the problems it finds are values, each naming its source cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workforce_cli.errors import UsageError
from workforce_cli.importing import headcount
from workforce_cli.importing.actions import Builder
from workforce_cli.importing.columns import Columns, find_header, normalise
from workforce_cli.importing.results import Imported, Mapping, Problem, SnapshotOut
from workforce_cli.importing.slugs import Ids
from workforce_cli.read.tables import Table


@dataclass(frozen=True)
class Options:
    table: int | None = None
    sheet: str | None = None
    overrides: dict[str, str] = field(default_factory=dict)
    as_of: str | None = None


def select(tables: list[Table], options: Options) -> list[Table]:
    """The tables `--table` and `--sheet` choose (all of them by default)."""
    chosen = tables
    if options.sheet is not None:
        names = {t.label: t for t in tables if t.label.startswith("sheet ")}
        wanted = f'sheet "{options.sheet}"'
        match = [t for label, t in names.items() if label.casefold() == wanted.casefold()]
        if not match:
            known = ", ".join(label.removeprefix("sheet ") for label in names) or "none"
            raise UsageError(f'--sheet: no sheet named "{options.sheet}"; the sheets: {known}')
        chosen = match
    if options.table is not None:
        if not 1 <= options.table <= len(chosen):
            raise UsageError(
                f"--table {options.table}: the file has {len(chosen)} table(s), numbered from 1"
            )
        chosen = [chosen[options.table - 1]]
    return chosen


def build(tables: list[Table], source: str, options: Options) -> Imported:
    result = Imported(source)
    chosen = select(tables, options)
    groups: list[tuple[str, list[tuple[Table, Columns]]]] = []
    previous_table: str | None = None
    for table in chosen:
        columns = find_header(table.rows, options.overrides)
        if columns is None and (previous := _continued(groups, table, previous_table)):
            columns = previous
            result.problems.append(
                Problem(
                    table.where(),
                    f"no header row: read as the rest of {previous_table} (the same columns)",
                )
            )
        previous_table = table.label if columns is not None else None
        if columns is None:
            if any(any(row.cells) for row in table.rows):
                problem = Problem(
                    table.where(),
                    "no header row naming an action (Action, Objective, Recommendation, Task) "
                    "or a team and its figures (Team, Permanent, Agency, Vacant); not imported",
                )
                (result.errors if len(chosen) == 1 else result.problems).append(problem)
            continue
        if columns.header_row >= 0:
            _record_mapping(result, table, columns)
        if groups and groups[-1][1][-1][1].signature == columns.signature:
            groups[-1][1].append((table, columns))  # one table split across pages
        else:
            groups.append((columns.kind, [(table, columns)]))
        result.tables.append(table.label)
    _check_overrides(result, options)
    builder = Builder(result, Ids())
    for kind, members in groups:
        if kind == "actions":
            for table, columns in members:
                builder.table(table, columns)
        else:
            result.snapshots.append(_snapshot(members, options, result))
    builder.finish()
    if options.as_of is not None and not result.snapshots:
        result.problems.append(Problem(source, "--as-of: no headcount table was imported"))
    if len({s.as_of for s in result.snapshots}) < len(result.snapshots):
        result.errors.append(
            Problem(source, "several headcount tables as of the same date; import one with --table")
        )
    if not result.actions and not result.snapshots and not result.errors:
        result.errors.append(Problem(source, "no table to import"))
    return result


def _continued(
    groups: list[tuple[str, list[tuple[Table, Columns]]]], table: Table, previous: str | None
) -> Columns | None:
    """The header of the table just before, for a document table with none of its own and
    as many columns: Word repeats a header on the next page only when asked to."""
    if previous is None or not groups or not table.label.startswith("table "):
        return None
    before = groups[-1][1][-1][1]
    width = max((len(row.cells) for row in table.rows), default=0)
    if width != len(before.names):
        return None
    return Columns(-1, before.names, before.fields)


def _snapshot(
    members: list[tuple[Table, Columns]], options: Options, result: Imported
) -> SnapshotOut:
    table, columns = members[0]
    as_of = options.as_of or headcount.stated_date(table, columns)
    if as_of is None:
        raise UsageError(
            f"{table.where()}: the headcount table does not say the date of its figures; "
            "give it with --as-of (such as --as-of 'Feb 2021')"
        )
    return headcount.snapshot(members, as_of, result.errors, result.problems)


def _record_mapping(result: Imported, table: Table, columns: Columns) -> None:
    for index, header in enumerate(columns.names):
        if header.strip():
            result.mapping.append(Mapping(table.label, header, columns.fields.get(index)))


def _check_overrides(result: Imported, options: Options) -> None:
    seen = {normalise(m.header) for m in result.mapping}
    for header in options.overrides:
        if header not in seen:
            result.problems.append(Problem(result.source, f'--map: no column is headed "{header}"'))
