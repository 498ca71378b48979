"""The benchmark's largest plan: under the size limit, valid, and shown by status and report
(its timings are `benchmarks/run.py --only status-big --only report-big`, not a test)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.conftest import REPO, Run, write
from workforce_cli.read.loader import MAX_FILE_BYTES

sys.path.insert(0, str(REPO / "benchmarks"))
from run import BIG_ACTIONS, big_plan_text


def test_the_big_plan_is_as_large_as_a_plan_may_be() -> None:
    size = len(big_plan_text(BIG_ACTIONS).encode())
    assert 0.9 * MAX_FILE_BYTES < size < MAX_FILE_BYTES


def test_a_small_one_validates_and_reports(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "big.yaml", big_plan_text(50, themes=3))
    assert run("validate").stdout == "1 file checked: no problems found\n"
    report = run("report", "--as-of", "2022-06-01")
    assert report.exit_code == 0
    assert "## T0" in report.stdout and "## Other actions" in report.stdout
    status = run("status", "--as-of", "2022-06-01", "-f", "json")
    assert '"progress": {"complete": 0, "of": 50' in status.stdout


def test_the_huge_plan_validates_and_has_the_milestones_asked_for(run: Run, workdir: Path) -> None:
    from huge import MILESTONES
    from huge import write as write_huge

    path = workdir / "plans" / "huge.yaml"
    size = write_huge(path, 3_000)
    # 3,000 milestones at the size per milestone of the 1x plan: about 20 MB for 120,000.
    assert 18e6 < size * MILESTONES / 3_000 < 22e6
    result = run("validate", "--max-file-size", "50MB")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == "1 file checked: 0 errors, 27 warnings"
    found = {line.split()[2] for line in lines[:-1] if not line.startswith("    hint:")}
    assert found == {"WF205"}  # milestones due `tbc`, as in real plans
    status = run("status", "--as-of", "2022-10-31", "-f", "json", "--max-file-size", "50MB")
    # The last action takes the count to 3,000 or a few over.
    assert 3_000 <= status.stdout.count('"days_overdue": ') < 3_005
