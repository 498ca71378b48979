"""The staffing engine: a plan's snapshots as of a date, totals, rates and changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PLANS
from tests.staffing_helpers import load_plan
from workforce_cli.model.figures import totals
from workforce_cli.read import loader as loading
from workforce_cli.read.sources import LoadedPlan
from workforce_cli.staffing.engine import evaluate
from workforce_cli.staffing.history import change, history, value

PLAN = """\
wfplan: 1
id: example
title: Example plan
staffing:
  snapshots:
    - as_of: Dec 2022
      teams:
        - {team: Assessment, permanent: 33, agency: 17, vacant: 4}
        - {team: Duty, permanent: 0, agency: 0, vacant: 0}
"""
EARLIER = """\
wfplan: 1
kind: staffing
plan: example
snapshots:
  - as_of: 2021-12
    teams:
      - {team: Assessment, permanent: 30, agency: 20, vacant: 5}
      - {team: Duty, permanent: 2, agency: 0, vacant: 1}
  - as_of: Mar 2025
    teams:
      - {team: Assessment, permanent: 42, agency: 8, vacant: 2}
"""


def dudley() -> LoadedPlan:
    return next(p for p in loading.load([PLANS]).plans if p.id == "dudley-csc-workforce-2021")


def test_dudley_february_2021_totals_and_rates() -> None:
    h = history(dudley(), date(2024, 12, 31))
    (snapshot,) = h.snapshots
    t = snapshot.total
    assert (snapshot.as_of, snapshot.date) == ("Feb 2021", date(2021, 2, 28))
    assert (round(t.permanent, 2), round(t.agency, 2), round(t.vacant, 2)) == (87.22, 27.5, 12.78)
    assert round(t.establishment, 2) == 127.5
    assert t.missing == ("Dudley Performing Arts", "Education Outcomes", "SEND")
    assert len(t.teams) == 6
    # 87.22 / 114.72; 27.5 / 114.72; (12.78 + 27.5) / (40.28 + 87.22); 12.78 / 127.5
    rates = [round(value(t, m) or -1, 2) for m in ("permanent_share", "agency_rate")]
    rates += [round(value(t, m) or -1, 2) for m in ("vacancy_rate", "uncovered_vacancy_rate")]
    assert rates == [76.03, 23.97, 31.59, 10.02]


def test_a_team_with_no_staffed_posts_has_no_rates_not_zero(tmp_path: Path) -> None:
    h = history(load_plan(tmp_path, PLAN), date(2023, 1, 31))
    duty = next(t for t in h.snapshots[0].teams if t.team == "Duty")
    assert duty.has_figures
    assert [value(duty.totals, m) for m in ("permanent_share", "agency_rate", "vacancy_rate")] == [
        None,
        None,
        None,
    ]
    assert value(duty.totals, "permanent") == 0.0


def test_a_snapshot_whose_teams_have_no_figures_has_no_rates() -> None:
    from workforce_cli.model import TeamRow

    t = totals([TeamRow(team="SEND"), TeamRow(team="Duty")])
    assert (t.teams, t.missing) == ((), ("SEND", "Duty"))
    assert (t.permanent_share, t.agency_rate, t.vacancy_rate) == (None, None, None)


def test_staffing_files_merge_in_date_order_and_later_snapshots_are_left_out(
    tmp_path: Path,
) -> None:
    loaded = load_plan(tmp_path, PLAN, earlier=EARLIER)
    h = history(loaded, date(2024, 6, 30))
    assert [s.as_of for s in h.snapshots] == ["2021-12", "Dec 2022"]
    assert h.latest is not None and h.previous is not None
    assert h.latest.as_of == "Dec 2022"
    (skipped,) = h.skipped
    assert (skipped.ref.snapshot.as_of, skipped.date, skipped.reason) == (
        "Mar 2025",
        date(2025, 3, 31),
        "after as-of",
    )
    assert skipped.where == f"{tmp_path / 'earlier.yaml'}:9"
    assert [s.as_of for s in history(loaded, date(2025, 3, 31)).snapshots][-1] == "Mar 2025"
    assert history(loaded, date(2021, 12, 30)).snapshots == ()


def test_change_since_the_previous_snapshot(tmp_path: Path) -> None:
    result = evaluate(load_plan(tmp_path, PLAN, earlier=EARLIER), date(2024, 6, 30))
    total = result.total_change()
    assert total is not None
    # before: p 32, a 20, v 6 (share 61.54%); after: p 33, a 17, v 4 (share 66%)
    assert {k: round(v, 2) for k, v in total.items() if v is not None} == {
        "permanent": 1.0,
        "agency": -3.0,
        "vacant": -2.0,
        "establishment": -4.0,
        "permanent_share": 4.46,
        "agency_rate": -4.46,
        "vacancy_rate": round(100 * (21 / 54 - 26 / 58), 2),
        "uncovered_vacancy_rate": round(100 * (4 / 54 - 6 / 58), 2),
    }
    teams = result.team_changes()
    assert teams["Assessment"]["permanent"] == 3.0
    # Duty had staffed posts before and none now: its share's change is unknown, not -100.
    assert teams["Duty"]["permanent_share"] is None


def test_change_in_vacancies_across_vacancy_bases_is_not_compared() -> None:
    from workforce_cli.model import TeamRow

    row = TeamRow(team="A", permanent=80, agency=10, vacant=10)
    dfe = TeamRow(team="A", permanent=80, agency=10, vacant=20)
    before, after = totals([row]), totals([dfe], "dfe")
    # DfE basis: vacant already counts agency-covered posts, V = v; establishment p + v.
    assert (after.establishment, after.uncovered_vacancy_rate) == (100.0, None)
    assert value(after, "vacancy_rate") == value(before, "vacancy_rate") == 20.0
    c = change(before, after)
    assert (c["vacant"], c["establishment"], c["vacancy_rate"]) == (None, None, 0.0)


def test_a_team_named_by_a_target_but_absent_from_a_snapshot_is_missing(tmp_path: Path) -> None:
    h = history(load_plan(tmp_path, PLAN, earlier=EARLIER), date(2025, 3, 31))
    scope = h.snapshots[-1].scoped(["Assessment", "Duty"])
    assert (scope.teams, scope.missing) == (("Assessment",), ("Duty",))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [("+1 year", date(2023, 1, 1)), ("ongoing", None), ("soonish", None)],
)
def test_snapshot_dates_resolve_relative_forms_and_refuse_non_dates(
    as_of: str, expected: date | None
) -> None:
    from workforce_cli.staffing.history import snapshot_date

    assert snapshot_date(as_of, date(2022, 1, 1)) == expected


def test_an_undated_snapshot_is_left_out_not_a_crash(tmp_path: Path) -> None:
    # WF508 makes this an error for every command; the engine still copes if called anyway.
    (tmp_path / "plan.yaml").write_text(PLAN.replace("Dec 2022", "ongoing"), "utf-8")
    (loaded,) = loading.load([tmp_path]).plans
    h = history(loaded, date(2024, 1, 1))
    assert h.snapshots == ()
    assert [(s.reason, s.date) for s in h.skipped] == [("no date", None)]


@pytest.mark.parametrize("basis", ["unfilled", "dfe"])
@pytest.mark.parametrize(
    "figures", [(87.22, 27.5, 12.78), (0, 0, 0), (0, 0, 3), (5, 0, 0), (0, 2, 1)]
)
def test_values_at_once_are_the_values_one_by_one(
    basis: str, figures: tuple[float, float, float]
) -> None:
    from workforce_cli.model.figures import Totals
    from workforce_cli.staffing.history import COUNTS, METRICS

    t = Totals(*figures, vacancy_basis=basis)
    assert t.values() == {name: value(t, name) for name in COUNTS + METRICS}
