"""The status engine: every rating rule in docs/rag.md, with its boundaries, on tiny plans."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from workforce_cli.model import Plan
from workforce_cli.status import engine as status
from workforce_cli.status.engine import MilestoneStatus, Options, PlanStatus

D = date
AS_OF = D(2021, 6, 15)


def plan_of(*milestones: dict[str, Any], start: str | None = "2021-01-01", **extra: Any) -> Plan:
    """A plan with one action holding these milestones (ids m1, m2, ... unless given)."""
    items = [{"id": f"m{i}", "title": f"Milestone {i}", **m} for i, m in enumerate(milestones, 1)]
    data: dict[str, Any] = {
        "wfplan": 1,
        "id": "p",
        "title": "Plan",
        "themes": [{"id": "recruitment", "title": "Recruit"}],
        "actions": [{"id": "a", "title": "Action", "theme": "recruitment", "milestones": items}],
        **extra,
    }
    if start is not None:
        data["period"] = {"start": start}
    return Plan.model_validate(data)


def evaluate(*milestones: dict[str, Any], as_of: date = AS_OF, **options: Any) -> PlanStatus:
    start = options.pop("start", "2021-01-01")
    return status.evaluate(plan_of(*milestones, start=start), Options(as_of, **options))


def one(milestone: dict[str, Any], *, as_of: date = AS_OF, **options: Any) -> MilestoneStatus:
    return evaluate(milestone, as_of=as_of, **options).milestones[0]


def summary(m: MilestoneStatus) -> tuple[str, int | None, int | None]:
    return m.rating, m.days_overdue, m.days_until_due


# --- open milestones: the due-soon window and the grace period ----------------------------


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("2021-06-14", ("red", 1, None)),  # due yesterday
        ("2021-06-15", ("amber", None, 0)),  # due today: met if done by the end of today
        ("2021-06-16", ("amber", None, 1)),
        ("2021-07-13", ("amber", None, 28)),  # window edge: exactly due_within days away
        ("2021-07-14", ("green", None, 29)),  # one day beyond it
        ("2020-06-15", ("red", 365, None)),
    ],
)
def test_open_milestone_rated_by_days_to_its_deadline(
    due: str, expected: tuple[str, int | None, int | None]
) -> None:
    assert summary(one({"due": due})) == expected


def test_due_within_sets_the_window() -> None:
    assert summary(one({"due": "2021-06-22"}, due_within=7)) == ("amber", None, 7)
    assert summary(one({"due": "2021-06-23"}, due_within=7)) == ("green", None, 8)
    assert summary(one({"due": "2021-06-15"}, due_within=0)) == ("amber", None, 0)
    assert summary(one({"due": "2021-06-16"}, due_within=0)) == ("green", None, 1)


def test_red_after_is_a_grace_period_of_amber() -> None:
    assert summary(one({"due": "2021-06-14"}, red_after=1)) == ("amber", 1, None)
    assert summary(one({"due": "2021-06-13"}, red_after=1)) == ("red", 2, None)
    assert summary(one({"due": "2021-06-01"}, red_after=14)) == ("amber", 14, None)
    assert summary(one({"due": "2021-05-31"}, red_after=14)) == ("red", 15, None)


@pytest.mark.parametrize("status_", ["not_started", "in_progress"])
def test_open_statuses_are_rated_alike(status_: str) -> None:
    assert one({"due": "2021-06-14", "status": status_}).rating == "red"


# --- windows: the deadline is the window's END ---------------------------------------------


@pytest.mark.parametrize(
    ("due", "as_of", "expected"),
    [
        ("End March 06", D(2006, 3, 31), ("amber", None, 0)),
        ("End March 06", D(2006, 4, 1), ("red", 1, None)),
        ("Mar 2006", D(2006, 3, 3), ("amber", None, 28)),
        ("Mar 2006", D(2006, 3, 2), ("green", None, 29)),
        ("Spring 05", D(2005, 5, 31), ("amber", None, 0)),  # March to May
        ("Spring 05", D(2005, 6, 1), ("red", 1, None)),
        ("Winter 2021", D(2022, 2, 28), ("amber", None, 0)),  # December to end of February
        ("Winter 2021", D(2022, 3, 1), ("red", 1, None)),
        ("2021/22", D(2022, 4, 1), ("red", 1, None)),  # financial year ends 31 March
        ("Q3 2021", D(2021, 9, 30), ("amber", None, 0)),
        ("2023", D(2023, 12, 31), ("amber", None, 0)),
        ("2023", D(2024, 1, 1), ("red", 1, None)),
    ],
)
def test_month_season_and_year_deadlines_fall_on_the_last_day(
    due: str, as_of: date, expected: tuple[str, int | None, int | None]
) -> None:
    m = one({"due": due}, as_of=as_of)
    assert summary(m) == expected
    assert m.effective_due == due


@pytest.mark.parametrize(
    ("due", "due_date"),
    [
        ("in the next 9 weeks", D(2002, 6, 3)),  # Scottish Executive, April 2002
        ("+9 weeks", D(2002, 6, 3)),
        ("in the next 9 months", D(2003, 1, 1)),
        ("+5 working days", D(2002, 4, 8)),  # 1 April 2002 itself is not counted
    ],
)
def test_relative_timescales_count_from_the_start_of_the_period(due: str, due_date: date) -> None:
    m = one({"due": due}, as_of=D(2003, 1, 2), start="April 2002")
    assert m.due_date == due_date
    assert m.days_overdue == (D(2003, 1, 2) - due_date).days
    assert m.rating == "red"
    on_the_day = one({"due": due}, as_of=due_date, start="April 2002")
    assert summary(on_the_day) == ("amber", None, 0)


def test_working_days_skip_bank_holidays() -> None:
    # Leeds, 4 Dec 2006 (Mon): five working days later is Mon 11 Dec.
    m = one({"due": "within 5 working days"}, as_of=D(2006, 12, 11), start="04/12/2006")
    assert (m.due_date, m.rating, m.days_until_due) == (D(2006, 12, 11), "amber", 0)
    # Christmas 2006: from Fri 22 Dec, 25 and 26 Dec are skipped.
    m = one({"due": "+3 working days"}, as_of=D(2006, 12, 1), start="2006-12-22")
    assert m.due_date == D(2006, 12, 29)


# --- blocked -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "options", "expected"),
    [
        ("2021-07-13", {}, ("red", None, 28)),  # blocked and due inside the window
        ("2021-07-14", {}, ("amber", None, 29)),  # blocked, just outside it
        ("2022-01-01", {}, ("amber", None, 200)),  # blocked, far off: still Amber
        ("2021-06-14", {"red_after": 5}, ("red", 1, None)),  # blocked within the grace period
        ("2021-06-15", {"due_within": 0}, ("red", None, 0)),
    ],
)
def test_blocked_is_at_least_amber_and_red_when_due_soon(
    due: str, options: dict[str, Any], expected: tuple[str, int | None, int | None]
) -> None:
    m = one({"due": due, "status": "blocked"}, **options)
    assert summary(m) == expected
    assert m.blocked


def test_blocked_without_deadline_is_amber_not_apart() -> None:
    for due in ("ongoing", "tbc"):
        m = one({"due": due, "status": "blocked"})
        assert (m.rating, m.not_rated, m.days_overdue, m.days_until_due) == (
            "amber",
            None,
            None,
            None,
        )


# --- complete, dropped, ongoing, undetermined ----------------------------------------------


def test_done_on_time_is_complete_not_late() -> None:
    m = one({"due": "2021-06-10", "status": "done", "done_on": "2021-06-10"})
    assert (m.rating, m.late, m.days_late, m.days_overdue, m.days_until_due) == (
        "complete",
        False,
        None,
        None,
        None,
    )


def test_done_late_counts_the_days_late() -> None:
    m = one({"due": "2021-03-31", "status": "done", "done_on": "2021-04-10"})
    assert (m.rating, m.late, m.days_late) == ("complete", True, 10)


def test_done_within_the_month_it_was_due_is_on_time() -> None:
    # done_on "Mar 2021" may be any day of March: only a start after the deadline is late.
    m = one({"due": "2021-03-31", "status": "done", "done_on": "Mar 2021"})
    assert (m.done_date, m.late) == (D(2021, 3, 1), False)
    m = one({"due": "2021-03-15", "status": "done", "done_on": "Apr 2021"})
    assert (m.done_date, m.days_late) == (D(2021, 4, 1), 17)


def test_done_after_the_as_of_date_was_still_open_then() -> None:
    m = one({"due": "2021-06-01", "status": "done", "done_on": "2021-07-01"})
    assert summary(m) == ("red", 14, None)
    assert m.status == "done" and m.done_date == D(2021, 7, 1)
    done_that_day = one({"due": "2021-06-01", "status": "done", "done_on": "2021-06-15"})
    assert (done_that_day.rating, done_that_day.days_late) == ("complete", 14)


def test_done_without_deadline_is_complete() -> None:
    m = one({"due": "ongoing", "status": "done", "done_on": "2021-01-05"})
    assert (m.rating, m.not_rated, m.late) == ("complete", None, False)


@pytest.mark.parametrize(
    ("milestone", "reason"),
    [
        ({"due": "2020-01-01", "status": "dropped"}, "dropped"),  # dropped is never overdue
        ({"due": "ongoing"}, "ongoing"),
        ({"due": "On-going", "status": "in_progress"}, "ongoing"),
        ({"due": "tbc"}, "undetermined"),
        ({"due": "unable to determine"}, "undetermined"),
    ],
)
def test_dropped_ongoing_and_undetermined_are_listed_apart(
    milestone: dict[str, Any], reason: str
) -> None:
    m = one(milestone)
    assert (m.rating, m.not_rated, m.overdue, m.days_until_due) == (
        "not_rated",
        reason,
        False,
        None,
    )


# --- revised deadlines ---------------------------------------------------------------------


def test_revised_due_is_the_deadline_in_force() -> None:
    m = one({"due": "Mar 2021", "revised_due": "Sep 2021", "revision_reason": "Covid"})
    assert (m.effective_due, m.due_date, m.original_due_date) == (
        "Sep 2021",
        D(2021, 9, 30),
        D(2021, 3, 31),
    )
    assert summary(m) == ("green", None, 107)
    assert m.revision_reason == "Covid"
    late = one(
        {"due": "Mar 2021", "revised_due": "Jun 2021", "revision_reason": "x"}, as_of=D(2021, 7, 2)
    )
    assert summary(late) == ("red", 2, None)


def test_lateness_of_a_completed_milestone_uses_the_revised_due() -> None:
    m = one(
        {
            "due": "2021-03-31",
            "revised_due": "2021-05-31",
            "revision_reason": "x",
            "status": "done",
            "done_on": "2021-05-20",
        }
    )
    assert (m.rating, m.late) == ("complete", False)


# --- what a milestone carries --------------------------------------------------------------


def test_action_without_milestones_is_its_own_milestone_with_its_owner() -> None:
    plan = Plan.model_validate(
        {
            "wfplan": 1,
            "id": "p",
            "title": "Plan",
            "actions": [
                {"id": "solo", "title": "Solo", "owner": "HR", "due": "2021-06-01"},
                {
                    "id": "parent",
                    "title": "Parent",
                    "owner": ["Janet Ainscow", "Sue Maymon"],
                    "timescale": "Ongoing from now",
                    "milestones": [
                        {"id": "inherits", "title": "Inherits", "due": "ongoing"},
                        {
                            "id": "own",
                            "title": "Own",
                            "due": "2021-07-01",
                            "owner": "Line Managers",
                        },
                    ],
                },
            ],
        }
    )
    solo, inherits, own = status.evaluate(plan, Options(AS_OF)).milestones
    assert (solo.is_action, solo.action_id, solo.owners, solo.rating) == (
        True,
        "solo",
        ("HR",),
        "red",
    )
    assert (inherits.is_action, inherits.action_title, inherits.owners, inherits.timescale) == (
        False,
        "Parent",
        ("Janet Ainscow", "Sue Maymon"),
        "Ongoing from now",
    )
    assert own.owners == ("Line Managers",)
    assert (solo.theme, solo.theme_title) == (None, None)


def test_milestone_to_dict_is_the_documented_structure() -> None:
    m = one({"due": "Mar 2021", "revised_due": "2021-06-14", "revision_reason": "Covid"})
    options = Options(AS_OF, labels={"red": "RED"})
    assert m.to_dict(options) == {
        "id": "m1",
        "title": "Milestone 1",
        "action": "a",
        "action_title": "Action",
        "is_action": False,
        "theme": "recruitment",
        "theme_title": "Recruit",
        "owners": [],
        "timescale": None,
        "status": "not_started",
        "rating": "red",
        "label": "RED",
        "not_rated": None,
        "due": "Mar 2021",
        "revised_due": "2021-06-14",
        "revision_reason": "Covid",
        "effective_due": "2021-06-14",
        "due_date": "2021-06-14",
        "original_due_date": "2021-03-31",
        "done_on": None,
        "done_date": None,
        "overdue": True,
        "due_soon": False,
        "blocked": False,
        "days_overdue": 1,
        "days_until_due": None,
        "days_late": None,
    }


# --- the plan -----------------------------------------------------------------------------


def test_plan_is_red_if_any_milestone_is_red() -> None:
    p = evaluate({"due": "2021-06-14"}, {"due": "2021-06-20"}, {"due": "2022-01-01"})
    assert p.rating == "red"


def test_plan_is_amber_if_any_is_amber_and_none_red() -> None:
    assert evaluate({"due": "2021-06-20"}, {"due": "2022-01-01"}).rating == "amber"


def test_plan_is_green_otherwise_including_when_nothing_is_rated() -> None:
    assert evaluate({"due": "2022-01-01"}, {"due": "ongoing"}).rating == "green"
    assert evaluate({"due": "tbc"}).rating == "green"
    empty = status.evaluate(
        Plan.model_validate({"wfplan": 1, "id": "e", "title": "E"}), Options(AS_OF)
    )
    assert (empty.rating, empty.progress_text, empty.milestones) == ("green", "[0/0]", ())


def test_counts_and_progress_leave_dropped_out_of_the_total() -> None:
    p = evaluate(
        {"due": "2021-01-31", "status": "done", "done_on": "2021-01-31"},
        {"due": "2021-01-31", "status": "done", "done_on": "2021-02-02"},
        {"due": "2021-06-01"},
        {"due": "2021-06-20", "status": "blocked"},
        {"due": "2021-09-01", "status": "blocked"},
        {"due": "2021-12-01"},
        {"due": "2021-01-01", "status": "dropped"},
        {"due": "ongoing"},
        {"due": "tbc"},
    )
    assert p.counts(28) == {
        "total": 9,
        "complete": 2,
        "red": 2,
        "amber": 1,
        "green": 1,
        "not_rated": 3,
        "complete_late": 1,
        "dropped": 1,
        "ongoing": 1,
        "undetermined": 1,
        "overdue": 1,
        "due_soon": 1,
        "blocked": 2,
    }
    assert (p.progress, p.progress_text) == ((2, 8), "[2/8]")
    assert [m.id for m in p.apart("dropped")] == ["m7"]


def test_attention_is_worst_first() -> None:
    p = evaluate(
        {"due": "2021-07-01"},  # m1 amber, 16 days
        {"due": "2021-06-10"},  # m2 red, 5 days late
        {"due": "2022-01-01", "status": "blocked"},  # m3 amber, far
        {"due": "2021-06-01"},  # m4 red, 14 days late
        {"due": "2021-06-20"},  # m5 amber, 5 days
        {"due": "2021-12-01"},  # m6 green
    )
    assert [m.id for m in p.attention] == ["m4", "m2", "m5", "m1", "m3"]
    assert [m.id for m in p.overdue] == ["m4", "m2"]
    assert [m.id for m in p.due_soon(28)] == ["m5", "m1"]


def test_report_rolls_up_every_plan_and_keeps_their_order() -> None:
    green = plan_of({"due": "2022-01-01"})
    red = plan_of({"due": "2021-01-01"})
    report = status.evaluate_all([(green, "g.yaml"), (red, "r.yaml")], Options(AS_OF))
    assert [(p.file, p.rating) for p in report.plans] == [("g.yaml", "green"), ("r.yaml", "red")]
    assert report.rating == "red"
    assert status.evaluate_all([], Options(AS_OF)).rating == "green"


def test_targets_hook_defaults_to_empty_and_is_rendered_by_to_dict() -> None:
    from dataclasses import dataclass, replace

    @dataclass(frozen=True)
    class Line:
        summary: str

        def to_dict(self) -> dict[str, Any]:
            return {"summary": self.summary}

    p = evaluate({"due": "2022-01-01"})
    assert p.to_dict(Options(AS_OF))["targets"] == []
    with_target = replace(p, targets=(Line("permanent-92: 76.0% of 92% by 2023"),))
    assert with_target.to_dict(Options(AS_OF))["targets"] == [
        {"summary": "permanent-92: 76.0% of 92% by 2023"}
    ]


def test_labels_are_configurable_with_title_case_defaults() -> None:
    options = Options(AS_OF, labels={"complete": "Blue"})
    assert [options.label(r) for r in status.RATINGS] == [
        "Blue",
        "Red",
        "Amber",
        "Green",
        "Not Rated",
    ]


# --- overdue across plans, by owner ---------------------------------------------------------


def test_overdue_across_plans_most_late_first_and_by_owner() -> None:
    first = plan_of(
        {"due": "2021-06-10", "owner": "All Personnel / HR Teams"},
        {"due": "2021-06-20", "owner": "HR"},  # not overdue
        {"due": "2021-01-01", "status": "dropped", "owner": "HR"},  # dropped: never overdue
    )
    second = plan_of({"due": "2021-05-01", "owner": ["Janet Ainscow", "Shropshire HR"]})
    report = status.evaluate_all([(first, "1"), (second, "2")], Options(AS_OF, red_after=30))
    rows = status.overdue(report)
    assert [(p.file, m.id, m.days_overdue, m.rating) for p, m in rows] == [
        ("2", "m1", 45, "red"),
        ("1", "m1", 5, "amber"),  # overdue within the grace period: still overdue
    ]
    assert [(p.file, m.id) for p, m in status.overdue(report, "janet")] == [("2", "m1")]
    assert [(p.file, m.id) for p, m in status.overdue(report, " hr ")] == [("2", "m1"), ("1", "m1")]
    assert status.overdue(report, "finance") == ()
