"""Adopting wfplan in a repository with problems: a baseline, inline suppressions with a
reason, per-rule severity in wfplan.toml, and suppressions that outlive their problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, write
from tests.diffrepo import GIT_ENV, PLAN, PLAN_FILE, make_pair

TBC = """\
wfplan: 1
id: demo
title: Demo
actions:
  - id: a1
    title: First
    due: tbc
  - id: a2
    title: Second
    due: tbc
"""


def test_inline_suppression_needs_a_reason_and_is_reported_when_unused(
    run: Run, workdir: Path
) -> None:
    write(workdir / "plans" / "a.yaml", TBC)
    result = run("validate")
    assert result.stdout.splitlines()[-1] == "1 file checked: 0 errors, 2 warnings"
    write(
        workdir / "plans" / "a.yaml",
        TBC.replace(
            "    due: tbc\n",
            "    due: tbc  # wfplan: ignore WF205 -- date agreed at the next board\n",
            1,
        ).replace(
            "  - id: a2\n",
            "  # wfplan: ignore WF205\n  - id: a2\n",
        )
        + "  # wfplan: ignore WF404, WF999 -- old revision\n",
    )
    result = run("validate")
    assert (result.exit_code, result.stdout) == (
        1,
        "plans/a.yaml:8:3: error WF601 suppression of WF205 gives no reason\n"
        "    hint: say why after two hyphens: # wfplan: ignore WF205 -- agreed at the board\n"
        'plans/a.yaml:11:10: warning WF205 "a2" has no deadline yet (due: tbc)\n'
        "    hint: it will never show as overdue; set a date when one is agreed\n"
        'plans/a.yaml:12:3: error WF601 suppression names no known code ("WF999")\n'
        '    hint: did you mean "WF509"?\n'
        "1 file checked: 2 errors, 1 warning\n",
    )


def test_unused_suppression_and_own_line_comments(run: Run, workdir: Path) -> None:
    text = TBC.replace(
        "  - id: a2\n    title: Second\n    due: tbc\n",
        "  - id: a2\n    title: Second\n    # wfplan: ignore WF205 -- the board sets it in May\n"
        "    due: tbc\n",
    ).replace("    title: First\n", "    title: First  # wfplan: ignore WF205 -- wrong line\n")
    write(workdir / "plans" / "a.yaml", text)
    result = run("validate")
    assert result.stdout == (
        "plans/a.yaml:6:19: warning WF602 suppression of WF205 is unused: line 6 has no WF205\n"
        "    hint: remove it (the problem it hid is gone)\n"
        'plans/a.yaml:7:10: warning WF205 "a1" has no deadline yet (due: tbc)\n'
        "    hint: it will never show as overdue; set a date when one is agreed\n"
        "1 file checked: 0 errors, 2 warnings\n"
    )
    assert result.exit_code == 0


def test_severity_in_the_configuration(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "a.yaml", TBC)
    write(workdir / "wfplan.toml", '[severity]\nWF205 = "error"\n')
    result = run("validate")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("plans/a.yaml:7:10: error WF205 ")
    # status refuses plans with errors, whatever made them errors.
    assert run("status").exit_code == 1
    write(workdir / "wfplan.toml", '[severity]\nWF205 = "off"\n')
    assert run("validate").stdout == "1 file checked: no problems found\n"
    write(workdir / "wfplan.toml", '[severity]\nWF2055 = "off"\n')
    result = run("validate")
    assert (result.exit_code, result.stderr) == (
        2,
        'wfplan: error: wfplan.toml: `severity` names the unknown code "WF2055"; '
        'did you mean "WF205"?\n',
    )
    write(workdir / "wfplan.toml", '[severity]\nWF205 = "loud"\n')
    assert "maps codes to" in run("validate").stderr


def test_baseline(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "a.yaml", TBC)
    missing = run("validate", "--baseline", "wfplan-baseline.json")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "wfplan: error: no baseline at wfplan-baseline.json: record today's findings with "
        "`wfplan validate --baseline wfplan-baseline.json --update-baseline`\n",
    )
    recorded = run("validate", "--update-baseline", "--strict")
    assert (recorded.exit_code, recorded.stdout, recorded.stderr) == (
        0,
        "1 file checked: no problems found\n",
        "wfplan: recorded 2 findings in wfplan-baseline.json\n",
    )
    data = json.loads((workdir / "wfplan-baseline.json").read_text("utf-8"))
    assert [(e["file"], e["code"]) for e in data["findings"]] == [("plans/a.yaml", "WF205")] * 2
    # Unrelated edits (lines added above, another file) keep the old findings known.
    write(
        workdir / "plans" / "a.yaml",
        "# Kept by the workforce team\n" + TBC + "  - id: a3\n    title: Third\n    due: tbc\n",
    )
    result = run("validate", "--baseline", "wfplan-baseline.json", "--strict")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        'plans/a.yaml:14:10: warning WF205 "a3" has no deadline yet (due: tbc)\n'
        "    hint: it will never show as overdue; set a date when one is agreed\n"
        "1 file checked: 0 errors, 1 warning\n",
        "wfplan: 2 known findings in wfplan-baseline.json not shown\n",
    )
    write(workdir / "plans" / "a.yaml", TBC.replace("due: tbc", "due: Mar 2022", 1))
    result = run("validate", "--baseline", "wfplan-baseline.json", "--strict")
    assert (result.exit_code, result.stderr) == (
        0,
        "wfplan: 1 known finding in wfplan-baseline.json not shown; 1 of its entries are "
        "fixed (--update-baseline drops them)\n",
    )
    write(workdir / "wfplan-baseline.json", "[]")
    assert (
        "is not a wfplan baseline" in run("validate", "--baseline", "wfplan-baseline.json").stderr
    )


def test_editing_commands_follow_the_configured_severity(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "a.yaml", TBC)
    write(workdir / "wfplan.toml", '[severity]\nWF205 = "error"\n')
    result = run("done", "a1", "--on", "2022-01-10")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("plans/a.yaml:7:10: error WF205 ")
    write(workdir / "wfplan.toml", '[severity]\nWF205 = "warning"\n')
    assert run("done", "a1", "--on", "2022-01-10").exit_code == 0


def test_diff_checks_the_head_as_validate_does(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    suppressed = PLAN.replace(
        "        due: Mar 2022\n",
        "        due: Mar 2022\n"
        "        revised_due: Jun 2022  # wfplan: ignore WF403 -- reason in the board minutes\n",
    )
    repo = make_pair(tmp_path / "r", {PLAN_FILE: PLAN}, {PLAN_FILE: suppressed})
    monkeypatch.chdir(repo)
    assert run("validate").exit_code == 0
    result = run("diff", "main", "change")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        0,
        "main → change: 1 deadline revised with a reason (+91 days)",
    )
    write(repo / PLAN_FILE, PLAN.replace("due: Dec 2021", "due: tbc"))
    write(repo / "wfplan.toml", '[severity]\nWF205 = "error"\n')
    assert run("validate").exit_code == 1
    result = run("diff", "main")
    assert result.exit_code == 1
    assert "fails to load at the head revision: 1 error; first: plans/demo.yaml:19:14: WF205" in (
        result.stdout
    )
