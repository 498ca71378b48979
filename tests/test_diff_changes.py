"""`wfplan diff` reports every change a reader of a plan cares about, each in its class.

Each test builds a real repository (base plan on `main`, the edit on `change`) and checks
the exact text report, so a change that slips through as "no changes to plans" fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.diffrepo import GIT_ENV, PLAN, PLAN_FILE, git, make_pair

HEADER = "demo (plans/demo.yaml, changed): Demo <workforce> plan | 2021"

MEASURES = """\
measures:
  - id: time-to-hire
    title: Average weeks to hire
    unit: weeks
    better: lower
    baseline: {as_of: Mar 2021, value: 13}
    target: {by: Mar 2023, value: 8}
    actuals:
      - {as_of: Sep 2021, value: 11}
"""
MEASURED = PLAN + MEASURES
REVISED = PLAN.replace(
    "        due: Mar 2022\n",
    "        due: Mar 2022\n        revised_due: Jun 2022\n"
    "        revision_reason: Members' meeting moved to June\n",
)


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


def diff(
    tmp_path: Path,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    head: str | None,
    *args: str,
    base: str = PLAN,
) -> tuple[int, list[str]]:
    repo = make_pair(tmp_path / "repo", {PLAN_FILE: base}, {PLAN_FILE: head})
    monkeypatch.chdir(repo)
    result = run("diff", "main", "change", *args)
    assert result.stderr == ""
    return result.exit_code, result.stdout.splitlines()


def test_title_renamed(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    head = PLAN.replace("title: Campaign launched\n", "title: Campaign launched online\n")
    assert diff(tmp_path, run, monkeypatch, head) == (
        0,
        [
            "main → change: 1 title changed",
            "",
            HEADER,
            '  plans/demo.yaml:14: [scope] title changed: campaign-launch "Campaign launched '
            'online": "Campaign launched" → "Campaign launched online"',
        ],
    )


def test_owner_changed(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    head = PLAN.replace("    owner: HR\n", "    owner: [HR, Workforce Development]\n")
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "ownership")
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 owner changed",
        [
            '  plans/demo.yaml:11: [ownership] owner changed: campaign "Run a recruitment '
            'campaign": HR → HR; Workforce Development'
        ],
    )


def test_measure_changes(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    head = (
        MEASURED.replace("value: 13}", "value: 12}")
        .replace("value: 8}", "value: 10}")
        .replace("value: 11}", "value: 10}\n      - {as_of: Mar 2022, value: 9}")
    )
    code, lines = diff(
        tmp_path, run, monkeypatch, head, "--fail-on", "target-weakened", base=MEASURED
    )
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 measure target weakened, 1 measure changed, 1 measure reading added, "
        "1 past measure reading changed",
        [
            "  plans/demo.yaml:43: [target-weakened] measure target weakened: time-to-hire "
            '"Average weeks to hire": target 8 by Mar 2023 → 10 by Mar 2023 (better: lower)',
            '  plans/demo.yaml:42: [measure] measure changed: time-to-hire "Average weeks to '
            'hire": baseline 13 (Mar 2021) → 12 (Mar 2021)',
            '  plans/demo.yaml:46: [measure] measure reading added: time-to-hire "Average weeks '
            'to hire": Mar 2022: 9 weeks',
            "  plans/demo.yaml:45: [record-correction] past measure reading changed: "
            'time-to-hire "Average weeks to hire": Sep 2021: 11 → 10 weeks',
        ],
    )


RELATIVE = PLAN.replace("        due: Mar 2022\n", "        due: +50 weeks\n")


def test_period_start_moves_relative_deadlines(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = RELATIVE.replace("start: 2021-04-01", "start: 2021-05-01")
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "silent-slip", base=RELATIVE)
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 deadline moved later by period.start (+30 days), 1 plan period changed",
        [
            "  plans/demo.yaml:22: [slip] deadline moved later by period.start: campaign-report "
            '"Report to members": due +50 weeks now ends 2022-04-16, not 2022-03-17 (+30 days), '
            "with no revised_due and revision_reason",
            '  plans/demo.yaml:4: [schedule] plan period changed: demo "Demo <workforce> plan | '
            '2021": period.start 2021-04-01 → 2021-05-01',
        ],
    )


def test_done_on_changed(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    head = PLAN.replace("done_on: 2021-09-10", "done_on: 2021-08-30")
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "record-correction")
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 completion date changed",
        [
            "  plans/demo.yaml:28: [record-correction] completion date changed: induction "
            '"New induction programme": done_on 2021-09-10 → 2021-08-30 (-11 days)'
        ],
    )


def test_due_changed_on_a_done_item(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = PLAN.replace(
        "    due: Sep 2021\n    status: done", "    due: Oct 2021\n    status: done"
    )
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "silent-slip")
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 deadline of a done milestone changed",
        [
            "  plans/demo.yaml:26: [record-correction] deadline of a done milestone changed: "
            'induction "New induction programme": due edited from Sep 2021 to Oct 2021 '
            "(+31 days) after it was done on 2021-09-10",
        ],
    )


def test_id_renamed_with_other_edits_is_a_rename(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = PLAN.replace("id: campaign-report", "id: members-report").replace(
        "due: Mar 2022", "due: Apr 2022"
    )
    code, lines = diff(
        tmp_path, run, monkeypatch, head, "--fail-on", "unfinished-removed", "--fail-on", "slip"
    )
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 id renamed, 1 deadline moved silently (+30 days)",
        [
            "  plans/demo.yaml:20: [record-correction] id renamed: members-report "
            '"Report to members": id campaign-report → members-report (same title)',
            '  plans/demo.yaml:22: [slip] deadline moved silently: members-report "Report to '
            'members": due edited from Mar 2022 to Apr 2022 (+30 days) with no revised_due and '
            "revision_reason",
        ],
    )


def test_rename_by_most_fields(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    head = PLAN.replace("id: campaign-report", "id: members-report").replace(
        "title: Report to members", "title: Report to elected members"
    )
    _code, lines = diff(tmp_path, run, monkeypatch, head)
    assert lines[3:] == [
        "  plans/demo.yaml:20: [record-correction] id renamed: members-report "
        '"Report to elected members": id campaign-report → members-report (2 of 3 fields '
        "the same)",
        '  plans/demo.yaml:21: [scope] title changed: members-report "Report to elected '
        'members": "Report to members" → "Report to elected members"',
    ]


def test_review_depends_on_timescale(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = PLAN.replace("themes:\n", "review: {due: 2021-12, by: Head of Service}\nthemes:\n")
    head = base.replace("due: 2021-12,", "due: 2022-03,").replace(
        "    title: New induction programme\n",
        "    title: New induction programme\n"
        "    depends_on: [campaign]\n    timescale: Autumn 2021\n",
    )
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "slip", base=base)
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 review postponed, 1 dependencies changed, 1 timescale changed",
        [
            '  plans/demo.yaml:5: [slip] review postponed: demo "Demo <workforce> plan | 2021": '
            "review.due 2021-12 → 2022-03 (+90 days)",
            '  plans/demo.yaml:27: [scope] dependencies changed: induction "New induction '
            'programme": depends_on none → campaign',
            '  plans/demo.yaml:28: [record-correction] timescale changed: induction "New '
            'induction programme": timescale none → "Autumn 2021"',
        ],
    )


def test_revision_moved_again_with_the_old_reason_is_silent(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = REVISED.replace("revised_due: Jun 2022", "revised_due: Sep 2022")
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "silent-slip", base=REVISED)
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 deadline revised again with the old reason (+92 days)",
        [
            "  plans/demo.yaml:23: [slip] deadline revised again with the old reason: "
            'campaign-report "Report to members": revised_due Jun 2022 → Sep 2022 (+92 days), '
            'reason still "Members\' meeting moved to June"',
        ],
    )
    # A new reason makes it a recorded slip, which --fail-on silent-slip lets through.
    fresh = head.replace("moved to June", "moved to September")
    repo = make_pair(tmp_path / "fresh", {PLAN_FILE: REVISED}, {PLAN_FILE: fresh})
    monkeypatch.chdir(repo)
    assert run("diff", "main", "change", "--fail-on", "silent-slip").exit_code == 0


@pytest.mark.parametrize(
    ("edit", "detail"),
    [
        (("value: 85%", "value: 80%"), "value 85% → 80%"),
        (("by: 2023}", "by: 2024}"), "by 2023 → 2024 (+366 days)"),
    ],
)
def test_target_weakened(
    edit: tuple[str, str],
    detail: str,
    tmp_path: Path,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    head = PLAN.replace(*edit)
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "target-weakened")
    assert (code, lines[0], lines[3:]) == (
        1,
        "main → change: 1 target weakened",
        [
            "  plans/demo.yaml:36: [target-weakened] target weakened: permanent-85 "
            f'"permanent-85": {detail}',
        ],
    )
    result = run("diff", "main", "change", "-f", "github")
    assert result.stdout.splitlines()[0] == (
        "::warning file=plans/demo.yaml,line=36,col=5,title=wfplan%3A target weakened::"
        f'[target-weakened] permanent-85 "permanent-85": {detail.replace("%", "%25")}'
    )


def test_target_raised_is_not_weakened(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = PLAN.replace("value: 85%", "value: 90%")
    code, lines = diff(tmp_path, run, monkeypatch, head, "--fail-on", "target-weakened")
    assert (code, lines[3:]) == (
        0,
        [
            '  plans/demo.yaml:36: [target] target changed: permanent-85 "permanent-85": '
            "value 85% → 90%"
        ],
    )


def test_deleting_a_plan_with_unfinished_work_is_a_silent_slip(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, lines = diff(tmp_path, run, monkeypatch, None, "--fail-on", "silent-slip")
    assert (code, lines) == (
        1,
        [
            "main → change: 1 plan removed (3 unfinished)",
            "",
            "demo (plans/demo.yaml, removed): Demo <workforce> plan | 2021",
            '  plans/demo.yaml:1: [scope] plan removed: demo "Demo <workforce> plan | 2021": '
            "unfinished: campaign-launch, campaign-review, campaign-report",
        ],
    )


def test_removal_is_shown_where_the_lines_were_deleted(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = PLAN.replace(
        "      - id: campaign-review\n        title: Campaign reviewed | *members* <b>told</b>\n"
        "        due: Dec 2021\n",
        "",
    )
    _code, lines = diff(tmp_path, run, monkeypatch, head, "-f", "github")
    # Line 17 of the new file is the first line after the deleted block (in the PR's diff).
    assert lines[0] == (
        "::warning file=plans/demo.yaml,line=17,col=1,title=wfplan%3A unfinished milestone "
        'removed::[scope] campaign-review "Campaign reviewed | *members* <b>told</b>"'
    )


def test_other_fields_are_never_no_change(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = PLAN.replace("    owner: HR\n", "    owner: HR\n    notes: Budget agreed\n")
    _code, lines = diff(tmp_path, run, monkeypatch, head)
    assert lines == [
        "main → change: 1 other field changed",
        "",
        HEADER,
        '  plans/demo.yaml:12: [other] other field changed: campaign "Run a recruitment '
        'campaign": notes none → "Budget agreed"',
    ]


def test_layout_only_edits_say_so(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = "# Reviewed at the March board\n" + PLAN
    assert diff(tmp_path, run, monkeypatch, head) == (
        0,
        ["main → change: no changes to plans (1 plan's files edited: comments, layout or order)"],
    )


def test_markdown_header_keeps_revisions_verbatim(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_pair(
        tmp_path / "r", {PLAN_FILE: PLAN}, {PLAN_FILE: PLAN.replace("Jun 2021", "Jul 2021")}
    )
    monkeypatch.chdir(repo)
    result = run("diff", "HEAD~1", "HEAD", "-f", "markdown")
    assert result.stdout.splitlines()[0] == (
        "**wfplan diff:** 1 deadline moved silently (+31 days) (`HEAD~1` → `HEAD`)"
    )


def test_merge_base_revisions(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    # main moves on after the branch: a deadline revised there must not show up reversed.
    repo = make_pair(
        tmp_path / "r",
        {PLAN_FILE: PLAN},
        {PLAN_FILE: PLAN.replace("Campaign launched\n", "Launch\n")},
    )
    git(repo, "checkout", "-q", "main")
    (repo / PLAN_FILE).write_text(REVISED, "utf-8")
    git(repo, "commit", "-q", "-am", "Revision on main")
    git(repo, "checkout", "-q", "change")
    monkeypatch.chdir(repo)
    tip = run("diff", "main", "change").stdout.splitlines()[0]
    assert tip == "main → change: 1 revised deadline withdrawn, 1 title changed"
    result = run("diff", "main...change")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == "main...change → change: 1 title changed"
    assert run("diff", "main...").stdout.splitlines()[0] == (
        "main... → working tree: 1 title changed"
    )
    missing = run("diff", "main...nowhere")
    assert (missing.exit_code, missing.stderr) == (
        2,
        'wfplan: error: unknown revision "nowhere": check the branch, tag or commit name '
        "(`git branch -a` lists branches)\n",
    )


def test_fail_on_choices_are_the_registry() -> None:
    from workforce_cli.cli.track import DiffFailOn
    from workforce_cli.diff.results import FAIL_ON

    assert tuple(c.value for c in DiffFailOn) == FAIL_ON


def test_docs_list_every_kind_and_class() -> None:
    from tests.conftest import REPO
    from workforce_cli.diff.results import CLASSES, KINDS

    readme = (REPO / "docs" / "commands.md").read_text("utf-8")
    table = readme[readme.index("### Classes and kinds of change") :]
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (.*) \|$", table, re.M))
    assert list(rows)[: len(CLASSES)] == list(CLASSES)
    for kind, (_, _, cls) in KINDS.items():
        assert f"`{kind}`" in rows[cls], kind


def test_line_map_places_deletions_where_the_new_file_shows_them() -> None:
    from workforce_cli.diff.common import line_map

    old = ["a", "b", "c", "d", "e"]
    assert line_map(old, old) == [1, 2, 3, 4, 5, 5]
    # "c" and "d" deleted: both map to the line after the deletion ("e", now line 3).
    assert line_map(old, ["a", "b", "e"]) == [1, 2, 3, 3, 3, 3]
    # A line added above shifts the rest; a deletion at the end maps to the last line.
    assert line_map(old, ["x", "a", "b", "c", "d"]) == [2, 3, 4, 5, 5, 5]
    assert line_map(["a"], []) == [1, 1]


def test_a_staffing_files_own_fields(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.diffrepo import STAFFING_FILE

    where = "plans/staffing/demo-2022-03.yaml"
    noted = STAFFING_FILE.replace("plan: demo\n", "plan: demo\nnotes: From the HR system\n")
    repo = make_pair(
        tmp_path / "r",
        {PLAN_FILE: PLAN, where: STAFFING_FILE},
        {PLAN_FILE: PLAN, where: noted},
    )
    monkeypatch.chdir(repo)
    assert run("diff", "main", "change").stdout.splitlines() == [
        "main → change: 1 other field changed",
        "",
        HEADER,
        f'  {where}:4: [other] other field changed: demo "staffing file {where}": '
        'notes none → "From the HR system"',
    ]
