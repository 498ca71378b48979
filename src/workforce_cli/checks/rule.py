"""A rule: one diagnostic code, its documentation, and the function that checks it.

Where each part lives, and why:

- The plain data of a code (code, name, severity, summary) is `diagnostics.CODES`, at the
  foundation. The reader raises the codes of reading (YAML, UTF-8, schema: WF001-WF104;
  the cross-file WF301 and WF307) and imports only downwards, so it cannot import
  `checks/`; it finds a code's severity there. A rule takes its data from that table, so
  the table is the single source of code, name, severity and summary.
- The documentation and the check are here, in `checks/`: a rule made with `@rule(CODE)`
  is a check function whose docstring is the rule's documentation; a code raised outside
  the per-plan checks (by the reader, or by the suppressions of `policy.py`, WF601-WF602)
  is documented with `raised_rule(CODE, doc)` in the family it belongs to, and has no
  check function (`check is None`).

A rule's documentation has four parts, in this order (the suite parses every rule's):

    What the rule checks (one or more paragraphs).

    Why: why it matters (one or more paragraphs).

    Fails:

        a complete file (indented) that gives this code and no other

    Passes:

        a file that gives no diagnostic at all (the same file put right, where it can be)

An example is a complete file, so a reader can copy it and see the diagnostic. An example
of several files gives each a `# file: NAME` line first (a plan and its staffing file).
Directives say what a YAML snippet cannot show: `# example: saved as ENCODING` (the file
is written in that encoding, not UTF-8), `# example: padded to N MiB` (comment lines are
added until the file is that large), `# example: each X is the control character U+NNNN`,
`# example: nested N deep in notes` (a `notes:` line of N brackets is added) and
`# example: a named pipe` (the file is a named pipe). The suite writes each example to a folder
and runs `wfplan validate` on it.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from workforce_cli.diagnostics import CODES, Diagnostic, Severity
from workforce_cli.model.walk import MilestoneRef, milestones
from workforce_cli.read.sources import LoadedPlan

Check = Callable[[LoadedPlan], Iterator[Diagnostic]]
T = TypeVar("T")

_SECTIONS = re.compile(
    r"\A(?P<what>.+?)\n\nWhy: (?P<why>.+?)\n\nFails:\n(?P<fails>.+?)\nPasses:\n(?P<passes>.+)\Z",
    re.S,
)


@dataclass(frozen=True)
class Doc:
    """A rule's documentation, in its parts (examples dedented, without their indent)."""

    what: str
    why: str
    fails: str
    passes: str


@dataclass(frozen=True)
class Rule:
    code: str
    doc: str
    """The documentation as written (a docstring, cleaned of its indentation)."""
    check: Check | None = None
    """Yields this rule's diagnostics for one plan; None for a code raised elsewhere."""
    parts: Doc = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"{self.code}: no such code in diagnostics.CODES")
        object.__setattr__(self, "parts", parse(self.code, self.doc))

    @property
    def name(self) -> str:
        return CODES[self.code].name

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def summary(self) -> str:
        return CODES[self.code].summary


def rule(code: str) -> Callable[[Check], Rule]:
    """Make a check function the rule of `code`; its docstring is the documentation."""

    def make(check: Check) -> Rule:
        return Rule(code, inspect.cleandoc(check.__doc__ or ""), check)

    return make


def raised_rule(code: str, doc: str) -> Rule:
    """The rule of a code raised elsewhere (`read/`, `policy.py`): documented here."""
    return Rule(code, inspect.cleandoc(doc))


def per_plan(compute: Callable[[LoadedPlan], T]) -> Callable[[LoadedPlan], T]:
    """Remember what several rules compute from one plan, for the plan being checked.

    The engine runs every rule on a plan before it moves to the next, so remembering the
    last plan's answer is enough; the answer is shared, and no rule may change it.
    """
    return lru_cache(maxsize=1)(compute)


@per_plan
def plan_milestones(loaded: LoadedPlan) -> list[MilestoneRef]:
    """The plan's milestones (an action without milestones is its own), walked once."""
    return list(milestones(loaded.plan))


def parse(code: str, doc: str) -> Doc:
    match = _SECTIONS.match(doc)
    if match is None:
        raise ValueError(f"{code}: documentation needs what, Why:, Fails: and Passes: parts")
    return Doc(
        what=match["what"].strip(),
        why=match["why"].strip(),
        fails=_example(match["fails"]),
        passes=_example(match["passes"]),
    )


def _example(block: str) -> str:
    return textwrap.dedent(block).strip("\n") + "\n"
