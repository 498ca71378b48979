"""What a plan repository says about its own findings: inline suppressions and per-rule
severity (`[severity]` in wfplan.toml).

A suppression is a YAML comment, `# wfplan: ignore WF205 -- date agreed at the next board`:
at the end of a line it covers that line; on a line of its own, the next line that holds
something other than a comment. It names one or more codes and must give a reason after
`--`, so whoever reads the plan later knows why the finding was accepted. A suppression
without a reason, or naming a code that does not exist, is itself an error (WF601); one
that suppresses nothing is a warning (WF602), so stale ones do not pile up.

Severities: `WF205 = "error"` makes a warning fail, `"warning"` makes an error pass,
`"off"` drops the code. They apply after suppression, to every code, WF601/WF602 included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from workforce_cli.diagnostics import CODES, Diagnostic, did_you_mean, make
from workforce_cli.read.sources import SourceFile

_COMMENT = re.compile(r"#\s*wfplan:\s*ignore\b(?P<rest>.*)$")
_CODE = re.compile(r"\b[A-Z]+\d+\b")


@dataclass(eq=False)
class Suppression:
    file: str
    line: int
    column: int
    target: int
    """The line whose findings it covers."""
    codes: tuple[str, ...]
    used: set[str] = field(default_factory=set)


def _target(lines: Sequence[str], index: int, own_line: bool) -> int:
    """The 1-based line a comment at `lines[index]` covers."""
    if not own_line:
        return index + 1
    for after in range(index + 1, len(lines)):
        text = lines[after].strip()
        if text and not text.startswith("#"):
            return after + 1
    return index + 1


def read(source: SourceFile) -> tuple[list[Suppression], list[Diagnostic]]:
    """The suppressions a file holds, and the problems with them."""
    found: list[Suppression] = []
    problems: list[Diagnostic] = []
    if "ignore" not in source.text:  # most files: no need to look at each line
        return found, problems
    lines = source.text.splitlines()
    for index, text in enumerate(lines):
        match = _COMMENT.search(text) if "ignore" in text else None
        if match is None:
            continue
        line, column = index + 1, match.start() + 1
        names, _, reason = match.group("rest").partition("--")
        codes = tuple(_CODE.findall(names))
        unknown = [c for c in codes if c not in CODES]
        if not codes or unknown:
            word = unknown[0] if unknown else names.strip() or "nothing"
            hint = did_you_mean(word, CODES) or "name codes from the README's table, e.g. WF205"
            message = f'suppression names no known code ("{word}")'
            problems.append(make("WF601", message, source.display, line, column, hint))
            continue
        if not reason.strip():
            problems.append(
                make(
                    "WF601",
                    f"suppression of {', '.join(codes)} gives no reason",
                    source.display,
                    line,
                    column,
                    "say why after two hyphens: # wfplan: ignore WF205 -- agreed at the board",
                )
            )
            continue
        own_line = not text[: match.start()].strip()
        found.append(
            Suppression(source.display, line, column, _target(lines, index, own_line), codes)
        )
    return found, problems


def apply(
    diagnostics: Iterable[Diagnostic],
    sources: Iterable[SourceFile],
    severities: Mapping[str, str],
) -> list[Diagnostic]:
    """The diagnostics left once suppressions and severities are applied, with the
    suppressions' own problems; in file and line order."""
    by_place: dict[tuple[str, int], list[Suppression]] = {}
    found: list[Diagnostic] = []
    for source in sources:
        suppressions, problems = read(source)
        found.extend(problems)
        for suppression in suppressions:
            by_place.setdefault((suppression.file, suppression.target), []).append(suppression)
    for d in diagnostics:
        covering = [s for s in by_place.get((d.file, d.line), []) if d.code in s.codes]
        for suppression in covering:
            suppression.used.add(d.code)
        if not covering:
            found.append(d)
    for suppressions in by_place.values():
        for s in suppressions:
            for code in s.codes:
                if code not in s.used:
                    found.append(
                        make(
                            "WF602",
                            f"suppression of {code} is unused: line {s.target} has no {code}",
                            s.file,
                            s.line,
                            s.column,
                            "remove it (the problem it hid is gone)",
                        )
                    )
    return sorted(_severities(found, severities), key=lambda d: d.sort_key)


def _severities(found: Iterable[Diagnostic], severities: Mapping[str, str]) -> list[Diagnostic]:
    kept = []
    for d in found:
        level = severities.get(d.code)
        if level == "off":
            continue
        if level in ("error", "warning") and level != d.severity:
            d = replace(d, severity="error" if level == "error" else "warning")
        kept.append(d)
    return kept
