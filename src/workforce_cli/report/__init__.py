"""wfplan report and calendar: the progress report a committee reads, and the iCalendar feed."""

FORMATS = ("markdown", "html")
"""The output formats of `wfplan report` (`md` is accepted for markdown)."""
