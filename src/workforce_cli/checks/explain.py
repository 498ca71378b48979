"""The rules' documentation as `wfplan explain` prints it: text, or Markdown for the docs.

The documentation is written in the rules (`rule.py` says how); here it is only laid out.
Markdown keeps the backticks of the documentation as code spans, and each example becomes
a fenced `yaml` block after a comment naming it (`<!-- WF401 fails -->`), by which the
documentation tests know it for a rule's example (a failing one is meant not to validate).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workforce_cli.checks.rule import Rule

INTRO = "`wfplan explain CODE` (or its name) shows a rule's documentation."


def rule_text(rule: Rule) -> str:
    return f"{rule.code} {rule.name} ({rule.severity}): {rule.summary}\n\n{rule.doc}\n"


def rule_markdown(rule: Rule) -> str:
    parts = rule.parts
    return (
        f"### {rule.code} `{rule.name}`\n\n"
        f"**{rule.severity}**: {rule.summary}\n\n"
        f"{parts.what}\n\n"
        f"**Why:** {parts.why}\n\n"
        f"Fails with {rule.code}:\n\n<!-- {rule.code} fails -->\n```yaml\n{parts.fails}```\n\n"
        f"Passes:\n\n<!-- {rule.code} passes -->\n```yaml\n{parts.passes}```\n"
    )


def list_text(rules: Sequence[Rule]) -> str:
    width = max(len(r.name) for r in rules)
    lines = [f"{'code':<6} {'severity':<8} {'name':<{width}} summary"]
    lines += [f"{r.code:<6} {r.severity:<8} {r.name:<{width}} {r.summary}" for r in rules]
    return "\n".join(lines) + f"\n\n{INTRO}\n"


def list_markdown(rules: Sequence[Rule]) -> str:
    lines = ["| code | severity | name | meaning |", "|---|---|---|---|"]
    lines += [
        f"| {r.code} | {r.severity} | `{r.name}` | {r.summary.replace('|', chr(92) + '|')} |"
        for r in rules
    ]
    return "\n".join(lines) + "\n"


def all_text(rules: Sequence[Rule]) -> str:
    return "\n".join(rule_text(r) for r in rules)


def all_markdown(rules: Sequence[Rule]) -> str:
    return list_markdown(rules) + "".join("\n" + rule_markdown(r) for r in rules)


RULE_FORMATTERS: dict[str, Callable[[Rule], str]] = {
    "text": rule_text,
    "markdown": rule_markdown,
}
LIST_FORMATTERS: dict[str, Callable[[Sequence[Rule]], str]] = {
    "text": list_text,
    "markdown": list_markdown,
}
ALL_FORMATTERS: dict[str, Callable[[Sequence[Rule]], str]] = {
    "text": all_text,
    "markdown": all_markdown,
}
