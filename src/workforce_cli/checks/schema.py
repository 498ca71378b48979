"""The rules of the schema (WF101-WF104): keys, types and allowed values.

The pydantic models of `model/` are the schema; `read/schema_errors.py` turns what they
refuse into these codes while the file is read, so the rules here are their documentation.
A file with schema errors gets its other checks once they are fixed: they would report
consequences of the slip rather than real problems.
"""

from __future__ import annotations

from workforce_cli.checks.rule import raised_rule

UNKNOWN_KEY = raised_rule(
    "WF101",
    """
    A key the file format does not have, with a "did you mean" hint when a known key is
    close.

    Why: a misspelt key would otherwise be ignored without a word: a `milstones:` list
    would leave the action without milestones, and its deadlines would never be chased.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milstones:
              - {id: m1, title: Adverts out, due: Dec 2021}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milestones:
              - {id: m1, title: Adverts out, due: Dec 2021}
    """,
)

MISSING_KEY = raised_rule(
    "WF102",
    """
    A required key is missing: a plan's `wfplan`, `id` or `title`; an action's or
    milestone's `id` and `title`; a milestone's `due`; a snapshot's `as_of`, ...

    Why: these are what every command relies on: an id to refer to, a title to show, and
    for a milestone the deadline it is tracked against (`due: tbc` or `due: ongoing` where
    the source gives none).

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milestones:
              - {id: m1, title: Adverts out}

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milestones:
              - {id: m1, title: Adverts out, due: Dec 2021}
    """,
)

WRONG_TYPE = raised_rule(
    "WF103",
    """
    A value of the wrong type: text where a list belongs, a list where a mapping belongs,
    text where a number belongs.

    Why: a value of the wrong shape cannot be read the way the format means it; wfplan
    does not guess (a sentence is not a list of milestones).

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milestones: Three job events

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            milestones:
              - {id: m1, title: First job event, due: Dec 2021}
    """,
)

VALUE_NOT_ALLOWED = raised_rule(
    "WF104",
    """
    A value of the right type that is not allowed: a choice not in the list (`status`,
    `metric`, `unit`, `better`), an id that is not lower-case letters, digits and hyphens,
    a negative FTE, a percentage over 100, an empty title.

    Why: each of these would make a figure or a rating wrong, or an id that other files
    cannot refer to reliably. The hint lists the allowed choices.

    Fails:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            status: in-progress

    Passes:

        wfplan: 1
        id: example
        title: Example plan
        actions:
          - id: a1
            title: Run a recruitment campaign
            due: Dec 2021
            status: in_progress
    """,
)

RULES = (UNKNOWN_KEY, MISSING_KEY, WRONG_TYPE, VALUE_NOT_ALLOWED)
