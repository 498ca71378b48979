"""`wfplan status` and `wfplan overdue` from the command line: golden output on the seed plans,
options, configuration, colour, and every bad input.

Golden files live in tests/golden/status/ and tests/golden/overdue/. After an intended change
of output (or of plans/), regenerate them and review the diff:
`WFPLAN_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_status_cli.py`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import typing
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS, Run, write
from workforce_cli.status import FORMATS as STATUS_FORMATS
from workforce_cli.status import OVERDUE_FORMATS
from workforce_cli.status import overdue as overdue_render
from workforce_cli.status import render as status_render
from workforce_cli.status.render import Terminal

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN = bool(os.environ.get("WFPLAN_REGEN_GOLDEN"))

SUFFIX = {"text": "txt", "json": "json", "markdown": "md", "csv": "csv"}

PLAN = """\
wfplan: 1
id: tiny
title: Tiny plan
organisation: Borough Council
period: {start: 2021-01-01}
actions:
  - id: late
    title: Late item
    owner: [HR Resourcing Team, Head of Service]
    due: 2021-05-31
  - id: soon
    title: Soon item
    owner: Principal Social Worker
    due: 2021-06-20
  - id: later
    title: Later item
    due: Dec 2021
"""


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8"), f"{name} differs (WFPLAN_REGEN_GOLDEN=1 to update)"


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def tiny(workdir: Path) -> Path:
    return write(workdir / "plans" / "tiny.yaml", PLAN)


# --- golden output on the seed plans --------------------------------------------------------


@pytest.mark.parametrize("output_format", ["text", "json", "markdown"])
@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_status_of_each_seed_plan(stem: str, output_format: str, run: Run, in_repo: Path) -> None:
    result = run("status", f"plans/{stem}.yaml", "--as-of", SEEDS[stem], "-f", output_format)
    assert (result.exit_code, result.stderr) == (0, "")
    golden(f"status/{stem}.{SUFFIX[output_format]}", result.stdout)


@pytest.mark.parametrize("output_format", ["text", "json", "csv"])
def test_overdue_across_the_seed_plans(output_format: str, run: Run, in_repo: Path) -> None:
    result = run("overdue", "plans", "--as-of", "2006-04-01", "-f", output_format)
    assert (result.exit_code, result.stderr) == (0, "")
    golden(f"overdue/all-2006-04-01.{SUFFIX[output_format]}", result.stdout)


def _milestones(stdout: str) -> dict[str, dict[str, typing.Any]]:
    data = json.loads(stdout)
    return {m["id"]: m for plan in data["plans"] for m in plan["milestones"]}


def test_scottish_nine_week_steps_are_overdue_on_1_august_2002(run: Run, in_repo: Path) -> None:
    result = run(
        "status", "plans/scottish-executive-2002.yaml", "--as-of", "1 Aug 2002", "-f", "json"
    )
    milestones = _milestones(result.stdout)
    nine_weeks = {k: m for k, m in milestones.items() if "-9w-" in k}
    nine_months = {k: m for k, m in milestones.items() if "-9m-" in k}
    assert len(nine_weeks) == len(nine_months) == 13
    assert {(m["due_date"], m["rating"], m["days_overdue"]) for m in nine_weeks.values()} == {
        ("2002-06-03", "red", 59)
    }
    assert {(m["due_date"], m["rating"]) for m in nine_months.values()} == {("2003-01-01", "green")}
    assert json.loads(result.stdout)["plans"][0]["rating"] == "red"


def test_rochdale_end_march_06_is_red_and_ongoing_not_rated(run: Run, in_repo: Path) -> None:
    result = run("status", "plans/rochdale-csf-2005.yaml", "--as-of", "2006-04-01", "-f", "json")
    milestones = _milestones(result.stdout).values()
    end_march = [m for m in milestones if m["effective_due"] == "End March 06"]
    assert end_march and {(m["rating"], m["days_overdue"]) for m in end_march} == {("red", 1)}
    ongoing = [m for m in milestones if m["effective_due"] == "ongoing"]
    assert ongoing and {(m["rating"], m["not_rated"]) for m in ongoing} == {
        ("not_rated", "ongoing")
    }


# --- the as-of date -------------------------------------------------------------------------


def test_as_of_takes_any_date_expression(run: Run, tiny: Path) -> None:
    result = run("status", "--as-of", "end March 06", "-f", "json")
    assert json.loads(result.stdout)["as_of"] == "2006-03-31"
    result = run("status", "--as-of", "end March 06")
    assert result.stdout.startswith("Status as of 31 Mar 2006 ")


def test_as_of_from_the_environment_and_the_flag_wins(
    run: Run, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WFPLAN_AS_OF", "2021-06-15")
    assert json.loads(run("status", "-f", "json").stdout)["as_of"] == "2021-06-15"
    assert run("overdue").stdout.startswith("Overdue as of 15 Jun 2021: 1 milestone")
    assert json.loads(run("status", "--as-of", "2021-07", "-f", "json").stdout)["as_of"] == (
        "2021-07-31"
    )


def test_as_of_defaults_to_today_and_relative_counts_from_today(run: Run, tiny: Path) -> None:
    today = date.today()
    assert json.loads(run("status", "-f", "json").stdout)["as_of"] == today.isoformat()
    later = json.loads(run("status", "--as-of", "+1 day", "-f", "json").stdout)["as_of"]
    assert date.fromisoformat(later) in {date.fromordinal(today.toordinal() + d) for d in (1, 2)}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("yesterday", '"yesterday" is not a recognised date; use a day (18 Feb 2021'),
        ("31 Feb 2021", '"31 Feb 2021" names a day that does not exist'),
        ("04/05", '"04/05" is ambiguous'),
        ("ongoing", '"ongoing" is not a date, so nothing can be as of it'),
    ],
)
@pytest.mark.parametrize("command", ["status", "overdue"])
def test_bad_as_of_names_the_forms_and_exits_2(
    command: str, text: str, says: str, run: Run, tiny: Path
) -> None:
    result = run(command, "--as-of", text)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"wfplan: error: --as-of (or WFPLAN_AS_OF): {says}")


def test_bad_as_of_from_the_environment_exits_2(
    run: Run, tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WFPLAN_AS_OF", "soon")
    result = run("status")
    assert result.exit_code == 2
    # The accepted forms, without "ongoing or tbc": an as-of is a day.
    assert result.stderr == (
        'wfplan: error: --as-of (or WFPLAN_AS_OF): "soon" is not a recognised date; use a day '
        "(18 Feb 2021, 18/02/2021), month (Feb 2021), year (2021), quarter (Q3 2021), financial "
        "year (2021/22), season (Spring 2021), relative (+9 weeks, +5 working days)\n"
    )


# --- options ---------------------------------------------------------------------------------


def _ratings(stdout: str) -> dict[str, str]:
    return {k: m["rating"] for k, m in _milestones(stdout).items()}


def test_due_within_and_red_after_flags(run: Run, tiny: Path) -> None:
    as_of = ("--as-of", "2021-06-15", "-f", "json")
    assert _ratings(run("status", *as_of).stdout) == {
        "late": "red",
        "soon": "amber",
        "later": "green",
    }
    assert _ratings(run("status", *as_of, "--due-within", "4").stdout)["soon"] == "green"
    assert _ratings(run("status", *as_of, "--red-after", "15").stdout)["late"] == "amber"
    assert _ratings(run("status", *as_of, "--red-after", "14").stdout)["late"] == "red"


@pytest.mark.parametrize("option", ["--due-within", "--red-after"])
def test_negative_days_are_a_usage_error(option: str, run: Run, tiny: Path) -> None:
    result = run("status", option, "-1")
    assert result.exit_code == 2
    assert (
        f"Invalid value for '{option}': Input should be greater than or equal to 0" in result.stderr
    )


def test_plan_selects_one_and_unknown_lists_the_known(run: Run, in_repo: Path) -> None:
    result = run("status", "plans", "--plan", "slough-csc-workforce-2014", "--as-of", "2015-03-01")
    assert result.exit_code == 0
    assert result.stdout.count("╭─") == 1 and "Slough Borough Council" in result.stdout
    result = run("status", "plans", "--plan", "slough")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'wfplan: error: no plan with id "slough"; known plans: dudley-csc-workforce-2021, '
        "leeds-scrutiny-workforce-2006, rochdale-csf-workforce-2005, "
        "scottish-executive-workforce-2002, slough-csc-workforce-2014\n"
    )
    assert run("overdue", "plans", "--plan", "nope").exit_code == 2


@pytest.mark.parametrize(
    ("as_of", "fail_on", "code"),
    [
        ("2021-06-15", "red", 1),
        ("2021-05-20", "red", 0),  # Amber only
        ("2021-05-20", "amber", 1),
        ("2021-01-01", "amber", 0),  # Green
        ("2021-06-15", None, 0),
    ],
)
def test_fail_on(as_of: str, fail_on: str | None, code: int, run: Run, tiny: Path) -> None:
    extra = ("--fail-on", fail_on) if fail_on else ()
    result = run("status", "--as-of", as_of, *extra)
    assert (result.exit_code, result.stderr) == (code, "")
    assert result.stdout.startswith("Status as of")


def test_fail_on_rejects_other_words(run: Run, tiny: Path) -> None:
    assert run("status", "--fail-on", "green").exit_code == 2


def test_format_choices_are_the_renderer_registries() -> None:
    assert set(STATUS_FORMATS) == set(status_render.FORMATS)
    assert set(OVERDUE_FORMATS) == set(overdue_render.FORMATS)


# --- configuration ---------------------------------------------------------------------------


def test_configuration_sets_defaults_and_labels_and_flags_override(run: Run, tiny: Path) -> None:
    write(
        tiny.parent.parent / "wfplan.toml", 'due_within = 4\nred_after = 15\n[labels]\nred = "R"\n'
    )
    as_of = ("--as-of", "2021-06-15")
    data = json.loads(run("status", *as_of, "-f", "json").stdout)
    assert (data["due_within"], data["red_after"]) == (4, 15)
    assert _ratings(json.dumps(data)) == {"late": "amber", "soon": "green", "later": "green"}
    assert data["labels"] == {
        "complete": "Complete",
        "red": "R",
        "amber": "Amber",
        "green": "Green",
        "not_rated": "Not Rated",
    }
    overridden = run("status", *as_of, "--red-after", "0", "--due-within", "28", "-f", "json")
    assert _ratings(overridden.stdout)["late"] == "red"
    assert (
        "\n| R | 31 May 2021 | 15 days late |"
        in run("status", *as_of, "--red-after", "0", "-f", "markdown").stdout
    )
    assert (
        "\n15 days   R     31 May 2021   tiny " in run("overdue", *as_of, "--red-after", "0").stdout
    )


def test_blue_for_complete_appears_in_every_format(run: Run, workdir: Path) -> None:
    write(workdir / "wfplan.toml", '[labels]\ncomplete = "Blue"\n')
    write(
        workdir / "plans" / "p.yaml",
        "wfplan: 1\nid: p\ntitle: P\nactions:\n"
        "  - {id: a, title: A, due: 2021-01-01, status: done, done_on: 2021-01-01}\n",
    )
    assert "Blue 1 ·" in run("status", "--as-of", "2021-02-01").stdout
    assert "| Blue | Red |" in run("status", "--as-of", "2021-02-01", "-f", "markdown").stdout
    milestone = _milestones(run("status", "--as-of", "2021-02-01", "-f", "json").stdout)["a"]
    assert (milestone["rating"], milestone["label"]) == ("complete", "Blue")


def test_unknown_configuration_key_is_a_usage_error(run: Run, tiny: Path) -> None:
    write(tiny.parent.parent / "wfplan.toml", "due_whithin = 4\n")
    result = run("status")
    assert (result.exit_code, result.stdout) == (2, "")
    assert 'unknown configuration key "due_whithin"; did you mean "due_within"?' in result.stderr


# --- where the plans come from, and broken plans ---------------------------------------------


def test_no_arguments_reads_plans_folder(run: Run, plans_copy: Path) -> None:
    result = run("status", "--as-of", "2006-04-01")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.count("╭─") == 5


@pytest.mark.parametrize("command", ["status", "overdue"])
def test_no_arguments_outside_a_plan_repository(command: str, run: Run, workdir: Path) -> None:
    result = run(command)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"wfplan: error: no plans/ folder in {workdir} and no paths given; pass the folder that "
        "holds your plan files, or start one with `wfplan new PLAN_ID --title ...`\n"
    )


@pytest.mark.parametrize("command", ["status", "overdue"])
def test_invalid_plans_show_the_validate_diagnostics_and_exit_1(
    command: str, run: Run, workdir: Path
) -> None:
    write(workdir / "plans" / "bad.yaml", PLAN.replace("due: Dec 2021", "due: 31 Feb 2021"))
    result = run(command, "--as-of", "2021-06-15")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == run("validate").stdout + (
        f"wfplan: error: {command} reads every plan, and these files have errors: "
        "plans/bad.yaml; fix them first\n"
    )
    assert result.stderr.startswith(
        'plans/bad.yaml:17:10: error WF203 "31 Feb 2021" names a day that does not exist\n'
        "    hint: February 2021 has 28 days\n1 file checked: 1 error, 0 warnings\n"
    )


def test_warnings_alone_do_not_stop_a_status(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", PLAN.replace("due: Dec 2021", "due: tbc"))
    result = run("status", "--as-of", "2021-06-15")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "WF205" not in result.stdout and "1 undetermined" in result.stdout


# --- overdue --------------------------------------------------------------------------------


def test_overdue_owner_matches_case_insensitively_within_owner_lists(run: Run, tiny: Path) -> None:
    for owner in ("hr resourcing", "HEAD OF", "hr"):
        result = run("overdue", "--as-of", "2021-06-25", "--owner", owner, "-f", "json")
        assert [m["id"] for m in json.loads(result.stdout)["milestones"]] == ["late"], owner
    result = run("overdue", "--as-of", "2021-06-25", "--owner", "principal", "-f", "json")
    assert [m["id"] for m in json.loads(result.stdout)["milestones"]] == ["soon"]


def test_overdue_with_nothing_late(run: Run, tiny: Path) -> None:
    result = run("overdue", "--as-of", "2021-05-01", "--owner", "HR")
    assert (result.exit_code, result.stdout) == (
        0,
        'No overdue milestones with an owner matching "HR" as of 1 May 2021.\n',
    )
    data = json.loads(run("overdue", "--as-of", "2021-05-01", "-f", "json").stdout)
    assert data == {
        "as_of": "2021-05-01",
        "red_after": 0,
        "owner": None,
        "count": 0,
        "milestones": [],
    }
    assert run("overdue", "--as-of", "2021-05-01", "-f", "csv").stdout == (
        "plan,id,title,owners,due,due_date,days_overdue,rag,status\n"
    )


def test_overdue_empty_owner_is_a_usage_error(run: Run, tiny: Path) -> None:
    result = run("overdue", "--owner", " ")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--owner needs some text" in result.stderr


def test_overdue_csv_quotes_and_defuses_formulas(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        "wfplan: 1\nid: p\ntitle: P\nactions:\n"
        '  - {id: a, title: "=HYPERLINK(1), \\"quoted\\"", owner: [A, "B, C"], due: 2021-01-01}\n',
    )
    rows = list(
        csv.reader(io.StringIO(run("overdue", "--as-of", "2021-01-02", "-f", "csv").stdout))
    )
    assert rows[1] == [
        "p",
        "a",
        '\'=HYPERLINK(1), "quoted"',
        "A; B, C",
        "2021-01-01",
        "2021-01-01",
        "1",
        "Red",
        "not_started",
    ]


# --- text and Markdown safety ------------------------------------------------------------------


def test_plan_text_is_never_markup(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "p.yaml",
        'wfplan: 1\nid: p\ntitle: "[bold]Plan[/bold] | <b>x</b>"\nactions:\n'
        '  - id: a\n    title: "Pipes | and\\nnewlines *here*"\n    owner: "[Janet]"\n'
        "    due: 2021-01-01\n",
    )
    text = run("status", "--as-of", "2021-01-02").stdout
    assert "[bold]Plan[/bold] | <b>x</b>" in text and "[Janet]" in text
    markdown = run("status", "--as-of", "2021-01-02", "-f", "markdown").stdout
    assert "## \\[bold\\]Plan\\[/bold\\] \\| \\<b\\>x\\</b\\>: Red\n" in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Red |"))
    assert row == (
        "| Red | 1 Jan 2021 | 1 day late | Pipes \\| and newlines \\*here\\* (`a`) | \\[Janet\\] |"
    )


def test_text_output_has_no_trailing_spaces_and_no_colour_when_piped(
    run: Run, in_repo: Path
) -> None:
    out = run("status", "plans", "--as-of", "2006-04-01").stdout
    assert "\x1b[" not in out
    assert not re.search(r" +$", out, re.M)


class FakeStream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "env", "color"),
    [
        (True, {}, True),
        (False, {}, False),
        (True, {"NO_COLOR": "1"}, False),
        (True, {"CI": "true"}, False),
        (True, {"TERM": "dumb"}, False),
        (False, {"FORCE_COLOR": "1"}, True),
        (False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_colour_only_on_a_terminal_without_no_color_or_ci(
    tty: bool, env: dict[str, str], color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("NO_COLOR", "CI", "TERM", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("COLUMNS", "120")
    assert Terminal.detect(FakeStream(tty)) == Terminal(color, 120)


def test_colour_marks_the_ratings(run: Run, tiny: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run("status", "--as-of", "2021-06-15").stdout
    assert "\x1b[1;31mRed\x1b[0m" in out and "\x1b[1;33mAmber\x1b[0m" in out
