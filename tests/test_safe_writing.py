"""Every write goes through one writer: a failed write names the path and the reason, exits 2,
leaves the file as it was and no temporary file behind; read-only files and links are refused;
a SIGTERM mid-write cleans up."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO, Run, write

PLAN = """\
wfplan: 1
id: demo
title: Demo plan
actions:
  - id: recruit
    title: Recruit social workers
    milestones:
      - {id: events, title: Three job events, due: Dec 2021, status: in_progress}
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {team: North, permanent: 10, agency: 2, vacant: 1}
"""

# command -> (arguments, the file it writes, relative to the working directory)
COMMANDS: dict[str, tuple[list[str], str]] = {
    "done": (["done", "events", "--on", "2021-11-30"], "plans/demo.yaml"),
    "set-status": (["set-status", "events", "blocked"], "plans/demo.yaml"),
    "slip": (["slip", "events", "--to", "Mar 2022", "--reason", "Venue"], "plans/demo.yaml"),
    "snapshot add": (
        ["snapshot", "add", "--plan", "demo", "--as-of", "Mar 2021", "hr.csv"],
        "plans/demo.yaml",
    ),
    "new": (["new", "other", "--title", "Other"], "plans/other.yaml"),
    "report": (["report", "--as-of", "2022", "--output", "out/report.md"], "out/report.md"),
    "calendar": (["calendar", "--as-of", "2022", "--output", "out/plans.ics"], "out/plans.ics"),
    "schema": (["schema", "--output", "out"], "out/plan.schema.json"),
    "import": (["import", "actions.csv", "--title", "Imported"], "plans/actions.yaml"),
    "validate --update-baseline": (
        ["validate", "--update-baseline", "--baseline", "out/baseline.json"],
        "out/baseline.json",
    ),
}


@pytest.fixture
def repo(workdir: Path) -> Path:
    write(workdir / "plans" / "demo.yaml", PLAN)
    write(workdir / "hr.csv", "team,permanent,agency,vacant\nNorth,11,1,1\n")
    write(
        workdir / "actions.csv",
        "Action;Responsibility;Timescale\nRun three job events;HR;Dec 2021\n",
    )
    write(workdir / "out" / "report.md", "old report\n")
    write(workdir / "out" / "plans.ics", "old calendar\n")
    return workdir


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _fail(number: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(number, os.strerror(number))

    return fail


@pytest.mark.parametrize("call", ["write", "fsync", "replace"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_full_disk_names_the_file_exits_2_and_changes_nothing(
    command: str, call: str, run: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, target = COMMANDS[command]
    before = _snapshot(repo)
    monkeypatch.setattr(os, call, _fail(errno.ENOSPC))
    if command in ("new", "import"):  # a new file is linked into place, not renamed
        monkeypatch.setattr(os, "link", _fail(errno.ENOSPC))
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"wfplan: error: cannot write {target}: the disk is full (No space left on device); "
        "nothing was written\n"
    )
    assert _snapshot(repo) == before  # byte-identical, and no temporary file left


def test_no_permission_is_said_in_words(
    run: Run, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", _fail(errno.EACCES))
    result = run(*COMMANDS["done"][0])
    assert result.stderr.endswith(
        "wfplan: error: cannot write plans/demo.yaml: permission denied (Permission denied); "
        "nothing was written\n"
    )


def test_a_read_only_plan_is_not_replaced(run: Run, repo: Path) -> None:
    plan = repo / "plans" / "demo.yaml"
    plan.chmod(0o444)
    result = run("done", "events", "--on", "2021-11-30")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: cannot write plans/demo.yaml: the file is read-only (mode 0444); "
        "nothing was written\n"
    )
    assert plan.read_text("utf-8") == PLAN
    assert oct(plan.stat().st_mode & 0o777) == "0o444"


def test_a_read_only_report_is_not_replaced(run: Run, repo: Path) -> None:
    report = repo / "out" / "report.md"
    report.chmod(0o444)
    result = run("report", "--as-of", "2022", "--output", "out/report.md")
    assert result.exit_code == 2
    assert report.read_text("utf-8") == "old report\n"


def test_new_output_through_a_dangling_link_is_refused(run: Run, repo: Path) -> None:
    elsewhere = repo / "elsewhere" / "bashrc"
    elsewhere.parent.mkdir()
    (repo / "plans" / "link.yaml").symlink_to(elsewhere)
    result = run("new", "linked", "--title", "T", "--output", "plans/link.yaml")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: plans/link.yaml is a symbolic link (to "
        f"{elsewhere}); wfplan writes no file through a link: choose another --output\n"
    )
    assert not elsewhere.exists()


def test_report_output_onto_a_link_replaces_the_link_not_its_target(run: Run, repo: Path) -> None:
    victim = write(repo / "victim.txt", "keep\n")
    (repo / "out" / "link.md").symlink_to(victim)
    assert run("report", "--as-of", "2022", "--output", "out/link.md").exit_code == 0
    assert victim.read_text("utf-8") == "keep\n"
    assert not (repo / "out" / "link.md").is_symlink()


HOOKED = """\
import sys, time
from pathlib import Path
from workforce_cli import safewrite
from workforce_cli.cli import main

def stall(path):
    Path("ready").write_text("ready")
    time.sleep(30)

safewrite.before_replace = stall
sys.exit(main(["done", "events", "--on", "2021-11-30"]))
"""


def test_sigterm_mid_write_leaves_no_temporary_file(repo: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("WFPLAN_TRACEBACK", None)
    process = subprocess.Popen(
        [sys.executable, "-c", HOOKED],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not (repo / "ready").exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    temporary = [p.name for p in (repo / "plans").iterdir() if p.name != "demo.yaml"]
    assert len(temporary) == 1 and temporary[0].startswith(".demo.yaml.")  # mid-write indeed
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM
    assert stderr.endswith("wfplan: terminated; nothing was written to plans/demo.yaml\n")
    assert sorted(p.name for p in (repo / "plans").iterdir()) == ["demo.yaml"]
    assert (repo / "plans" / "demo.yaml").read_text("utf-8") == PLAN


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["validate"], ["report", "--as-of", "2022"]])
def test_standard_output_on_a_full_disk_is_an_error_not_a_crash(
    command: list[str], repo: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("WFPLAN_TRACEBACK", None)
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "workforce_cli", *command],
            cwd=repo,
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert (done.returncode, done.stderr) == (
        2,
        "wfplan: error: cannot write the output: the disk is full (No space left on device)\n",
    )


@pytest.mark.parametrize("command", ["new", "import"])
def test_a_plans_folder_that_cannot_be_made_is_said(
    command: str, run: Run, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(workdir / "actions.csv", "Action;Responsibility;Timescale\nRun job events;HR;Dec 2021\n")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = run(*COMMANDS[command][0])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "wfplan: error: cannot create plans: permission denied (Permission denied)\n"
    )
