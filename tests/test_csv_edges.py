"""CSV exports that are broken in ways a spreadsheet hides: refused with row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, write
from workforce_cli.read.csv_rows import CsvProblems, read_rows

PLAN = """\
wfplan: 1
id: demo
title: Demo plan
"""


def problems(text: str) -> list[str]:
    with pytest.raises(CsvProblems) as raised:
        read_rows(text.encode(), "hr.csv")
    return raised.value.problems


def test_an_unterminated_quote_is_refused_at_its_row_and_column() -> None:
    text = 'team,permanent,agency,vacant\nNorth,1,2,3\n"South,4,5,6\nEast,7,8,9\n'
    assert problems(text) == [
        'hr.csv: row 3, column "team": the quote that opens this cell is never closed; '
        'close it, or remove it (a quote inside a cell is written "")'
    ]


def test_an_unterminated_quote_in_a_figure_names_its_column() -> None:
    text = 'team,permanent,agency,vacant\nNorth,1,"2,3\nEast,7,8,9\n'
    assert problems(text)[0].startswith('hr.csv: row 2, column "agency": the quote that opens')


def test_a_cell_over_several_lines_is_refused() -> None:
    text = 'team,permanent,agency,vacant\n"North\nEast",1,2,3\n'
    assert problems(text) == [
        'hr.csv: row 2, column "team": the cell runs over several lines; a team name and a '
        "figure are one line each"
    ]


def test_text_after_a_closing_quote_is_refused() -> None:
    text = 'team,permanent,agency,vacant\n"North" East,1,2,3\n'
    assert problems(text) == [
        'hr.csv: row 2, column "team": text after the closing quote; quote the whole cell'
    ]


@pytest.mark.parametrize("digits", [5000, 16])
def test_a_number_with_thousands_of_digits_is_refused_not_a_crash(digits: int) -> None:
    text = f"team,permanent,agency,vacant\nNorth,{'9' * digits},1,1\n"
    shown = "9" * 12 + "…"
    assert problems(text) == [
        f'hr.csv: row 2, column "permanent": "{shown}" is too large; staffing figures are less '
        "than 1,000,000,000,000,000"
    ]


def test_through_the_command_nothing_is_written(run: Run, workdir: Path) -> None:
    plan = write(workdir / "plans" / "demo.yaml", PLAN)
    write(workdir / "hr.csv", f"team,permanent,agency,vacant\nNorth,{'1' * 5000},1,1\n")
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "Mar 2021", "hr.csv")
    assert result.exit_code == 1
    assert result.stderr.endswith("wfplan: nothing written\n")
    assert plan.read_text("utf-8") == PLAN


@pytest.mark.parametrize(
    ("char", "code"), [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\t", "U+0009")]
)
def test_a_control_character_in_a_cell_is_refused(char: str, code: str) -> None:
    text = f"team,permanent,agency,vacant\nNo{char}rth,1,2,3\n"
    assert problems(text) == [
        f'hr.csv: row 2, column "team": the cell holds a control character ({code}); '
        "an export that is not plain text?"
    ]


def test_import_refuses_an_unterminated_quote_too(run: Run, workdir: Path) -> None:
    write(workdir / "hc.csv", 'Team;Permanent;Agency;Vacant\n"North;10;1;1\nSouth;5;2;0\n')
    result = run("import", "hc.csv", "--title", "HC", "--as-of", "Mar 2021")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'wfplan: error: hc.csv: table 1, row 2, column "Team": the quote that opens this cell is '
        'never closed; close it, or remove it (a quote inside a cell is written "")\n'
    )
    assert not (workdir / "plans").exists()


def test_import_keeps_a_cell_over_several_lines(run: Run, workdir: Path) -> None:
    # An action's text may run over lines in a spreadsheet; only a quote never closed is wrong.
    write(
        workdir / "actions.csv",
        'Action;Responsibility;Timescale\n"Run job events\nin three cities";HR;Dec 2021\n',
    )
    assert run("import", "actions.csv", "--title", "A").exit_code == 0
