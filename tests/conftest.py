"""Shared fixtures: run the CLI in-process, with crashes raised rather than turned into exit 3."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from workforce_cli.cli import main

REPO = Path(__file__).resolve().parent.parent
GENERATED_EPOCH = "1764750000"
PLANS = REPO / "plans"
EXAMPLES = Path(__file__).resolve().parent / "examples"

# Golden-file tests show each seed plan as of a date inside its life where something is due or late.
SEEDS = {
    "scottish-executive-2002": "2002-08-01",
    "rochdale-csf-2005": "2006-04-01",
    "leeds-scrutiny-2006": "2007-05-20",
    "slough-csc-2014": "2015-03-01",
    "dudley-csc-2021": "2021-12-10",
}


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _clean_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # A crash must fail the test, not become exit 3; output must not depend on the terminal.
    monkeypatch.setenv("WFPLAN_TRACEBACK", "1")
    # The cache folder (compiled report templates) is the test run's, not the user's.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("WFPLAN_AS_OF", raising=False)
    # Reports print their generation time: a fixed one (3 Dec 2025, 08:20 UTC) keeps them
    # byte-for-byte comparable; tests of the clock remove it.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", GENERATED_EPOCH)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `wfplan ARGS...` in-process; returns exit code, stdout and stderr."""

    def invoke(*args: str | Path) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty current directory."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


@pytest.fixture
def plans_copy(workdir: Path) -> Path:
    """A copy of the real plans/ in an empty current directory."""
    shutil.copytree(PLANS, workdir / "plans")
    return workdir / "plans"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path
