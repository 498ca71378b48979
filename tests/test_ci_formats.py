"""The CI formats, each checked against its published schema or spec: SARIF 2.1.0, GitLab
Code Quality, GitHub workflow commands (capped as GitHub caps them, escaped as GitHub
documents) and the job summary; and paths relative to the repository root in all of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.conftest import Run, write
from tests.diffrepo import GIT_ENV, PLAN, PLAN_FILE, git, make_pair, make_repo
from workforce_cli.output import Annotation

SCHEMAS = Path(__file__).parent / "schemas"
SARIF = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text("utf-8"))
GITLAB = json.loads((SCHEMAS / "gitlab-code-quality.json").read_text("utf-8"))

BROKEN = "wfplan: 1\nid: Broken\n"


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def sarif(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    jsonschema.Draft4Validator(SARIF).validate(log)
    return log


def gitlab(text: str) -> list[dict[str, Any]]:
    report: list[dict[str, Any]] = json.loads(text)
    jsonschema.Draft7Validator(GITLAB).validate(report)
    return report


def _repo(root: Path, plans: dict[str, str]) -> Path:
    root.mkdir()
    git(root, "-c", "init.defaultBranch=main", "init", "-q")
    for name, text in plans.items():
        write(root / name, text)
    return root


def test_validate_sarif(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path / "r", {"plans/a.yaml": BROKEN})
    monkeypatch.chdir(repo)
    result = run("validate", "--format", "sarif")
    assert (result.exit_code, result.stderr) == (1, "")
    log = sarif(result.stdout)
    (only,) = log["runs"]
    driver = only["tool"]["driver"]
    assert (driver["name"], log["version"]) == ("wfplan validate", "2.1.0")
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert rules["WF205"]["shortDescription"]["text"] == (
        "undetermined timescale (tbc) on an open milestone"
    )
    assert rules["WF205"]["defaultConfiguration"]["level"] == "warning"
    assert "README" in rules["WF104"]["help"]["text"]
    first, second = only["results"]
    assert (first["ruleId"], first["level"], first["message"]["text"]) == (
        "WF102",
        "error",
        'missing required key "title" (add `title:` here)',
    )
    assert driver["rules"][second["ruleIndex"]]["id"] == second["ruleId"] == "WF104"
    assert second["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "plans/a.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 2, "startColumn": 5},
            }
        }
    ]
    before = [r["partialFingerprints"]["wfplan/v1"] for r in only["results"]]
    # An unrelated edit above the findings moves their lines, not their fingerprints.
    write(repo / "plans" / "a.yaml", "# Owner: workforce team\n\n" + BROKEN)
    write(repo / "plans" / "b.yaml", BROKEN.replace("Broken", "Other"))
    moved = sarif(run("validate", "--format", "sarif").stdout)["runs"][0]["results"]
    by_file = [
        r
        for r in moved
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/a.yaml"
    ]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in by_file] == [3, 4]
    assert [r["partialFingerprints"]["wfplan/v1"] for r in by_file] == before
    assert len({r["partialFingerprints"]["wfplan/v1"] for r in moved}) == 4


def test_validate_gitlab(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path / "r", {"plans/a.yaml": BROKEN})
    monkeypatch.chdir(repo)
    result = run("validate", "-f", "gitlab")
    assert result.exit_code == 1
    first, second = gitlab(result.stdout)
    assert {k: v for k, v in second.items() if k != "fingerprint"} == {
        "description": '`id` "Broken" is not a valid id: use lowercase letters, digits and '
        'hyphens, starting with a letter or digit (for example "broken")',
        "check_name": "WF104",
        "severity": "major",
        "location": {"path": "plans/a.yaml", "lines": {"begin": 2}},
    }
    assert first["fingerprint"] != second["fingerprint"]


def test_diff_sarif_and_gitlab(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "r", "rewritten")
    monkeypatch.chdir(repo)
    result = run("diff", "main", "change", "-f", "sarif", "--fail-on", "silent-slip")
    assert (result.exit_code, result.stderr) == (1, "")
    log = sarif(result.stdout)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("wfplan-diff/renamed", "note"),
        ("wfplan-diff/silent_slip", "error"),
        ("wfplan-diff/period_changed", "note"),
        ("wfplan-diff/done_on_changed", "note"),
        ("wfplan-diff/title_changed", "note"),
        ("wfplan-diff/owner_changed", "note"),
        ("wfplan-diff/target_weakened", "warning"),
        ("wfplan-diff/field_changed", "note"),
    ]
    slip = results[1]
    assert slip["message"]["text"] == (
        '[slip] deadline moved silently: members-report "Report to members": due edited from '
        "Mar 2022 to Apr 2022 (+30 days) with no revised_due and revision_reason"
    )
    assert slip["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 23,
        "startColumn": 14,
    }
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    rule = rules[slip["ruleIndex"]]
    assert rule["id"] == "wfplan-diff/silent_slip"
    assert "It meets --fail-on silent-slip." in rule["help"]["text"]
    report = gitlab(run("diff", "main", "change", "-f", "gitlab").stdout)
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in report][
        :2
    ] == [
        ("wfplan-diff/renamed", "info", 21),
        ("wfplan-diff/silent_slip", "minor", 23),
    ]
    # The same changes a few lines further down keep their fingerprints.
    shifted = make_pair(
        tmp_path / "s",
        {PLAN_FILE: "# Plan kept by the workforce team\n" + PLAN},
        {PLAN_FILE: "# Plan kept by the workforce team\n" + (repo / PLAN_FILE).read_text("utf-8")},
    )
    monkeypatch.chdir(shifted)
    again = sarif(run("diff", "main", "change", "-f", "sarif").stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in again] == [r["partialFingerprints"] for r in results]
    assert again[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 24


def test_github_caps_annotations_most_severe_first(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = {f"plans/e{i:02}.yaml": BROKEN.replace("Broken", f"Broken{i}") for i in range(12)}
    tbc = PLAN.replace("due: Dec 2021", "due: tbc")
    plans |= {f"plans/w{i:02}.yaml": tbc.replace("id: demo", f"id: demo-{i}") for i in range(11)}
    repo = _repo(tmp_path / "r", plans)
    monkeypatch.chdir(repo)
    lines = run("validate", "-f", "github").stdout.splitlines()
    levels = [line.split(" ", 1)[0] for line in lines[:-2]]
    # 24 errors (two a file) and 11 warnings: GitHub would show 10 and 10 and drop the rest.
    assert levels == ["::error"] * 10 + ["::warning"] * 10
    assert lines[-2] == (
        "::notice title=wfplan::15 more findings not shown: GitHub shows 10 errors, 10 warnings "
        "and 10 notices per step; the job summary or `wfplan validate` lists them all"
    )
    assert lines[-1] == "23 files checked: 24 errors, 11 warnings"


def test_github_escaping() -> None:
    annotation = Annotation("error", "plans/a,b:c.yaml", 3, 1, "WF104: x, y", "100% sure\r\nno")
    assert annotation.command() == (
        "::error file=plans/a%2Cb%3Ac.yaml,line=3,col=1,title=WF104%3A x%2C y::100%25 sure%0D%0Ano"
    )


def test_job_summary(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path / "r", "silent-slip")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", "utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(repo)
    write(repo / "plans" / "x.yaml", BROKEN)
    assert run("validate", "-f", "github").exit_code == 1
    diff = run("diff", "main", "-f", "github")
    markdown = run("diff", "main", "-f", "markdown").stdout
    assert summary.read_text("utf-8") == (
        "earlier step\n"
        "### wfplan validate: 2 files checked: 2 errors, 0 warnings\n\n"
        "| Where | Severity | Code | Message |\n| --- | --- | --- | --- |\n"
        '| plans/x.yaml:1:1 | error | WF102 | missing required key "title" '
        "(add \\`title:\\` here) |\n"
        '| plans/x.yaml:2:5 | error | WF104 | \\`id\\` "Broken" is not a valid id: use lowercase '
        "letters, digits and hyphens, starting with a letter or digit (for example "
        '"broken") |\n\n' + markdown + "\n"
    )
    assert diff.exit_code == 1
    # Not set, or another format: nothing written anywhere.
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert run("validate", "-f", "github").exit_code == 1


def test_machine_paths_are_relative_to_the_repository_root(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path / "r", {"council/plans/a.yaml": BROKEN})
    write(repo / "council" / "wfplan.toml", 'paths = ["plans"]\n')
    (repo / "council" / "reports").mkdir()
    monkeypatch.chdir(repo / "council" / "reports")
    where = "council/plans/a.yaml"
    assert json.loads(run("validate", "-f", "json").stdout)[0]["file"] == where
    assert f"file={where},line=1" in run("validate", "-f", "github").stdout
    log = sarif(run("validate", "-f", "sarif").stdout)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == where
    assert gitlab(run("validate", "-f", "gitlab").stdout)[0]["location"]["path"] == where
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "plans")
    write(repo / "council" / "plans" / "a.yaml", PLAN)
    changed = json.loads(run("diff", "HEAD", "-f", "json").stdout)
    assert changed["plans"][0]["file"] == where
    report = gitlab(run("diff", "HEAD", "-f", "gitlab").stdout)
    assert [issue["location"]["path"] for issue in report] == [where]
