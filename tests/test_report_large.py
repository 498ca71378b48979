"""`wfplan report` on corpus-like plans: three plans of the benchmark corpus (`corpus.py`),
each reported alone (`--output-dir`, as the `report` benchmark runs it) and together, in
HTML and Markdown, compared byte for byte with golden files in tests/golden/report-large/.

The plans have what a national corpus has and the seed plans lack: themes of many actions,
re-baselined and blocked milestones, deadlines in every written form, two years of monthly
staffing snapshots, several targets and measures. After an intended change of output,
regenerate with `WFPLAN_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_large.py`
and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Run
from tests.test_report import golden

sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # a script folder, not a package

AS_OF = "2022-10-31"
IDS = [
    "barking-and-dagenham-csc-workforce-2021",
    "barnet-csc-workforce-2021",
    "bexley-csc-workforce-2021",
]


@pytest.fixture
def corpus_plans(workdir: Path) -> Path:
    assert corpus.main(["--authorities", "3", "--out", "plans"]) == 0
    return workdir / "plans"


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_one_report_per_plan_matches_golden_files(
    fmt: str, corpus_plans: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WFPLAN_AS_OF", AS_OF)
    result = run("report", "plans", "--format", fmt, "--output-dir", "out")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    ext = "md" if fmt == "markdown" else "html"
    out = corpus_plans.parent / "out"
    assert sorted(p.name for p in out.iterdir()) == [f"{i}.{ext}" for i in IDS]
    for plan_id in IDS:
        golden(f"../report-large/{plan_id}.{ext}", (out / f"{plan_id}.{ext}").read_bytes().decode())


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_several_plans_in_one_report_match_golden_files(
    fmt: str, corpus_plans: Path, run: Run
) -> None:
    result = run("report", "plans", "--format", fmt, "--as-of", AS_OF)
    assert (result.exit_code, result.stderr) == (0, "")
    ext = "md" if fmt == "markdown" else "html"
    golden(f"../report-large/all.{ext}", result.stdout)


def test_a_report_alone_is_the_report_of_that_plan(corpus_plans: Path, run: Run) -> None:
    # The same plan reported from a folder of plans and on its own: the same bytes.
    together = run("report", "plans", "-f", "html", "--as-of", AS_OF, "--output-dir", "out")
    assert together.exit_code == 0
    alone = run("report", "plans/barnet.yaml", "-f", "html", "--as-of", AS_OF)
    assert (alone.exit_code, alone.stderr) == (0, "")
    expected = (corpus_plans.parent / "out" / f"{IDS[1]}.html").read_text("utf-8")
    assert alone.stdout == expected
