"""Diagnostics: the value every check produces, the table of codes, and their printers.

Editors and CI parse these lines, so the text format, the codes and the JSON keys are a
public interface: change them only with a note in the README.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# code -> (severity, what it means). The README's table of codes is checked against this.
CODES: dict[str, tuple[Severity, str]] = {
    "WF001": ("error", "file too large to be a plan"),
    "WF002": ("error", "file is not valid UTF-8 text"),
    "WF003": ("error", "file is empty"),
    "WF004": ("error", "YAML syntax error (tabs, indentation, quotes, several documents)"),
    "WF005": ("error", "duplicate key in a mapping"),
    "WF006": ("error", "YAML tag not allowed"),
    "WF007": ("error", "YAML anchors and aliases not allowed"),
    "WF008": ("error", "not a wfplan file, or an unsupported format version"),
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


def plural(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors, warnings = count(diagnostics)
    checked = f"{plural(files, 'file')} checked"
    if not errors and not warnings:
        return f"{checked}: no problems found"
    return f"{checked}: {plural(errors, 'error')}, {plural(warnings, 'warning')}"


def format_text(diagnostics: Sequence[Diagnostic], files: int) -> str:
    lines: list[str] = []
    for d in diagnostics:
        lines.append(f"{d.file}:{d.line}:{d.column}: {d.severity} {d.code} {d.message}")
        if d.hint:
            lines.append(f"    hint: {d.hint}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def format_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    return json.dumps([asdict(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    # GitHub workflow commands: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# GitHub shows at most 10 error and 10 warning annotations of a step (and 10 notices) and
# drops the rest without a word: https://docs.github.com/en/rest/checks/runs (annotations)
GITHUB_CAP = 10
GithubLevel = Literal["error", "warning", "notice"]
_LEVELS: tuple[GithubLevel, ...] = ("error", "warning", "notice")


@dataclass(frozen=True, slots=True)
class Annotation:
    """One GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`)."""

    level: GithubLevel
    file: str
    line: int
    column: int
    title: str
    message: str

    def command(self) -> str:
        where = (
            f"file={_escape_property(self.file)},line={self.line},col={self.column},"
            f"title={_escape_property(self.title)}"
        )
        return f"::{self.level} {where}::{_escape_data(self.message)}"


def github_commands(annotations: Iterable[Annotation], rest: str) -> list[str]:
    """The commands GitHub will show: most severe first, each level capped, then one notice
    with the count of those left out (`rest` says where to read them all)."""
    by_level: dict[str, list[Annotation]] = {level: [] for level in _LEVELS}
    for annotation in annotations:
        by_level[annotation.level].append(annotation)
    kept = [*by_level["error"][:GITHUB_CAP], *by_level["warning"][:GITHUB_CAP]]
    dropped = sum(max(0, len(by_level[level]) - GITHUB_CAP) for level in ("error", "warning"))
    notices = by_level["notice"]
    room = GITHUB_CAP - 1 if dropped or len(notices) > GITHUB_CAP else GITHUB_CAP
    kept += notices[:room]
    dropped += max(0, len(notices) - room)
    lines = [a.command() for a in kept]
    if dropped:
        message = (
            f"{plural(dropped, 'more finding')} not shown: GitHub shows {GITHUB_CAP} errors and "
            f"{GITHUB_CAP} warnings per step; {rest}"
        )
        lines.append(f"::notice title=wfplan::{_escape_data(message)}")
    return lines


def format_github(diagnostics: Sequence[Diagnostic], files: int) -> str:
    annotations = [
        Annotation(
            d.severity,
            d.file,
            d.line,
            d.column,
            d.code,
            f"{d.message} ({d.hint})" if d.hint else d.message,
        )
        for d in diagnostics
    ]
    lines = github_commands(annotations, "the job summary or `wfplan validate` lists them all")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[Diagnostic], int], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
