"""Diagnostics as `wfplan validate` prints them: text, JSON and GitHub workflow commands.

Editors and CI parse these lines, so the formats are a public interface.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace

from workforce_cli.checks import reports
from workforce_cli.checks import rules as registry
from workforce_cli.diagnostics import Diagnostic, count
from workforce_cli.output import Annotation, github_commands, md, plural, visible


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


def rooted(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics with their files relative to the repository root (machine formats)."""
    base = reports.root()
    return [replace(d, file=reports.relative(d.file, base)) for d in diagnostics]


def format_json(diagnostics: Sequence[Diagnostic], files: int) -> str:
    data = [asdict(d) for d in rooted(diagnostics)]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


RULES = [
    reports.Rule(
        rule.code,
        rule.summary,
        f"{rule.code} {rule.name} ({rule.severity}): {' '.join(rule.parts.what.split())} "
        f"Why: {' '.join(rule.parts.why.split())} `wfplan explain {rule.code}` shows a file "
        "that fails and the same file put right.",
        "error" if rule.severity == "error" else "warning",
    )
    for rule in registry.RULES.values()
]


def findings(diagnostics: Sequence[Diagnostic]) -> list[reports.Finding]:
    """Diagnostics as CI findings: root-relative paths, fingerprints stable across edits."""
    base, read = reports.root(), reports.line_reader()
    paths = [reports.relative(d.file, base) for d in diagnostics]
    keys = [
        (d.code, path, d.message, read(d.file, d.line))
        for d, path in zip(diagnostics, paths, strict=True)
    ]
    return [
        reports.Finding(
            d.code,
            "error" if d.severity == "error" else "warning",
            f"{d.message} ({d.hint})" if d.hint else d.message,
            path,
            d.line,
            d.column,
            fingerprint,
        )
        for d, path, fingerprint in zip(diagnostics, paths, reports.fingerprints(keys), strict=True)
    ]


def format_sarif(diagnostics: Sequence[Diagnostic], files: int) -> str:
    return reports.sarif(findings(diagnostics), RULES, "wfplan validate")


def format_gitlab(diagnostics: Sequence[Diagnostic], files: int) -> str:
    return reports.gitlab(findings(diagnostics))


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
        for d in rooted(diagnostics)
    ]
    lines = github_commands(annotations, "the job summary or `wfplan validate` lists them all")
    lines.append(summary(diagnostics, files))
    return "\n".join(lines) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[Diagnostic], int], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "gitlab": format_gitlab,
}


def step_summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """The Markdown job summary of `--format github`: every finding, none capped."""
    lines = [f"### wfplan validate: {md(summary(diagnostics, files))}", ""]
    if diagnostics:
        lines += ["| Where | Severity | Code | Message |", "| --- | --- | --- | --- |"]
        for d in rooted(diagnostics):
            message = f"{d.message} ({d.hint})" if d.hint else d.message
            where = f"{md(d.file)}:{d.line}:{d.column}"
            lines.append(f"| {where} | {d.severity} | {d.code} | {md(message)} |")
    return "\n".join(lines) + "\n"
