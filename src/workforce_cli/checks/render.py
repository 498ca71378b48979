"""Diagnostics as `wfplan validate` prints them: text, JSON and GitHub workflow commands.

Editors and CI parse these lines, so the formats are a public interface.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict

from workforce_cli.diagnostics import Diagnostic, count
from workforce_cli.output import Annotation, github_commands, plural


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
