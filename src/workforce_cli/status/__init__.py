"""wfplan status and overdue: each milestone rated as of a date, then rendered."""

FORMATS = ("text", "json", "markdown")
"""The output formats of `wfplan status` (`render.FORMATS` has one renderer each)."""

OVERDUE_FORMATS = ("text", "json", "csv")
"""The output formats of `wfplan overdue` (`overdue.FORMATS`)."""
