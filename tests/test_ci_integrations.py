"""The ready-made integrations: pre-commit hooks and the GitHub and GitLab CI examples.

The CI examples are run, not just parsed: every `wfplan` and `git fetch` line they hold is
executed with its variables filled in, in a shallow clone of a real repository, as CI would.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO, Run, write
from tests.diffrepo import GIT_ENV, git, make_repo

GOLDEN = Path(__file__).parent / "golden" / "diff"


def read_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8"))


def test_pre_commit_hooks_are_declared() -> None:
    hooks = {hook["id"]: hook for hook in read_yaml(REPO / ".pre-commit-hooks.yaml")}
    assert list(hooks) == ["wfplan-validate", "wfplan-schema-check"]
    validate, schema = hooks["wfplan-validate"], hooks["wfplan-schema-check"]
    assert (validate["entry"], validate["language"], validate["pass_filenames"]) == (
        "wfplan validate",
        "python",
        False,
    )
    pattern = re.compile(validate["files"])
    for name in ("plans/a.yaml", "plans/staffing/b.yml", "council/plans/c.yaml"):
        assert pattern.search(name), name
    for name in ("src/a.yaml", "plans/readme.md", "myplans/a.yaml"):
        assert not pattern.search(name), name
    assert (schema["entry"], schema["always_run"], schema["pass_filenames"]) == (
        "wfplan schema --check",
        True,
        False,
    )


def test_pre_commit_entries_run(plans_copy: Path, run: Run) -> None:
    hooks = {hook["id"]: hook for hook in read_yaml(REPO / ".pre-commit-hooks.yaml")}
    validate = shlex.split(hooks["wfplan-validate"]["entry"])[1:]
    assert run(*validate).exit_code == 0
    write(plans_copy / "broken.yaml", "wfplan: 1\nid: Broken\n")
    result = run(*validate)
    assert result.exit_code == 1
    assert "plans/broken.yaml:2:5: error WF104" in result.stdout
    schema = shlex.split(hooks["wfplan-schema-check"]["entry"])[1:]
    assert run(*schema).exit_code == 1  # no schemas/ yet: stale
    assert run("schema").exit_code == 0
    assert run(*schema).exit_code == 0


def _commands(lines: list[str], variables: dict[str, str]) -> list[str]:
    found = []
    for line in lines:
        for name, value in variables.items():
            line = line.replace(name, value)
        if line.startswith(("wfplan ", "git fetch ")):
            found.append(line)
    return found


def _github_lines() -> list[str]:
    workflow = read_yaml(REPO / "examples" / "github" / "wfplan.yml")
    assert workflow["on"]["pull_request"]["paths"] == ["plans/**", "wfplan.toml"]
    assert workflow["permissions"]["pull-requests"] == "write"
    steps = workflow["jobs"]["plans"]["steps"]
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)
    return [s["run"] for s in steps if "run" in s]


def _gitlab_lines() -> list[str]:
    job = read_yaml(REPO / "examples" / "gitlab" / ".gitlab-ci.yml")["wfplan"]
    assert job["artifacts"]["paths"] == ["wfplan-diff.md"]
    return [*job["before_script"], *job["script"]]


EXAMPLES = {
    "github": (_github_lines, {"${{ github.base_ref }}": "main"}),
    "gitlab": (_gitlab_lines, {"$CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}),
}


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_ci_example_runs(example: str, tmp_path: Path) -> None:
    lines, variables = EXAMPLES[example]
    commands = _commands(lines(), variables)
    assert [c.split()[:2] for c in commands] == [
        ["git", "fetch"],
        ["wfplan", "validate"],
        *([["wfplan", "diff"]] * 2),
    ]
    env = {**os.environ, **GIT_ENV, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    origin = make_repo(tmp_path / "origin", "silent-slip")
    clone = tmp_path / "clone"
    # As actions/checkout and GitLab do: the pull request's tip only, base fetched by the job.
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "change", origin.as_uri(), str(clone))
    codes = [
        subprocess.run(["bash", "-c", c], cwd=clone, env=env, capture_output=True).returncode
        for c in commands
    ]
    assert codes[:2] == [0, 0]
    # The annotation/fail step fails the job on the silent slip; the report step does not.
    assert sorted(codes[2:]) == [0, 1]
    expected = (GOLDEN / "silent-slip.md").read_text("utf-8")
    report = (clone / "wfplan-diff.md").read_text("utf-8")
    assert report == expected.replace("(`main` → `change`)", "(`origin/main` → working tree)")
