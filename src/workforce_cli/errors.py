"""The exceptions a command may raise, and the one boundary that turns outcomes into exit codes.

Exit codes: 0 success; 1 the check failed (a command returns it); 2 a usage error
(`UsageError`: bad option, unreadable path, no plan files, template error); 3 a bug in
wfplan (any other exception: one line on stderr, the traceback in a log file); 130 aborted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

CRASH_LOG = "wfplan-crash.log"


class UsageError(Exception):
    """A problem with how wfplan was called or with its inputs as a whole: exit 2."""


def boundary(command: Callable[[], object]) -> int:
    """Run a parsed command line; the one place that turns its outcome into an exit code."""
    import typer  # the CLI has loaded it already; the core never needs it

    try:
        result = command()
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
    except Exception:
        if os.environ.get("WFPLAN_TRACEBACK"):
            raise
        return _crashed()
    return result if isinstance(result, int) else 0


def _crashed() -> int:
    log = Path(os.environ.get("WFPLAN_CRASH_LOG", Path.cwd() / CRASH_LOG))
    try:
        import traceback  # only on a crash: it costs start-up time on every run

        log.write_text(traceback.format_exc(), "utf-8")
        where = f"; details in {log}"
    except OSError:
        where = ""
    sys.stderr.write(
        f"wfplan: internal error{where}. This is a bug in wfplan, not in your plans: "
        "please report it with that file.\n"
    )
    return 3
