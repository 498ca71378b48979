"""`wfplan diff` on real git repositories: exact output in every format, and exit codes.

Golden files live in tests/golden/diff/; regenerate them with WFPLAN_REGEN_GOLDEN=1 and
read the change before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.diffrepo import GIT_ENV, PLAN, PLAN_FILE, SCENARIOS, apply, git, make_repo

GOLDEN = Path(__file__).parent / "golden" / "diff"
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json", "github": "github.txt"}
# A plan that fails at the head revision fails the diff, whatever --fail-on says.
EXIT = {name: 1 if name == "breaks-at-head" else 0 for name in SCENARIOS}


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("diff")
    previous = {k: os.environ.get(k) for k in GIT_ENV}
    os.environ.update(GIT_ENV)
    try:
        return {name: make_repo(root / name, name) for name in SCENARIOS}
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("WFPLAN_REGEN_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


@pytest.mark.parametrize("output_format", list(EXTENSIONS))
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_golden(
    scenario: str,
    output_format: str,
    repos: dict[str, Path],
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repos[scenario])
    result = run("diff", "main", "change", "--format", output_format)
    assert (result.exit_code, result.stderr) == (EXIT[scenario], "")
    check_golden(f"{scenario}.{EXTENSIONS[output_format]}", result.stdout)
    if output_format == "markdown":  # a re-run edits a PR comment without noise
        assert run("diff", "main", "change", "--format", output_format).stdout == result.stdout


def test_json_is_a_document(
    repos: dict[str, Path], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repos["silent-slip"])
    data = json.loads(run("diff", "main", "change", "-f", "json").stdout)
    (change,) = data["plans"][0]["changes"]
    assert (change["kind"], change["days"], change["line"], change["column"]) == (
        "silent_slip",
        59,
        19,
        14,
    )
    assert data["counts"]["silent_slip"] == 1 and data["failing"] is False


def test_fail_on_silent_slip(
    repos: dict[str, Path], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repos["silent-slip"])
    result = run("diff", "main", "change", "-f", "github", "--fail-on", "silent-slip")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(
        "::error file=plans/demo.yaml,line=19,col=14,title=wfplan%3A deadline moved silently::"
    )
    # Only the named condition fails: a recorded slip or a completion never does.
    for scenario in ("recorded-slip", "completed", "staffing", "removed-unfinished"):
        monkeypatch.chdir(repos[scenario])
        assert run("diff", "main", "change", "--fail-on", "silent-slip").exit_code == 0


def test_fail_on_unfinished_removed(
    repos: dict[str, Path], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repos["removed-unfinished"])
    result = run("diff", "main", "change", "--fail-on", "unfinished-removed", "-f", "github")
    assert result.exit_code == 1
    # Shown at the first line after the deleted block, inside the pull request's diff.
    assert result.stdout.startswith("::error file=plans/demo.yaml,line=20,col=1,")
    monkeypatch.chdir(repos["silent-slip"])
    assert run("diff", "main", "change", "--fail-on", "unfinished-removed").exit_code == 0


def test_bad_fail_on_is_a_usage_error(
    repos: dict[str, Path], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repos["silent-slip"])
    result = run("diff", "main", "--fail-on", "slipped")
    assert result.exit_code == 2
    assert "'slipped' is not one of 'silent-slip', 'unfinished-removed', 'slip'," in result.stderr


def test_head_defaults_to_the_working_tree(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "r", "silent-slip")
    git(repo, "checkout", "-q", "main")
    apply(repo, SCENARIOS["silent-slip"])  # the same edit, not yet committed
    monkeypatch.chdir(repo)
    result = run("diff", "main")
    expected = (GOLDEN / "silent-slip.txt").read_text("utf-8")
    assert result.stdout == expected.replace("main → change", "main → working tree", 1)
    assert result.exit_code == 0
    # A path argument is a path, not a revision, and restricts the files read.
    assert run("diff", "main", "plans").stdout == result.stdout
    assert run("diff", "main", "change", "plans/demo.yaml").stdout == expected
    assert run("diff", "main", "change", "other").exit_code == 2


def test_plan_fixed_at_head_is_reported_but_passes(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = PLAN.replace("status: in_progress", "status: finished")
    repo = make_repo(tmp_path / "r", "completed", base={PLAN_FILE: broken})
    monkeypatch.chdir(repo)
    result = run("diff", "main", "change")
    assert result.exit_code == 0
    assert result.stdout == (
        "main → change: 1 plan failed to load at the base revision\n\n"
        "demo (plans/demo.yaml, changed): Demo <workforce> plan | 2021\n"
        "  failed to load at the base revision: 1 error; first: plans/demo.yaml:16:17: WF104 "
        '`status` cannot be "finished" in milestone "campaign-launch"\n'
    )


def test_new_file_with_a_yaml_error_fails(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = make_repo(tmp_path / "r", "renamed")
    (repo / "plans" / "draft.yaml").write_text("title: [unclosed\n", "utf-8")
    monkeypatch.chdir(repo)
    result = run("diff", "change")
    assert result.exit_code == 1
    assert result.stdout == (
        "change → working tree: 1 plan fails to load at the head revision\n\n"
        "plans/draft.yaml (added)\n"
        "  fails to load at the head revision: 1 error; first: plans/draft.yaml:2:1: WF004 "
        "YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence "
        "(it starts at line 1)\n"
    )


def test_plan_added_and_removed(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    other = PLAN.replace("id: demo", "id: other").replace(
        "status: done\n    done_on: 2021-09-10", "status: in_progress"
    )
    repo = make_repo(tmp_path / "r", "completed", base={PLAN_FILE: other})
    monkeypatch.chdir(repo)
    result = run("diff", "main", "change", "--fail-on", "unfinished-removed")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "main → change: 1 plan added, 1 plan removed (4 unfinished)"
    )


def test_shallow_clone(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    origin = make_repo(tmp_path / "origin", "silent-slip")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "change", origin.as_uri(), str(clone))
    monkeypatch.chdir(clone)
    missing = run("diff", "origin/main")
    assert missing.exit_code == 2
    hint = "git fetch --depth=1 origin +refs/heads/main:refs/remotes/origin/main"
    assert missing.stderr == (
        'wfplan: error: unknown revision "origin/main": this is a shallow clone: fetch it '
        f"first, e.g. `{hint}`\n"
    )
    git(clone, *hint.split()[1:])  # the command the hint gives works as given
    result = run("diff", "origin/main")
    expected = (GOLDEN / "silent-slip.txt").read_text("utf-8")
    assert result.stdout == expected.replace("main → change", "origin/main → working tree", 1)
    branch = run("diff", "main")
    hint = "git fetch --depth=1 origin +refs/heads/main:refs/heads/main"
    assert branch.stderr.endswith(f"e.g. `{hint}`\n")
    git(clone, *hint.split()[1:])
    assert run("diff", "main").exit_code == 0


def test_outside_git(workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(workdir.parent))
    (workdir / "plans").mkdir()
    (workdir / "plans" / "demo.yaml").write_text(PLAN, "utf-8")
    result = run("diff", "main")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"wfplan: error: {workdir} is not inside a git repository; wfplan diff compares two "
        "revisions of the plans, so run it in a clone of the plan repository\n"
    )


def test_unknown_revision_and_no_files(
    repos: dict[str, Path], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repos["completed"])
    result = run("diff", "mian")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'wfplan: error: unknown revision "mian": check the branch, tag or commit name '
        "(`git branch -a` lists branches)\n"
    )
    assert run("diff", "--", "-x").exit_code == 2
    result = run("diff", "main", "change", "nowhere")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: no plan files (*.yaml, *.yml) in nowhere at main nor at change\n"
    )
    result = run("diff", "main", "chnage")
    assert result.stderr == (
        "wfplan: error: no plan files (*.yaml, *.yml) in chnage at main nor at the working "
        'tree; "chnage" is not a revision either\n'
    )
