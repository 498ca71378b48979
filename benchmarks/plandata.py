"""Writing plan data as YAML, and the staffing totals a plan states.

The corpus generator and its mutator both write through `dump`, so that a mutated copy
differs from its original only where a mutation changed something: the output is a pure
function of the data (a file read back with `workforce_cli.read.yaml` and dumped again is
byte-for-byte the same), which keeps `git diff` between two corpus revisions realistic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from workforce_cli.model.types import YamlFloat
from workforce_cli.read.yaml import resolve_plain

# Mappings written on one line, as people write table rows and small pairs.
_FLOW_MAPPINGS = frozenset(
    ("period", "review", "approvals", "teams", "stated_totals", "baseline", "target", "actuals")
)
# Lists of text written on one line.
_FLOW_LISTS = frozenset(("owner", "depends_on", "partners"))
# Blank line before these top-level keys, as a person would lay out the file.
_SECTIONS = frozenset(("themes", "actions", "staffing", "targets", "measures"))
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


def dump(data: Mapping[str, Any], header: str, *, indent_lists: bool = True) -> str:
    """The YAML text of a plan or staffing file, starting with the comment lines `header`.

    `indent_lists=False` writes list items level with their key (`actions:` then `- id:`),
    the layout YAML tools emit; people mostly indent them. A corpus holds both.
    """
    lines = [header]
    writer = _Writer(lines, 2 if indent_lists else 0)
    for key, value in data.items():
        if key in _SECTIONS:
            lines.append("")
        writer.entry(key, value, 0, "")
    return "\n".join(lines) + "\n"


def indents_lists(text: str) -> bool:
    """Whether a file written by `dump` indents its list items."""
    return "\n- " not in text


class _Writer:
    def __init__(self, lines: list[str], list_indent: int) -> None:
        self.lines = lines
        self.list_indent = list_indent

    def entry(self, key: str, value: Any, indent: int, prefix: str) -> None:
        head = f"{prefix or ' ' * indent}{_key(key)}:"
        if isinstance(value, Mapping):
            if key in _FLOW_MAPPINGS and _all_scalars(value.values()):
                self.lines.append(f"{head} {_flow_mapping(value)}")
            else:
                self.lines.append(head)
                self.mapping(value, indent + 2, "")
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []")
            elif key in _FLOW_LISTS and _all_scalars(value):
                self.lines.append(f"{head} [{', '.join(scalar(v, flow=True) for v in value)}]")
            else:
                self.lines.append(head)
                for item in value:
                    self.item(key, item, indent + self.list_indent)
        else:
            self.lines.append(f"{head} {scalar(value)}")

    def mapping(self, data: Mapping[str, Any], indent: int, prefix: str) -> None:
        for i, (key, value) in enumerate(data.items()):
            self.entry(key, value, indent, prefix if i == 0 else "")

    def item(self, parent: str, item: Any, indent: int) -> None:
        dash = " " * indent + "- "
        if isinstance(item, Mapping):
            if parent in _FLOW_MAPPINGS and _all_scalars(item.values()):
                self.lines.append(dash + _flow_mapping(item))
            else:
                self.mapping(item, indent + 2, dash)
        else:
            self.lines.append(dash + scalar(item))


def _flow_mapping(data: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{_key(k)}: {scalar(v, flow=True)}" for k, v in data.items()) + "}"


def _all_scalars(values: Iterable[Any]) -> bool:
    return not any(isinstance(v, Mapping | list) for v in values)


def _key(key: str) -> str:
    # `on` is text in YAML 1.2 but true in 1.1; quoted, every reader agrees.
    return '"on"' if key == "on" else key


def scalar(value: Any, *, flow: bool = False) -> str:
    """One value as YAML: numbers as written, text plain where every reader sees text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, YamlFloat):
        return value.text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value)
    text = str(value)
    if _plain_ok(text, flow):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or not text.isprintable():
        return False
    if flow and any(c in text for c in ",[]{}"):
        return False
    return resolve_plain(text) == text and isinstance(resolve_plain(text), str)


def number(value: float) -> str:
    """FTE as HR writes it: `22.31`, `20.5`, `1` (never `1.0`)."""
    value = round(value, 2)
    if value.is_integer():
        return str(int(value))
    return repr(value)


class Stated(YamlFloat):
    """A stated total written to exactly two decimals (`87.20`), as the source prints it."""


def stated(value: float, decimals: int = 2) -> Stated:
    kept = Stated(round(value, decimals))
    kept.text = f"{value:.{decimals}f}"
    return kept


def stated_totals(rows: Sequence[Mapping[str, Any]], keys: Iterable[str]) -> dict[str, Any]:
    """The totals of `keys` (counts and rates) computed from team rows, as a source states them.

    Rates are stated as text with the decimals of the existing statement (`"76.0%"`); rows
    without figures are left out, as `wfplan` leaves them out.
    """
    counted = [r for r in rows if any(k in r for k in ("permanent", "agency", "vacant"))]
    p = sum(float(r.get("permanent", 0)) for r in counted)
    a = sum(float(r.get("agency", 0)) for r in counted)
    v = sum(float(r.get("vacant", 0)) for r in counted)
    rates = {
        "permanent_share": p / (p + a) if p + a else None,
        "agency_rate": a / (p + a) if p + a else None,
        "vacancy_rate": (v + a) / (v + a + p) if v + a + p else None,
    }
    out: dict[str, Any] = {}
    for key, decimals in _with_decimals(keys):
        if key in rates:
            rate = rates[key]
            if rate is not None:
                out[key] = f"{100 * rate:.{decimals}f}%"
        else:
            out[key] = stated({"permanent": p, "agency": a, "vacant": v}[key])
    return out


def _with_decimals(keys: Iterable[str]) -> Iterable[tuple[str, int]]:
    for key in keys:
        name, _, decimals = key.partition(":")
        yield name, int(decimals or 1)


def rate_keys(existing: Mapping[str, Any]) -> list[str]:
    """The `stated_totals` keys of an existing statement, with the decimals of each rate."""
    keys = []
    for key, value in existing.items():
        if isinstance(value, str) and value.endswith("%"):
            _, _, fraction = value[:-1].partition(".")
            keys.append(f"{key}:{len(fraction)}")
        else:
            keys.append(key)
    return keys
