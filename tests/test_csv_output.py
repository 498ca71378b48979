"""Every CSV output goes through one writer (`output.csv_text`) with the OWASP rule: a text cell
that a spreadsheet would read as a formula gets a leading apostrophe; numbers stay numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, write
from workforce_cli.output import csv_text

HOSTILE = """\
wfplan: 1
id: p
title: P
actions:
  - id: a
    title: "=1+2"
    owner: ["@SUM(A1)", "+cmd", "-2+3", "\\tTab", "\\rCR"]
    due: 2021-01-31
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: "=1+2", permanent: 4, agency: 1, vacant: 1}
        - {team: "-5", permanent: 1, agency: 0, vacant: 0}
        - {team: "@cmd", permanent: 1, agency: 0, vacant: 0}
"""


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", '"\'\rCR"'),
        ("plain", "plain"),
        ("-1.50", "-1.50"),  # a number written as text by a formatter is still a number
        (-1.5, "-1.5"),
        (3, "3"),
        (None, ""),
        ("", ""),
    ],
)
def test_one_rule_for_every_cell(cell: str | float | None, written: str) -> None:
    assert csv_text(["h", "x"], [[cell, "x"]]) == f"h,x\n{written},x\n"


def test_staffing_csv_escapes_team_names_and_keeps_numbers(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", HOSTILE)
    result = run("staffing", "--as-of", "2021-03-01", "--format", "csv")
    assert result.exit_code == 0
    rows = result.stdout.splitlines()
    assert rows[1].startswith("p,Feb 2021,2021-02-28,team,'=1+2,true,fte,")
    assert rows[2].startswith("p,Feb 2021,2021-02-28,team,-5,true,fte,")
    assert rows[3].startswith("p,Feb 2021,2021-02-28,team,'@cmd,true,fte,")
    assert rows[4].startswith("p,Feb 2021,2021-02-28,total,,true,fte,")


def test_overdue_csv_escapes_every_text_cell(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", HOSTILE)
    result = run("overdue", "--as-of", "2021-03-01", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == (
        "plan,id,title,owners,due,due_date,days_overdue,rag,status\n"
        "p,a,'=1+2,\"'@SUM(A1); +cmd; -2+3; \tTab; \rCR\",2021-01-31,2021-01-31,29,Red,"
        "not_started\n"
    )
