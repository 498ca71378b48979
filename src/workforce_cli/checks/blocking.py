"""Which broken files stand in the way of which plans.

A command that computes on plans never shows a plan built on a file with errors. The rule
(documented in the README, "When a file has errors"):

- a file with errors blocks the plan it names (a plan file's `id`, a staffing file's
  `plan`), and every plan when it names none that can be read (such a file might be any
  plan's, or a staffing file of any of them);
- a view of every plan (`status`, `overdue`, `staffing`, `report`, `calendar` without
  `--plan`) is refused while any file has errors, naming each one;
- a view of one plan (`--plan ID`) and an edit go ahead when nothing blocks that plan; the
  files left out are named on stderr.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from workforce_cli.diagnostics import Diagnostic
from workforce_cli.output import visible
from workforce_cli.read.sources import SourceFile


@dataclass(frozen=True)
class Broken:
    """A file with errors, the plan it names (None: it names none), and its errors."""

    file: str
    plan: str | None
    errors: tuple[Diagnostic, ...]

    def blocks(self, plan_ids: Collection[str]) -> bool:
        return self.plan is None or self.plan in plan_ids

    @property
    def described(self) -> str:
        named = f'plan "{self.plan}"' if self.plan else "its plan cannot be told"
        first = self.errors[0]
        return (
            f"{visible(self.file)} ({named}; {len(self.errors)} error"
            f"{'' if len(self.errors) == 1 else 's'}, first at line {first.line}: {first.code})"
        )


def broken_files(files: Iterable[SourceFile], diagnostics: Iterable[Diagnostic]) -> list[Broken]:
    """The files with at least one error, in the order the diagnostics come (file order)."""
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.severity == "error":
            by_file.setdefault(d.file, []).append(d)
    sources = {source.display: source for source in files}
    found = []
    for file, errors in by_file.items():
        source = sources.get(file)
        plan = source.declared_plan() if source is not None else None
        found.append(Broken(file, plan, tuple(errors)))
    return found


def blocking(broken: Sequence[Broken], plan_ids: Collection[str]) -> list[Broken]:
    return [b for b in broken if b.blocks(plan_ids)]


def errors_of(broken: Iterable[Broken]) -> list[Diagnostic]:
    return [d for b in broken for d in b.errors]


def names(broken: Iterable[Broken]) -> str:
    return ", ".join(visible(b.file) for b in broken)
