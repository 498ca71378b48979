"""`--format json` on the editing commands: what changed, field by field, for bots and scripts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import Run, write
from tests.diffrepo import PLAN


def answer(run: Run, *args: str) -> tuple[int, dict[str, Any]]:
    result = run(*args, "--format", "json")
    assert result.stderr == "" or result.exit_code == 1
    return result.exit_code, json.loads(result.stdout)


def change(item: str, field: str | None, before: Any, after: Any) -> dict[str, Any]:
    return {
        "file": "plans/demo.yaml",
        "plan": "demo",
        "id": item,
        "field": field,
        "before": before,
        "after": after,
    }


def test_done_set_status_and_slip(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", PLAN)
    assert answer(run, "done", "campaign-launch", "--on", "2021-06-20") == (
        0,
        {
            "written": True,
            "dry_run": False,
            "changes": [
                change("campaign-launch", "status", "in_progress", "done"),
                change("campaign-launch", "done_on", None, "2021-06-20"),
            ],
            "errors": [],
            "refused": None,
        },
    )
    assert "status: done" in (workdir / "plans" / "demo.yaml").read_text("utf-8")
    code, data = answer(run, "set-status", "campaign-launch", "blocked")
    assert (code, data["changes"]) == (
        0,
        [
            change("campaign-launch", "status", "done", "blocked"),
            change("campaign-launch", "done_on", "2021-06-20", None),
        ],
    )
    before = (workdir / "plans" / "demo.yaml").read_text("utf-8")
    code, data = answer(
        run, "slip", "campaign-report", "--to", "Jun 2022", "--reason", "Board moved", "--dry-run"
    )
    assert (code, data["written"], data["dry_run"], data["changes"]) == (
        0,
        False,
        True,
        [
            change("campaign-report", "revised_due", None, "Jun 2022"),
            change("campaign-report", "revision_reason", None, "Board moved"),
        ],
    )
    assert (workdir / "plans" / "demo.yaml").read_text("utf-8") == before
    # Nothing to change: an empty list, nothing written.
    code, data = answer(run, "set-status", "campaign-launch", "blocked")
    assert (code, data["written"], data["changes"]) == (0, False, [])


def test_a_change_that_would_not_validate(run: Run, workdir: Path) -> None:
    # Without period.start a relative deadline cannot be resolved: WF204, nothing written.
    path = write(
        workdir / "plans" / "demo.yaml",
        PLAN.replace("period: {start: 2021-04-01, end: 2023}\n", ""),
    )
    code, data = answer(run, "slip", "campaign-report", "--to", "+9 weeks", "--reason", "later")
    assert (code, data["written"], data["changes"]) == (
        1,
        False,
        [
            change("campaign-report", "revised_due", None, "+9 weeks"),
            change("campaign-report", "revision_reason", None, "later"),
        ],
    )
    assert [(e["code"], e["file"], e["line"]) for e in data["errors"]] == [
        ("WF204", "plans/demo.yaml", 22)
    ]
    assert "revised_due" not in path.read_text("utf-8")


def test_a_refused_change(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", PLAN)
    write(workdir / "march.csv", "team,permanent,agency,vacant\nAssessment,21,4,2\n")
    result = run(
        "snapshot", "add", "march.csv", "--plan", "demo", "--as-of", "Mar 2021", "-f", "json"
    )
    data = json.loads(result.stdout)
    assert (result.exit_code, data["written"], data["changes"]) == (1, False, [])
    assert data["refused"] == result.stderr.removeprefix("wfplan: error: ").rstrip("\n")
    assert "Mar 2021" in data["refused"]


def test_snapshot_add_into_a_staffing_file(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", PLAN)
    write(workdir / "march.csv", "team,permanent,agency,vacant\nAssessment,21,4,2\n")
    (workdir / "plans" / "staffing").mkdir()
    code, data = answer(
        run,
        "snapshot",
        "add",
        "march.csv",
        "--plan",
        "demo",
        "--as-of",
        "Mar 2022",
        "--into",
        "plans/staffing/demo.yaml",
    )
    (only,) = data["changes"]
    assert code == 0
    assert only == {
        "file": "plans/staffing/demo.yaml",
        "plan": "demo",
        "id": "snapshot Mar 2022",
        "field": None,
        "before": None,
        "after": {
            "as_of": "Mar 2022",
            "vacancy_basis": "unfilled",
            "teams": [
                {
                    "team": "Assessment",
                    "permanent": 21.0,
                    "agency": 4.0,
                    "vacant": 2.0,
                    "establishment": None,
                }
            ],
            "stated_totals": None,
            "notes": None,
        },
    }


def test_new(run: Run, workdir: Path) -> None:
    code, data = answer(run, "new", "recruitment-2026", "--title", "Recruitment 2026")
    assert code == 0 and data["written"] is True
    first = data["changes"][0]
    assert (first["file"], first["plan"], first["id"], first["field"], first["before"]) == (
        "plans/recruitment-2026.yaml",
        "recruitment-2026",
        "recruitment-2026",
        None,
        None,
    )
    assert first["after"]["title"] == "Recruitment 2026"


def test_errors_are_in_the_answer(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", PLAN.replace("status: in_progress", "status: finished"))
    code, data = answer(run, "done", "campaign-review")
    assert (code, data["written"], data["changes"]) == (1, False, [])
    (error,) = data["errors"]
    assert (error["file"], error["line"], error["code"]) == ("plans/demo.yaml", 16, "WF104")
