"""Checks as rules: one rule per diagnostic code, registered in `rules.RULES`.

A rule is a code's documentation (what it checks, why, a failing and a passing example)
and, for the semantic codes, the function that checks it (`rule.py` says where each part
lives). The families: `reading` (WF001-WF008) and `schema` (WF101-WF104) document what the
reader raises; `dates`, `ids`, `progress`, `staffing` and `targets` check plans that passed
the schema for what a schema cannot see: dates, references, status rules and totals.
`engine.check_repository` runs them all; `render` prints what they find (`wfplan
validate`), `explain` prints the rules' documentation (`wfplan explain`).
"""

FORMATS = ("text", "json", "github", "sarif", "gitlab")
"""The output formats of `wfplan validate` (`render.FORMATTERS` has one printer each)."""

EXPLAIN_FORMATS = ("text", "markdown")
"""The output formats of `wfplan explain` (each `explain` registry has one printer each)."""
