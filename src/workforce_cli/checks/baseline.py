"""A baseline: the findings a repository has accepted for now, so CI reports only new ones.

`wfplan validate --update-baseline` records every current finding's fingerprint (see
`checks.reports`) in `wfplan-baseline.json`; `wfplan validate --baseline FILE` then leaves
out the findings it lists. Fingerprints do not move when lines are added elsewhere, so a
team with hundreds of warnings can turn CI on today and fix them at its own pace; a finding
whose own line is edited counts as new. The file is sorted JSON, so it diffs cleanly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workforce_cli import safewrite
from workforce_cli.checks.render import findings
from workforce_cli.diagnostics import Diagnostic
from workforce_cli.errors import UsageError

DEFAULT = Path("wfplan-baseline.json")
VERSION = 1


@dataclass(frozen=True, slots=True)
class Split:
    new: list[Diagnostic]
    known: int
    """Findings left out because the baseline lists them."""
    fixed: int
    """Baseline entries no longer found."""


def load(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UsageError(
            f"no baseline at {path}: record today's findings with "
            f"`wfplan validate --baseline {path} --update-baseline`"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise UsageError(f"cannot read the baseline {path}: {err}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("wfplan_baseline") != VERSION:
        raise UsageError(
            f"{path} is not a wfplan baseline (version {VERSION}): recreate it with "
            "--update-baseline"
        )
    return {e["fingerprint"] for e in entries if isinstance(e, dict) and "fingerprint" in e}


def write(path: Path, diagnostics: Sequence[Diagnostic]) -> int:
    entries = sorted(
        (
            {"file": f.file, "code": f.rule, "message": f.message, "fingerprint": f.fingerprint}
            for f in findings(diagnostics)
        ),
        key=lambda e: (e["file"], e["code"], e["fingerprint"]),
    )
    document = {"wfplan_baseline": VERSION, "findings": entries}
    safewrite.write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def split(diagnostics: Sequence[Diagnostic], known: set[str]) -> Split:
    prints = [f.fingerprint for f in findings(diagnostics)]
    new = [d for d, p in zip(diagnostics, prints, strict=True) if p not in known]
    return Split(new, len(diagnostics) - len(new), len(known - set(prints)))
