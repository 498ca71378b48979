"""The exceptions a command may raise, and the one boundary that turns outcomes into exit codes.

Exit codes: 0 success; 1 the check failed (a command returns it); 2 a usage error
(`UsageError`: bad option, unreadable path, no plan files, template error, a file that cannot
be written); 3 a bug in wfplan (any other exception: one line on stderr naming a log of the
traceback in the user's cache folder; `WFPLAN_DEBUG=1` prints the traceback instead, and
`WFPLAN_TRACEBACK=1` lets the exception through, for the tests and a debugger); 130 aborted;
128 + the signal for SIGTERM or SIGHUP during a write.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path


class Refused(Exception):
    """The command refuses to go on (plans with errors in the way): exit 1. Its text, the
    diagnostics and the reason, is written to stderr whole by the boundary."""


class UsageError(Exception):
    """A problem with how wfplan was called or with its inputs as a whole: exit 2."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written (see `safewrite`): the
    temporary file is removed on the way out, then wfplan exits 128 + the signal."""

    def __init__(self, signum: int, note: str) -> None:
        super().__init__(note)
        self.signum, self.note = signum, note


_WORDS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "no such folder",
    errno.ENOTDIR: "no such folder",
    errno.EISDIR: "it is a folder",
}
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT)


def describe(err: OSError) -> str:
    """An OSError in words: "the disk is full (No space left on device)"."""
    words = _WORDS.get(err.errno or 0)
    detail = err.strerror or str(err)
    return f"{words} ({detail})" if words else detail


def boundary(command: Callable[[], object]) -> int:
    """Run a parsed command line; the one place that turns its outcome into an exit code."""
    import typer  # the CLI has loaded it already; the core never needs it

    try:
        result = command()
        sys.stdout.flush()  # here, so a full disk under `> report.md` is reported, not lost
    except typer.Exit as exit_:
        return exit_.exit_code
    except typer.TyperException as err:
        show = getattr(err, "show", None)
        if show is not None:
            show()
        else:
            sys.stderr.write(f"wfplan: error: {err.format_message()}\n")
        return err.exit_code
    except typer.Abort:
        sys.stderr.write("wfplan: aborted\n")
        return 130
    except Terminated as stop:
        sys.stderr.write(f"wfplan: terminated; {stop.note}\n")
        return 128 + stop.signum
    except Refused as err:
        sys.stderr.write(str(err))
        return 1
    except UsageError as err:
        from workforce_cli.output import visible_lines

        # Messages quote plan text (titles of candidate milestones, ids, paths): shown
        # with control characters escaped, as every text output shows them.
        sys.stderr.write(f"wfplan: error: {visible_lines(str(err))}\n")
        return 2
    except BrokenPipeError:
        # `wfplan status | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
    except OSError as err:
        if err.errno not in _NO_ROOM:
            if os.environ.get("WFPLAN_TRACEBACK"):
                raise
            return _crashed()
        # Standard output went to a file on a full disk: the user's disk, not a bug.
        _discard_stdout()
        sys.stderr.write(f"wfplan: error: cannot write the output: {describe(err)}\n")
        return 2
    except Exception:
        if os.environ.get("WFPLAN_TRACEBACK"):
            raise
        return _crashed()
    return result if isinstance(result, int) else 0


def _discard_stdout() -> None:
    # What is left in the buffer could not be written either; without this, the flush at
    # exit would fail again and print a traceback of its own.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will flush it at exit


def _crashed() -> int:
    import traceback  # only on a crash: it costs start-up time on every run

    details = traceback.format_exc()
    if os.environ.get("WFPLAN_DEBUG"):
        sys.stderr.write(details)
        sys.stderr.write(
            "wfplan: internal error (above). This is a bug in wfplan, not in your plans: "
            "please report it with that traceback.\n"
        )
        return 3
    log = _crash_log(details)
    if log is None:
        sys.stderr.write(
            "wfplan: internal error (no log could be written; run again with WFPLAN_DEBUG=1 "
            "to see it). This is a bug in wfplan, not in your plans: please report it.\n"
        )
        return 3
    sys.stderr.write(
        f"wfplan: internal error; details in {log}. This is a bug in wfplan, not in your "
        "plans: please report it with that file.\n"
    )
    return 3


def _crash_log(details: str) -> Path | None:
    """Write the traceback to a fresh file in the user's cache folder (else the temp folder),
    never in the working directory: that is the user's plan repository, where a committed
    `wfplan-crash.log` could be a link to anywhere. mkstemp creates a new name with O_EXCL,
    so no existing file or link is ever written through."""
    import tempfile

    for folder in (cache_folder(), None):
        try:
            if folder is not None:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix="wfplan-crash-", suffix=".log", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(details)
        except OSError:
            continue
        return Path(name)
    return None


def cache_folder() -> Path | None:
    """`$XDG_CACHE_HOME/wfplan`, else the platform's cache folder (~/.cache, ~/Library/Caches,
    %LOCALAPPDATA%), or None if there is no home to put it in."""
    configured = os.environ.get("XDG_CACHE_HOME")
    if configured and Path(configured).is_absolute():
        return Path(configured) / "wfplan"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "wfplan" / "Cache"
    try:
        home = Path.home()
    except RuntimeError:
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "wfplan"
    return home / ".cache" / "wfplan"
