"""The rules of inline suppressions (WF601-WF602): `# wfplan: ignore CODE -- reason`.

`policy.py` reads the suppressions and raises these codes once every other check has run
(a suppression is unused only if no diagnostic was found on its line); the rules here are
their documentation.
"""

from __future__ import annotations

from workforce_cli.checks.rule import raised_rule

INVALID_SUPPRESSION = raised_rule(
    "WF601",
    """
    A `# wfplan: ignore` comment gives no reason after `--`, or names no known code. It
    suppresses nothing.

    Why: a suppression accepts a finding on purpose; whoever reads the plan later must be
    able to tell why, and a misspelt code would hide nothing while looking as if it did.

    Fails:

        wfplan: 1
        id: example
        title: Example plan  # wfplan: ignore WF101

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Restructure the teams
            due: tbc  # wfplan: ignore WF205 -- the date is set at the board in May
    """,
)

UNUSED_SUPPRESSION = raised_rule(
    "WF602",
    """
    A `# wfplan: ignore` comment that suppresses nothing: the line it covers (its own, or
    for a comment on a line of its own, the next line) has no diagnostic of that code.

    Why: the problem was put right, or the comment sits on the wrong line; either way it
    should go, so that stale suppressions do not pile up and hide a later problem.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Restructure the teams
            due: May 2022  # wfplan: ignore WF205 -- the date is set at the board in May

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Restructure the teams
            due: May 2022
    """,
)

RULES = (INVALID_SUPPRESSION, UNUSED_SUPPRESSION)
