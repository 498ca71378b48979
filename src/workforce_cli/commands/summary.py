"""The GitHub Actions job summary: Markdown appended to $GITHUB_STEP_SUMMARY when it is set.

Workflow commands are capped at 10 annotations of each level per step; the job summary is
where every finding is listed in full.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def write_step_summary(markdown: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    try:
        with Path(path).open("a", encoding="utf-8") as handle:
            handle.write(markdown + "\n")
    except OSError as err:
        # The check's result matters more than its summary: say so, and carry on.
        sys.stderr.write(f"wfplan: warning: cannot write the job summary to {path}: {err}\n")
