"""A share written as a fraction (0.85 for 85%) is caught, not read as 0.85%."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Run, write

PLAN = """\
wfplan: 1
id: demo
title: Demo plan
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: A, permanent: 20, agency: 5, vacant: 2}
      stated_totals: {permanent_share: 0.8}
"""


def test_a_stated_rate_written_as_a_fraction_gets_a_did_you_mean(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", PLAN)
    result = run("validate")
    assert result.stdout == (
        "plans/demo.yaml:9:40: error WF501 stated permanent_share is 0.8% but the rows give "
        "80.00%\n"
        "    hint: did you mean 80%? A stated rate is a percentage: write `80%`\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


def test_a_fraction_target_stops_status_with_its_line(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "demo.yaml",
        PLAN.replace("      stated_totals: {permanent_share: 0.8}\n", "")
        + "targets:\n  - {id: perm, metric: permanent_share, value: 0.85, by: 2030}\n",
    )
    result = run("status", "--as-of", "2022")
    assert result.exit_code == 1
    assert 'plans/demo.yaml:10:48: error WF509 target "perm" has value 0.85' in (
        result.stdout + result.stderr
    )


def test_a_target_value_of_true_is_not_read_as_one_percent(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "demo.yaml",
        "wfplan: 1\nid: demo\ntitle: Demo plan\n"
        "targets:\n  - {id: t, metric: agency_rate, value: true, by: 2030}\n",
    )
    result = run("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        'plans/demo.yaml:5:41: error WF104 `value` in target "t": expected a percentage '
        '("92%", "80:20" or 92), not true\n'
    )


def test_true_is_not_one_fte_nor_a_reading_of_one(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "demo.yaml",
        "wfplan: 1\nid: demo\ntitle: Demo plan\nstaffing:\n  snapshots:\n    - as_of: 2021\n"
        "      teams:\n        - {team: A, permanent: true, agency: 1, vacant: 1}\n"
        "measures:\n  - {id: m, title: M, better: lower, baseline: {as_of: 2020, value: yes}}\n"
        "  - {id: n, title: N, better: lower, baseline: {as_of: 2020, value: false}}\n",
    )
    assert run("validate").stdout == (
        'plans/demo.yaml:8:32: error WF104 `permanent` in team row "A": expected a number, '
        "not true\n"
        'plans/demo.yaml:10:69: error WF103 `value` should be a number, not text "yes" in '
        'measure "m"\n'
        'plans/demo.yaml:11:69: error WF104 `value` in measure "n": expected a number, not false\n'
        "1 file checked: 3 errors, 0 warnings\n"
    )
