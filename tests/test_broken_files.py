"""Data to stdout, diagnostics to stderr; and what a file with errors blocks (and what not).

Every command and every format: when the plans have errors, stdout stays empty (a JSON or
CSV consumer gets valid data or nothing) and the errors, with the file that blocks, go to
stderr. A broken file blocks the plan it names; other plans can still be shown with
--plan and edited.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, write

GOOD = """\
wfplan: 1
id: good
title: Good plan
period: {start: 2021-01-01}
actions:
  - id: late
    title: Late item
    owner: HR
    due: 2021-05-31
  - id: soon
    title: Soon item
    due: 2021-06-20
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: A, permanent: 4, agency: 1, vacant: 1}
"""

BAD = GOOD.replace("id: good", "id: bad").replace("due: 2021-06-20", "due: 31 Feb 2021")
BAD_ERROR = (
    'plans/bad.yaml:12:10: error WF203 "31 Feb 2021" names a day that does not exist\n'
    "    hint: February 2021 has 28 days\n"
    "2 files checked: 1 error, 0 warnings\n"
)
AS_OF = ("--as-of", "2021-06-15")


@pytest.fixture
def broken(workdir: Path) -> Path:
    write(workdir / "plans" / "good.yaml", GOOD)
    write(workdir / "plans" / "bad.yaml", BAD)
    return workdir / "plans"


READ_ONLY = [
    ("status", fmt, plan_option)
    for fmt in ("text", "json", "markdown")
    for plan_option in (True, False)
] + [
    (command, fmt, plan_option)
    for command in ("overdue", "staffing")
    for fmt in ("text", "json", "csv")
    for plan_option in (True, False)
]
READ_ONLY += [
    ("report", fmt, plan_option) for fmt in ("markdown", "html") for plan_option in (True, False)
]


@pytest.mark.parametrize(("command", "fmt", "plan_option"), READ_ONLY)
def test_errors_never_reach_stdout(
    run: Run, broken: Path, command: str, fmt: str, plan_option: bool
) -> None:
    args = (command, *AS_OF, "--format", fmt)
    result = run(*args, "--plan", "bad") if plan_option else run(*args)
    assert (result.exit_code, result.stdout) == (1, "")
    if plan_option:
        tail = 'wfplan: error: plan "bad" cannot be shown: plans/bad.yaml has errors\n'
    else:
        tail = (
            f"wfplan: error: {command} reads every plan, and these files have errors: "
            "plans/bad.yaml; fix them, or name a plan to show alone with --plan (good)\n"
        )
    assert result.stderr == BAD_ERROR + tail


def test_calendar_to_stdout_gets_the_calendar_or_nothing(run: Run, broken: Path) -> None:
    result = run("calendar", *AS_OF)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == BAD_ERROR + (
        "wfplan: error: calendar reads every plan, and these files have errors: "
        "plans/bad.yaml; fix them first\n"
    )


@pytest.mark.parametrize("fmt", ["json", "markdown", "text"])
def test_one_plan_is_shown_when_nothing_blocks_it(run: Run, broken: Path, fmt: str) -> None:
    result = run("status", *AS_OF, "--plan", "good", "--format", fmt)
    assert result.exit_code == 0
    assert result.stderr == (
        'wfplan: note: left out, with errors: plans/bad.yaml (plan "bad"; 1 error, first at '
        "line 12: WF203); `wfplan validate` lists them\n"
    )
    if fmt == "json":
        assert [p["id"] for p in json.loads(result.stdout)["plans"]] == ["good"]
    else:
        assert "Good plan" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_staffing_and_overdue_of_one_plan_are_valid_data(run: Run, broken: Path, fmt: str) -> None:
    overdue = run("overdue", *AS_OF, "--plan", "good", "--format", fmt)
    staffing = run("staffing", *AS_OF, "--plan", "good", "--format", fmt)
    assert (overdue.exit_code, staffing.exit_code) == (0, 0)
    if fmt == "json":
        assert json.loads(overdue.stdout)["count"] == 1
        assert [p["id"] for p in json.loads(staffing.stdout)["plans"]] == ["good"]
    else:
        assert overdue.stdout.splitlines()[1].startswith("good,late,Late item,HR,")
        assert {line.split(",")[0] for line in staffing.stdout.splitlines()[1:]} == {"good"}


def test_a_syntax_error_still_names_its_plan(run: Run, broken: Path) -> None:
    # The YAML cannot be read, but its top-level `id:` line says whose it is.
    write(broken / "bad.yaml", BAD.replace("title: Good plan", "title: 'Good plan"))
    result = run("status", *AS_OF, "--plan", "good", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["plans"][0]["id"] == "good"
    assert result.stderr.startswith(
        'wfplan: note: left out, with errors: plans/bad.yaml (plan "bad"'
    )


def test_a_staffing_file_with_errors_blocks_its_plan(run: Run, broken: Path) -> None:
    write(
        broken / "good-staffing.yaml",
        "wfplan: 1\nkind: staffing\nplan: good\nsnapshots:\n"
        "  - as_of: Mar 2021\n    teams:\n      - {team: A, permanent: -1}\n",
    )
    result = run("staffing", *AS_OF, "--plan", "good", "--format", "json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(
        'wfplan: error: plan "good" cannot be shown: plans/good-staffing.yaml has errors\n'
    )
    assert "plans/good-staffing.yaml:7:" in result.stderr
    assert "plans/bad.yaml:" not in result.stderr


def test_a_file_that_names_no_plan_blocks_every_plan(run: Run, broken: Path) -> None:
    write(broken / "bad.yaml", "- just a list\n")
    result = run("status", *AS_OF, "--plan", "good")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(
        'wfplan: error: plan "good" cannot be shown: plans/bad.yaml has errors\n'
    )
    everything = run("status", *AS_OF)
    assert everything.stderr.endswith(
        "wfplan: error: status reads every plan, and these files have errors: plans/bad.yaml; "
        "fix them first: a file that does not name its plan could belong to any\n"
    )


def test_a_sound_plan_is_edited_while_another_is_broken(run: Run, broken: Path) -> None:
    result = run("done", "late", "--plan", "good", "--on", "2021-06-01")
    assert result.exit_code == 0
    assert result.stdout.endswith("good/late: done on 2021-06-01\n")
    assert result.stderr == (
        'wfplan: note: other files have errors, not touched: plans/bad.yaml (plan "bad"; '
        "1 error, first at line 12: WF203)\n"
    )
    assert "done_on: 2021-06-01" in (broken / "good.yaml").read_text("utf-8")


def test_a_broken_plan_is_not_edited(run: Run, broken: Path) -> None:
    before = (broken / "bad.yaml").read_bytes()
    result = run("done", "late", "--plan", "bad", "--on", "2021-06-01")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == BAD_ERROR + (
        "wfplan: error: nothing written: the plan being edited has errors in plans/bad.yaml; "
        "fix them first\n"
    )
    assert (broken / "bad.yaml").read_bytes() == before


def test_an_id_not_found_while_a_file_is_unreadable_names_that_file(run: Run, broken: Path) -> None:
    write(broken / "bad.yaml", "wfplan: 1\nid: bad\ntitle: 'Bad\n")
    result = run("done", "nowhere", "--on", "2021-06-01")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(
        "wfplan: error: these files have errors, and what you asked for may be in one of them: "
        "plans/bad.yaml\n"
    )


def test_a_change_that_would_add_errors_is_refused_on_stderr(run: Run, workdir: Path) -> None:
    plan = write(workdir / "plans" / "good.yaml", GOOD)
    before = plan.read_bytes()
    # A row whose establishment is not permanent + agency + vacant: WF502 in the result.
    csv = write(workdir / "march.csv", "team,permanent,agency,vacant,establishment\nA,4,1,1,9\n")
    result = run("snapshot", "add", str(csv), "--plan", "good", "--as-of", "Mar 2021")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(
        "wfplan: error: the change would leave these errors (at lines of the file as it would "
        "be written), so nothing was written:\n"
        "plans/good.yaml:"
    )
    assert 'error WF502 establishment of "A" is 9 but permanent + agency + vacant is 6.00\n' in (
        result.stderr
    )
    assert plan.read_bytes() == before


def test_new_prints_nothing_but_the_created_line(run: Run, workdir: Path) -> None:
    result = run("new", "fresh", "--title", "Fresh")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "created plans/fresh.yaml: plan fresh; check it with `wfplan validate`\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ("done", "late", "--plan", "bad", "--on", "2021-06-01"),
        ("set-status", "late", "blocked", "--plan", "bad"),
        ("slip", "late", "--plan", "bad", "--to", "2021-09-30", "--reason", "later"),
        ("snapshot", "add", "--plan", "bad", "--as-of", "Apr 2021", "hr.csv"),
    ],
)
def test_every_edit_of_a_broken_plan_keeps_stdout_empty(
    run: Run, broken: Path, args: tuple[str, ...]
) -> None:
    write(broken.parent / "hr.csv", "team,permanent,agency,vacant\nA,5,1,0\n")
    before = (broken / "bad.yaml").read_bytes()
    result = run(*args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == BAD_ERROR + (
        "wfplan: error: nothing written: the plan being edited has errors in plans/bad.yaml; "
        "fix them first\n"
    )
    assert (broken / "bad.yaml").read_bytes() == before


def test_the_plans_that_could_be_shown_alone_are_named_up_to_five(run: Run, broken: Path) -> None:
    for n in range(7):
        write(broken / f"g{n}.yaml", GOOD.replace("id: good", f"id: g{n}"))
    result = run("overdue", *AS_OF)
    assert result.stderr.endswith(
        "fix them, or name a plan to show alone with --plan (g0, g1, g2, g3, g4 and 3 more)\n"
    )
