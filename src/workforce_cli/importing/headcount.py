"""A headcount table (team or section, permanent, agency, vacant) -> one staffing snapshot.

The rows become the snapshot's teams exactly as `wfplan snapshot add` writes them (the same
`CsvRow` values and figure rules): a blank cell is unknown, never zero; a figure keeps the
text it was written with. A row named "Total" gives the snapshot's `stated_totals`, which
`wfplan validate` then checks against the rows. The date is `--as-of`, else the one the
header states ("Section As at February 2021").
"""

from __future__ import annotations

import re

from workforce_cli import dates
from workforce_cli.importing.columns import HEADCOUNT_FIELDS, Columns
from workforce_cli.importing.results import Problem, SnapshotOut
from workforce_cli.read.csv_rows import CsvRow, figure_problem
from workforce_cli.read.tables import Table

_TOTAL = re.compile(r"^(grand\s+)?totals?\b", re.I)
_AS_AT = re.compile(r"\bas\s+(?:at|of)\s+(?P<date>.+?)\s*$", re.I)


def stated_date(table: Table, columns: Columns) -> str | None:
    """The date a headcount table's header (or the rows above it) gives, if any."""
    texts = [*columns.names, table.heading or ""]
    texts += [cell for row in table.rows[: columns.header_row] for cell in row.cells]
    for text in texts:
        for line in text.splitlines():
            match = _AS_AT.search(line)
            if match:
                try:
                    dates.resolve_as_of(match["date"])
                except dates.DateError:
                    continue
                return match["date"]
    return None


def snapshot(
    tables: list[tuple[Table, Columns]], as_of: str, errors: list[Problem], problems: list[Problem]
) -> SnapshotOut:
    """The snapshot of one headcount table (split across pages: several)."""
    first, first_columns = tables[0]
    header = " ".join([*first_columns.names, first.heading or ""]).casefold()
    unit = "headcount" if "headcount" in header and "fte" not in header else "fte"
    rows: list[CsvRow] = []
    stated: dict[str, str] = {}
    seen: dict[str, str] = {}
    places: list[str] = []
    totals_where = first.where()
    for table, columns in tables:
        team_column = columns.index("team")
        for row in table.rows[columns.header_row + 1 :]:
            if not any(row.cells) or row.spans:
                continue
            if columns.repeats_header(row):
                continue
            team = row.cells[team_column].strip() if team_column is not None else ""
            figures: dict[str, str] = {}
            for field in HEADCOUNT_FIELDS[1:]:
                index = columns.index(field)
                text = (
                    row.cells[index].strip() if index is not None and index < len(row.cells) else ""
                )
                if not text:
                    continue
                problem = figure_problem(text)
                where = table.where(row.number, columns.header(index or 0))
                if problem:
                    errors.append(Problem(where, f'"{text}" {problem}'))
                else:
                    figures[field] = text
            where = table.where(row.number, columns.header(team_column or 0))
            if _TOTAL.match(team):
                stated.update(figures)
                totals_where = table.where(row.number)
            elif not team:
                if figures:
                    errors.append(Problem(where, "figures without a team name"))
            elif team.casefold() in seen:
                errors.append(Problem(where, f'"{team}" is already on {seen[team.casefold()]}'))
            else:
                seen[team.casefold()] = f"row {row.number}"
                rows.append(CsvRow(row.number, team, figures))
                places.append(table.where(row.number))
    if not rows:
        errors.append(Problem(first.where(), "no team rows under the header"))
    headers = {
        field: first_columns.header(index)
        for field in HEADCOUNT_FIELDS
        if (index := first_columns.index(field)) is not None
    }
    notes = _disagreements(rows, stated, totals_where, problems, places, headers)
    return SnapshotOut(as_of, unit, rows, stated, first.where(), notes)


def _disagreements(
    rows: list[CsvRow],
    stated: dict[str, str],
    where: str,
    problems: list[Problem],
    places: list[str],
    headers: dict[str, str],
) -> list[str]:
    """Figures the source states that its own rows contradict: said, and kept as notes.

    `wfplan validate` would refuse them (WF501, WF502), and the source is what it is.
    """
    notes = []
    for row, place in zip(rows, places, strict=True):
        figures = {k: float(v) for k, v in row.figures.items()}
        if len(figures) == 4:
            parts = figures["permanent"] + figures["agency"] + figures["vacant"]
            if abs(parts - figures["establishment"]) > 0.005:
                said = row.figures.pop("establishment")
                problems.append(
                    Problem(
                        f'{place}, column "{headers["establishment"]}"',
                        f"establishment {said} is not permanent + agency + vacant "
                        f"({parts:g}); kept as a note",
                    )
                )
                notes.append(f'"{row.team}": establishment stated as {said}.')
    computed = _computed(rows)
    for name, text in list(stated.items()):
        decimals = len(text.partition(".")[2])
        if abs(computed[name] - float(text)) <= 0.5 * 10**-decimals + 1e-9:
            continue
        del stated[name]
        cell = f'{where}, column "{headers[name]}"'
        message = f"the {name} total {text} does not match: the rows add up to {computed[name]:.2f}"
        problems.append(Problem(cell, message + "; kept as a note"))
        notes.append(f"Total {name} stated as {text} ({where}).")
    return notes


def _computed(rows: list[CsvRow]) -> dict[str, float]:
    """The totals `wfplan validate` checks stated totals against (checks/staffing.py, WF501)."""
    sums = dict.fromkeys(HEADCOUNT_FIELDS[1:], 0.0)
    for row in rows:
        figures = {k: float(v) for k, v in row.figures.items()}
        parts = [figures.get(k, 0.0) for k in ("permanent", "agency", "vacant")]
        if any(k in figures for k in ("permanent", "agency", "vacant")):
            sums["permanent"] += parts[0]
            sums["agency"] += parts[1]
            sums["vacant"] += parts[2]
        if "establishment" in figures:
            sums["establishment"] += figures["establishment"]
        elif any(k in figures for k in ("permanent", "agency", "vacant")):
            sums["establishment"] += sum(parts)
    return sums
