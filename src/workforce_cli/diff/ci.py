"""`wfplan diff` for CI platforms: SARIF 2.1.0 and GitLab Code Quality, and root-relative
paths for every machine format (see `checks.reports`).

Each change is a finding of the rule named after its kind (`wfplan-diff/silent_slip`); a
plan that fails to load at the head revision is a finding of its first error's code. The
level follows the GitHub format: error when a --fail-on condition names the change,
warning for a silent slip, an unfinished removal or a weakened target, note otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from workforce_cli.checks import reports
from workforce_cli.diagnostics import CODES
from workforce_cli.diff.results import (
    CLASSES,
    CONDITIONS,
    KINDS,
    ORDER,
    Change,
    Diff,
    Failure,
    Place,
)

PREFIX = "wfplan-diff/"


def rooted(diff: Diff) -> Diff:
    """The diff with every file relative to the repository root."""
    base = reports.root()

    def place(where: Place | None) -> Place | None:
        return replace(where, file=reports.relative(where.file, base)) if where else None

    def failure(found: Failure | None) -> Failure | None:
        if found is None:
            return None
        return replace(
            found, first=replace(found.first, file=reports.relative(found.first.file, base))
        )

    plans = [
        replace(
            plan,
            file=reports.relative(plan.file, base),
            base_failure=failure(plan.base_failure),
            head_failure=failure(plan.head_failure),
            changes=[replace(c, place=place(c.place)) for c in plan.changes],
        )
        for plan in diff.plans
    ]
    return replace(diff, plans=plans)


def _rules() -> list[reports.Rule]:
    found = []
    for kind, (one, _, cls) in KINDS.items():
        conditions = [name for name, _ in CONDITIONS.items() if name in _meets(kind)]
        extra = f" It meets --fail-on {', '.join(conditions)}." if conditions else ""
        found.append(
            reports.Rule(
                PREFIX + kind,
                one,
                f"{one} (class {cls}: {CLASSES[cls]}).{extra} `wfplan diff --fail-on {cls}` "
                "fails the check on it; the README lists every kind of change.",
                "warning" if extra or cls == "target-weakened" else "note",
            )
        )
    for code, (severity, text) in CODES.items():
        help_text = f"{code} ({severity}): {text}. The plan fails to load at the head revision."
        found.append(reports.Rule(code, text, help_text, "error"))
    return found


def _meets(kind: str) -> tuple[str, ...]:
    # What a change of this kind can meet: moved later, or removed with unfinished work.
    removal = kind in ("plan_removed", "action_removed", "milestone_removed")
    probe = Change(kind, "", "", None, days=1, unfinished=("x",) if removal else ())
    return probe.fails


Describe = Callable[[Change], str]


def _order(change: Change) -> tuple[int, int, str]:
    return (ORDER[change.kind], change.place.line if change.place else 0, change.id)


def findings(diff: Diff, fail_on: tuple[str, ...], describe: Describe) -> list[reports.Finding]:
    """Every change (and failure at head) as a finding; `describe` words a change."""
    diff = rooted(diff)
    found: list[tuple[str, reports.Level, str, Place, tuple[str, ...]]] = []
    for plan in diff.plans:
        if plan.head_failure:
            d = plan.head_failure.first
            where = Place(d.file, d.line, d.column)
            key: tuple[str, ...] = (d.code, d.file, d.message)
            found.append((d.code, "error", f"{plan.name}: {d.message}", where, key))
        for c in sorted(plan.changes, key=_order):
            if c.place is None:
                continue
            level: reports.Level = (
                "error" if set(c.fails) & set(fail_on) else "warning" if c.serious else "note"
            )
            key = (c.kind, plan.name, c.id, c.before or "", c.after or "", *c.details)
            found.append((PREFIX + c.kind, level, describe(c), c.place, key))
    prints = reports.fingerprints(key for *_, key in found)
    return [
        reports.Finding(rule, level, message, where.file, where.line, where.column, fingerprint)
        for (rule, level, message, where, _), fingerprint in zip(found, prints, strict=True)
    ]


def sarif(diff: Diff, fail_on: tuple[str, ...], describe: Describe) -> str:
    return reports.sarif(findings(diff, fail_on, describe), _rules(), "wfplan diff")


def gitlab(diff: Diff, fail_on: tuple[str, ...], describe: Describe) -> str:
    return reports.gitlab(findings(diff, fail_on, describe))
