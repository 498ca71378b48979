"""Writing a plan file in place: atomically, with its permissions, and never over a newer edit.

`write_atomic` writes reports, which are ours to overwrite. A plan file is the user's:
between reading it and writing the change, someone may have saved it in an editor or pulled a
colleague's commit. So the file is read again just before the rename and must still hold the
bytes the change was made from; otherwise nothing is written (`StaleFile`). Bytes, not the
modification time: a `touch` or a checkout of identical content is no conflict, and an edit
within the same clock tick is one. A symlinked plan file is written through the link.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workforce_cli.errors import UsageError


class StaleFile(Exception):
    """The file changed on disk after it was read (or appeared, when creating it)."""


def before_replace(path: Path) -> None:
    """Called just before the final check and rename: tests simulate a concurrent edit here."""


def write(path: Path, data: bytes, expected: bytes | None) -> None:
    """Replace `path` with `data` if it still holds `expected`; create it if `expected` is None.

    Raises StaleFile if the file is not as expected, OSError if it cannot be written.
    """
    target = path.resolve() if path.is_symlink() else path
    directory = target.parent
    mode = target.stat().st_mode & 0o7777 if expected is not None else 0o666 & ~_umask()
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    staged = Path(temp)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        staged.chmod(mode)
        before_replace(target)
        if expected is None:
            _create(staged, target)
            return
        try:
            current = target.read_bytes()
        except FileNotFoundError:
            raise StaleFile(f"{path} was deleted after it was read") from None
        if current != expected:
            raise StaleFile(f"{path} changed on disk after it was read")
        staged.replace(target)
    finally:
        staged.unlink(missing_ok=True)


def _create(staged: Path, target: Path) -> None:
    # A hard link fails if the name exists, so a file created meanwhile is never overwritten.
    try:
        os.link(staged, target)
    except FileExistsError:
        raise StaleFile(f"{target} already exists") from None
    except OSError:
        # File systems without hard links: check, then rename (a narrow race, accepted).
        if target.exists():
            raise StaleFile(f"{target} already exists") from None
        staged.replace(target)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half.

    The temporary file is in the same directory (a rename across file systems is a copy)
    and is removed if anything fails before the rename.
    """
    directory = path.parent
    if not directory.is_dir():
        raise UsageError(f"cannot write {path}: no such directory {directory}")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None
    staged = Path(temp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        # mkstemp makes the file private; a report gets the mode a plain write would give.
        staged.chmod(path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        staged.replace(path)
    except OSError as err:
        staged.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
