"""Diagnostics: the value every check produces and the table of codes (their plain data).

Editors and CI parse these lines, so the text format, the codes and the JSON keys are a
public interface: change them only with a note in docs/diagnostics.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Code:
    """The plain data of one diagnostic code: what `read/` and `checks/` both need.

    The rule registry (`checks.rules.RULES`) adds each code's documentation and check
    function; this table stays here, at the foundation, because the reader raises the codes
    of reading (WF001-WF104, WF301, WF307) and must not import `checks/`.
    """

    code: str
    name: str
    """A slug (`unknown-key`): `wfplan explain` accepts it in place of the code."""
    severity: Severity
    summary: str
    """One line: the catalogue's "meaning" column and `wfplan explain`'s list."""


def _table(*rows: tuple[str, str, Severity, str]) -> dict[str, Code]:
    return {row[0]: Code(*row) for row in rows}


# docs/diagnostics.md is generated from these rows and the rules in `checks/`.
CODES: dict[str, Code] = _table(
    (
        "WF001",
        "file-too-large",
        "error",
        "file too large (over 2 MiB, or the limit --max-file-size or max_file_size sets)",
    ),
    ("WF002", "not-utf8", "error", "file is not valid UTF-8 text"),
    ("WF003", "empty-file", "error", "file is empty (or holds only comments)"),
    (
        "WF004",
        "yaml-syntax",
        "error",
        "YAML syntax error: unclosed brackets or quotes, tabs used for indentation, bad "
        "indentation, a comment with no space before its `#`",
    ),
    ("WF005", "duplicate-key", "error", "duplicate key in a mapping"),
    ("WF006", "yaml-tag", "error", "YAML tag not allowed"),
    (
        "WF007",
        "yaml-alias",
        "error",
        "YAML anchors and aliases not allowed (this also stops alias bombs)",
    ),
    ("WF008", "not-a-wfplan-file", "error", "not a wfplan file, or an unsupported format version"),
    (
        "WF009",
        "not-a-regular-file",
        "error",
        "not a regular file: a named pipe, a device, or a link to one (it is not read)",
    ),
    (
        "WF010",
        "control-character",
        "error",
        "a control character (NUL, ESC, ...) in the file, at its line and column",
    ),
    (
        "WF011",
        "nested-too-deep",
        "error",
        "lists and mappings nested more than 200 deep (refused before parsing)",
    ),
    ("WF012", "several-documents", "error", "more than one YAML document (`---`) in one file"),
    ("WF013", "complex-key", "error", "a key that is a list or mapping"),
    (
        "WF014",
        "number-out-of-range",
        "error",
        "a number that is not finite, or 10^15 or more, or written with over 100 characters",
    ),
    ("WF101", "unknown-key", "error", 'unknown key, with a "did you mean"'),
    ("WF102", "missing-key", "error", "required key missing"),
    ("WF103", "wrong-type", "error", "value of the wrong type"),
    (
        "WF104",
        "value-not-allowed",
        "error",
        "value not allowed: choices, id spelling, negative FTE, percentage over 100",
    ),
    ("WF201", "unrecognised-date", "error", "date expression not recognised"),
    ("WF202", "ambiguous-date", "error", "date expression ambiguous"),
    ("WF203", "impossible-date", "error", "impossible date"),
    ("WF204", "relative-without-start", "error", "relative timescale without `period.start`"),
    (
        "WF205",
        "undetermined-deadline",
        "warning",
        "an open milestone's deadline is undetermined (`tbc`)",
    ),
    ("WF206", "period-reversed", "error", "period ends before it starts"),
    ("WF301", "duplicate-plan-id", "error", "plan id used by two files"),
    ("WF302", "duplicate-item-id", "error", "action or milestone id used twice in a plan"),
    (
        "WF303",
        "duplicate-theme-target-measure-id",
        "error",
        "theme, target or measure id used twice in a plan",
    ),
    ("WF304", "unknown-theme", "error", "action names a theme the plan does not have"),
    (
        "WF305",
        "unknown-dependency",
        "error",
        "`depends_on` names an id the plan does not have",
    ),
    ("WF306", "dependency-cycle", "error", "dependency cycle"),
    (
        "WF307",
        "staffing-for-unknown-plan",
        "error",
        "staffing file names a plan that does not exist",
    ),
    ("WF401", "done-without-done-on", "error", "`status: done` without `done_on`"),
    ("WF402", "done-on-not-done", "error", "`done_on` on a milestone that is not done"),
    (
        "WF403",
        "revised-due-without-reason",
        "error",
        "`revised_due` without `revision_reason`",
    ),
    (
        "WF404",
        "reason-without-revised-due",
        "warning",
        "`revision_reason` without `revised_due`",
    ),
    (
        "WF405",
        "action-fields-with-milestones",
        "error",
        "an action with milestones also carries its own `due`/`status`/`done_on`/`revised_due`",
    ),
    ("WF406", "action-without-due", "error", "an action without milestones has no `due`"),
    (
        "WF501",
        "stated-total-mismatch",
        "error",
        "a stated total or rate does not match the rows, to the precision it is stated in",
    ),
    (
        "WF502",
        "establishment-mismatch",
        "error",
        "`establishment` is not permanent + agency + vacant",
    ),
    (
        "WF503",
        "duplicate-snapshot-date",
        "error",
        "two snapshots of a plan have the same `as_of`",
    ),
    ("WF504", "duplicate-team", "error", "a team appears twice in one snapshot"),
    (
        "WF505",
        "target-unknown-team",
        "error",
        "a target's `teams` names a team no snapshot has",
    ),
    (
        "WF506",
        "staffing-unit-mismatch",
        "error",
        "a staffing file's unit (fte/headcount) differs from its plan's",
    ),
    (
        "WF507",
        "measure-without-direction",
        "warning",
        "a measure has figures but no `better: lower|higher`",
    ),
    (
        "WF508",
        "undated-figure",
        "error",
        "a snapshot's or reading's `as_of`, or a target's `by`, is `ongoing` or `tbc`: "
        "figures are as of a day",
    ),
    (
        "WF509",
        "fraction-target",
        "error",
        "a target's value is a bare number above 0 and at most 1 (`0.85`): a fraction read "
        "as a percentage",
    ),
    (
        "WF601",
        "invalid-suppression",
        "error",
        "a `# wfplan: ignore` comment without a reason after `--`, or naming no known code",
    ),
    (
        "WF602",
        "unused-suppression",
        "warning",
        "a `# wfplan: ignore` comment that suppresses nothing (the problem is gone, or it is "
        "on the wrong line)",
    ),
)


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
    return Diagnostic(code, message, file, line, column, hint, CODES[code].severity)


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
