"""Exceptions that cross from the core to the CLI (kept import-light for start-up time)."""


class UsageError(Exception):
    """A path, option or configuration that cannot be used: the command exits 2 with this."""
