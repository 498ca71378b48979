"""`wfplan staffing` end to end: exact output on the real plans and on Riverside, exit codes.

Golden files are under tests/golden/staffing/; regenerate them after an intended change
with `WFPLAN_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_staffing_cli.py` and
review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, Run, write
from workforce_cli import dates

GOLDEN = REPO / "tests" / "golden" / "staffing"
REGEN = bool(os.environ.get("WFPLAN_REGEN_GOLDEN"))


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


CASES = [
    ("plans-2024.txt", REPO, ["plans", "--as-of", "2024"]),
    ("plans-2024.json", REPO, ["plans", "--as-of", "2024", "-f", "json"]),
    ("plans-2024.csv", REPO, ["plans", "--as-of", "2024", "--format", "csv"]),
    ("dudley-2021.txt", REPO, ["--plan", "dudley-csc-workforce-2021", "--as-of", "2021"]),
    ("riverside-jan-2024.txt", GOLDEN, ["riverside", "--as-of", "Jan 2024"]),
    ("riverside-jan-2024.json", GOLDEN, ["riverside", "--as-of", "Jan 2024", "-f", "json"]),
    ("riverside-jan-2024.csv", GOLDEN, ["riverside", "--as-of", "Jan 2024", "-f", "csv"]),
]


@pytest.mark.parametrize(("name", "cwd", "args"), CASES, ids=[c[0] for c in CASES])
def test_golden_output(
    name: str, cwd: Path, args: list[str], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(cwd)
    result = run("staffing", *args)
    assert (result.exit_code, result.stderr) == (0, "")
    check_golden(name, result.stdout)


def test_the_csv_is_tidy_one_row_per_plan_snapshot_and_team(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(GOLDEN)
    rows = list(
        csv.DictReader(
            io.StringIO(run("staffing", "riverside", "--as-of", "Jan 2024", "-f", "csv").stdout)
        )
    )
    # Dec 2021 and Dec 2022: 2 teams each; Dec 2023: 3 teams; one total row per snapshot.
    assert [(r["snapshot"], r["level"]) for r in rows].count(("Dec 2023", "team")) == 3
    assert len(rows) == 2 + 2 + 3 + 3
    total = next(r for r in rows if r["snapshot"] == "Dec 2023" and r["level"] == "total")
    assert (total["team"], total["agency_rate"], total["missing_teams"]) == (
        "",
        "17.00",
        "Edge of Care",
    )
    edge = next(r for r in rows if r["team"] == "Edge of Care")
    assert (edge["has_figures"], edge["permanent"], edge["permanent_share"]) == ("false", "", "")


def test_the_json_names_the_dudley_figures(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    data = json.loads(
        run(
            "staffing", "--plan", "dudley-csc-workforce-2021", "--as-of", "2024", "-f", "json"
        ).stdout
    )
    (plan,) = data["plans"]
    total = plan["snapshots"][0]["total"]
    assert (total["permanent"], total["agency"], total["vacant"], total["permanent_share"]) == (
        87.22,
        27.5,
        12.78,
        76.03,
    )
    assert (plan["targets"][0]["gap"], plan["targets"][0]["state"]) == (18.32, "missed")


def test_wfplan_as_of_sets_the_date_and_the_option_overrides_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(GOLDEN)
    monkeypatch.setenv("WFPLAN_AS_OF", "Jan 2024")
    assert run("staffing", "riverside").stdout == (GOLDEN / "riverside-jan-2024.txt").read_text(
        "utf-8"
    )
    later = run("staffing", "riverside", "--as-of", "2025-03-31").stdout
    assert later.startswith("Staffing as of 31 Mar 2025\n")
    assert "Left out" not in later


def test_the_default_as_of_is_today(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(GOLDEN)
    today = date.today()
    result = run("staffing", "riverside")
    assert result.stdout.startswith(
        f"Staffing as of {dates.format_window(dates.Window(today, today))}\n"
    )


@pytest.mark.parametrize("as_of", ["soonish", "04/05", "ongoing"])
def test_a_bad_as_of_is_a_usage_error_naming_the_forms(
    as_of: str, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = run("staffing", "--as-of", as_of)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f'wfplan: error: --as-of (or WFPLAN_AS_OF): "{as_of}" ')
    if as_of == "soonish":
        assert "use a day (18 Feb 2021, 18/02/2021), month (Feb 2021), year (2021)" in result.stderr


def test_an_unknown_plan_is_a_usage_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("staffing", "--plan", "dudley")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith('wfplan: error: no plan with id "dudley"')


def test_no_plan_files_is_a_usage_error(run: Run, workdir: Path) -> None:
    result = run("staffing")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("wfplan: error: no plans/ folder")


INVALID = """\
wfplan: 1
id: example
title: Example
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: A, permanent: 4, agency: 1, vacant: 0}
      stated_totals: {permanent: 5}
targets:
  - {id: t, metric: permanent_share, value: 90%, by: 2023, teams: [B]}
"""


def test_invalid_plans_show_their_errors_and_no_figures(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "plan.yaml", INVALID)
    result = run("staffing", "--as-of", "2022")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "plans/plan.yaml:9:34: error WF501 stated permanent is 5 but the rows give 4.00\n"
        "    hint: correct the total, or the row that is wrong\n"
        'plans/plan.yaml:11:68: error WF505 target "t" names team "B", which no snapshot has\n'
        "    hint: teams in the snapshots: A\n"
        "1 file checked: 2 errors, 0 warnings\n"
        "wfplan: error: staffing reads every plan, and these files have errors: "
        "plans/plan.yaml; fix them first\n"
    )


def test_headcount_in_a_staffing_file_of_an_fte_plan_is_refused(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "plan.yaml", "wfplan: 1\nid: example\ntitle: Example\n")
    write(
        workdir / "plans" / "staffing.yaml",
        "wfplan: 1\nkind: staffing\nplan: example\nunit: headcount\nsnapshots:\n"
        "  - as_of: Feb 2021\n    teams:\n      - {team: A, permanent: 4, agency: 1}\n",
    )
    result = run("staffing")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        'error WF506 staffing unit is headcount but plan "example" counts in fte' in result.stderr
    )


HEADCOUNT = """\
wfplan: 1
id: example
title: Example
staffing:
  unit: headcount
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: A, permanent: 7, agency: 3, vacant: 1}
targets:
  - {id: t, metric: permanent_share, value: 80%, by: 2030}
"""


def test_a_headcount_plan_shows_whole_numbers_and_gaps_in_headcount(
    run: Run, workdir: Path
) -> None:
    write(workdir / "plans" / "plan.yaml", HEADCOUNT)
    lines = run("staffing", "--as-of", "2022").stdout.splitlines()
    # 7 / 10 = 70%; V = 1 + 3 = 4, 4 / 11 = 36.36%; gap 0.8 * 10 - 7 = 1
    assert lines[5].split() == ["A", "7", "3", "1", "11", "70.00%", "30.00%", "36.36%"]
    assert lines[11] == (
        "      current 70.00% (Feb 2021); gap 1.00 headcount to make permanent; "
        "trajectory n/a — one snapshot"
    )


def test_status_shows_each_target_under_its_plan(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run(
        "status", "--plan", "dudley-csc-workforce-2021", "--as-of", "2024", "-f", "markdown"
    )
    assert (
        "- Target: permanent-92: permanent share 76.03% (Feb 2021), target at least 92% by 2023; "
        "gap 18.32 FTE to make permanent; trajectory n/a — one snapshot — missed\n"
    ) in result.stdout


def test_a_snapshot_after_the_as_of_date_is_left_out_and_said(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = run("staffing", "--plan", "dudley-csc-workforce-2021", "--as-of", "2020")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[3:9] == [
        "  No staffing snapshot up to this date.",
        "  Left out: the snapshot as of Feb 2021 (plans/dudley-csc-2021.yaml:342) "
        "is dated after 31 Dec 2020",
        "  Targets",
        "    permanent-92: permanent share at least 92% by 2023 — no data",
        "      no staffing snapshots up to the as-of date (1 later)",
        "  Measures",
    ]


def test_only_errors_are_shown_when_plans_are_refused(run: Run, workdir: Path) -> None:
    # The measure without `better` is a warning (WF507): `wfplan validate` shows it, this
    # command does not (and does not spend time finding its line).
    plan = INVALID + "measures:\n  - {id: m, title: M, actuals: [{as_of: 2021, value: 1}]}\n"
    write(workdir / "plans" / "plan.yaml", plan)
    assert "warning WF507" in run("validate").stdout
    result = run("staffing", "--as-of", "2022")
    assert result.exit_code == 1
    assert "WF507" not in result.stderr
    assert result.stderr.endswith(
        "1 file checked: 2 errors, 0 warnings\nwfplan: error: staffing reads every plan, and "
        "these files have errors: plans/plan.yaml; fix them first\n"
    )


def test_the_refused_plans_warnings_are_still_found_and_located(workdir: Path) -> None:
    from workforce_cli.checks.engine import check_repository
    from workforce_cli.read import loader as loading

    plan = INVALID + "measures:\n  - {id: m, title: M, actuals: [{as_of: 2021, value: 1}]}\n"
    write(workdir / "plans" / "plan.yaml", plan)
    repository = loading.load([workdir / "plans"])
    found = check_repository(repository)
    assert [d.code for d in found if d.severity == "error"] == ["WF501", "WF505"]
    warning = next(d for d in found if d.code == "WF507")
    assert (warning.line, warning.column) == (13, 10)
