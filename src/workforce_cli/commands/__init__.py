"""Command implementations: each takes parsed options, returns an exit code, and prints.

`cli.py` only declares the options and calls into these; the core modules they use never
print or exit.
"""
