"""Reading tables out of .docx, .xlsx, .ods and .csv files (read/tables.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from tests import import_fixtures as fixtures
from workforce_cli.read import tables
from workforce_cli.read.tables import Row


def test_docx_tables_in_order_with_the_heading_before_each(tmp_path: Path) -> None:
    found = tables.read(fixtures.dudley_docx(tmp_path / "dudley.docx"), "dudley.docx")
    assert [t.label for t in found] == ["table 1", "table 2", "table 3", "table 4", "table 5"]
    assert [t.heading for t in found] == [
        fixtures.DUDLEY_OBJECTIVES[0][0],
        fixtures.DUDLEY_OBJECTIVES[1][0],
        fixtures.DUDLEY_OBJECTIVES[2][0],
        None,  # the approval table follows the third objective's table directly
        "APPENDIX A",
    ]
    assert found[4].rows[5] == Row(6, ("Dudley Performing Arts", "", "", ""))
    assert found[4].where(11, "Permanent Employees") == (
        'dudley.docx: table 5, row 11, column "Permanent Employees"'
    )


def test_docx_merged_rows_lists_and_source_bullets(tmp_path: Path) -> None:
    table = tables.read(fixtures.rochdale_docx(tmp_path / "r.docx"), "r.docx")[0]
    # The first priority row is written in its first cell only, as in the source: not merged.
    assert table.rows[1] == Row(2, ("PRIORITY: \n\nREFORM & REMODELLING", "", "", "", "", ""))
    # The others are merged across the table: the text once, in the first column.
    assert table.rows[7] == Row(8, ("PRIORITY: INDUCTION", "", "", "", "", ""), spans=True)
    # Word list paragraphs get a bullet (their marker is not in their text) ...
    assert table.rows[2].cells[1].split("\n")[:2] == [
        "• To appoint a workforce champion to work across partner agencies",
        "",
    ]
    # ... the source's own "· " is kept as written.
    assert table.rows[3].cells[1].startswith("· To use imaginative approaches")


def test_docx_cell_merged_down_is_blank_below(tmp_path: Path) -> None:
    merged = tables.read(fixtures.leeds_docx(tmp_path / "l.docx", vertical_merge=True), "l")
    plain = tables.read(fixtures.leeds_docx(tmp_path / "p.docx"), "p")
    assert merged[0].rows[2].cells[0] == ""
    assert merged[0].rows[1].cells[0] == fixtures.REC1
    assert [r.cells[1:] for r in merged[0].rows] == [r.cells[1:] for r in plain[0].rows]


def test_xlsx_sheets_row_numbers_merged_rows_and_values(tmp_path: Path) -> None:
    found = tables.read(fixtures.workbook_xlsx(tmp_path / "book.xlsx"), "book.xlsx")
    assert [t.label for t in found] == [
        'sheet "Action plan"',
        'sheet "Appendix A"',
        'sheet "Notes"',
    ]
    plan = found[0]
    assert plan.rows[0] == Row(1, ("Workforce action plan 2021-2023", "", "", "", "", ""))
    assert plan.rows[2] == Row(3, ("Strategic Objective 1: recruitment", "", "", "", "", ""), True)
    assert plan.rows[4] == Row(5, ("", "", "", "", "", ""))
    figures = found[1]
    # Numbers as the sheet shows them: 1 not 1.0, 22.31 not 22.310000000000002.
    assert figures.rows[1] == Row(2, ("Children in Care & Resources", "22.31", "1", "2.69"))
    assert figures.rows[5] == Row(6, ("Dudley Performing Arts", "", "", ""))


def test_xlsx_dates_and_whole_numbers(tmp_path: Path) -> None:
    import datetime

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Action", "Deadline", "FTE"])
    sheet.append(["Audit", datetime.date(2021, 2, 18), 3.0])
    sheet.append(["Review", datetime.datetime(2021, 3, 1, 9, 30), 2.5])
    book.save(str(tmp_path / "d.xlsx"))
    rows = tables.read(tmp_path / "d.xlsx", "d.xlsx")[0].rows
    assert rows[1].cells == ("Audit", "2021-02-18", "3")
    assert rows[2].cells == ("Review", "2021-03-01 09:30:00", "2.5")


def test_ods(tmp_path: Path) -> None:
    table = tables.read(fixtures.headcount_ods(tmp_path / "a.ods"), "a.ods")[0]
    assert table.label == 'sheet "Appendix A"'
    assert table.rows[0].cells == fixtures.DUDLEY_HEADCOUNT_HEADER
    assert table.rows[4] == Row(5, ("Children's Social Care", "44.41", "26.5", "10.09"))
    assert table.rows[5] == Row(6, ("Dudley Performing Arts", "", "", ""))


def test_csv_sniffs_the_delimiter_and_reads_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(
        "Action;Lead;Timescale\r\nRecruit £ officers;Head of Service, HR;Dec 2021\r\n".encode(
            "cp1252"
        )
    )
    rows = tables.read(path, "plan.csv")[0].rows
    assert rows == [
        Row(1, ("Action", "Lead", "Timescale")),
        Row(2, ("Recruit £ officers", "Head of Service, HR", "Dec 2021")),
    ]
    path.write_bytes("\ufeffAction\tLead\nAudit\tHR\n".encode())
    assert tables.read(path, "plan.csv")[0].rows[1].cells == ("Audit", "HR")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"%PDF", "plan.pdf: cannot import a .pdf; wfplan imports .docx, .xlsx, "
         ".ods and .csv files"),
        ("plan.docx", b"not a zip", "plan.docx: not a readable Word (.docx) file"),
        ("plan.xlsx", b"not a zip", "plan.xlsx: not a readable spreadsheet"),
    ],
)  # fmt: skip
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(tables.TableError) as caught:
        tables.read(tmp_path / name, name)
    assert str(caught.value).startswith(message)


def test_missing_library_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = docx.Document()
    document.add_table(rows=1, cols=1)
    document.save(str(tmp_path / "p.docx"))
    fixtures.headcount_ods(tmp_path / "a.ods")
    monkeypatch.setitem(sys.modules, "docx", None)
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(tables.MissingLibrary) as caught:
        tables.read(tmp_path / "p.docx", "p.docx")
    assert str(caught.value) == (
        "reading Word (.docx) files needs the import extras, which are not installed: "
        "pip install 'wfplan[import]'"
    )
    with pytest.raises(tables.MissingLibrary) as caught:
        tables.read(tmp_path / "a.ods", "a.ods")
    assert str(caught.value) == (
        "reading spreadsheet (.xlsx, .ods) files needs the import extras, which are not "
        "installed: pip install 'wfplan[import]'"
    )
