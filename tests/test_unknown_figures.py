"""A blank staffing figure is unknown, never zero: every total and rate that needs it is unknown.

A row with some figures and one blank (`{team: A, permanent: 20, vacant: 2}`) is counted, but
its blank is not a 0: the agency total, the permanent share, the vacancy rate and the
establishment are n/a with the reason, and a target is never met on them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Run, write
from tests.diffrepo import git
from workforce_cli.model import TeamRow
from workforce_cli.model.figures import totals
from workforce_cli.staffing.history import COUNTS, METRICS, value

PLAN = """\
wfplan: 1
id: demo
title: Demo plan
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: A, permanent: 20, vacant: 2}
        - {team: B, permanent: 10, agency: 2, vacant: 0}
        - {team: C}
targets:
  - {id: perm-85, metric: permanent_share, value: 85%, by: 2030}
"""


@pytest.fixture
def plan(workdir: Path) -> Path:
    return write(workdir / "plans" / "demo.yaml", PLAN)


def test_a_blank_figure_makes_the_totals_that_need_it_unknown() -> None:
    t = totals(
        [
            TeamRow(team="A", permanent=20, vacant=2),
            TeamRow(team="B", permanent=10, agency=2, vacant=0),
            TeamRow(team="C"),
        ]
    )
    assert (t.teams, t.missing, t.unknown) == (("A", "B"), ("C",), (("A", "agency"),))
    assert (t.permanent, t.agency, t.vacant, t.establishment) == (30.0, None, 2.0, None)
    assert (t.permanent_share, t.agency_rate, t.vacancy_rate) == (None, None, None)
    assert t.uncovered_vacancy_rate is None
    assert t.why("permanent_share") == "agency blank for A"
    assert t.why("permanent") is None
    # Under the DfE basis the vacancy rate needs no agency figure: v / (v + p).
    dfe = totals([TeamRow(team="A", permanent=20, vacant=5)], "dfe")
    assert (dfe.vacancy_rate, dfe.why("vacancy_rate"), dfe.why("agency_rate")) == (
        0.2,
        None,
        "agency blank for A",
    )


def test_staffing_shows_unknowns_as_n_a_and_the_target_is_not_met(run: Run, plan: Path) -> None:
    result = run("staffing", "--as-of", "2022")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Staffing as of 31 Dec 2022\n"
        "\n"
        "demo: Demo plan\n"
        "  Snapshot as of Feb 2021 (FTE; the latest of 1 snapshot up to 31 Dec 2022)\n"
        "    Team                  Permanent  Agency  Vacant  Establ.  "
        "Perm %  Agency %  Vacancy %\n"
        "    A                         20.00     n/a    2.00      n/a  "
        "   n/a       n/a        n/a\n"
        "    B                         10.00    2.00    0.00    12.00  "
        "83.33%    16.67%     16.67%\n"
        "    C                     no figures, not counted\n"
        "    Total (2 of 3 teams)      30.00     n/a    2.00      n/a  "
        "   n/a       n/a        n/a\n"
        "    Not counted (no figures): C\n"
        "    Blank figures, unknown and not counted as zero: agency blank for A; "
        "the totals and rates that need them are n/a\n"
        "    Uncovered vacancy rate (vacant, no agency cover): n/a\n"
        "    Change since the previous snapshot: n/a, this is the first one\n"
        "  Targets\n"
        "    perm-85: permanent share at least 85% by 2030 — no data\n"
        "      permanent share unknown in every snapshot: Feb 2021 (agency blank for A)\n"
    )


def test_json_and_csv_leave_unknowns_empty_and_name_them(run: Run, plan: Path) -> None:
    data = json.loads(run("staffing", "--as-of", "2022", "-f", "json").stdout)
    (snapshot,) = data["plans"][0]["snapshots"]
    total = snapshot["total"]
    assert (total["permanent"], total["agency"], total["permanent_share"]) == (30.0, None, None)
    assert total["unknown"] == [{"team": "A", "figure": "agency"}]
    team_a = snapshot["teams"][0]
    assert (team_a["permanent"], team_a["agency"], team_a["establishment"]) == (20.0, None, None)
    target = data["plans"][0]["targets"][0]
    assert (target["state"], target["current"]) == ("no data", None)
    assert target["trajectory"]["reason"] == "figures blank"
    assert target["unknown_snapshots"] == [{"as_of": "Feb 2021", "reason": "agency blank for A"}]
    csv_rows = run("staffing", "--as-of", "2022", "-f", "csv").stdout.splitlines()
    assert csv_rows[1].startswith("demo,Feb 2021,2021-02-28,team,A,true,fte,unfilled,20.00,,2.00,,")


def test_status_target_line_is_no_data_not_met(run: Run, plan: Path) -> None:
    result = run("status", "--as-of", "2022", "-f", "json")
    (target,) = json.loads(result.stdout)["plans"][0]["targets"]
    assert target["summary"] == (
        "perm-85: permanent share n/a, target at least 85% by 2030 — no data "
        "(permanent share unknown in every snapshot: Feb 2021 (agency blank for A))"
    )


def test_a_later_snapshot_with_a_blank_is_named_and_the_known_one_is_used(
    run: Run, workdir: Path
) -> None:
    write(
        workdir / "plans" / "demo.yaml",
        PLAN.replace(
            "targets:",
            "    - as_of: Mar 2021\n"
            "      teams:\n"
            "        - {team: A, permanent: 20, vacant: 2}\n"
            "targets:",
        ).replace(
            "{team: A, permanent: 20, vacant: 2}\n        - {team: B",
            "{team: A, permanent: 20, agency: 4, vacant: 2}\n        - {team: B",
            1,
        ),
    )
    lines = run("staffing", "--as-of", "2022").stdout.splitlines()
    targets = lines[lines.index("  Targets") :]
    assert targets == [
        "  Targets",
        "    perm-85: permanent share at least 85% by 2030 — at risk",
        "      current 83.33% (Feb 2021); gap 0.60 FTE to make permanent; "
        "trajectory n/a — one snapshot",
        "      not counted (no figures): C",
        "      not counted, permanent share unknown: Mar 2021 (agency blank for A)",
        "      not met, and no trend that reaches it (one snapshot)",
    ]


def test_report_names_the_blank_figures(run: Run, plan: Path) -> None:
    text = run("report", "--as-of", "2022").stdout
    total = "| **Total** | **30** | **n/a** | **2** | **n/a** | **n/a** | **n/a** | **n/a** |"
    assert total in text
    assert "Blank figures (unknown, not counted as zero): agency blank for A." in text
    html = run("report", "--as-of", "2022", "-f", "html").stdout
    assert "Blank figures (unknown, not counted as zero): agency blank for A." in html


def test_a_stated_total_that_needs_a_blank_cannot_be_checked(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "demo.yaml",
        PLAN.replace(
            "        - {team: C}\n",
            "        - {team: C}\n      stated_totals: {permanent: 30, agency: 2}\n",
        ),
    )
    result = run("validate")
    assert result.stdout == (
        "plans/demo.yaml:11:46: error WF501 stated agency is 2 but it cannot be checked: "
        "agency blank for A\n"
        "    hint: a blank is unknown, not zero: fill it in (write 0 if the team has none)\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_snapshot_add_with_a_blank_cell_keeps_it_unknown(run: Run, plan: Path) -> None:
    write(plan.parent.parent / "hr.csv", "team,permanent,agency,vacant\nA,20,,2\nB,10,2,0\n")
    added = run("snapshot", "add", "--plan", "demo", "--as-of", "Mar 2021", "hr.csv")
    assert added.exit_code == 0, added.stderr
    assert "        - {team: A, permanent: 20, vacant: 2}\n" in plan.read_text("utf-8")[-200:]
    assert added.stderr == (
        "wfplan: note: blank cells are unknown figures, not zero: agency blank for A\n"
    )
    data = json.loads(run("staffing", "--as-of", "2022", "-f", "json").stdout)
    latest = data["plans"][0]["snapshots"][-1]
    assert (latest["as_of"], latest["total"]["permanent_share"]) == ("Mar 2021", None)
    assert data["plans"][0]["targets"][0]["state"] == "no data"


def test_diff_shows_a_blank_as_unknown_not_zero(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    before = PLAN.replace(
        "{team: A, permanent: 20, vacant: 2}", "{team: A, permanent: 20, agency: 1, vacant: 2}"
    )
    write(root / "plans" / "demo.yaml", before)
    git(root, "-c", "init.defaultBranch=main", "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    write(root / "plans" / "demo.yaml", PLAN)
    monkeypatch.chdir(root)
    result = run("diff", "main")
    assert result.stdout.splitlines()[-1] == (
        "  plans/demo.yaml:6: [record-correction] staffing snapshot changed: Feb 2021 "
        '"staffing as of Feb 2021": '
        "A: agency 1 → blank; permanent share 90.91% → n/a"
    )
    data = json.loads(run("diff", "main", "-f", "json").stdout)
    (change,) = data["plans"][0]["changes"]
    assert (change["before"], change["after"]) == (
        "30 permanent, 3 agency, 2 vacant fte",
        "30 permanent, agency unknown (blank for A), 2 vacant fte",
    )


def test_dudley_blank_rows_are_still_left_out_not_unknown(run: Run) -> None:
    from tests.conftest import PLANS
    from workforce_cli.read import loader as loading
    from workforce_cli.staffing.history import history

    loaded = next(p for p in loading.load([PLANS]).plans if p.id.startswith("dudley"))
    t = history(loaded, date(2024, 1, 1)).snapshots[0].total
    assert t.unknown == ()
    assert (t.permanent, t.agency, t.vacant) == pytest.approx((87.22, 27.5, 12.78))


_FIGURE = st.one_of(st.none(), st.integers(0, 50).map(float))
_ROWS = st.lists(st.tuples(_FIGURE, _FIGURE, _FIGURE), min_size=1, max_size=5)


def _rows(figures: list[tuple[float | None, ...]], fill: float | None = None) -> list[TeamRow]:
    return [
        TeamRow(
            team=f"T{i}",
            **{
                name: (fill if value is None and any(v is not None for v in row) else value)
                for name, value in zip(("permanent", "agency", "vacant"), row, strict=True)
            },
        )
        for i, row in enumerate(figures)
    ]


@settings(max_examples=300, deadline=None)
@given(_ROWS, st.sampled_from(["unfilled", "dfe"]))
def test_a_figure_is_unknown_exactly_when_it_needs_a_blank(
    figures: list[tuple[float | None, ...]], basis: str
) -> None:
    t = totals(_rows(figures), basis)
    as_zero, as_seven = totals(_rows(figures, 0.0), basis), totals(_rows(figures, 7.0), basis)
    for name in (*COUNTS, *METRICS):
        if t.why(name) is not None:
            assert value(t, name) is None
        else:
            # Nothing it needs is blank: whatever the blanks were, it is the same.
            assert value(t, name) == value(as_zero, name) == value(as_seven, name)
    assert t.values() == {name: value(t, name) for name in COUNTS + METRICS}


def test_import_keeps_a_total_it_cannot_check_as_a_note(run: Run, workdir: Path) -> None:
    write(
        workdir / "hc.csv",
        "Team;Permanent;Agency;Vacant\nNorth;10;;1\nSouth;5;2;0\nTotal;15;2;1\n",
    )
    result = run("import", "hc.csv", "--title", "HC", "--as-of", "Mar 2021")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (
        'wfplan: warning: hc.csv: table 1, row 4, column "Agency": the agency total 2 cannot '
        "be checked: "
        "agency blank for North; kept as a note\n"
    ) in result.stderr
    text = (workdir / "plans" / "hc.yaml").read_text("utf-8")
    assert "stated_totals: {permanent: 15, vacant: 1}" in text
    assert run("validate").exit_code == 0
