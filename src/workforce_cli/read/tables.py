"""Tables out of Word documents, spreadsheets and CSV files, as plain text with their positions.

`wfplan import` works on what this module returns: a list of `Table`s, each a list of `Row`s
of cell text, whatever the file format. Positions are the ones a person sees in the file
(table 2 of a document, row 7 of a sheet), so that every problem can name the cell.

Decisions:

- Word (.docx) through python-docx: every table of the body, in order, with the last heading
  (a paragraph styled "Heading ..." or "Title") between it and the table before it. A cell's
  paragraphs are joined with line breaks; a paragraph that Word numbers or bullets (a list
  style or list numbering) gets a "• " in front, since its marker is not part of its text.
- A cell merged across columns appears once, in its first column, and the row records that
  it spans; a cell merged down rows appears in its first row only (below it is blank).
- Spreadsheets (.xlsx, .ods) through python-calamine: one table per sheet, row numbers as the
  spreadsheet shows them. Whole numbers are written without ".0"; dates as 2021-02-18.
- CSV through the same decoding as `wfplan snapshot add` (UTF-8 with or without a BOM, else
  Windows-1252), with the delimiter sniffed among `,` `;` tab and `|`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from workforce_cli.read import files
from workforce_cli.read.csv_rows import decode

SUFFIXES = (".docx", ".xlsx", ".ods", ".csv")
IMPORT_LIMIT = 32 * 1024 * 1024
"""A document or workbook larger than this is refused: a council's action plan is well under
a megabyte. Only regular files are read (a named pipe would block, /dev/zero never ends)."""
INSTALL = "pip install 'wfplan[import]'"
_BULLET = "• "


@dataclass(frozen=True)
class Row:
    number: int
    """The row's number in its table (1 = the first row), or in its sheet."""
    cells: tuple[str, ...]
    """One text per column; blank where the cell is empty or covered by a merged cell."""
    spans: bool = False
    """One cell merged across every column (a heading row)."""


@dataclass
class Table:
    source: str
    """The file's name as the user gave it."""
    label: str
    """`table 2` in a document, `sheet "Actions"` in a workbook, `table 1` in a CSV file."""
    rows: list[Row] = field(default_factory=list)
    heading: str | None = None
    """The heading the document puts before this table, if any."""
    number: int = 1

    def where(self, row: int | None = None, column: str | None = None) -> str:
        """`plan.docx: table 2, row 7, column "Timescale"`: a cell, a row or the table."""
        text = f"{self.source}: {self.label}"
        if row is not None:
            text += f", row {row}"
        if column is not None:
            text += f', column "{column}"'
        return text


class TableError(Exception):
    """A file that cannot be read as tables (the message says which and why)."""


class MissingLibrary(TableError):
    """The optional reading libraries are not installed."""


def read(path: Path, display: str | None = None) -> list[Table]:
    """Every table in the file at `path`; TableError if it cannot be read."""
    name = display or str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TableError(
            f"{name}: cannot import a {path.suffix or 'file without a suffix'}; "
            "wfplan imports .docx, .xlsx, .ods and .csv files"
        )
    try:
        raw = files.read_limited(path, IMPORT_LIMIT)
    except files.FileRefused as refused:
        message = refused.message.replace("plan files are", "files to import are")
        raise TableError(f"cannot read {name}: {message}") from None
    except OSError as err:
        raise TableError(f"cannot read {name}: {err.strerror or err}") from None
    if suffix == ".csv":
        return [_csv_table(raw, name)]
    if suffix == ".docx":
        return _docx_tables(raw, name)
    return _sheet_tables(raw, name)


def _missing(library: str) -> MissingLibrary:
    return MissingLibrary(
        f"reading {library} files needs the import extras, which are not installed: {INSTALL}"
    )


def _csv_table(raw: bytes, name: str) -> Table:
    text = decode(raw)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    table = Table(name, "table 1")
    try:
        for number, record in enumerate(reader, 1):
            table.rows.append(Row(number, tuple(cell.strip() for cell in record)))
    except csv.Error as err:
        raise TableError(f"{name}: not a readable CSV file: {err}") from None
    return table


def _docx_tables(raw: bytes, name: str) -> list[Table]:
    try:
        import docx
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise _missing("Word (.docx)") from None
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as err:  # python-docx raises zip, XML and key errors alike
        raise TableError(f"{name}: not a readable Word (.docx) file ({err})") from None
    tables: list[Table] = []
    heading: str | None = None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            style = block.style.name if block.style is not None else ""
            if block.text.strip() and (style or "").startswith(("Heading", "Title")):
                heading = block.text.strip()
        elif isinstance(block, DocxTable):
            number = len(tables) + 1
            table = Table(name, f"table {number}", heading=heading, number=number)
            table.rows = _docx_rows(block)
            tables.append(table)
            heading = None
    return tables


def _docx_rows(table: Any) -> list[Row]:
    rows: list[Row] = []
    above: list[Any] = []
    for number, row in enumerate(table.rows, 1):
        cells = list(row.cells)
        texts: list[str] = []
        distinct = 0
        for column, cell in enumerate(cells):
            element = cell._tc  # the same element stands for every grid column it covers
            left = cells[column - 1]._tc if column else None
            up = above[column]._tc if column < len(above) else None
            if element is left or element is up:
                texts.append("")
                continue
            distinct += 1
            texts.append(_cell_text(cell))
        spans = len(cells) > 1 and distinct == 1 and bool(texts[0])
        rows.append(Row(number, tuple(texts), spans))
        above = cells
    return rows


def _cell_text(cell: Any) -> str:
    lines = []
    for paragraph in cell.paragraphs:
        text = paragraph.text
        properties = paragraph._p.pPr
        numbered = properties is not None and properties.numPr is not None
        style = paragraph.style.name if paragraph.style is not None else ""
        if text.strip() and (numbered or (style or "").startswith("List")):
            text = _BULLET + text
        lines.append(text)
    return "\n".join(lines).strip()


def _sheet_tables(raw: bytes, name: str) -> list[Table]:
    try:
        from python_calamine import CalamineError, CalamineWorkbook
    except ImportError:
        raise _missing("spreadsheet (.xlsx, .ods)") from None
    tables: list[Table] = []
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        for number, sheet_name in enumerate(workbook.sheet_names, 1):
            sheet = workbook.get_sheet_by_name(sheet_name)
            values = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
            table = Table(name, f'sheet "{sheet_name}"', number=number)
            width = max((len(record) for record in values), default=0)
            spanning = {
                start[0]
                for start, end in merged
                if start[0] == end[0] and start[1] == 0 and end[1] >= width - 1 > 0
            }
            for index, record in enumerate(values):
                texts = tuple(_value_text(v) for v in record)
                table.rows.append(Row(index + 1, texts, index in spanning))
            tables.append(table)
    except CalamineError as err:
        raise TableError(f"{name}: not a readable spreadsheet ({err})") from None
    except (OSError, ValueError) as err:  # a zip that is not a workbook, a broken XML part
        raise TableError(f"{name}: not a readable spreadsheet ({err})") from None
    return tables


def _value_text(value: object) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()
