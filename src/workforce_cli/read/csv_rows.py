"""Team rows from a CSV export: `team,permanent,agency,vacant[,establishment]`.

HR systems and Excel write these, so: the header names the columns in any order and any case;
a UTF-8 byte-order mark and CRLF line ends are fine, and a file that is not UTF-8 is read as
Windows-1252 (Excel's "CSV (Comma delimited)" on a UK machine); a blank cell is an unknown
figure, never zero; blank lines are skipped. Every problem names its CSV row and column, and
all are reported together. Figures keep the text they were written with (`87.20` stays
`87.20`: stated precision matters to the totals checks).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from workforce_cli.model.types import MAX_NUMBER
from workforce_cli.read.yaml_scalars import MAX_NUMBER_TEXT

COLUMNS = ("team", "permanent", "agency", "vacant", "establishment")
REQUIRED = COLUMNS[:4]
FIGURES = COLUMNS[1:]
_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)")


@dataclass(frozen=True)
class CsvRow:
    line: int
    team: str
    figures: dict[str, str]
    """Column -> the number as written; unknown figures are absent."""


class CsvProblems(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_rows(raw: bytes, name: str) -> list[CsvRow]:
    """The team rows of a CSV file, or CsvProblems listing every bad cell."""
    records = [
        (number, row)
        for number, row in enumerate(csv.reader(io.StringIO(decode(raw), newline="")), 1)
        if any(cell.strip() for cell in row)
    ]
    if not records:
        raise CsvProblems([f"{name}: the file has no header row (team,permanent,agency,vacant)"])
    header_line, header = records[0]
    columns = _columns(header, name, header_line)
    problems: list[str] = []
    rows: list[CsvRow] = []
    seen: dict[str, int] = {}
    for number, record in records[1:]:
        cells = {column: (record[i].strip() if i < len(record) else "") for column, i in columns}
        if len(record) > len(header) and any(c.strip() for c in record[len(header) :]):
            problems.append(f"{name}: row {number}: more cells than the header has columns")
        team = cells["team"]
        if not team:
            problems.append(f'{name}: row {number}, column "team": the team name is blank')
        elif team.casefold() in seen:
            problems.append(
                f'{name}: row {number}, column "team": "{team}" is already on row '
                f"{seen[team.casefold()]}"
            )
        else:
            seen[team.casefold()] = number
        figures: dict[str, str] = {}
        for column in FIGURES:
            text = cells.get(column, "")
            if not text:
                continue
            problem = figure_problem(text)
            if problem:
                problems.append(f'{name}: row {number}, column "{column}": "{text}" {problem}')
            else:
                figures[column] = text
        rows.append(CsvRow(number, team, figures))
    if problems:
        raise CsvProblems(problems)
    if not rows:
        raise CsvProblems([f"{name}: no team rows under the header"])
    return rows


def _columns(header: list[str], name: str, line: int) -> list[tuple[str, int]]:
    found: dict[str, int] = {}
    problems: list[str] = []
    for i, cell in enumerate(header):
        column = cell.strip().lower()
        if not column:
            continue
        if column not in COLUMNS:
            problems.append(
                f'{name}: row {line}: unknown column "{cell.strip()}"; the columns are '
                + ", ".join(COLUMNS)
                + " (establishment optional)"
            )
        elif column in found:
            problems.append(f'{name}: row {line}: column "{column}" appears twice')
        else:
            found[column] = i
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        problems.append(f"{name}: row {line}: missing column(s): {', '.join(missing)}")
    if problems:
        raise CsvProblems(problems)
    return list(found.items())


def figure_problem(text: str) -> str | None:
    # Plain decimals only: "1,234", "12 FTE" or "0x1F" in an HR export is a mistake to show.
    if not _NUMBER.fullmatch(text):
        return "is not a number"
    if len(text) > MAX_NUMBER_TEXT or abs(float(text)) >= MAX_NUMBER:
        # A plan's numbers are below 10^15 (see yaml_scalars); the figure goes into one.
        return "is too large; staffing figures are less than 1,000,000,000,000,000"
    if text.startswith("-") and float(text) != 0:
        return "is negative; staffing figures are 0 or more"
    return None
