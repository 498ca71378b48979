"""The rule registry: every diagnostic code, its documentation and its check, by code.

`RULES[code]` has `.code`, `.name` (a slug), `.severity`, `.summary` (from
`diagnostics.CODES`, the plain data the reader uses too), `.doc` (the documentation as
written), `.parts` (what, why, the failing and the passing example) and `.check` (None
for the codes raised outside the per-plan checks). A test keeps this registry and
`diagnostics.CODES` the same set of codes.
"""

from __future__ import annotations

from workforce_cli.checks import (
    dates,
    ids,
    progress,
    reading,
    schema,
    staffing,
    suppressions,
    targets,
)
from workforce_cli.checks.rule import Check, Rule

_FAMILIES = (reading, schema, dates, ids, progress, staffing, targets, suppressions)

RULES: dict[str, Rule] = {
    r.code: r for r in sorted((r for f in _FAMILIES for r in f.RULES), key=lambda r: r.code)
}

CHECKS: tuple[Check, ...] = tuple(r.check for r in RULES.values() if r.check is not None)
"""The check functions, in code order: what `engine.check_repository` runs on each plan."""


def find(code_or_name: str) -> Rule | None:
    """The rule of a code (`WF101`, `wf101`) or a name (`unknown-key`), if there is one."""
    wanted = code_or_name.strip()
    found = RULES.get(wanted.upper())
    if found is not None:
        return found
    return next((r for r in RULES.values() if r.name == wanted.lower()), None)


def code_range() -> str:
    """The first and last codes, as an unknown code's error message gives them."""
    codes = list(RULES)
    return f"{codes[0]}-{codes[-1]}"
