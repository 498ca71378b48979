"""Diagnostics: the value every check produces and the table of codes.

Editors and CI parse these lines, so the text format, the codes and the JSON keys are a
public interface: change them only with a note in docs/diagnostics.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# code -> (severity, what it means). docs/diagnostics.md's table of codes is checked against this.
CODES: dict[str, tuple[Severity, str]] = {
    "WF001": ("error", "file too large to be a plan"),
    "WF002": ("error", "file is not valid UTF-8 text"),
    "WF003": ("error", "file is empty"),
    "WF004": ("error", "YAML syntax error (tabs, indentation, quotes, brackets)"),
    "WF005": ("error", "duplicate key in a mapping"),
    "WF006": ("error", "YAML tag not allowed"),
    "WF007": ("error", "YAML anchors and aliases not allowed"),
    "WF008": ("error", "not a wfplan file, or an unsupported format version"),
    "WF009": ("error", "not a regular file (a named pipe, a device, a link to one)"),
    "WF010": ("error", "control character in the file"),
    "WF011": ("error", "lists and mappings nested too deep"),
    "WF012": ("error", "more than one YAML document in one file"),
    "WF013": ("error", "a key that is a list or mapping"),
    "WF014": ("error", "number not finite, or too large"),
    "WF101": ("error", "unknown key"),
    "WF102": ("error", "required key missing"),
    "WF103": ("error", "value of the wrong type"),
    "WF104": ("error", "value not allowed (choices, id spelling, negative FTE, % over 100)"),
    "WF201": ("error", "date expression not recognised"),
    "WF202": ("error", "date expression ambiguous"),
    "WF203": ("error", "impossible date"),
    "WF204": ("error", "relative timescale without period.start"),
    "WF205": ("warning", "undetermined timescale (tbc) on an open milestone"),
    "WF206": ("error", "period ends before it starts"),
    "WF301": ("error", "plan id used by two files"),
    "WF302": ("error", "action or milestone id used twice in a plan"),
    "WF303": ("error", "theme, target or measure id used twice in a plan"),
    "WF304": ("error", "action names a theme the plan does not have"),
    "WF305": ("error", "depends_on names an id the plan does not have"),
    "WF306": ("error", "dependency cycle"),
    "WF307": ("error", "staffing file names a plan that does not exist"),
    "WF401": ("error", "status done without done_on"),
    "WF402": ("error", "done_on on a milestone that is not done"),
    "WF403": ("error", "revised_due without revision_reason"),
    "WF404": ("warning", "revision_reason without revised_due"),
    "WF405": ("error", "action with milestones also carries its own due or status"),
    "WF406": ("error", "action without milestones has no due"),
    "WF501": ("error", "stated total does not match the rows"),
    "WF502": ("error", "establishment is not permanent + agency + vacant"),
    "WF503": ("error", "two snapshots of a plan have the same as_of"),
    "WF504": ("error", "a team appears twice in one snapshot"),
    "WF505": ("error", "target names a team no snapshot has"),
    "WF506": ("error", "staffing file unit differs from its plan's"),
    "WF507": ("warning", "measure has figures but no better: lower|higher"),
    "WF508": ("error", "as_of of a snapshot or reading, or a target's by, is ongoing or tbc"),
    "WF601": ("error", "suppression comment without a reason, or naming no known code"),
    "WF602": ("warning", "suppression comment that suppresses nothing"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one place: `file:line:col: severity CODE message`, and a hint."""

    code: str
    message: str
    file: str
    line: int = 1
    column: int = 1
    hint: str | None = None
    severity: Severity = "error"

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def make(
    code: str, message: str, file: str, line: int = 1, column: int = 1, hint: str | None = None
) -> Diagnostic:
    """A diagnostic with the severity its code carries."""
    return Diagnostic(code, message, file, line, column, hint, CODES[code][0])


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A "did you mean" hint naming the closest of `choices`, if one is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else None


def count(diagnostics: Iterable[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = warnings = 0
    for diagnostic in diagnostics:
        if diagnostic.severity == "error":
            errors += 1
        else:
            warnings += 1
    return errors, warnings
