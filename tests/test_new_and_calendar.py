"""`wfplan new` (a plan file from the template) and `wfplan calendar` (milestones as iCalendar)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import REPO, Run, write

GOLDEN = REPO / "tests" / "golden" / "calendar"
REGEN = bool(os.environ.get("WFPLAN_REGEN_GOLDEN"))


def test_new_plan_validates_clean(run: Run, workdir: Path) -> None:
    result = run("new", "leeds-2025", "--title", "Workforce: the plan", "--organisation", "Leeds")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "created plans/leeds-2025.yaml: plan leeds-2025; check it with `wfplan validate`\n"
    )
    text = (workdir / "plans" / "leeds-2025.yaml").read_text("utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
        'wfplan: 1\nid: leeds-2025\ntitle: "Workforce: the plan"\norganisation: Leeds\n'
    )
    validated = run("validate")
    assert validated.stdout == "1 file checked: no problems found\n"
    assert validated.exit_code == 0


def test_new_with_output_and_no_organisation(run: Run, workdir: Path) -> None:
    (workdir / "elsewhere").mkdir()
    result = run("new", "p1", "--title", "P", "--output", "elsewhere/p1.yml")
    assert result.exit_code == 0
    text = (workdir / "elsewhere" / "p1.yml").read_text("utf-8")
    assert "\n# organisation: Your council\n" in text
    assert run("validate", "elsewhere").exit_code == 0


def test_new_refuses_to_overwrite(run: Run, workdir: Path) -> None:
    existing = write(workdir / "plans" / "p1.yaml", "keep me\n")
    result = run("new", "p1", "--title", "P")
    assert result.exit_code == 2
    assert result.stderr == "wfplan: error: plans/p1.yaml already exists; choose another --output\n"
    assert existing.read_text("utf-8") == "keep me\n"


def test_new_refuses_an_id_another_plan_has(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "old.yaml", "wfplan: 1\nid: p1\ntitle: Old\n")
    result = run("new", "p1", "--title", "P")
    assert result.exit_code == 2
    assert result.stderr == 'wfplan: error: plan id "p1" is already used by plans/old.yaml\n'


@pytest.mark.parametrize(
    ("plan_id", "example"), [("My Plan", "my-plan"), ("x_y", "x-y"), ("Ünï_2025", "n-2025")]
)
def test_new_invalid_id_is_a_usage_error(
    run: Run, workdir: Path, plan_id: str, example: str
) -> None:
    result = run("new", plan_id, "--title", "P")
    assert result.exit_code == 2
    assert result.stderr == (
        f'wfplan: error: "{plan_id}" is not a valid plan id: use lowercase letters, digits and '
        f'hyphens, starting with a letter or digit (for example "{example}")\n'
    )
    assert not (workdir / "plans").exists()


def test_calendar_of_the_real_plans_matches_golden(run: Run, plans_copy: Path) -> None:
    result = run("calendar", "--as-of", "2022-01-01")
    golden = GOLDEN / "plans.ics"
    if REGEN:
        golden.write_bytes(result.stdout.encode("utf-8"))
    assert result.stdout.encode("utf-8") == golden.read_bytes()
    assert result.exit_code == 0
    calendar = Calendar.from_ical(result.stdout)
    events = calendar.walk("VEVENT")
    assert result.stderr == (
        f"wfplan: {len(events)} milestones; 68 without a date (ongoing or tbc) left out\n"
    )
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@wfplan") for uid in uids)


def test_calendar_event_fields(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        "wfplan: 1\nid: p\ntitle: The plan\nactions:\n"
        "  - id: a\n    title: Act, now\n    owner: [HR, Ops]\n    milestones:\n"
        "      - {id: m1, title: First, due: Dec 2021, revised_due: Mar 2022, "
        "revision_reason: late}\n"
        "      - {id: m2, title: Second, due: 2021-06-30, status: done, done_on: 2021-06-01}\n"
        "      - {id: m3, title: Third, due: Q3 2021, status: dropped}\n"
        "      - {id: m4, title: Fourth, due: ongoing}\n",
    )
    result = run("calendar", "--output", "out.ics", "--as-of", "Jan 2022")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "wrote out.ics: 3 milestones; 1 without a date (ongoing or tbc) left out\n"
    )
    raw = (workdir / "out.ics").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    first, second, third = Calendar.from_ical(raw).walk("VEVENT")
    assert str(first["UID"]) == "p.m1@wfplan"
    assert first.decoded("DTSTART").isoformat() == "2022-03-31"
    assert first.decoded("DTEND").isoformat() == "2022-04-01"
    assert first.decoded("DTSTAMP").isoformat() == "2022-01-31T00:00:00+00:00"
    assert str(first["SUMMARY"]) == "First (p)"
    assert str(first["DESCRIPTION"]) == (
        "Plan: The plan (p)\nAction: Act, now (a)\nOwner: HR; Ops\nStatus: not started\n"
        "Due: Mar 2022 (revised; originally Dec 2021, by 31 Dec 2021)\nReason: late"
    )
    assert str(second["SUMMARY"]) == "[done] Second (p)"
    assert str(second["STATUS"]) == "CONFIRMED"
    assert str(second["DESCRIPTION"]).endswith("Due: 2021-06-30\nDone on: 2021-06-01")
    assert str(third["STATUS"]) == "CANCELLED"
    assert str(third["TRANSP"]) == "TRANSPARENT"


def test_calendar_refuses_plans_with_errors(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", "wfplan: 1\nid: p\n")
    result = run("calendar")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "error WF102" in result.stderr
    assert result.stderr.endswith(
        "wfplan: error: calendar reads every plan, and these files have errors: "
        "plans/p.yaml; fix them first\n"
    )


def test_calendar_bad_as_of_is_a_usage_error(run: Run, plans_copy: Path) -> None:
    result = run("calendar", "--as-of", "someday")
    assert result.exit_code == 2
    assert result.stderr.startswith('wfplan: error: --as-of (or WFPLAN_AS_OF): "someday"')
