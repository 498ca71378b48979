"""Findings for CI platforms: SARIF 2.1.0, GitLab Code Quality, and the paths and
fingerprints both need. `wfplan validate` and `wfplan diff` share them.

Paths: every machine format names files relative to the repository root (the folder
holding `.git`; without one, the folder of `wfplan.toml`; else the current folder), with
forward slashes, whatever folder wfplan runs in and however `wfplan.toml` spells `paths`:
that is what GitHub code scanning and GitLab resolve them against.

Fingerprints: a finding keeps its fingerprint across unrelated edits (lines added above
it, other files changed). It is a hash of what the finding is (its rule, file, message
with any line numbers taken out, and the text of the line it points at), then a count to
tell identical findings apart. Moving the finding's own line keeps it; editing that line
or the message makes it new, which is what a baseline (`--baseline`) needs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workforce_cli import __version__, config

Level = Literal["error", "warning", "note"]
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "wfplan/v1"
_LINE_NUMBERS = re.compile(r"(:\d+(?::\d+)?\b)|(\bline \d+)")


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule as SARIF describes it: an id, one line, and its documentation."""

    id: str
    summary: str
    help: str
    level: Level


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    level: Level
    message: str
    file: str
    """Relative to the repository root, with forward slashes."""
    line: int
    column: int
    fingerprint: str


def root() -> Path:
    """The repository root, as the module docstring defines it."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    found = config.find(here)
    return found.parent if found else here


def relative(file: str, base: Path) -> str:
    """A path as shown to the user (relative to the current folder, or absolute) made
    relative to the repository root `base`; a file outside it keeps its absolute path."""
    path = Path(file).resolve()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def line_reader() -> Callable[[str, int], str]:
    """`read(file, line)`: the text of a line of a file on disk, "" if it cannot be read."""
    lines: dict[str, list[str]] = {}

    def read(file: str, line: int) -> str:
        if file not in lines:
            try:
                lines[file] = Path(file).read_text("utf-8", errors="replace").splitlines()
            except OSError:
                lines[file] = []
        text = lines[file]
        return text[line - 1].strip() if 0 < line <= len(text) else ""

    return read


def fingerprints(keys: Iterable[tuple[str, ...]]) -> list[str]:
    """One fingerprint per key (its parts hashed), numbered when keys repeat."""
    seen: Counter[str] = Counter()
    found = []
    for key in keys:
        parts = tuple(_LINE_NUMBERS.sub("", part) for part in key)
        base = digest(*parts)
        found.append(f"{base}:{seen[base]}")
        seen[base] += 1
    return found


# --- SARIF 2.1.0 --------------------------------------------------------------------------


def sarif(findings: Sequence[Finding], rules: Sequence[Rule], name: str) -> str:
    """One SARIF 2.1.0 log with one run. `name` is the tool's: "wfplan validate"."""
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    for f in findings:
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": f.level,
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": f.file, "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": f.line, "startColumn": f.column},
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
            }
        )
    driver = {
        "name": name,
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [
            {
                "id": rule.id,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.help},
                "help": {"text": rule.help, "markdown": rule.help},
                "defaultConfiguration": {"level": rule.level},
            }
            for rule in rules
        ],
    }
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# --- GitLab Code Quality ------------------------------------------------------------------

# https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def gitlab(findings: Sequence[Finding]) -> str:
    """A GitLab Code Quality report: a JSON array of issues."""
    issues = [
        {
            "description": f.message,
            "check_name": f.rule,
            "fingerprint": digest(f.rule, f.file, f.fingerprint),
            "severity": _SEVERITY[f.level],
            "location": {"path": f.file, "lines": {"begin": f.line}},
        }
        for f in findings
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


REPORTS: dict[str, Callable[[Sequence[Finding], Sequence[Rule], str], str]] = {
    "sarif": sarif,
    "gitlab": lambda findings, rules, name: gitlab(findings),
}
