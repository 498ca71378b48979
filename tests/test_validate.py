"""`wfplan validate`: every bad input of the issue has an example file with its exact output."""

from __future__ import annotations

import json
import os
import re
import tracemalloc
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run, write
from workforce_cli.diagnostics import CODES
from workforce_cli.read import loader as loading

NEGATIVE = sorted(
    p.name for p in (EXAMPLES / "negative").iterdir() if p.suffix == ".yaml" or p.is_dir()
)
REGEN = bool(os.environ.get("WFPLAN_REGEN_GOLDEN"))


@pytest.fixture
def in_examples(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(EXAMPLES)
    return EXAMPLES


@pytest.mark.parametrize("name", NEGATIVE)
def test_negative_example(name: str, run: Run, in_examples: Path) -> None:
    """Each negative example prints exactly its .out file (regenerate: WFPLAN_REGEN_GOLDEN=1)."""
    result = run("validate", f"negative/{name}")
    expected = in_examples / "negative" / f"{Path(name).stem}.out"
    if REGEN:
        expected.write_text(result.stdout, "utf-8")
    assert result.stdout == expected.read_text("utf-8")
    assert result.stderr == ""
    errors = int(re.search(r"(\d+) errors?,", result.stdout).group(1))  # type: ignore[union-attr]
    assert result.exit_code == (1 if errors else 0)


def test_every_code_is_exercised_by_an_example(in_examples: Path) -> None:
    seen = set()
    for out in (in_examples / "negative").glob("*.out"):
        seen.update(re.findall(r": (?:error|warning) (WF\d{3}) ", out.read_text("utf-8")))
    # WF001 (file too large) and WF009 (not a regular file: a named pipe, a link to a device)
    # are made by tests (below, and in test_hostile_input.py) rather than committed.
    assert seen | {"WF001", "WF009"} == set(CODES)


def test_positive_examples_are_clean(run: Run, in_examples: Path) -> None:
    result = run("validate", "positive")
    assert result.stdout == "6 files checked: no problems found\n"
    assert (result.exit_code, result.stderr) == (0, "")


def test_the_real_plans_validate(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent.parent)
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout.endswith("5 files checked: 0 errors, 4 warnings\n")
    assert " error " not in result.stdout


def _located(output: str) -> list[str]:
    # WF301 aside: the examples share a plan id, which only clashes when read together.
    return [
        line
        for line in output.splitlines()
        if re.match(r"\S+:\d+:\d+: ", line) and "WF301" not in line
    ]


def test_all_problems_in_all_files_in_one_run(run: Run, in_examples: Path) -> None:
    one_by_one = [
        line for name in NEGATIVE for line in _located(run("validate", f"negative/{name}").stdout)
    ]
    together = run("validate", "negative")
    assert sorted(_located(together.stdout)) == sorted(one_by_one)
    assert together.exit_code == 1


def test_strict_fails_on_warnings(run: Run, in_examples: Path) -> None:
    assert run("validate", "negative/vague-timescale.yaml").exit_code == 0
    assert run("validate", "--strict", "negative/vague-timescale.yaml").exit_code == 1


def test_json_format(run: Run, in_examples: Path) -> None:
    result = run("validate", "--format", "json", "negative/unknown-key.yaml")
    assert json.loads(result.stdout) == [
        {
            "code": "WF101",
            "message": 'unknown key "milstones" in action "a1"',
            # Machine formats name files from the repository root, not the current folder.
            "file": "tests/examples/negative/unknown-key.yaml",
            "line": 8,
            "column": 5,
            "hint": 'did you mean "milestones"?',
            "severity": "error",
        }
    ]
    assert result.exit_code == 1


def test_json_format_when_clean_is_an_empty_list(run: Run, in_examples: Path) -> None:
    result = run("validate", "-f", "json", "positive/minimal.yaml")
    assert (result.stdout, result.exit_code) == ("[]\n", 0)


def test_github_format_escapes_workflow_command_characters(run: Run, workdir: Path) -> None:
    write(
        workdir / "plans" / "a,b.yaml",
        "wfplan: 1\nid: x\ntitle: T\nactions:\n  - {id: a1, title: T, due: '50% done'}\n",
    )
    result = run("validate", "--format", "github")
    assert result.stdout.splitlines()[0] == (
        "::error file=plans/a%2Cb.yaml,line=5,col=29,title=WF201::"
        '"50%25 done" is not a recognised date (use a day (18 Feb 2021, 18/02/2021), month '
        "(Feb 2021), year (2021), quarter (Q3 2021), financial year (2021/22), season "
        "(Spring 2021), relative (+9 weeks, +5 working days), ongoing or tbc)"
    )
    assert result.exit_code == 1


def test_file_over_the_size_limit(run: Run, workdir: Path) -> None:
    big = workdir / "plans" / "big.yaml"
    big.parent.mkdir()
    big.write_text("wfplan: 1\n" + "# padding\n" * (loading.MAX_FILE_BYTES // 10 + 1), "utf-8")
    result = run("validate")
    assert result.stdout.splitlines()[0] == (
        "plans/big.yaml:1:1: error WF001 file is 2.0 MiB; plan files are limited to 2 MiB"
    )
    assert result.exit_code == 1


def test_alias_bomb_is_stopped_cheaply(in_examples: Path) -> None:
    tracemalloc.start()
    try:
        _, _data, problems = loading.read_source(in_examples / "negative" / "alias-bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.code for p in problems] == ["WF007"]
    assert peak < 2_000_000


def test_a_folder_with_no_plan_files_exits_2(run: Run, workdir: Path) -> None:
    (workdir / "plans").mkdir()
    write(workdir / "plans" / "README.md", "not a plan\n")
    result = run("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "wfplan: error: no plan files (*.yaml, *.yml) found in plans; create one with "
        "`wfplan new` or pass the folder that holds your plans\n"
    )


def test_a_missing_path_exits_2(run: Run, workdir: Path) -> None:
    result = run("validate", "nowhere/")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "wfplan: error: no such file or directory: nowhere\n"


def test_no_plans_folder_says_where_it_looked(run: Run, workdir: Path) -> None:
    result = run("validate")
    assert result.exit_code == 2
    assert result.stderr == (
        f"wfplan: error: no plans/ folder in {workdir} and no paths given; pass the folder "
        "that holds your plan files, or start one with `wfplan new PLAN_ID --title ...`\n"
    )


def test_unknown_format_is_a_usage_error(run: Run, in_examples: Path) -> None:
    result = run("validate", "--format", "xml", "positive")
    assert result.exit_code == 2
    assert "'xml' is not one of 'text', 'json', 'github'" in result.stderr


def test_hidden_folders_are_not_searched(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "ok.yaml", "wfplan: 1\nid: ok\ntitle: OK\n")
    write(workdir / "plans" / ".git" / "junk.yaml", "not: [valid\n")
    assert run("validate").stdout == "1 file checked: no problems found\n"


def test_configured_paths_are_used(run: Run, workdir: Path) -> None:
    write(workdir / "strategy" / "ok.yml", "wfplan: 1\nid: ok\ntitle: OK\n")
    write(workdir / "wfplan.toml", 'paths = ["strategy"]\n')
    (workdir / "sub").mkdir()
    os.chdir(workdir / "sub")
    result = run("validate")
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems found\n")


def test_unknown_configuration_key_is_an_error(run: Run, workdir: Path) -> None:
    write(workdir / "pyproject.toml", "[tool.wfplan]\ndue_whithin = 14\n")
    result = run("validate")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: pyproject.toml: unknown configuration key "
        '"due_whithin"; did you mean "due_within"?\n'
    )
