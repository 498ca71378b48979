"""Every writer (done, set-status, slip, snapshot add) on every list and indentation style a
YAML user writes: the result validates, says what was asked, and changes nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import Run, write

PLAN: dict[str, Any] = {
    "wfplan": 1,
    "id": "demo",
    "title": "Demo plan",
    "period": {"start": "2021-04-01", "end": 2023},
    "actions": [
        {
            "id": "campaign",
            "title": "Run a recruitment campaign",
            "owner": "HR",
            "milestones": [
                {
                    "id": "launch",
                    "title": "Campaign launched",
                    "due": "Jun 2021",
                    "status": "in_progress",
                },
                {"id": "report", "title": "Report to members", "due": "Mar 2022"},
            ],
        },
        {"id": "induction", "title": "New induction", "due": "Sep 2021"},
    ],
    "staffing": {
        "snapshots": [
            {
                "as_of": "Mar 2021",
                "teams": [
                    {"team": "Assessment", "permanent": 20, "agency": 5, "vacant": 2},
                    {"team": "Looked after", "permanent": 15, "agency": 3, "vacant": 1},
                ],
            }
        ]
    },
}
STAFFING: dict[str, Any] = {
    "wfplan": 1,
    "kind": "staffing",
    "plan": "demo",
    "snapshots": PLAN["staffing"]["snapshots"],
}

# name -> (a nested mapping's indent, a list's dash indent under its key, spaces after "-")
STYLES = {
    "two-spaces": (2, 2, 1),  # key:\n  - a: 1
    "dash-at-key": (2, 0, 1),  # key:\n- a: 1
    "four-spaces-dash-gap": (4, 0, 3),  # key:\n-   a: 1   (the -   key: style)
    "four-spaces": (4, 4, 1),  # key:\n    - a: 1
    "four-spaces-dash-two": (4, 2, 1),  # key:\n  - a: 1\n    b: 2
}


def emit(value: Any, style: tuple[int, int, int], column: int = 0) -> list[str]:
    """`value` as block YAML in `style`, each line with its indentation."""
    step, dash, gap = style
    pad = " " * column
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict):
                lines.append(f"{pad}{key}:")
                lines += emit(item, style, column + step)
            elif isinstance(item, list):
                lines.append(f"{pad}{key}:")
                lines += emit(item, style, column + dash)
            else:
                lines.append(f"{pad}{key}: {item}")
        return lines
    for item in value:
        inner = emit(item, style, column + 1 + gap)
        lines.append(f"{pad}-{' ' * gap}{inner[0].lstrip()}")
        lines += inner[1:]
    return lines


def text(data: dict[str, Any], style: str) -> str:
    return "\n".join(emit(data, STYLES[style])) + "\n"


def load(path: Path) -> Any:
    return YAML(typ="safe", pure=True).load(path.read_text("utf-8"))


def _changed_lines(before: str, after: str) -> list[str]:
    old = before.splitlines()
    return [line for line in after.splitlines() if line not in old]


@pytest.mark.parametrize("style", list(STYLES))
def test_emitted_styles_are_the_same_plan(style: str, run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "demo.yaml", text(PLAN, style))
    assert load(workdir / "plans" / "demo.yaml") == load_plain()
    assert run("validate").stdout == "1 file checked: no problems found\n"


def load_plain() -> Any:
    return YAML(typ="safe", pure=True).load(text(PLAN, "two-spaces"))


EDITS: dict[str, tuple[list[str], Any]] = {
    "done": (["done", "report", "--on", "2022-03-01"], {"status": "done", "done_on": "2022-03-01"}),
    "done-action": (
        ["done", "induction", "--on", "2021-09-10"],
        {"status": "done", "done_on": "2021-09-10"},
    ),
    "set-status": (["set-status", "report", "blocked"], {"status": "blocked"}),
    "slip": (
        ["slip", "launch", "--to", "Sep 2021", "--reason", "Agency delay"],
        {"revised_due": "Sep 2021", "revision_reason": "Agency delay"},
    ),
}


def _item(data: Any, item_id: str) -> Any:
    for action in data["actions"]:
        if action["id"] == item_id:
            return action
        for milestone in action.get("milestones", []):
            if milestone["id"] == item_id:
                return milestone
    raise KeyError(item_id)


@pytest.mark.parametrize("edit", list(EDITS))
@pytest.mark.parametrize("style", list(STYLES))
def test_marking(style: str, edit: str, run: Run, workdir: Path) -> None:
    path = write(workdir / "plans" / "demo.yaml", text(PLAN, style))
    before = path.read_text("utf-8")
    args, expected = EDITS[edit]
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert run("validate").stdout == "1 file checked: no problems found\n"
    data = load(path)
    item = _item(data, args[1])
    assert {k: str(item[k]) for k in expected} == {k: str(v) for k, v in expected.items()}
    # Only the recorded fields' lines are new; every other line is kept as it was.
    new = _changed_lines(before, path.read_text("utf-8"))
    assert all(line.strip().split(":")[0].lstrip("- ") in expected for line in new), new


ROWS = "team,permanent,agency,vacant\nAssessment,23,2,2\nLooked after,16,2,1\n"


@pytest.mark.parametrize("style", list(STYLES))
def test_snapshot_add_starts_a_staffing_section(style: str, run: Run, workdir: Path) -> None:
    write(workdir / "rows.csv", ROWS)
    plan = {k: v for k, v in PLAN.items() if k != "staffing"}
    path = write(workdir / "plans" / "demo.yaml", text(plan, style))
    result = run("snapshot", "add", "rows.csv", "--plan", "demo", "--as-of", "Mar 2022")
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    assert run("validate").stdout == "1 file checked: no problems found\n"
    assert load(path)["staffing"]["snapshots"][0]["as_of"] == "Mar 2022"


@pytest.mark.parametrize("into", ["plan", "staffing file"])
@pytest.mark.parametrize("style", list(STYLES))
def test_snapshot_add(style: str, into: str, run: Run, workdir: Path) -> None:
    write(workdir / "rows.csv", ROWS)
    if into == "plan":
        path = write(workdir / "plans" / "demo.yaml", text(PLAN, style))
    else:
        plan = {k: v for k, v in PLAN.items() if k != "staffing"}
        write(workdir / "plans" / "demo.yaml", text(plan, style))
        path = write(workdir / "plans" / "demo-staffing.yaml", text(STAFFING, style))
    before = path.read_text("utf-8")
    result = run("snapshot", "add", "rows.csv", "--plan", "demo", "--as-of", "Mar 2022")
    assert (result.exit_code, result.stderr) == (0, ""), result.stdout
    assert run("validate").stdout.endswith("checked: no problems found\n")
    after = path.read_text("utf-8")
    assert after.startswith(before.rstrip("\n"))  # appended; nothing above it moved
    data = load(path)
    snapshots = data["staffing"]["snapshots"] if into == "plan" else data["snapshots"]
    assert snapshots[-1] == {
        "as_of": "Mar 2022",
        "teams": [
            {"team": "Assessment", "permanent": 23, "agency": 2, "vacant": 2},
            {"team": "Looked after", "permanent": 16, "agency": 2, "vacant": 1},
        ],
    }
    # The new snapshot's keys line up with the old one's, in the file's own style.
    lines = after.splitlines()
    old_as_of = next(line for line in lines if "as_of: Mar 2021" in line)
    new_as_of = next(line for line in lines if "as_of: Mar 2022" in line)
    assert new_as_of.index("as_of") == old_as_of.index("as_of")
    assert new_as_of.index("-") == old_as_of.index("-")
