"""`wfplan explain`: a rule's documentation, the list of rules, or all of them."""

from __future__ import annotations

import sys

from workforce_cli.checks import explain
from workforce_cli.checks.rules import RULES, code_range, find
from workforce_cli.diagnostics import did_you_mean
from workforce_cli.errors import UsageError


def run(code: str | None, output_format: str, every: bool) -> int:
    rules = list(RULES.values())
    if code is None:
        formatters = explain.ALL_FORMATTERS if every else explain.LIST_FORMATTERS
        sys.stdout.write(formatters[output_format](rules))
        return 0
    if every:
        raise UsageError("give a code or --all, not both")
    rule = find(code)
    if rule is None:
        close = did_you_mean(code.lower(), [r.name for r in rules])
        raise UsageError(
            f'unknown code "{code}": the codes are {code_range()}'
            + (f"; {close}" if close else "; `wfplan explain` lists them")
        )
    sys.stdout.write(explain.RULE_FORMATTERS[output_format](rule))
    return 0
