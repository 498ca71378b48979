"""`wfplan report --since REV`: what changed since the last report, from `wfplan diff`'s engine.

The plans at REV (the revision the last report was made from) are compared with the plans
as they are now (the working tree), exactly as `wfplan diff REV` compares them; this only
sorts the changes into what a committee asks first: what slipped, what was completed, what
was added, what was dropped or removed, and how each staffing target moved.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from workforce_cli import dates, output
from workforce_cli.diff.results import Change, Diff, PlanDiff
from workforce_cli.errors import UsageError
from workforce_cli.model import schedule
from workforce_cli.read import git as gitfiles
from workforce_cli.read import loader as loading
from workforce_cli.read.sources import LoadedPlan, Repository
from workforce_cli.report.provenance import git_output
from workforce_cli.staffing import engine as staffing_report
from workforce_cli.staffing.targets import METRIC_WORDS
from workforce_cli.status.engine import Options

GROUPS: dict[str, tuple[str, ...]] = {
    "slipped": ("silent_slip", "reslipped", "anchor_slip", "recorded_slip"),
    "completed": ("completed",),
    "added": ("action_added", "milestone_added"),
    "removed": ("action_removed", "milestone_removed"),
    "reopened": ("reopened",),
    "status_changed": ("status_changed",),
    "brought_forward": ("due_changed", "revision_removed", "anchor_moved"),
}


@dataclass
class Since:
    """The plans at the revision of the last report, and their diff with the plans now."""

    revision: str
    commit: str
    diff: Diff
    base: Repository

    @property
    def revision_text(self) -> str:
        short = self.commit[:7]
        return self.revision if self.revision.startswith(short) else f"{self.revision} ({short})"

    @classmethod
    def read(cls, revision: str, paths: Sequence[Path]) -> Since:
        inside = git_output(Path.cwd(), "rev-parse", "--is-inside-work-tree")
        if inside is None or inside.strip() != "true":
            raise UsageError(
                f"--since {revision}: {Path.cwd()} is not inside a git repository; --since "
                "compares the plans with a revision of their repository"
            )
        # Here, not at the top: only a report with --since compares revisions.
        from workforce_cli.diff import engine as plandiff

        commit = gitfiles.require_commit(revision)
        specs = [Path(os.path.relpath(p)) if p.is_absolute() else p for p in paths]
        base_files = gitfiles.files_at(commit, specs)
        head_files = gitfiles.working_tree(specs)
        result = plandiff.diff(base_files, head_files, revision, None)
        base = loading.load_contents([(f.path, f.content) for f in base_files])
        return cls(revision, commit, result, base)

    def for_plan(self, loaded: LoadedPlan, options: Options) -> dict[str, Any]:
        """The plan's changes since the revision, grouped; and each target's move."""
        found: PlanDiff | None = next((p for p in self.diff.plans if p.plan_id == loaded.id), None)
        changes = found.changes if found is not None else []
        anchor = _anchor(loaded)
        groups = {
            name: [_change(c, anchor) for c in changes if c.kind in kinds]
            for name, kinds in GROUPS.items()
        }
        base_plan = self.base.plan(loaded.id)
        new_plan = found is not None and found.state == "added"
        return {
            "revision": self.revision_text,
            "new_plan": new_plan,
            "unreadable": found is not None and found.base_failure is not None,
            **groups,
            "dropped": [g for g in groups["status_changed"] if g["after"] == "dropped"],
            "targets": _targets(base_plan, loaded, options),
            "snapshots": [
                _change(c, anchor)
                for c in changes
                if c.kind in ("snapshot_added", "snapshot_removed", "snapshot_changed")
            ],
            "count": len(changes),
        }


def _anchor(loaded: LoadedPlan) -> date | None:
    try:
        return schedule.anchor(loaded.plan)
    except dates.DateError:
        return None


def _resolved(text: str | None, anchor: date | None) -> str | None:
    """A date as written, shown as the day it falls due: "31 Dec 2021 (Dec 2021)"."""
    if text is None:
        return None
    try:
        expr = dates.parse(text)
        window = expr.window(anchor)
    except dates.DateError:
        return text
    if window is None:
        return text
    shown = output.day(window.end)
    exact = window.start == window.end and not expr.is_relative
    return shown if exact else f"{shown} ({text})"


def _change(change: Change, anchor: date | None) -> dict[str, Any]:
    dated = change.kind in (*GROUPS["slipped"], *GROUPS["brought_forward"], "completed")
    return {
        "kind": change.kind,
        "id": change.id,
        "title": change.title,
        "before": _resolved(change.before, anchor) if dated else change.before,
        "after": _resolved(change.after, anchor) if dated else change.after,
        "days": change.days,
        "reason": change.reason,
        "silent": "silent-slip" in change.fails,
        "unfinished": list(change.unfinished),
        "details": list(change.details),
    }


def _targets(base: LoadedPlan | None, head: LoadedPlan, options: Options) -> list[dict[str, Any]]:
    """Each target now, beside the same target at the revision (same as-of date)."""
    now = staffing_report.evaluate(head, options.as_of).targets
    then = {t.id: t for t in staffing_report.evaluate(base, options.as_of).targets} if base else {}
    rows = []
    for progress in now:
        before = then.get(progress.id)
        moved = None
        if before is not None and before.current is not None and progress.current is not None:
            moved = round(progress.current - before.current, 2) + 0.0
        rows.append(
            {
                "id": progress.id,
                "target": f"{METRIC_WORDS[progress.target.metric].capitalize()} {progress.goal}",
                "before": before.current_text if before is not None else "new target",
                "after": progress.current_text,
                "moved": moved,
                "state_before": before.state if before is not None else "",
                "state_after": progress.state,
            }
        )
    return rows
