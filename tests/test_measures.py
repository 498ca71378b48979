"""Measures: latest actual as of a date, change from baseline, and state."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PLANS, REPO
from tests.staffing_helpers import load_plan
from workforce_cli.read import loader as loading
from workforce_cli.staffing import measures
from workforce_cli.staffing.measures import MeasureProgress

RIVERSIDE = REPO / "tests" / "golden" / "staffing" / "riverside"


def measures_of(folder: Path, plan_id: str, as_of: date) -> dict[str, MeasureProgress]:
    plan = next(p for p in loading.load([folder]).plans if p.id == plan_id)
    return {m.id: m for m in measures.progress(plan, as_of)}


def test_leeds_time_to_appoint_fell_from_13_to_8_5_weeks_with_no_target() -> None:
    m = measures_of(PLANS, "leeds-scrutiny-workforce-2006", date(2006, 12, 31))["time-to-appoint"]
    assert m.latest is not None
    assert (m.latest.value, m.latest_date, m.change, m.direction) == (
        8.5,
        date(2006, 9, 30),
        -4.5,
        "better",
    )
    assert (m.baseline_date, m.state) == (date(2006, 3, 31), "no target")
    assert m.summary == (
        "time-to-appoint: 8.5 weeks (Sep 2006); baseline 13 weeks (2005/06), "
        "change -4.5 weeks (better) — no target"
    )


def test_leeds_time_to_appoint_before_its_actual_has_no_data() -> None:
    m = measures_of(PLANS, "leeds-scrutiny-workforce-2006", date(2006, 6, 30))["time-to-appoint"]
    assert (m.latest, m.change, m.later, m.state) == (None, None, 1, "no data")
    assert m.reason == "no actual yet up to the as-of date (1 later)"


def test_riverside_measures_as_of_january_2024() -> None:
    found = measures_of(RIVERSIDE, "riverside-csc-2022", date(2024, 1, 31))
    # Time to appoint: the line from 14 weeks (31 Dec 2021) to 10 (31 Mar 2025, 1186 days
    # later) stands at 14 - 4 * 730 / 1186 = 11.54 on 31 Dec 2023; 11 weeks is better.
    appoint = found["time-to-appoint"]
    assert (round(appoint.expected or 0, 2), appoint.state) == (11.54, "on track")
    # Caseload: target 18 by Dec 2023 has passed with 19.
    assert found["average-caseload"].state == "off track"
    assert found["average-caseload"].reason == "Dec 2023 has passed and the target is not met"
    assert found["newly-qualified-recruited"].state == "met"
    assert found["staff-survey"].state == "no data"


MEASURE = """\
wfplan: 1
id: example
title: Example plan
measures:
  - id: caseload
    title: Average caseload
    better: %s
    baseline: {as_of: Jan 2024, value: 20}
    target: {by: Jan 2025, value: %s}
    actuals:
      - {as_of: Jul 2024, value: %s}
"""


@pytest.mark.parametrize(
    ("better", "goal", "actual", "state"),
    [
        # 31 Jan 2024 to 31 Jan 2025 is 366 days; 31 Jul 2024 is 182 days in:
        # the line from 20 to 16 stands at 20 - 4 * 182 / 366 = 18.01.
        ("lower", 16, 18, "on track"),
        ("lower", 16, 18.1, "off track"),
        ("lower", 16, 16, "met"),
        # from 20 up to 30: 20 + 10 * 182 / 366 = 24.97
        ("higher", 30, 25, "on track"),
        ("higher", 30, 24.9, "off track"),
        ("higher", 30, 31, "met"),
    ],
)
def test_on_track_means_at_least_as_good_as_the_line_from_baseline_to_target(
    tmp_path: Path, better: str, goal: float, actual: float, state: str
) -> None:
    loaded = load_plan(tmp_path, MEASURE % (better, goal, actual))
    (m,) = measures.progress(loaded, date(2024, 8, 1))
    assert m.state == state


def test_a_measure_with_a_target_but_no_baseline_has_no_data_until_met(tmp_path: Path) -> None:
    plan = (MEASURE % ("lower", 16, 18)).replace("    baseline: {as_of: Jan 2024, value: 20}\n", "")
    (m,) = measures.progress(load_plan(tmp_path, plan), date(2024, 8, 1))
    assert (m.state, m.reason) == ("no data", "no baseline to measure progress from")


def test_a_measure_that_does_not_say_which_way_is_better_has_no_state(tmp_path: Path) -> None:
    plan = (MEASURE % ("lower", 16, 18)).replace("    better: lower\n", "")
    # WF507 is a warning: the plan loads, and its measure cannot be judged.
    (m,) = measures.progress(load_plan(tmp_path, plan), date(2024, 8, 1))
    assert (m.state, m.reason) == (
        "no data",
        "the measure does not say whether lower or higher is better",
    )
    assert (m.direction, m.change) == (None, -2.0)


def test_a_relative_target_date_is_shown_with_its_day() -> None:
    found = measures_of(PLANS, "scottish-executive-workforce-2002", date(2002, 12, 31))
    m = found["se7-leadership-programme-participants"]
    assert m.target_date == date(2003, 1, 1)
    assert m.summary == (
        "se7-leadership-programme-participants: no actual; target 100 participants by "
        "in the next 9 months (1 Jan 2003) — no data (no actual yet)"
    )
