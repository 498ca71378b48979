"""Check plan files one at a time, in this process or in worker processes.

`validate`, `status`, `overdue` and `report --output-dir` need of each plan only what its
checks find and what the command computes on it (a status, a written report), so each file
is read, checked and computed on alone, and then let go: memory holds one plan at a time,
whatever the size of the repository. Above `POOL_FROM` bytes of plans (or when `--jobs` asks
for it), files are shared among worker processes, the largest first. Workers send back
diagnostics and results, never models: pickling a model costs more than building it.

What needs more than one file is done here, in the parent, once every file is back: plan ids
are unique, staffing files join their plans (a plan that a staffing file joins is read and
checked again here, with it), suppressions and severities apply. The diagnostics and the
results come out in file order, the same for any number of workers.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from traceback import format_exc
from typing import Any, Generic, TypeVar, cast

from workforce_cli.checks import policy
from workforce_cli.checks.rules import CHECKS
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.errors import UsageError
from workforce_cli.model import Plan, StaffingFile
from workforce_cli.read import loader
from workforce_cli.read.loader import Named
from workforce_cli.read.sources import LoadedPlan, SourceFile, collector_paused

T = TypeVar("T")

POOL_FROM = 1024 * 1024
"""Plans of fewer bytes than this are checked in this process unless `--jobs` says otherwise:
starting workers costs more than they would save."""


def available_cpus() -> int:
    """The CPUs this process may run on (a container's or `taskset`'s limit included)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


@dataclass
class Outcome(Generic[T]):
    """One file as its worker sends it back."""

    source: SourceFile
    """Released: no data, no positions; its text only if it holds a suppression."""
    read: list[Diagnostic]
    """The reading and schema problems."""
    checked: list[Diagnostic] = field(default_factory=list)
    """What the plan's checks found (a plan file that loaded)."""
    plan: loader.Named | None = None
    """A plan file that loaded: its id and where it is written."""
    joins: loader.Named | None = None
    """A staffing file that loaded: the plan it names."""
    result: T | None = None
    error: str | None = None
    """A file that could not be read at all (a usage error): the message."""
    deferred: bool = False
    """The work waits: the plan's checks found errors, which a suppression may yet lift."""
    crash: str | None = None
    """A bug met in the worker: the traceback (an exception may not survive pickling)."""


@dataclass
class Checked(Generic[T]):
    """Every file checked: what `check_repository` would find, and the work's results."""

    files: list[SourceFile]
    diagnostics: list[Diagnostic]
    plan_ids: list[str]
    """The ids of the plans that loaded, in file order."""
    results: list[tuple[str, T]]
    """(plan id, result) for each plan the work ran on, in file order."""


Work = Callable[[LoadedPlan], T]


def check_files(
    paths: Sequence[Path],
    severities: Mapping[str, str] | None = None,
    jobs: int | None = None,
    work: Work[T] | None = None,
    wanted: str | None = None,
    *,
    limit: int = loader.MAX_FILE_BYTES,
) -> Checked[T]:
    """Read and check the files at `paths` (as `loader.discover` finds them); run `work` on
    each plan that loads (only the plan `wanted`, if given) once its checks are done.

    `jobs`: worker processes; None means one per available CPU, above `POOL_FROM` bytes.
    """
    outcomes = _run(paths, jobs, work, wanted, limit)
    for outcome in outcomes:
        if outcome.crash is not None:
            raise RuntimeError(f"a worker process failed:\n{outcome.crash}")
        if outcome.error is not None:
            raise UsageError(outcome.error)
    plans = [o for o in outcomes if o.plan is not None]
    staffing = [o for o in outcomes if o.joins is not None]
    cross, joins = loader.cross_file(
        [o.plan for o in plans if o.plan], [o.joins for o in staffing if o.joins]
    )
    joined: dict[int, list[Path]] = {}
    for doc, target in joins.items():
        joined.setdefault(target, []).append(staffing[doc].source.path)
    for target, docs in joined.items():
        _again(plans[target], docs, work, wanted, limit)
    found = [d for o in outcomes for d in o.read] + cross
    found.extend(d for o in outcomes for d in o.checked)
    files = [o.source for o in outcomes]
    diagnostics = policy.apply(found, files, severities or {})
    # A plan with errors is not computed on where it is checked; if suppressions or
    # severities leave it without any, it is computed on here.
    with_errors = {d.file for d in diagnostics if d.severity == "error"}
    for index, outcome in enumerate(plans):
        if outcome.deferred and outcome.source.display not in with_errors:
            _again(outcome, joined.get(index, []), work, wanted, limit, deferring=False)
    return Checked(
        files,
        diagnostics,
        [o.plan.name for o in plans if o.plan],
        [(o.plan.name, o.result) for o in plans if o.plan and o.result is not None],
    )


def _one(path: Path, work: Work[T] | None, wanted: str | None, limit: int) -> Outcome[T]:
    try:
        source, model, problems = loader.read_document(path, limit=limit)
    except UsageError as err:
        return Outcome(SourceFile(path, str(path)), [], error=str(err))
    outcome: Outcome[T] = Outcome(source, problems)
    try:
        if isinstance(model, Plan):
            loaded = LoadedPlan(model, source)
            loader.own_snapshots(loaded)
            outcome.plan = Named.of(source, model.id, "id")
            _check(outcome, loaded, work, wanted)
        elif isinstance(model, StaffingFile):
            outcome.joins = Named.of(source, model.plan, "plan")
    except UsageError as err:
        outcome.error = str(err)
    source.release()
    return outcome


def _check(
    outcome: Outcome[T],
    loaded: LoadedPlan,
    work: Work[T] | None,
    wanted: str | None,
    deferring: bool = True,
) -> None:
    """The plan's checks, then the work on it, unless the checks found an error (the work
    may assume a sound plan): then it waits for suppressions and severities (`deferred`)."""
    outcome.checked = [d for check in CHECKS for d in check(loaded)]
    outcome.deferred, outcome.result = False, None
    if work is None or (wanted is not None and loaded.id != wanted):
        return
    if deferring and any(d.severity == "error" for d in outcome.checked):
        outcome.deferred = True
    else:
        outcome.result = work(loaded)


def _again(
    outcome: Outcome[T],
    staffing: list[Path],
    work: Work[T] | None,
    wanted: str | None,
    limit: int,
    deferring: bool = True,
) -> None:
    """A plan read again, with the staffing files that join it, and checked (and computed
    on) with their snapshots; its reading problems were counted the first time."""
    with collector_paused(freeze=False):
        repository = loader.load_files([outcome.source.path, *staffing], limit=limit)
        plan = next((p for p in repository.plans if p.source.path == outcome.source.path), None)
        if plan is not None:  # None: the file changed under us; the first reading stands
            _check(outcome, plan, work, wanted, deferring)
        for source in repository.files:
            source.release()


_JOB: tuple[list[Path], Work[Any] | None, str | None, int] | None = None
"""What the workers work on: set before they are started (they inherit it), never pickled."""


def _in_worker(index: int) -> tuple[int, Outcome[Any]]:
    assert _JOB is not None
    paths, work, wanted, limit = _JOB
    with collector_paused(freeze=False):
        try:
            return index, _one(paths[index], work, wanted, limit)
        except Exception:
            return index, Outcome(
                SourceFile(paths[index], str(paths[index])), [], crash=format_exc()
            )


def workers(jobs: int | None, sizes: Sequence[int]) -> int:
    """How many worker processes to check files of these sizes with (1: none, this process)."""
    # Workers are forked copies of this process: on Linux. Elsewhere forking is either
    # missing or unsafe (macOS system libraries), and starting fresh interpreters would cost
    # more than it saves.
    if len(sizes) < 2 or not sys.platform.startswith("linux"):
        return 1
    if jobs is None:
        if sum(sizes) < POOL_FROM:
            return 1
        jobs = available_cpus()
    return max(1, min(jobs, len(sizes)))


def _run(
    paths: Sequence[Path], jobs: int | None, work: Work[T] | None, wanted: str | None, limit: int
) -> list[Outcome[T]]:
    sizes = [_size(path) for path in paths]
    count = workers(jobs, sizes)
    if count == 1:
        with collector_paused(freeze=False):
            return [_one(path, work, wanted, limit) for path in paths]
    global _JOB
    _JOB = (list(paths), work, wanted, limit)
    outcomes: list[Outcome[T] | None] = [None] * len(paths)
    largest_first = sorted(range(len(paths)), key=lambda i: -sizes[i])
    try:
        # Workers start as copies of this process (fork): the models and the checks are
        # imported already, and `_JOB`, `work` included, need not be pickled.
        import multiprocessing  # here: a small repository never starts a worker

        with multiprocessing.get_context("fork").Pool(count, _quiet) as pool:
            for index, outcome in pool.imap_unordered(_in_worker, largest_first):
                outcomes[index] = cast(Outcome[T], outcome)
    finally:
        _JOB = None
    return [o for o in outcomes if o is not None]


def _quiet() -> None:
    """A worker leaves Ctrl-C to the parent, which stops the workers and exits 130: a
    terminal's interrupt reaches every process, and each would print a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # What the worker was forked with (modules, the models) lives as long as it does: the
    # cycle collector need not scan it, nor touch its pages (which the parent shares).
    gc.freeze()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
