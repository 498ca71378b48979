"""`wfplan snapshot add`: a CSV export appended as a snapshot, in the file's own style."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, write
from workforce_cli.read.csv_rows import CsvProblems, read_rows

PLAN = """\
wfplan: 1
id: demo
title: Demo plan
staffing:
  unit: fte
  snapshots:
    - as_of: Feb 2021   # from the strategy
      teams:
        - {team: North, permanent: 10, agency: 2, vacant: 1}

    - as_of: Mar 2021
      teams:
        - {team: North, permanent: 11, agency: 1, vacant: 1}
targets:
  - {id: perm-90, metric: permanent_share, value: 90%, by: 2023}
"""

CSV = "team,permanent,agency,vacant\nNorth,12,0.5,0.5\nSouth & East,,,\n"


@pytest.fixture
def plan(workdir: Path) -> Path:
    write(workdir / "hr.csv", CSV)
    return write(workdir / "plans" / "demo.yaml", PLAN)


def test_appends_after_the_last_snapshot_with_the_files_spacing(run: Run, plan: Path) -> None:
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "Apr 2021", "hr.csv")
    assert result.stdout == (
        "--- a/plans/demo.yaml\n+++ b/plans/demo.yaml\n"
        "@@ -11,5 +11,10 @@\n"
        "     - as_of: Mar 2021\n"
        "       teams:\n"
        "         - {team: North, permanent: 11, agency: 1, vacant: 1}\n"
        "+\n"
        "+    - as_of: Apr 2021\n"
        "+      teams:\n"
        "+        - {team: North, permanent: 12, agency: 0.5, vacant: 0.5}\n"
        "+        - {team: South & East}\n"
        " targets:\n"
        "   - {id: perm-90, metric: permanent_share, value: 90%, by: 2023}\n"
        "plans/demo.yaml: snapshot of demo as of Apr 2021 added (2 teams)\n"
    )
    assert (result.exit_code, result.stderr) == (0, "")


def test_excel_csv_with_bom_crlf_and_any_column_order(run: Run, plan: Path) -> None:
    (plan.parent.parent / "hr.csv").write_bytes(
        b"\xef\xbb\xbfVacant,TEAM,Agency,Permanent,Establishment\r\n0.5,North,0.5,12,13\r\n"
    )
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "Apr 2021", "hr.csv")
    assert result.exit_code == 0
    assert (
        "        - {team: North, permanent: 12, agency: 0.5, vacant: 0.5, establishment: 13}\n"
        in plan.read_text("utf-8")
    )


def test_a_duplicate_as_of_is_refused(run: Run, plan: Path) -> None:
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "2021-03-31", "hr.csv")
    assert result.exit_code == 1
    assert result.stderr == (
        'wfplan: error: demo already has a snapshot as of "Mar 2021" (plans/demo.yaml:11), '
        "the same day as 2021-03-31; edit that one instead\n"
    )
    assert plan.read_text("utf-8") == PLAN


def test_bad_figures_name_row_and_column_and_nothing_is_written(run: Run, plan: Path) -> None:
    write(plan.parent.parent / "hr.csv", "team,permanent,agency,vacant\nNorth,-2,1 FTE,\n,1,1,1\n")
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "Apr 2021", "hr.csv")
    assert result.exit_code == 1
    assert result.stderr == (
        'wfplan: error: hr.csv: row 2, column "permanent": "-2" is negative; staffing figures '
        "are 0 or more\n"
        'wfplan: error: hr.csv: row 2, column "agency": "1 FTE" is not a number\n'
        'wfplan: error: hr.csv: row 3, column "team": the team name is blank\n'
        "wfplan: nothing written\n"
    )
    assert plan.read_text("utf-8") == PLAN


def test_a_total_that_does_not_add_up_is_not_written(run: Run, plan: Path) -> None:
    write(plan.parent.parent / "hr.csv", "team,permanent,agency,vacant,establishment\nN,1,1,1,9\n")
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "Apr 2021", "hr.csv")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "error WF502" in result.stderr
    assert plan.read_text("utf-8") == PLAN


def test_into_a_new_staffing_file(run: Run, plan: Path) -> None:
    args = ("snapshot", "add", "--plan", "demo", "--as-of", "Apr 2021", "hr.csv")
    result = run(*args, "--into", "plans/demo-staffing.yaml")
    assert result.exit_code == 0
    created = plan.parent / "demo-staffing.yaml"
    assert created.read_text("utf-8") == (
        "# yaml-language-server: $schema=../schemas/staffing.schema.json\n"
        "wfplan: 1\nkind: staffing\nplan: demo\nunit: fte\nsnapshots:\n"
        "  - as_of: Apr 2021\n    teams:\n"
        "      - {team: North, permanent: 12, agency: 0.5, vacant: 0.5}\n"
        "      - {team: South & East}\n"
    )
    assert plan.read_text("utf-8") == PLAN
    # The plan's only staffing file is now where snapshots go by default.
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "May 2021", "hr.csv")
    assert result.exit_code == 0
    assert "  - as_of: May 2021\n" in created.read_text("utf-8")
    # ... and a file that is not one of the plan's is never written to.
    write(plan.parent / "other.yaml", "wfplan: 1\nid: other\ntitle: Other\n")
    result = run(*args[:-2], "Jun 2021", "hr.csv", "--into", "plans/other.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: plans/other.yaml is neither the file of plan demo nor one of its "
        "staffing files\n"
    )


def test_into_outside_the_plan_folders_is_a_usage_error(run: Run, plan: Path) -> None:
    result = run(
        "snapshot", "add", "--plan", "demo", "--as-of", "Apr 2021", "hr.csv", "--into", "x.yaml"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: x.yaml is outside the plan folders (plans), where wfplan looks\n"
    )


def test_a_plan_without_staffing_gets_a_section(run: Run, workdir: Path) -> None:
    write(workdir / "hr.csv", CSV)
    plan = write(workdir / "plans" / "p.yaml", "wfplan: 1\nid: p\ntitle: P\nnotes: |\n  x\n")
    result = run("snapshot", "add", "--plan", "p", "--as-of", "Apr 2021", "hr.csv")
    assert result.exit_code == 0, result.stdout
    assert plan.read_text("utf-8") == (
        "wfplan: 1\nid: p\ntitle: P\nnotes: |\n  x\n\nstaffing:\n  snapshots:\n"
        "    - as_of: Apr 2021\n      teams:\n"
        "        - {team: North, permanent: 12, agency: 0.5, vacant: 0.5}\n"
        "        - {team: South & East}\n"
    )


def test_empty_flow_list_of_snapshots_becomes_a_block(run: Run, workdir: Path) -> None:
    write(workdir / "hr.csv", "team,permanent,agency,vacant\nN,1,1,1\n")
    plan = write(
        workdir / "plans" / "p.yaml",
        "wfplan: 1\nid: p\ntitle: P\nstaffing:\n  snapshots: []  # none yet\n",
    )
    assert run("snapshot", "add", "--plan", "p", "--as-of", "Apr 2021", "hr.csv").exit_code == 0
    assert plan.read_text("utf-8").endswith(
        "staffing:\n  snapshots:  # none yet\n    - as_of: Apr 2021\n      teams:\n"
        "        - {team: N, permanent: 1, agency: 1, vacant: 1}\n"
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "hr.csv: the file has no header row (team,permanent,agency,vacant)"),
        ("team,permanent,agency\n", "hr.csv: row 1: missing column(s): vacant"),
        (
            "team,permanent,agency,vacant,cost\n",
            'hr.csv: row 1: unknown column "cost"; the columns are team, permanent, agency, '
            "vacant, establishment (establishment optional)",
        ),
        ("team,team,permanent,agency,vacant\n", 'hr.csv: row 1: column "team" appears twice'),
        ("team,permanent,agency,vacant\n", "hr.csv: no team rows under the header"),
        ("team,permanent,agency,vacant\nA,1,1,1\na,1,1,1\n", 'row 3, column "team": "a" is'),
        ("team,permanent,agency,vacant\nA,1,1,1,9\n", "hr.csv: row 2: more cells than"),
        ('team,permanent,agency,vacant\nA,"1,234",1,1\n', '"1,234" is not a number'),
    ],
)
def test_csv_problems(text: str, problem: str) -> None:
    with pytest.raises(CsvProblems) as raised:
        read_rows(text.encode(), "hr.csv")
    assert problem in raised.value.problems[0]


def test_windows_1252_export_is_read() -> None:
    rows = read_rows("team,permanent,agency,vacant\nCafé,1,2,3\n".encode("cp1252"), "hr.csv")
    assert rows[0].team == "Café"
    assert rows[0].figures == {"permanent": "1", "agency": "2", "vacant": "3"}


def test_figures_keep_their_written_precision() -> None:
    rows = read_rows(b"team,permanent,agency,vacant\nA,87.20, 1 ,\n", "hr.csv")
    assert rows[0].figures == {"permanent": "87.20", "agency": "1"}
