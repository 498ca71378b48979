"""Reading a file's bytes: regular files only, and never more than a limit.

A plan folder comes from a pull request, so it may hold anything git can commit or a user can
make: a symbolic link to `/dev/zero` (which reads forever), a named pipe (which blocks until
someone writes to it), a link to a terminal. Only regular files are read, links followed:

- `os.stat` first, so a device or pipe is refused without being opened (opening some devices
  does something);
- then `open` with `O_NONBLOCK` (a pipe swapped in since the stat cannot block the open) and
  `fstat` on the open descriptor, which is the file actually read;
- then reading in chunks that stop one byte past the limit, so a file that grows while it is
  read, or lies about its size, never fills memory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from workforce_cli.config import DEFAULT_MAX_FILE_SIZE, UNITS, format_size
from workforce_cli.errors import UsageError

CHUNK = 1024 * 1024
PLAN_LIMIT = DEFAULT_MAX_FILE_SIZE
"""Plan and staffing files larger than this are refused (WF001) unless `--max-file-size` or
the `max_file_size` setting lifts the limit: the largest real plan is about 30 KB."""


class FileRefused(Exception):
    """The file was not read: `code` (WF001 too large, WF009 not a regular file) and why."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # pragma: no cover - every kind Linux has is named above


def _not_regular(path: Path, mode: int) -> FileRefused:
    kind = _kind(mode)
    link = " a symbolic link to" if path.is_symlink() else ""
    return FileRefused(
        "WF009",
        f"this is{link} {kind}, not a regular file; it was not read",
        "plan folders hold plan files only; remove it, or replace it with the file itself",
    )


def too_large(size: int | None, limit: int) -> FileRefused:
    """WF001: the size in the unit the limit is written in, and how to lift the limit to a
    size that reads the file (the next whole MB above its size)."""
    shown = format_size(limit)
    limited = f"plan files are limited to {shown}"
    unit = UNITS.get(shown.split()[-1].lower())
    if size is None:
        what, lifted = "file grew past the limit while it was read", "SIZE"
    else:
        what = f"file is {size / unit:.1f} {shown.split()[-1]}" if unit else f"file is {size} bytes"
        lifted = f"{-(-size // UNITS['mb'])}MB"
    return FileRefused(
        "WF001",
        f"{what}; {limited}",
        "split the plan, or move staffing snapshots into staffing files; or lift the limit "
        f"with --max-file-size {lifted} (or max_file_size in wfplan.toml)",
    )


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `limit` of them.

    Raises FileRefused (not a regular file, or more than `limit` bytes) or OSError.
    """
    before = path.stat()
    if not stat.S_ISREG(before.st_mode):
        raise _not_regular(path, before.st_mode)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise _not_regular(path, opened.st_mode)
        if opened.st_size > limit:
            raise too_large(opened.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(None, limit)
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_file(path: Path, display: str | None = None, limit: int = PLAN_LIMIT) -> bytes:
    """`read_limited` for commands that need every file's bytes: a file that cannot be read is
    a usage error (exit 2) naming it and saying why."""
    try:
        return read_limited(path, limit)
    except FileRefused as refused:
        raise UsageError(f"cannot read {display or path}: {refused.message}") from None
    except OSError as err:
        raise UsageError(f"cannot read {display or path}: {err.strerror or err}") from None
