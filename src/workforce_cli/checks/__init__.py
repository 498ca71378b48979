"""Semantic checks: one module per family, each a function from a plan to Diagnostics.

The schema (unknown keys, types, choices) is the models' job; these checks see plans that
passed it and look at what a schema cannot: references, dates, status rules and totals.
`engine.check_repository` runs them all; `render` prints what they find.
"""

FORMATS = ("text", "json", "github", "sarif", "gitlab")
"""The output formats of `wfplan validate` (`render.FORMATTERS` has one printer each)."""
