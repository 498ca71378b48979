"""The editing commands: changes made to the text of plan files, keeping every comment."""

FORMATS = ("text", "json")
"""The editing commands' formats: text (the change as a unified diff, then what was written)
or json (what changed, field by field: file, plan, id, field, before, after)."""
