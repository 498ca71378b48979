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
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # C0, DEL and C1 (line ends are checked first)


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
    records = _records(decode(raw), name)
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
                shown = text if len(text) <= 12 else text[:12] + "…"
                problems.append(f'{name}: row {number}, column "{column}": "{shown}" {problem}')
            else:
                figures[column] = text
        rows.append(CsvRow(number, team, figures))
    if problems:
        raise CsvProblems(problems)
    if not rows:
        raise CsvProblems([f"{name}: no team rows under the header"])
    return rows


def _records(text: str, name: str) -> list[tuple[int, list[str]]]:
    """(row, cells) of each non-blank record; a row is the line the record starts on.

    Strict: a quote opened and never closed would otherwise swallow the rest of the file into
    one cell (a team named "South,4,5,6 East,7,8,9"), and text after a closing quote would be
    glued on. A cell over several lines is refused too: team names and figures are one line.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return records
        except csv.Error as err:
            header = records[0][1] if records else []
            raise CsvProblems([_malformed(text, start, header, name, str(err))]) from None
        if not any(cell.strip() for cell in row):
            continue
        for i, cell in enumerate(row):
            if "\n" in cell or "\r" in cell:
                raise CsvProblems(
                    [
                        f"{name}: row {start}, {_column(records, i)}: the cell runs over several "
                        "lines; a team name and a figure are one line each"
                    ]
                )
            control = _CONTROL.search(cell)
            if control:
                raise CsvProblems(
                    [
                        f"{name}: row {start}, {_column(records, i)}: the cell holds a control "
                        f"character (U+{ord(control.group()):04X}); an export that is not plain "
                        "text?"
                    ]
                )
        records.append((start, row))


def _column(records: list[tuple[int, list[str]]], index: int) -> str:
    header = records[0][1] if records else []
    if index < len(header) and header[index].strip():
        return f'column "{header[index].strip().lower()}"'
    return f"column {index + 1}"


QUOTE_PROBLEMS = {
    "unclosed": "the quote that opens this cell is never closed; close it, or remove it (a quote "
    'inside a cell is written "")',
    "after": "text after the closing quote; quote the whole cell",
}


def _malformed(text: str, line: int, header: list[str], name: str, error: str) -> str:
    """Where and why a record does not read: a quote never closed, or text after one."""
    index, problem = quote_problem(text, line)
    if problem is None:
        return f"{name}: row {line}: {error}"
    return f"{name}: row {line}, {_column([(1, header)], index)}: {QUOTE_PROBLEMS[problem]}"


def quote_problem(text: str, line: int, delimiter: str = ",") -> tuple[int, str | None]:
    """The cell of the record starting on `line` of `text` where quoting goes wrong, and how
    ("unclosed" or "after", a key of QUOTE_PROBLEMS), or None if its quotes are sound."""
    rest = "".join(text.splitlines(keepends=True)[line - 1 :])
    return _scan(rest, delimiter)


def _scan(text: str, delimiter: str) -> tuple[int, str | None]:
    i, cell, n = 0, 0, len(text)
    stops = delimiter + "\r\n"
    while i < n:
        if text[i] == '"':
            i += 1
            while True:
                j = text.find('"', i)
                if j == -1:
                    return cell, "unclosed"
                if text.startswith('""', j):
                    i = j + 2
                    continue
                i = j + 1
                break
            if i < n and text[i] not in stops:
                return cell, "after"
        else:
            while i < n and text[i] not in stops:
                i += 1
        if i < n and text[i] == delimiter:
            i += 1
            cell += 1
            continue
        break
    return cell, None


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
