"""The ready-made integrations: pre-commit hooks and the GitHub and GitLab CI examples.

The CI examples are run, not just parsed: every `wfplan` and `git fetch` line they hold is
executed with its variables filled in, in a shallow clone of a real repository, as CI would.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO, Run, write
from tests.diffrepo import GIT_ENV, git, make_repo
from workforce_cli import __version__

GOLDEN = Path(__file__).parent / "golden" / "diff"


def read_yaml(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8"))


def test_pre_commit_hooks_are_declared() -> None:
    hooks = {hook["id"]: hook for hook in read_yaml(REPO / ".pre-commit-hooks.yaml")}
    assert list(hooks) == ["wfplan-validate", "wfplan-schema-check"]
    validate, schema = hooks["wfplan-validate"], hooks["wfplan-schema-check"]
    assert (validate["entry"], validate["language"], validate["pass_filenames"]) == (
        "wfplan validate --tracked",
        "python",
        False,
    )
    pattern = re.compile(validate["files"])
    for name in ("plans/a.yaml", "plans/staffing/b.yml", "council/plans/c.yaml"):
        assert pattern.search(name), name
    for name in ("src/a.yaml", "plans/readme.md", "myplans/a.yaml"):
        assert not pattern.search(name), name
    assert (schema["entry"], schema["always_run"], schema["pass_filenames"]) == (
        "wfplan schema --check --missing-ok",
        True,
        False,
    )


def _hook(name: str) -> list[str]:
    hooks = {hook["id"]: hook for hook in read_yaml(REPO / ".pre-commit-hooks.yaml")}
    return shlex.split(hooks[name]["entry"])[1:]


def test_pre_commit_entries_run(plans_copy: Path, run: Run) -> None:
    git(plans_copy.parent, "-c", "init.defaultBranch=main", "init", "-q")
    git(plans_copy.parent, "add", "plans")
    validate = _hook("wfplan-validate")
    assert run(*validate).exit_code == 0
    # A broken file that is staged is checked ...
    write(plans_copy / "broken.yaml", "wfplan: 1\nid: Broken\n")
    git(plans_copy.parent, "add", "plans/broken.yaml")
    result = run(*validate)
    assert result.exit_code == 1
    assert "plans/broken.yaml:2:5: error WF104" in result.stdout
    # ... an untracked draft is not: it must not block an unrelated commit.
    git(plans_copy.parent, "rm", "-q", "--cached", "plans/broken.yaml")
    result = run(*validate)
    assert result.exit_code == 0
    assert result.stdout.endswith("\n5 files checked: 0 errors, 4 warnings\n")
    assert run("validate").exit_code == 1  # plain validate still reads the folder
    schema = _hook("wfplan-schema-check")
    # A plan repository without schemas/ has nothing to keep in step.
    result = run(*schema)
    assert (result.exit_code, result.stdout) == (0, "schemas: none here, nothing to check\n")
    assert run("schema", "--check").exit_code == 1  # without --missing-ok: stale
    assert run("schema").exit_code == 0
    assert run(*schema).exit_code == 0
    (plans_copy.parent / "schemas" / "plan.schema.json").write_text("{}", "utf-8")
    assert run(*schema).exit_code == 1


def _github_steps() -> tuple[list[str], dict[str, str]]:
    workflow = read_yaml(REPO / "examples" / "github" / "wfplan.yml")
    assert workflow["on"]["pull_request"]["paths"] == ["plans/**", "wfplan.toml"]
    assert workflow["permissions"]["pull-requests"] == "write"
    job = workflow["jobs"]["plans"]
    uses = [s["uses"].split("@") for s in job["steps"] if "uses" in s]
    # Current majors (actions running on Node 24): older ones are flagged as deprecated.
    assert dict(uses) == {
        "actions/checkout": "v5",
        "actions/setup-python": "v6",
        "github/codeql-action/upload-sarif": "v4",
        "actions/upload-artifact": "v6",
    }
    return [s["run"] for s in job["steps"] if "run" in s], {
        "WFPLAN_VERSION": job["env"]["WFPLAN_VERSION"],
        "BASE_REF": "main",
        "PR": "42",
        "REPO": "council/plans",
        "GH_TOKEN": "token",
    }


def _gitlab_steps() -> tuple[list[str], dict[str, str]]:
    job = read_yaml(REPO / "examples" / "gitlab" / ".gitlab-ci.yml")["wfplan"]
    assert job["artifacts"]["paths"] == ["wfplan-diff.md"]
    assert job["artifacts"]["reports"] == {"codequality": "wfplan-code-quality.json"}
    return [*job["before_script"], *job["script"]], {
        "WFPLAN_VERSION": job["variables"]["WFPLAN_VERSION"],
        "CI_API_V4_URL": "https://gitlab.example/api/v4",
        "CI_PROJECT_ID": "7",
        "CI_MERGE_REQUEST_IID": "3",
        "WFPLAN_NOTE_TOKEN": "token",
    }


FAKE_GH = """#!/bin/bash
echo "gh $*" >> "$FAKE_LOG"
if [ "$1" = api ] && [ "$2" != --method ]; then jq -r "$5" "$FAKE_REPLIES"; fi
"""
FAKE_CURL = """#!/bin/bash
echo "curl $*" >> "$FAKE_LOG"
case " $* " in *" --request "*) ;; *) cat "$FAKE_REPLIES" ;; esac
"""
REPLIES = {
    "github": [
        {"id": 1, "user": {"login": "github-actions[bot]"}, "body": "Build passed"},
        {"id": 7, "user": {"login": "github-actions[bot]"}, "body": "old\n<!-- wfplan-diff -->\n"},
        {"id": 9, "user": {"login": "a-reviewer"}, "body": "> <!-- wfplan-diff -->"},
        {"id": 11, "user": {"login": "github-actions[bot]"}, "body": "Coverage 91%"},
    ],
    "gitlab": [{"id": 3, "body": "LGTM"}, {"id": 5, "body": "old\n<!-- wfplan-diff -->\n"}],
}
EXAMPLES = {"github": _github_steps, "gitlab": _gitlab_steps}


@pytest.fixture(scope="module")
def wfplan_source(tmp_path_factory: pytest.TempPathFactory) -> str:
    """This repository as a git URL with the examples' tag, as an organisation would host it."""
    source = tmp_path_factory.mktemp("wfplan") / "wfplan.git"
    git(source.parent, "clone", "-q", "--bare", str(REPO), str(source))
    git(source, "tag", "-f", f"v{__version__}", "HEAD")
    return source.as_uri()


@pytest.mark.parametrize("example", list(EXAMPLES))
def test_ci_example_runs(example: str, tmp_path: Path, wfplan_source: str) -> None:
    """Every `run` line of the example, in order, with the CI's variables, a clone as CI
    makes it, wfplan installed the way the example installs it, and stand-ins for the
    platform's API (gh, curl) that answer as the platform would."""
    steps, variables = EXAMPLES[example]()
    assert variables["WFPLAN_VERSION"] == f"v{__version__}"
    if example == "github" and shutil.which("jq") is None:
        pytest.skip("jq stands in for gh's --jq here, and it is not installed")
    origin = make_repo(tmp_path / "origin", "silent-slip")
    base = git(origin, "rev-parse", "main").strip()
    # The target branch moves on after the branch was made (a revision recorded there):
    # compared with its tip, the merge request would show that revision withdrawn.
    git(origin, "checkout", "-q", "main")
    plan = origin / "plans" / "demo.yaml"
    revised = (
        "        due: Mar 2022\n        revised_due: Jun 2022\n        revision_reason: Moved\n"
    )
    plan.write_text(plan.read_text("utf-8").replace("        due: Mar 2022\n", revised), "utf-8")
    git(origin, "commit", "-q", "-am", "Revision on main")
    # GitHub checks out the pull request merged into the base's tip; GitLab the branch's tip.
    git(origin, "checkout", "-q", "-b", "merged", "main")
    git(origin, "merge", "-q", "--no-edit", "change")
    head = "merged" if example == "github" else "change"
    clone = tmp_path / "clone"
    # Only that commit, as both platforms clone it; the job fetches the base.
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", head, origin.as_uri(), str(clone))
    bin_dir, site = tmp_path / "bin", tmp_path / "site"
    bin_dir.mkdir()
    for name, script in (("gh", FAKE_GH), ("curl", FAKE_CURL)):
        (bin_dir / name).write_text(script, "utf-8")
        (bin_dir / name).chmod(0o755)
    replies, log, summary = (
        tmp_path / "replies.json",
        tmp_path / "calls.log",
        tmp_path / "summary.md",
    )
    replies.write_text(json.dumps(REPLIES[example]), "utf-8")
    env = {
        **os.environ,
        **GIT_ENV,
        **variables,
        "WFPLAN_REPOSITORY": wfplan_source,
        "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
        "GITHUB_STEP_SUMMARY": str(summary),
        "FAKE_LOG": str(log),
        "FAKE_REPLIES": str(replies),
        # The example's own `pip install`, kept off the network: no index, this venv's
        # build backend and dependencies, into a folder of its own.
        "PIP_NO_INDEX": "1",
        "PIP_NO_DEPS": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_TARGET": str(site),
        "PYTHONPATH": str(site),
        "PATH": f"{bin_dir}:{site / 'bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    codes = []
    for step in steps:
        done = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", step], cwd=clone, env=env, capture_output=True
        )
        codes.append(done.returncode)
        assert done.returncode in (0, 1), (step, done.stderr.decode())
    assert (site / "workforce_cli" / "__init__.py").is_file()  # installed from the tag
    # Only the step that fails on silent slips fails; everything else, reports included, runs.
    failing = [step for step, code in zip(steps, codes, strict=True) if code]
    assert len(failing) == 1 and "--fail-on silent-slip" in failing[0]
    expected = (GOLDEN / "silent-slip.md").read_text("utf-8")
    report = (clone / "wfplan-diff.md").read_text("utf-8")
    calls = log.read_text("utf-8").splitlines()
    if example == "github":
        assert report == expected.replace("(`main` → `change`)", "(`origin/main` → working tree)")
        assert calls[-1] == (
            "gh api --method PATCH repos/council/plans/issues/comments/7 -F body=@wfplan-diff.md"
        )
        assert summary.read_text("utf-8").endswith(report + "\n")
        sarif = json.loads((clone / "wfplan.sarif").read_text("utf-8"))
        assert sarif["runs"][0]["results"] == []
    else:
        assert report == expected.replace("(`main` → `change`)", f"(`{base}` → working tree)")
        assert calls[-1] == (
            "curl -sSf --request PUT --header PRIVATE-TOKEN: token --data-urlencode "
            "body@wfplan-diff.md https://gitlab.example/api/v4/projects/7/merge_requests/3/notes/5"
        )
        assert json.loads((clone / "wfplan-code-quality.json").read_text("utf-8")) == []
    # The first time, there is no comment to edit: a new one is posted.
    replies.write_text(json.dumps(REPLIES[example][:1]), "utf-8")
    post = next(step for step in steps if "wfplan-diff -->" in step)
    subprocess.run(["bash", "-e", "-o", "pipefail", "-c", post], cwd=clone, env=env, check=True)
    last = log.read_text("utf-8").splitlines()[-1]
    assert last.endswith(
        "gh pr comment 42 --body-file wfplan-diff.md"
        if example == "github"
        else "--request POST --header PRIVATE-TOKEN: token --data-urlencode body@wfplan-diff.md "
        "https://gitlab.example/api/v4/projects/7/merge_requests/3/notes"
    )


def test_documented_pre_commit_snippet_matches_the_hooks() -> None:
    readme = (REPO / "docs" / "ci.md").read_text("utf-8")
    start = readme.index("# .pre-commit-config.yaml in your plan repository")
    snippet = readme[start : readme.index("```", start)]
    assert "<" not in snippet and "X.Y" not in snippet  # nothing left to fill in
    (local,) = YAML(typ="safe", pure=True).load(snippet)["repos"]
    declared = {hook["id"]: hook for hook in read_yaml(REPO / ".pre-commit-hooks.yaml")}
    for hook in local["hooks"]:
        published = declared[hook["id"]]
        assert hook["entry"] == published["entry"]
        assert hook.get("files") == published.get("files")
