"""wfplan diff: what a change does to the plans between two revisions."""

FORMATS = ("text", "markdown", "json", "github", "sarif", "gitlab")
"""The output formats of `wfplan diff` (`render.FORMATS` has one renderer each)."""
