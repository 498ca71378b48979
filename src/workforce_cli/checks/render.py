"""Diagnostics as `wfplan validate` prints them: text, JSON and GitHub workflow commands.

Editors and CI parse these lines, so the formats are a public interface.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict

from workforce_cli.diagnostics import Diagnostic, count
from workforce_cli.output import github_data, github_property, plural, visible


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors, warnings = count(diagnostics)
    checked = f"{plural(files, 'file')} checked"
    if not errors and not warnings:
        return f"{checked}: no problems found"
    return f"{checked}: {plural(errors, 'error')}, {plural(warnings, 'warning')}"


def format_text(diagnostics: Sequence[Diagnostic], files: int) -> str:
    lines: list[str] = []
    for d in diagnostics:
        # Quoted plan text is shown escaped: one diagnostic, one line, nothing for a terminal
        # or a CI log to act on.
        where = f"{visible(d.file)}:{d.line}:{d.column}"
        lines.append(f"{where}: {d.severity} {d.code} {visible(d.message)}")
        if d.hint:
            lines.append(f"    hint: {visible(d.hint)}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


def format_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    return json.dumps([asdict(d) for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


def format_github(diagnostics: Sequence[Diagnostic], files: int) -> str:
    lines = []
    for d in diagnostics:
        message = f"{d.message} ({d.hint})" if d.hint else d.message
        properties = (
            f"file={github_property(d.file)},line={d.line},col={d.column},"
            f"title={github_property(d.code)}"
        )
        lines.append(f"::{d.severity} {properties}::{github_data(message)}")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[Diagnostic], int], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}
