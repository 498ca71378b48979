"""Real git repositories for the `wfplan diff` tests: a base plan and scenarios of change."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Plan Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Plan Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_AUTHOR_DATE": "2022-01-10T09:00:00Z",
    "GIT_COMMITTER_DATE": "2022-01-10T09:00:00Z",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

PLAN = """\
wfplan: 1
id: demo
title: Demo <workforce> plan | 2021
period: {start: 2021-04-01, end: 2023}
themes:
  - {id: recruit, title: Recruitment}
actions:
  - id: campaign
    theme: recruit
    title: Run a recruitment campaign
    owner: HR
    milestones:
      - id: campaign-launch
        title: Campaign launched
        due: Jun 2021
        status: in_progress
      - id: campaign-review
        title: Campaign reviewed | *members* <b>told</b>
        due: Dec 2021
      - id: campaign-report
        title: Report to members
        due: Mar 2022
  - id: induction
    theme: recruit
    title: New induction programme
    due: Sep 2021
    status: done
    done_on: 2021-09-10
staffing:
  snapshots:
    - as_of: Mar 2021
      teams:
        - {team: Assessment, permanent: 20, agency: 5, vacant: 2}
        - {team: Looked after children, permanent: 15, agency: 3, vacant: 1}
targets:
  - {id: permanent-85, metric: permanent_share, value: 85%, by: 2023}
"""

REORDERED = """\
id: demo
wfplan: 1
title: Demo <workforce> plan | 2021
period: {end: 2023, start: 2021-04-01}
themes:
  - {title: Recruitment, id: recruit}
targets:
  - {id: permanent-85, metric: permanent_share, value: 85%, by: 2023}
actions:
  - id: induction
    theme: recruit
    title: New induction programme
    due: Sep 2021
    status: done
    done_on: 2021-09-10
  - id: campaign
    theme: recruit
    title: Run a recruitment campaign
    owner: HR
    milestones:
      - id: campaign-report
        title: Report to members
        due: Mar 2022
      - id: campaign-launch
        title: Campaign launched
        due: Jun 2021
        status: in_progress
      - id: campaign-review
        title: Campaign reviewed | *members* <b>told</b>
        due: Dec 2021
staffing:
  snapshots:
    - as_of: Mar 2021
      teams:
        - {team: Looked after children, permanent: 15, agency: 3, vacant: 1}
        - {team: Assessment, permanent: 20, agency: 5, vacant: 2}
"""

STAFFING_FILE = """\
wfplan: 1
kind: staffing
plan: demo
snapshots:
  - as_of: Mar 2022
    teams:
      - {team: Assessment, permanent: 23, agency: 2, vacant: 2}
      - {team: Looked after children, permanent: 16, agency: 2, vacant: 1}
"""

PLAN_FILE = "plans/demo.yaml"

# scenario -> {path: new text, or None to delete}
SCENARIOS: dict[str, dict[str, str | None]] = {
    "silent-slip": {PLAN_FILE: PLAN.replace("due: Dec 2021", "due: Feb 2022")},
    "recorded-slip": {
        PLAN_FILE: PLAN.replace(
            "        due: Mar 2022\n",
            "        due: Mar 2022\n        revised_due: Jun 2022\n"
            "        revision_reason: Members' meeting moved to June\n",
        )
    },
    "removed-unfinished": {
        PLAN_FILE: PLAN.replace(
            "      - id: campaign-report\n        title: Report to members\n"
            "        due: Mar 2022\n",
            "",
        )
    },
    "completed": {
        PLAN_FILE: PLAN.replace(
            "        status: in_progress\n", "        status: done\n        done_on: 2021-06-20\n"
        )
    },
    "reordered": {PLAN_FILE: REORDERED},
    "renamed": {PLAN_FILE: None, "plans/2021/demo-plan.yaml": PLAN},
    "breaks-at-head": {PLAN_FILE: PLAN.replace("status: in_progress", "status: finished")},
    # Everything else a reader cares about, in one edit: every class but progress and staffing.
    "rewritten": {
        PLAN_FILE: PLAN.replace("id: campaign-report", "id: members-report")
        .replace("due: Mar 2022", "due: Apr 2022")
        .replace("    owner: HR\n", "    owner: HR Resourcing\n    notes: Budget agreed\n")
        .replace("title: Campaign launched\n", "title: Campaign launched online\n")
        .replace("done_on: 2021-09-10", "done_on: 2021-08-30")
        .replace("value: 85%", "value: 80%")
        .replace("start: 2021-04-01", "start: 2021-03-01")
    },
    "staffing": {
        PLAN_FILE: PLAN.replace("permanent: 20, agency: 5", "permanent: 21, agency: 4"),
        "plans/staffing/demo-2022-03.yaml": STAFFING_FILE,
    },
}


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def apply(root: Path, files: dict[str, str | None]) -> None:
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")


def make_repo(root: Path, scenario: str, base: dict[str, str | None] | None = None) -> Path:
    """A repository with the base plan on `main` and the scenario committed on `change`."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "-c", "init.defaultBranch=main", "init", "-q")
    apply(root, base or {PLAN_FILE: PLAN})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Base plan")
    git(root, "checkout", "-q", "-b", "change")
    apply(root, SCENARIOS[scenario])
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", scenario)
    return root


def make_pair(
    root: Path, base: dict[str, str | None], head: dict[str, str | None], *, branch: str = "change"
) -> Path:
    """A repository with `base` committed on `main` and `head` applied on top on `branch`."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "-c", "init.defaultBranch=main", "init", "-q")
    apply(root, base)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Base plan")
    git(root, "checkout", "-q", "-b", branch)
    apply(root, head)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", "Change")
    return root
