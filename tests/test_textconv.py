"""`git diff` and `git log -p` on plans show plan-level changes, through `wfplan diff
--textconv` as git's textconv driver (the recipe the README gives)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import Run, write
from tests.diffrepo import GIT_ENV, PLAN, git, make_repo

RELATIVE = PLAN.replace("        due: Mar 2022\n", "        due: +50 weeks\n")


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


def test_a_plan_as_facts(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", RELATIVE)
    result = run("diff", "--textconv", "plans/demo.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "plan demo: title: Demo <workforce> plan | 2021\n"
        "plan demo: period.start: 2021-04-01\n"
        "plan demo: period.end: 2023 (ends 2023-12-31)\n"
        "theme recruit: title: Recruitment\n"
        "action campaign: title: Run a recruitment campaign\n"
        "action campaign: theme: recruit\n"
        "action campaign: owner: HR\n"
        "milestone campaign-launch (action campaign): due: Jun 2021 (ends 2021-06-30)\n"
        "milestone campaign-launch (action campaign): status: in_progress\n"
        "milestone campaign-launch (action campaign): title: Campaign launched\n"
        "milestone campaign-report (action campaign): due: +50 weeks (ends 2022-03-17)\n"
        "milestone campaign-report (action campaign): title: Report to members\n"
        "milestone campaign-review (action campaign): due: Dec 2021 (ends 2021-12-31)\n"
        "milestone campaign-review (action campaign): title: Campaign reviewed | *members* "
        "<b>told</b>\n"
        "action induction: due: Sep 2021 (ends 2021-09-30)\n"
        "action induction: status: done\n"
        "action induction: done_on: 2021-09-10\n"
        "action induction: title: New induction programme\n"
        "action induction: theme: recruit\n"
        "plan demo: staffing unit: fte\n"
        "snapshot Mar 2021 (ends 2021-03-31): team Assessment: permanent 20, agency 5, vacant 2\n"
        "snapshot Mar 2021 (ends 2021-03-31): team Looked after children: permanent 15, "
        "agency 3, vacant 1\n"
        "target permanent-85: metric: permanent_share\n"
        "target permanent-85: value: 85%\n"
        "target permanent-85: by: 2023 (ends 2023-12-31)\n"
    )
    # Not a plan (broken YAML): shown as it is, so git still shows the lines.
    write(workdir / "plans" / "draft.yaml", "title: [unclosed\n")
    assert run("diff", "--textconv", "plans/draft.yaml").stdout == "title: [unclosed\n"
    assert run("diff", "--textconv", "plans/missing.yaml").exit_code == 2


def _configure(repo: Path) -> None:
    """The README's recipe, with this interpreter standing in for `wfplan`."""
    write(repo / ".gitattributes", "*.yaml diff=wfplan\n*.yml diff=wfplan\n")
    git(
        repo, "config", "diff.wfplan.textconv", f"{sys.executable} -m workforce_cli diff --textconv"
    )


def _hunks(output: str) -> list[str]:
    return [
        line
        for line in output.splitlines()
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]


def test_git_diff_shows_plan_changes(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "slip", "silent-slip")
    _configure(repo)
    assert _hunks(git(repo, "diff", "main", "change")) == [
        "-milestone campaign-review (action campaign): due: Dec 2021 (ends 2021-12-31)",
        "+milestone campaign-review (action campaign): due: Feb 2022 (ends 2022-02-28)",
    ]
    assert _hunks(git(repo, "log", "-p", "-1", "change")) == _hunks(
        git(repo, "diff", "main", "change")
    )
    # Re-ordering keys and blocks changes nothing a reader cares about: no lines at all.
    repo = make_repo(tmp_path / "reordered", "reordered")
    _configure(repo)
    assert _hunks(git(repo, "diff", "main", "change")) == []


def test_period_start_shows_every_deadline_it_moves(tmp_path: Path) -> None:
    from tests.diffrepo import make_pair

    moved = RELATIVE.replace("start: 2021-04-01", "start: 2021-05-01")
    repo = make_pair(tmp_path / "r", {"plans/demo.yaml": RELATIVE}, {"plans/demo.yaml": moved})
    _configure(repo)
    assert _hunks(git(repo, "diff", "main", "change")) == [
        "-plan demo: period.start: 2021-04-01",
        "+plan demo: period.start: 2021-05-01",
        "-milestone campaign-report (action campaign): due: +50 weeks (ends 2022-03-17)",
        "+milestone campaign-report (action campaign): due: +50 weeks (ends 2022-04-16)",
    ]


def test_a_staffing_file_as_facts(run: Run, workdir: Path) -> None:
    from tests.diffrepo import STAFFING_FILE

    write(workdir / "plans" / "staffing.yaml", STAFFING_FILE)
    assert run("diff", "--textconv", "plans/staffing.yaml").stdout == (
        "staffing file for plan demo: unit: fte\n"
        "snapshot Mar 2022 (ends 2022-03-31): team Assessment: permanent 23, agency 2, vacant 2\n"
        "snapshot Mar 2022 (ends 2022-03-31): team Looked after children: permanent 16, "
        "agency 2, vacant 1\n"
    )
