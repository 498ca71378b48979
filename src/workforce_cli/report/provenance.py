"""Where a report came from: each plan's repository-relative path and git revision, and when
the report was generated.

The generation time is the `SOURCE_DATE_EPOCH` environment variable when it is set (seconds
since 1970, the reproducible-builds convention), else the clock. With `--as-of` (or
`WFPLAN_AS_OF`) and `SOURCE_DATE_EPOCH` both set, the same plans give the same bytes.
Times are shown in UK time (GMT or BST), dates the UK way.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from workforce_cli.errors import UsageError
from workforce_cli.read.sources import LoadedPlan

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"


def generation_time(environ: dict[str, str] | None = None) -> datetime:
    """`SOURCE_DATE_EPOCH` if set (a usage error if it is not whole seconds), else now."""
    env = os.environ if environ is None else environ
    given = env.get(EPOCH_VARIABLE, "").strip()
    if not given:
        return datetime.now(UTC)
    try:
        return datetime.fromtimestamp(int(given), UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f'{EPOCH_VARIABLE} is "{given}"; it must be a whole number of seconds since '
            "1 January 1970 (e.g. `git log -1 --format=%ct`)"
        ) from None


def uk_time(moment: datetime) -> str:
    """`3 Dec 2026, 08:20 GMT` (UK time; UTC where the time zone data is missing)."""
    try:
        local = moment.astimezone(ZoneInfo("Europe/London"))
    except ZoneInfoNotFoundError:
        local = moment.astimezone(UTC)
    return f"{local.day} {local:%b %Y}, {local:%H:%M} {local.tzname()}"


@dataclass(frozen=True)
class _Checkout:
    top: Path
    revision: str | None
    changed: frozenset[str]


def git_output(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(cwd), *args],
            capture_output=True,
            check=False,
            env={**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"},
        )
    except OSError:
        return None
    return done.stdout.decode("utf-8", "surrogateescape") if done.returncode == 0 else None


@dataclass
class Provenance:
    """The generation time, and a cache of the git checkouts the plans are in."""

    now: datetime = field(default_factory=generation_time)
    _checkouts: dict[Path, _Checkout | None] = field(default_factory=dict)

    @property
    def generated_text(self) -> str:
        return uk_time(self.now)

    def _checkout(self, folder: Path) -> _Checkout | None:
        if folder in self._checkouts:
            return self._checkouts[folder]
        top_text = git_output(folder, "rev-parse", "--show-toplevel")
        found: _Checkout | None = None
        if top_text:
            top = Path(top_text.strip()).resolve()
            known = next((c for c in self._checkouts.values() if c and c.top == top), None)
            if known is not None:
                found = known
            else:
                head = git_output(top, "rev-parse", "--short=7", "--verify", "--quiet", "HEAD")
                listing = git_output(top, "status", "--porcelain=v1", "-z", "--untracked-files=all")
                changed = set()
                for record in (listing or "").split("\0"):
                    if len(record) > 3 and record[2] == " ":
                        changed.add(record[3:])
                found = _Checkout(top, head.strip() if head else None, frozenset(changed))
        self._checkouts[folder] = found
        return found

    def for_plan(self, loaded: LoadedPlan) -> dict[str, Any]:
        """`{path, revision, modified, text}` for the plan's file (and its staffing files)."""
        path = loaded.source.path.resolve()
        # Snapshots kept in the plan's own file all name that file: each file resolved once.
        others = {ref.source.path for ref in loaded.snapshots} - {loaded.source.path}
        files = {path} | {other.resolve() for other in others}
        checkout = self._checkout(path.parent)
        if checkout is None:
            return {
                "path": _outsidegit_output(path),
                "revision": None,
                "modified": False,
                "text": "not in a git repository",
            }
        relative = [f.relative_to(checkout.top).as_posix() for f in files]
        modified = checkout.revision is None or any(r in checkout.changed for r in relative)
        if checkout.revision is None:
            text = "git: not yet committed"
        else:
            text = f"git {checkout.revision}" + (" (modified)" if modified else "")
        return {
            "path": path.relative_to(checkout.top).as_posix(),
            "revision": checkout.revision,
            "modified": modified,
            "text": text,
        }


def _outsidegit_output(path: Path) -> str:
    """Relative to the current folder when under it; else the file's name (never a home)."""
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.name
