"""wfplan staffing: figures by team, targets and measures, computed then rendered."""

FORMATS = ("text", "json", "csv")
"""The output formats of `wfplan staffing` (`render.FORMATS` has one formatter each)."""
