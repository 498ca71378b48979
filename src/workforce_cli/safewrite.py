"""The one way wfplan writes a file: atomically, never half, never through a link it was not
given, never over a read-only file or a newer edit, and never leaving a temporary file behind.

Every command that writes (done, slip, set-status, snapshot add, new, report and calendar
`--output`) calls `write`. The data goes to a temporary file in the same folder (a rename
across file systems is a copy), is flushed to disk, and is then renamed over the file (or, for
a new file, linked into place, which fails if the name was taken meanwhile). So a reader sees
the old file or the new one; if anything fails, the temporary file is removed and the old file
is byte for byte as it was. A failure is a `WriteError` naming the path and the reason in words
(the disk is full, the file is read-only, permission denied): exit 2, like every problem with
the command's inputs and outputs.

A plan file is the user's: between reading it and writing the change, someone may have saved it
in an editor or pulled a colleague's commit. So the file is read again just before the rename
and must still hold the bytes the change was made from; otherwise nothing is written
(`StaleFile`). Bytes, not the modification time: a `touch` or a checkout of identical content
is no conflict, and an edit within the same clock tick is one. A plan file found through a
symlink is written through it (the link is how the repository keeps it); a new file is never
created through a link, and an output file that is a link is replaced, not written through.

SIGTERM (and SIGHUP) during a write would end the process before its cleanup ran; while a
temporary file exists they raise `Terminated` instead, so it is removed on the way out.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from workforce_cli.errors import Terminated, UsageError, describe


class StaleFile(Exception):
    """The file changed on disk after it was read (or appeared, when creating it)."""


class WriteError(UsageError):
    """A file could not be written; nothing was (exit 2)."""


def reason(err: OSError) -> str:
    """An OSError in words: "the disk is full (No space left on device)"."""
    return describe(err)


def make_folder(path: Path) -> None:
    """Create a folder (and its parents) to write into; WriteError in words if it cannot be."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(f"cannot create {path}: {reason(err)}") from None


def before_replace(path: Path) -> None:
    """Called just before the final check and rename: tests simulate a concurrent edit here."""


def write(path: Path, data: bytes, expected: bytes | None, *, replace: bool = False) -> None:
    """Write `data` to `path` atomically.

    `expected` bytes: the file must still hold them (a plan edit), else StaleFile.
    `expected` None: create the file; StaleFile if it exists (`wfplan new`), unless `replace`
    (a report or calendar `--output`: ours to overwrite, whatever it holds).
    Raises WriteError, naming the path and the reason, if it cannot be written.
    """
    target = path
    if path.is_symlink():
        if expected is None and not replace:
            raise WriteError(
                f"{path} is a symbolic link (to {path.readlink()}); wfplan writes no file "
                "through a link: choose another --output"
            )
        if expected is not None:
            target = path.resolve()
    directory = target.parent
    if not directory.is_dir():
        raise WriteError(f"cannot write {path}: no such directory {directory}")
    try:
        existing = os.lstat(target) if (expected is not None or replace) else None
    except FileNotFoundError:
        existing = None
    # An output that is a link is replaced by a file: the link's own mode says nothing.
    if existing is not None and not stat.S_ISLNK(existing.st_mode):
        mode = stat.S_IMODE(existing.st_mode)
        if not mode & 0o222:
            raise WriteError(
                f"cannot write {path}: the file is read-only (mode {mode:04o}); nothing was written"
            )
    else:
        mode = 0o666 & ~_umask()
    with _cleanup_on_termination(path) as staged:
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        except OSError as err:
            raise WriteError(f"cannot write {path}: {reason(err)}; nothing was written") from None
        staged.append(Path(temp))
        try:
            _write_all(fd, data)
            os.fsync(fd)
            os.close(fd)
            fd = -1
            staged[0].chmod(mode)
            before_replace(target)
            if expected is None and not replace:
                _create(Path(temp), target, path)
                return
            if expected is not None:
                _check_unchanged(target, expected, path)
            staged[0].replace(target)
        except OSError as err:
            raise WriteError(f"cannot write {path}: {reason(err)}; nothing was written") from None
        finally:
            if fd >= 0:
                os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _check_unchanged(target: Path, expected: bytes, path: Path) -> None:
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        raise StaleFile(f"{path} was deleted after it was read") from None
    if current != expected:
        raise StaleFile(f"{path} changed on disk after it was read")


def _create(staged: Path, target: Path, path: Path) -> None:
    # A hard link fails if the name exists (a dangling link included), so a file created
    # meanwhile is never overwritten and no link is followed.
    try:
        os.link(staged, target)
    except FileExistsError:
        raise StaleFile(f"{path} already exists") from None
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        # File systems without hard links: check, then rename (a narrow race, accepted).
        if os.path.lexists(target):
            raise StaleFile(f"{path} already exists") from None
        staged.replace(target)


@contextmanager
def _cleanup_on_termination(path: Path) -> Iterator[list[Path]]:
    """Yield a list for the temporary file's path; it is removed on the way out, whatever
    happens, SIGTERM and SIGHUP included (they raise Terminated while the list is open)."""
    staged: list[Path] = []
    previous: dict[int, object] = {}

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise Terminated(signum, f"nothing was written to {path}")

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if signum is not None:
                previous[signum] = signal.signal(signum, terminate)
    try:
        yield staged
    finally:
        for temp in staged:
            temp.unlink(missing_ok=True)
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
