"""wfplan import: the tables of a council's Word document or spreadsheet become a plan file.

`engine.build` reads the tables into themes, actions, milestones and staffing snapshots
(`results`), `writer` writes them as a plan file, `render` reports what was done.
"""

FORMATS = ("text", "json")
"""The output formats of `wfplan import` (`render.FORMATS` has one renderer each)."""
