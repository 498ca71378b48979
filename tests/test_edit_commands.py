"""`wfplan done`, `set-status`, `slip`: exactly the lines they must change, and nothing else."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.conftest import Run, write
from workforce_cli import safewrite

PLAN = """\
# A small plan: comments everywhere a person would write them.
wfplan: 1
id: demo
title: Demo plan
period: {start: 2021-04-01}
actions:
  - id: recruit   # the main action
    title: Recruit social workers
    milestones:
      # first milestone
      - id: events
        title: Three job events
        due: Dec 2021   # as approved
        status: in_progress    # started in May
        # the events are listed in the notes
        notes: Leeds, York, Hull
      - {id: advert, title: Advert placed, due: Sep 2021}
      - id: offers
        title: Offers made
        due: Mar 2022
        status: done    # early
        done_on: 2022-02-14  # Valentine's
        # keep this comment
  # an action without milestones
  - id: induction
    title: Induction pack
    due: 2022
"""


@pytest.fixture
def plan(workdir: Path) -> Path:
    return write(workdir / "plans" / "demo.yaml", PLAN)


def _diff(header: str, *hunk: str) -> str:
    return (
        "--- a/plans/demo.yaml\n+++ b/plans/demo.yaml\n"
        + header
        + "\n"
        + "".join(line + "\n" for line in hunk)
    )


DONE_EVENTS = _diff(
    "@@ -11,7 +11,8 @@",
    "       - id: events",
    "         title: Three job events",
    "         due: Dec 2021   # as approved",
    "-        status: in_progress    # started in May",
    "+        status: done           # started in May",
    "+        done_on: 2021-11-30",
    "         # the events are listed in the notes",
    "         notes: Leeds, York, Hull",
    "       - {id: advert, title: Advert placed, due: Sep 2021}",
)


def test_done_writes_status_and_done_on_and_nothing_else(run: Run, plan: Path) -> None:
    result = run("done", "events", "--on", "2021-11-30")
    assert result.stdout == DONE_EVENTS + "demo/events: done on 2021-11-30\n"
    assert (result.exit_code, result.stderr) == (0, "")
    assert plan.read_text("utf-8") == PLAN.replace(
        "status: in_progress    # started in May\n",
        "status: done           # started in May\n        done_on: 2021-11-30\n",
    )


def test_done_defaults_to_wfplan_as_of(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WFPLAN_AS_OF", "Nov 2021")
    result = run("done", "events")
    assert result.stdout.endswith("demo/events: done on 2021-11-30\n")
    assert "done_on: 2021-11-30\n" in plan.read_text("utf-8")


def test_done_on_is_stored_as_written(run: Run, plan: Path) -> None:
    assert run("done", "events", "--on", "30/11/2021").exit_code == 0
    assert "        done_on: 30/11/2021\n" in plan.read_text("utf-8")


def test_done_on_a_flow_milestone_stays_on_its_line(run: Run, plan: Path) -> None:
    result = run("done", "advert", "--on", "Sep 2021")
    assert (
        result.stdout
        == _diff(
            "@@ -14,7 +14,7 @@",
            "         status: in_progress    # started in May",
            "         # the events are listed in the notes",
            "         notes: Leeds, York, Hull",
            "-      - {id: advert, title: Advert placed, due: Sep 2021}",
            "+      - {id: advert, title: Advert placed, due: Sep 2021, status: done, "
            "done_on: Sep 2021}",
            "       - id: offers",
            "         title: Offers made",
            "         due: Mar 2022",
        )
        + "demo/advert: done on Sep 2021\n"
    )


def test_done_on_an_action_without_milestones(run: Run, plan: Path) -> None:
    result = run("done", "induction", "--on", "2022-01-10")
    assert (
        result.stdout
        == _diff(
            "@@ -25,3 +25,5 @@",
            "   - id: induction",
            "     title: Induction pack",
            "     due: 2022",
            "+    status: done",
            "+    done_on: 2022-01-10",
        )
        + "demo/induction: done on 2022-01-10\n"
    )


def test_crlf_file_stays_crlf(run: Run, plan: Path) -> None:
    plan.write_bytes(PLAN.replace("\n", "\r\n").encode())
    result = run("done", "events", "--on", "2021-11-30")
    assert result.stdout == DONE_EVENTS + "demo/events: done on 2021-11-30\n"
    expected = PLAN.replace(
        "status: in_progress    # started in May\n",
        "status: done           # started in May\n        done_on: 2021-11-30\n",
    )
    assert plan.read_bytes() == expected.replace("\n", "\r\n").encode()


def test_bom_is_kept(run: Run, plan: Path) -> None:
    plan.write_bytes(b"\xef\xbb\xbf" + PLAN.encode())
    result = run("done", "events", "--on", "2021-11-30")
    assert result.stdout == DONE_EVENTS + "demo/events: done on 2021-11-30\n"
    assert plan.read_bytes().startswith(b"\xef\xbb\xbf# A small plan")


def test_dry_run_prints_the_diff_and_writes_nothing(run: Run, plan: Path) -> None:
    result = run("done", "events", "--on", "2021-11-30", "--dry-run")
    assert result.stdout == DONE_EVENTS + (
        "demo/events: done on 2021-11-30 (dry run: nothing written)\n"
    )
    assert plan.read_text("utf-8") == PLAN


def test_set_status_reopening_removes_done_on_and_its_comment_only(run: Run, plan: Path) -> None:
    result = run("set-status", "offers", "in_progress")
    assert (
        result.stdout
        == _diff(
            "@@ -18,8 +18,7 @@",
            "       - id: offers",
            "         title: Offers made",
            "         due: Mar 2022",
            "-        status: done    # early",
            "-        done_on: 2022-02-14  # Valentine's",
            "+        status: in_progress # early",
            "         # keep this comment",
            "   # an action without milestones",
            "   - id: induction",
        )
        + "demo/offers: done -> in_progress (re-opened: done_on 2022-02-14 removed)\n"
    )
    assert result.exit_code == 0


def test_set_status_on_a_milestone_without_status_inserts_it_after_due(
    run: Run, plan: Path
) -> None:
    result = run("set-status", "induction", "blocked")
    assert "+    status: blocked\n" in result.stdout
    assert result.stdout.endswith("demo/induction: not_started -> blocked\n")


def test_set_status_done_points_to_the_done_command(run: Run, plan: Path) -> None:
    result = run("set-status", "events", "done")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: use `wfplan done events [--on DATE]` to mark it done: "
        "a done milestone records the day it was done (done_on)\n"
    )
    assert plan.read_text("utf-8") == PLAN


def test_set_status_rejects_an_unknown_status(run: Run, plan: Path) -> None:
    result = run("set-status", "events", "finished")
    assert result.exit_code == 2
    assert "'finished' is not one of" in result.stderr


def test_slip_writes_revised_due_and_reason_and_keeps_due(run: Run, plan: Path) -> None:
    result = run("slip", "events", "--to", "Mar 2022", "--reason", "Venues: closed")
    assert (
        result.stdout
        == _diff(
            "@@ -12,6 +12,8 @@",
            "         title: Three job events",
            "         due: Dec 2021   # as approved",
            "         status: in_progress    # started in May",
            "+        revised_due: Mar 2022",
            '+        revision_reason: "Venues: closed"',
            "         # the events are listed in the notes",
            "         notes: Leeds, York, Hull",
            "       - {id: advert, title: Advert placed, due: Sep 2021}",
        )
        + "demo/events: due Mar 2022 (originally Dec 2021)\n"
    )


def test_a_second_slip_replaces_the_first_and_says_so(run: Run, plan: Path) -> None:
    run("slip", "events", "--to", "Mar 2022", "--reason", "Venues closed")
    result = run("slip", "events", "--to", "Jun 2022", "--reason", "Still closed")
    assert result.stdout == _diff(
        "@@ -12,8 +12,8 @@",
        "         title: Three job events",
        "         due: Dec 2021   # as approved",
        "         status: in_progress    # started in May",
        "-        revised_due: Mar 2022",
        "-        revision_reason: Venues closed",
        "+        revised_due: Jun 2022",
        "+        revision_reason: Still closed",
        "         # the events are listed in the notes",
        "         notes: Leeds, York, Hull",
        "       - {id: advert, title: Advert placed, due: Sep 2021}",
    ) + (
        "demo/events: due Jun 2022 (originally Dec 2021); replaces the earlier revision to "
        'Mar 2022 ("Venues closed"), which git history keeps\n'
    )


def test_slip_of_a_done_milestone_is_refused(run: Run, plan: Path) -> None:
    result = run("slip", "offers", "--to", "Jun 2022", "--reason", "x")
    assert result.exit_code == 1
    assert result.stderr == (
        "wfplan: error: demo/offers is done (on 2022-02-14); a slip re-baselines an open "
        "milestone\n"
    )
    assert plan.read_text("utf-8") == PLAN


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("slip", "events", "--to", "31 Feb 2022", "--reason", "x"),
            'wfplan: error: --to: "31 Feb 2022" names a day that does not exist',
        ),
        (("slip", "events", "--to", "tbc", "--reason", "x"), 'wfplan: error: --to: "tbc" is not'),
        (("slip", "events", "--to", "Mar 2022", "--reason", " "), "wfplan: error: --reason: say"),
        (("done", "events", "--on", "soon"), 'wfplan: error: --on: "soon" is not'),
    ],
)
def test_bad_dates_and_reasons_are_usage_errors(
    run: Run, plan: Path, args: tuple[str, ...], message: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert plan.read_text("utf-8") == PLAN


def test_unknown_id_lists_close_candidates(run: Run, plan: Path) -> None:
    result = run("done", "event")
    assert result.exit_code == 2
    assert result.stderr == (
        'wfplan: error: no milestone "event" in the plans; did you mean:\n'
        "  events  --plan demo  (plans/demo.yaml:11) Three job events\n"
    )


def test_unknown_id_without_close_candidates(run: Run, plan: Path) -> None:
    result = run("done", "zzz")
    assert result.exit_code == 2
    assert result.stderr.startswith('wfplan: error: no milestone "zzz" in the plans; ')


def test_action_with_milestones_names_them(run: Run, plan: Path) -> None:
    result = run("done", "recruit")
    assert result.exit_code == 2
    assert result.stderr == (
        'wfplan: error: "recruit" is an action with milestones; give one of its milestones: '
        "events, advert, offers\n"
    )


def test_ambiguous_id_lists_plans_and_plan_option_chooses(run: Run, plan: Path) -> None:
    other = PLAN.replace("id: demo\n", "id: other\n").replace("Demo plan", "Other plan")
    write(plan.parent / "other.yaml", other)
    result = run("done", "events", "--on", "2021-11-30")
    assert result.exit_code == 2
    assert result.stderr == (
        'wfplan: error: "events" is a milestone of 2 plans; choose one with --plan:\n'
        "  events  --plan demo  (plans/demo.yaml:11) Three job events\n"
        "  events  --plan other  (plans/other.yaml:11) Three job events\n"
    )
    result = run("done", "events", "--on", "2021-11-30", "--plan", "other")
    assert result.exit_code == 0
    assert (plan.parent / "other.yaml").read_text("utf-8") != other
    assert plan.read_text("utf-8") == PLAN
    assert run("done", "events", "--plan", "nope").stderr.startswith(
        'wfplan: error: no plan with id "nope"; known plans: demo, other'
    )


def test_a_relative_slip_needs_no_period_start(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A relative --to counts from WFPLAN_AS_OF (or today) and is stored as that day, so it
    # no longer depends on period.start. (A result that would not validate is refused:
    # tests/test_snapshot_add.py, a total that does not add up.)
    plan.write_text(PLAN.replace("period: {start: 2021-04-01}\n", ""), "utf-8")
    monkeypatch.setenv("WFPLAN_AS_OF", "2022-01-10")
    result = run("slip", "events", "--to", "+9 weeks", "--reason", "later")
    assert result.exit_code == 0
    assert "        revised_due: 2022-03-14\n" in plan.read_text("utf-8")


def test_plans_with_errors_are_not_edited(run: Run, plan: Path) -> None:
    plan.write_text(PLAN.replace("due: Sep 2021", "due: Sept 31 2021"), "utf-8")
    result = run("done", "events")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "error WF201" in result.stderr
    assert result.stderr.endswith(
        "wfplan: error: nothing written: the plan being edited has errors in "
        "plans/demo.yaml; fix them first\n"
    )


def test_nothing_to_change(run: Run, plan: Path) -> None:
    result = run("done", "offers", "--on", "2022-02-14")
    assert (result.exit_code, result.stdout) == (0, "nothing to change: the plan already says so\n")


def test_refuses_when_the_file_changed_between_read_and_write(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def someone_saves(path: Path) -> None:
        path.write_text(PLAN + "# edited meanwhile\n", "utf-8")

    monkeypatch.setattr(safewrite, "before_replace", someone_saves)
    result = run("done", "events", "--on", "2021-11-30")
    assert result.exit_code == 1
    assert result.stderr == (
        "wfplan: error: plans/demo.yaml changed on disk after it was read; "
        "nothing written, run the command again\n"
    )
    assert plan.read_text("utf-8") == PLAN + "# edited meanwhile\n"
    assert sorted(p.name for p in plan.parent.iterdir()) == ["demo.yaml"]  # no temp file left


def test_permissions_are_kept(run: Run, plan: Path) -> None:
    plan.chmod(0o640)
    assert run("done", "events", "--on", "2021-11-30").exit_code == 0
    assert stat.S_IMODE(plan.stat().st_mode) == 0o640


def test_a_symlinked_plan_is_written_through_the_link(run: Run, plan: Path) -> None:
    real = plan.parent.parent / "real.yaml"
    plan.rename(real)
    plan.symlink_to(real)
    assert run("done", "events", "--on", "2021-11-30").exit_code == 0
    assert plan.is_symlink()
    assert "done_on: 2021-11-30" in real.read_text("utf-8")


@pytest.mark.parametrize("command", ["done", "set-status", "slip"])
def test_help(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "--dry-run" in result.stdout
