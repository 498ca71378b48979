"""Targets: current value, gap, least-squares trajectory and state, on the real plans and on
Riverside (tests/golden/staffing/riverside), a service whose figures are worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import PLANS, REPO
from tests.staffing_helpers import load_plan
from workforce_cli.read import loader as loading
from workforce_cli.staffing.targets import TargetProgress, _trajectory, target_summaries

RIVERSIDE = REPO / "tests" / "golden" / "staffing" / "riverside"


def targets_of(folder: Path, plan_id: str, as_of: date) -> dict[str, TargetProgress]:
    plan = next(p for p in loading.load([folder]).plans if p.id == plan_id)
    return {t.id: t for t in target_summaries(plan, as_of)}


def dudley(as_of: date) -> TargetProgress:
    return targets_of(PLANS, "dudley-csc-workforce-2021", as_of)["permanent-92"]


def test_dudley_92_percent_is_missed_as_of_2024() -> None:
    t = dudley(date(2024, 12, 31))
    # p 87.22, a 27.5: share 87.22 / 114.72 = 76.03%; gap 0.92 * 114.72 - 87.22 = 18.3224
    assert (round(t.current or 0, 2), t.gap, t.gap_unit, t.state) == (76.03, 18.32, "FTE", "missed")
    assert t.summary == (
        "permanent-92: permanent share 76.03% (Feb 2021), target at least 92% by 2023; "
        "gap 18.32 FTE to make permanent; trajectory n/a — one snapshot — missed"
    )


def test_dudley_as_of_2021_has_the_gap_but_no_trajectory_and_is_at_risk() -> None:
    # One snapshot, not met, before its date: at risk (targets.py explains the choice).
    t = dudley(date(2021, 12, 31))
    assert (t.gap, t.state, t.trajectory.projected) == (18.32, "at risk", None)
    assert t.trajectory.text == "trajectory n/a — one snapshot"
    assert t.reason == "not met, and no trend that reaches it (one snapshot)"


def test_dudley_before_its_snapshot_has_no_data() -> None:
    t = dudley(date(2020, 12, 31))
    assert (t.current, t.gap, t.state) == (None, None, "no data")
    assert t.reason == "no staffing snapshots up to the as-of date (1 later)"


def test_slough_80_20_without_figures_is_no_data() -> None:
    t = targets_of(PLANS, "slough-csc-workforce-2014", date(2016, 1, 1))["permanent-80-20"]
    assert (t.threshold, t.state, t.gap, t.reason) == (
        80.0,
        "no data",
        None,
        "no staffing snapshots",
    )
    assert t.summary == (
        "permanent-80-20: permanent share n/a, target at least 80% (80:20) by February 2017"
        " — no data (no staffing snapshots)"
    )


def test_riverside_agency_rate_falling_from_30_to_17_percent_is_on_track() -> None:
    # Agency rate 30% (31 Dec 2021), 25% (31 Dec 2022), 17% (31 Dec 2023): x = 0, 365, 730
    # days, evenly spaced, so the least-squares slope is (17 - 30) / 730 pp a day and the
    # line passes through the means (365, 24). It reaches 15% at 365 + (15 - 24) * 730 / -13
    # = 365 + 505.38 = 870.38 days: the first whole day is day 871, 31 Dec 2021 + 871 days =
    # 31 Dec 2023 + 141 days (2024 is a leap year: 31 + 29 + 31 + 30 + 20) = 20 May 2024,
    # before Mar 2025. Slope a year: -13 / 730 * 365.25 = -6.50 pp.
    t = targets_of(RIVERSIDE, "riverside-csc-2022", date(2024, 1, 31))
    agency = t["agency-15"]
    assert agency.trajectory.projected == date(2024, 5, 20)
    assert round(agency.trajectory.slope_per_year or 0, 2) == -6.50
    assert (agency.current, agency.gap, agency.gap_unit, agency.state) == (
        17.0,
        2.0,
        "pp",
        "on track",
    )
    # The permanent share mirrors it (83% for 85%): same date; 0.85 * 100 - 83 = 2 FTE.
    share = t["permanent-85"]
    assert (share.trajectory.projected, share.gap, share.state) == (
        date(2024, 5, 20),
        2.0,
        "on track",
    )


def test_riverside_team_scoped_ratio_target_uses_only_its_team() -> None:
    # Assessment alone: agency 20/50 = 40%, 17/50 = 34%, 12/50 = 24%; "80:20" read for
    # agency_rate is at most 20%. Mean 98/3; reaches 20% at 365 + (20 - 98/3) * 730 / -16
    # = 365 + 577.92 = 942.92: day 943 = 31 Dec 2023 + 213 days = 31 Jul 2024, after Mar 2024.
    t = targets_of(RIVERSIDE, "riverside-csc-2022", date(2024, 1, 31))["assessment-80-20"]
    assert (t.threshold, t.current, t.gap) == (20.0, 24.0, 4.0)
    assert (t.trajectory.projected, t.state) == (date(2024, 7, 31), "at risk")
    later = targets_of(RIVERSIDE, "riverside-csc-2022", date(2024, 12, 31))["assessment-80-20"]
    assert later.state == "missed"


def test_riverside_vacancy_rate_past_its_date_is_missed_by_percentage_points() -> None:
    # Dec 2023: V = 5 vacant + 17 agency = 22; 22 / (22 + 83) = 20.95%; gap 20.95 - 10.
    t = targets_of(RIVERSIDE, "riverside-csc-2022", date(2024, 1, 31))["vacancy-10"]
    assert (round(t.current or 0, 2), t.gap, t.gap_unit, t.state) == (20.95, 10.95, "pp", "missed")


def test_riverside_targets_met_in_march_2025() -> None:
    # Mar 2025: p 88, a 12: agency 12% <= 15%, share 88% >= 85%.
    t = targets_of(RIVERSIDE, "riverside-csc-2022", date(2025, 3, 31))
    assert (t["agency-15"].state, t["permanent-85"].state, t["permanent-85"].gap) == (
        "met",
        "met",
        0.0,
    )


TREND = """\
wfplan: 1
id: example
title: Example plan
staffing:
  snapshots:
    - as_of: Dec 2021
      teams:
        - {team: Duty, permanent: 8, agency: 2, vacant: 0}
        - {team: Assessment, permanent: 10, agency: 0, vacant: 0}
    - as_of: Dec 2022
      teams:
        - {team: Duty, permanent: %s, agency: %s, vacant: 0}
        - {team: Assessment, permanent: 0, agency: 0, vacant: 3}
targets:
  - {id: duty-90, metric: permanent_share, value: 90%%, by: 2030, teams: [Duty]}
  - {id: assessment-90, metric: permanent_share, value: 90, by: 2030, teams: [Assessment]}
"""


def test_a_flat_trend_and_one_running_away_are_at_risk(tmp_path: Path) -> None:
    flat = target_summaries(load_plan(tmp_path / "flat", TREND % (8, 2)), date(2023, 1, 1))[0]
    assert (flat.state, flat.trajectory.text) == ("at risk", "trajectory n/a — flat trend")
    away = target_summaries(load_plan(tmp_path / "away", TREND % (7, 3)), date(2023, 1, 1))[0]
    assert away.trajectory.text == "trajectory n/a — moving away from the target"
    assert away.state == "at risk"


def test_a_scope_without_staffed_posts_now_reads_its_last_known_figure(tmp_path: Path) -> None:
    # Assessment has no staffed posts in Dec 2022 (a 0 / 0 share is undefined, not 0%): its
    # current figure is Dec 2021's 100%, and says so.
    t = target_summaries(load_plan(tmp_path, TREND % (8, 2)), date(2023, 1, 1))[1]
    assert (t.current, t.current_as_of, t.state, t.trajectory.points) == (
        100.0,
        "Dec 2021",
        "met",
        1,
    )


def test_a_scope_that_never_had_staffed_posts_has_no_data(tmp_path: Path) -> None:
    plan = TREND.replace(
        "permanent: 10, agency: 0, vacant: 0", "permanent: 0, agency: 0, vacant: 2"
    )
    t = target_summaries(load_plan(tmp_path, plan % (8, 2)), date(2023, 1, 1))[1]
    assert (t.state, t.current, t.gap) == ("no data", None, None)
    assert t.reason == "no snapshot has staffed posts with figures for Assessment"


def test_to_dict_is_the_documented_json() -> None:
    d = dudley(date(2024, 12, 31)).to_dict()
    assert d["trajectory"] == {
        "points": 1,
        "slope_per_year": None,
        "projected": None,
        "reason": "one snapshot",
    }
    assert (d["current"], d["gap"], d["threshold"], d["by_date"], d["state"]) == (
        76.03,
        18.32,
        92.0,
        "2023-12-31",
        "missed",
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(min_value=0, max_value=100), min_size=2, max_size=6),
    st.floats(min_value=1, max_value=99),
)
def test_the_projected_date_is_the_first_day_the_line_reaches_the_target(
    values: list[float], threshold: float
) -> None:
    start = date(2020, 1, 31)
    points = [(start + timedelta(days=91 * i), v) for i, v in enumerate(values)]
    trend = _trajectory(points, threshold, at_least=True)
    if trend.projected is None:
        assert trend.reason in ("flat trend", "moving away from the target", "too slow to reach it")
        return
    xs = [d.toordinal() for d, _ in points]
    x_mean, y_mean = sum(xs) / len(xs), sum(values) / len(values)
    slope = (trend.slope_per_year or 0) / 365.25

    def line(day: date) -> float:
        return y_mean + slope * (day.toordinal() - x_mean)

    assert slope > 0
    assert line(trend.projected) >= threshold - 1e-6
    last = points[-1][0]
    if trend.projected > last:
        assert line(trend.projected - timedelta(days=1)) < threshold + 1e-6
    else:  # the line was past the target by the latest snapshot: "by now", never earlier
        assert trend.projected == last
