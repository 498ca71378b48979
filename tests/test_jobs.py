"""`--jobs`: files read and checked one at a time, in worker processes or not, give the same
output as the whole repository read at once, byte for byte and in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, Run, write
from workforce_cli.checks import batch
from workforce_cli.checks.engine import check_repository
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.read import loader

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def mixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every negative and positive example and the real plans in one folder: reading and
    schema errors, duplicate plan ids, staffing files that join a plan (one with a unit the
    plan does not count in) or name none, suppressions used and unused."""
    folder = tmp_path / "plans"
    shutil.copytree(EXAMPLES / "negative", folder / "negative")
    shutil.copytree(EXAMPLES / "positive", folder / "positive")
    shutil.copytree(ROOT / "plans", folder / "real")
    for stray in folder.rglob("*.out"):
        stray.unlink()
    monkeypatch.chdir(tmp_path)
    return Path("plans")


def _reference(folder: Path, output_format: str) -> str:
    """What the whole repository read at once gives (how the editing commands read it)."""
    repository = loader.load([folder])
    return FORMATTERS[output_format](check_repository(repository), len(repository.files))


@pytest.mark.parametrize("output_format", ["text", "json"])
@pytest.mark.parametrize("jobs", ["1", "2", "3"])
def test_validate_is_the_same_for_any_number_of_workers(
    run: Run, mixed: Path, jobs: str, output_format: str
) -> None:
    result = run("validate", mixed, "--jobs", jobs, "--format", output_format)
    assert result.exit_code == 1
    assert result.stdout == _reference(mixed, output_format)
    assert "WF301" in result.stdout and "WF307" in result.stdout and "WF506" in result.stdout
    assert "WF602" in result.stdout and "WF002" in result.stdout


def test_the_default_is_the_same_as_one_process(run: Run, mixed: Path) -> None:
    assert run("validate", mixed).stdout == run("validate", mixed, "-j", "1").stdout


def test_a_plan_joined_by_a_staffing_file_is_checked_with_its_snapshots(
    run: Run, workdir: Path
) -> None:
    shutil.copytree(EXAMPLES / "positive", workdir / "plans")
    staffing = next((workdir / "plans").rglob("staffing-2021-03.yml"))
    text = staffing.read_text(encoding="utf-8")
    write(
        staffing, text.replace("stated_totals: {permanent: 3.50", "stated_totals: {permanent: 9.50")
    )
    expected = _reference(Path("plans"), "text")
    assert expected == (
        "plans/staffing-files/staffing-2021-03.yml:9:32: error WF501 stated permanent is 9.50 "
        "but the rows give 3.50\n    hint: correct the total, or the row that is wrong\n"
        "6 files checked: 1 error, 0 warnings\n"
    )
    for jobs in ("1", "2"):
        result = run("validate", "plans", "--jobs", jobs)
        assert (result.exit_code, result.stdout) == (1, expected)


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["status", "--format", "json"],
        ["status", "--format", "markdown", "--plan", "dudley-csc-workforce-2021"],
        ["overdue"],
        ["overdue", "--format", "csv"],
    ],
)
def test_status_and_overdue_are_the_same_for_any_number_of_workers(
    run: Run, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("WFPLAN_AS_OF", "2022-10-31")
    serial = run(*command, "plans", "--jobs", "1")
    assert serial.exit_code == 0 and serial.stdout
    assert run(*command, "plans", "--jobs", "2") == serial
    assert run(*command, "plans") == serial


def test_reports_per_plan_are_the_same_for_any_number_of_workers(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("WFPLAN_AS_OF", "2022-10-31")
    written = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        result = run("report", "plans", "--format", "html", "--output-dir", out, "-j", jobs)
        assert result.exit_code == 0
        written[jobs] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(written["1"]) == 5
    assert written["1"] == written["2"]
    alone = tmp_path / "alone.html"
    assert run("report", "plans/dudley-csc-2021.yaml", "-f", "html", "-o", alone).exit_code == 0
    assert written["2"]["dudley-csc-workforce-2021.html"] == alone.read_bytes()


def test_no_report_is_written_while_a_plan_has_errors(run: Run, mixed: Path) -> None:
    result = run("report", mixed, "--output-dir", "out", "--jobs", "2")
    assert result.exit_code == 1
    assert "wfplan: error: report reads every plan, and these files have errors:" in result.stderr
    assert not Path("out").exists()


def test_a_plan_asked_for_is_computed_alone(run: Run, workdir: Path) -> None:
    """--plan with another plan broken: the note names it, the plan is shown."""
    shutil.copytree(ROOT / "plans", workdir / "plans")
    write(workdir / "plans" / "broken.yaml", "wfplan: 1\nid: broken\ntitle: [\n")
    asked = ("status", "plans", "--plan", "dudley-csc-workforce-2021", "--as-of", "2022-10-31")
    result = run(*asked, "-j", "2")
    assert result.exit_code == 0
    assert "Dudley" in result.stdout and "Leeds" not in result.stdout
    assert result.stderr.startswith(
        'wfplan: note: left out, with errors: plans/broken.yaml (plan "broken"; 1 error'
    )
    assert run(*asked, "-j", "1") == result
    unknown = run("status", "plans", "--plan", "nope", "-j", "2")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith(
        'wfplan: error: no plan with id "nope"; known plans: dudley-csc-workforce-2021, leeds-'
    )
    assert run("status", "plans", "--plan", "nope", "-j", "1") == unknown


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_whole_number_from_one(run: Run, mixed: Path, value: str) -> None:
    result = run("validate", mixed, "--jobs", value)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr


def test_workers_start_above_a_mebibyte_unless_asked() -> None:
    small, large = [1000] * 10, [200_000] * 10
    assert batch.workers(None, small) == 1
    assert batch.workers(None, large) == min(batch.available_cpus(), 10)
    assert batch.workers(2, small) == 2
    assert batch.workers(1, large) == 1
    assert batch.workers(8, [5_000_000]) == 1, "one file: no workers"
    assert batch.workers(16, [10, 10, 10]) == 3, "no more workers than files"


def test_each_file_is_let_go_once_checked(mixed: Path) -> None:
    checked: batch.Checked[None] = batch.check_files(loader.discover([mixed]), jobs=1)
    assert checked.files and all(f._data is None for f in checked.files)
    kept = [f.display for f in checked.files if f.text]
    assert kept == ["plans/negative/suppressions.yaml"], "only texts with a suppression stay"
    assert "dudley-csc-workforce-2021" in checked.plan_ids


def test_a_plan_whose_only_error_is_suppressed_is_still_shown(run: Run, workdir: Path) -> None:
    """Workers do not compute on a plan with errors; a suppression that lifts them lets
    the plan be shown, as it is without workers."""
    for n in range(2):
        write(
            workdir / "plans" / f"p{n}.yaml",
            f"wfplan: 1\nid: p{n}\ntitle: Plan {n}\nactions:\n"
            "  - id: a1\n    title: Recruit\n    due: 2022-03-31\n"
            "    status: done  # wfplan: ignore WF401 -- date lost with the old system\n",
        )
    expected = run("status", "plans", "--as-of", "2022-10-31", "-j", "1")
    assert expected.exit_code == 0
    assert "Plan 0" in expected.stdout and "Plan 1" in expected.stdout
    assert run("status", "plans", "--as-of", "2022-10-31", "-j", "2") == expected


class Unpicklable(Exception):
    def __init__(self, text: str, more: str) -> None:
        super().__init__(f"{text} {more}")


def _fails(loaded: object) -> None:
    raise Unpicklable("broken", "work")


def test_a_bug_in_a_worker_is_reported_not_waited_for(mixed: Path) -> None:
    found = loader.discover([mixed / "real"])
    with pytest.raises(RuntimeError, match="a worker process failed:") as raised:
        batch.check_files(found, jobs=2, work=_fails)
    assert "Unpicklable: broken work" in str(raised.value)
