"""Commands that write a date store an absolute one: relative input counts from today (or
WFPLAN_AS_OF), never from the plan's period.start; a slip earlier needs --earlier."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, write

PLAN = """\
wfplan: 1
id: demo
title: Demo plan
period: {start: 2021-04-01}
actions:
  - id: recruit
    title: Recruit social workers
    milestones:
      - id: events
        title: Three job events
        due: Dec 2021
        status: in_progress
      - id: offers
        title: Offers made
        due: Mar 2022
        revised_due: May 2022
        revision_reason: Panel postponed
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: North, permanent: 10, agency: 2, vacant: 1}
"""


@pytest.fixture
def plan(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WFPLAN_AS_OF", "2022-01-10")
    return write(workdir / "plans" / "demo.yaml", PLAN)


def test_slip_to_a_relative_date_counts_from_today_and_stores_the_day(run: Run, plan: Path) -> None:
    result = run("slip", "events", "--to", "+3 weeks", "--reason", "Venue closed")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "        revised_due: 2022-01-31\n" in plan.read_text("utf-8")
    assert result.stdout.endswith(
        'demo/events: due 2022-01-31 ("+3 weeks" from 10 Jan 2022) (originally Dec 2021)\n'
    )
    status = run("status", "--as-of", "2022-01-10", "-f", "json")
    events = status.stdout.split('"id": "events"')[1]
    assert '"due_date": "2022-01-31"' in events


def test_done_on_a_relative_date_counts_from_today(run: Run, plan: Path) -> None:
    result = run("done", "events", "--on", "+1 week")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "        done_on: 2022-01-17\n" in plan.read_text("utf-8")


def test_a_fixed_date_is_stored_as_written(run: Run, plan: Path) -> None:
    assert run("done", "events", "--on", "Nov 2021").exit_code == 0
    assert "        done_on: Nov 2021\n" in plan.read_text("utf-8")


def test_snapshot_add_as_of_a_relative_date_stores_the_day(run: Run, plan: Path) -> None:
    write(plan.parent.parent / "hr.csv", "team,permanent,agency,vacant\nNorth,11,1,1\n")
    result = run("snapshot", "add", "--plan", "demo", "--as-of", "+0 days", "hr.csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "    - as_of: 2022-01-10\n" in plan.read_text("utf-8")


def test_a_slip_earlier_than_the_deadline_is_refused_without_earlier(run: Run, plan: Path) -> None:
    before = plan.read_bytes()
    result = run("slip", "offers", "--to", "Apr 2022", "--reason", "Sooner")
    assert result.exit_code == 1
    assert result.stderr == (
        "wfplan: error: demo/offers: --to Apr 2022 (30 Apr 2022) is earlier than its current "
        "deadline May 2022 (31 May 2022); a slip moves a deadline later: give --earlier to "
        "bring it forward\n"
    )
    assert plan.read_bytes() == before
    result = run("slip", "offers", "--to", "Apr 2022", "--reason", "Sooner", "--earlier")
    assert result.exit_code == 0
    assert "        revised_due: Apr 2022\n" in plan.read_text("utf-8")


def test_a_relative_slip_that_lands_earlier_is_refused_too(run: Run, plan: Path) -> None:
    # 17 Jan 2022: after the original due (Dec 2021), before the revised one (May 2022).
    result = run("slip", "offers", "--to", "+1 week", "--reason", "Sooner")
    assert result.exit_code == 1
    assert "is earlier than its current deadline May 2022" in result.stderr


def test_a_relative_date_off_the_calendar_is_a_usage_error(run: Run, plan: Path) -> None:
    result = run("done", "events", "--on", "+9999 years")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'wfplan: error: --on: "+9999 years" runs off the calendar; dates run from year 1 to 9999\n'
    )


def test_import_as_of_a_relative_date_stores_the_day(run: Run, plan: Path) -> None:
    write(plan.parent.parent / "hc.csv", "Team;Permanent;Agency;Vacant\nNorth;10;1;1\n")
    result = run("import", "hc.csv", "--title", "HC", "--as-of", "+1 week")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "  - as_of: 2022-01-17\n" in (plan.parent / "hc.yaml").read_text("utf-8")
