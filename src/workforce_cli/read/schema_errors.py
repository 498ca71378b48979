"""Pydantic's validation errors as diagnostics: at the key or value that causes each one.

Pydantic reports a location as a path through the data (with union members' tags mixed in);
this turns it into a message in the plan's own words ("unknown key "milstones" in action
"so1""), a hint where one helps, and the line and column of the offending node.
"""

from __future__ import annotations

import re
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from workforce_cli.diagnostics import Diagnostic, did_you_mean
from workforce_cli.read.sources import SourceFile
from workforce_cli.read.yaml import YamlPath

_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
}


def schema_diagnostics(
    err: ValidationError, model_class: type[BaseModel], data: Any, source: SourceFile
) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    seen: set[tuple[YamlPath, str]] = set()
    unknown = 0
    starts: list[int] = []  # where each line starts, made for the first key that needs it
    for error in err.errors(include_url=False):
        path, inside = _data_path(error["loc"], data)
        kind = error["type"]
        if (path, kind) in seen:
            continue  # one report per place (a union reports once per member)
        seen.add((path, kind))
        if kind == "extra_forbidden":
            unknown += 1
            guess = unknown <= MAX_GUESSES
            diagnostics.append(_unknown_key(path, model_class, data, source, starts, guess=guess))
            continue
        diagnostics.append(_one_error(error, kind, path, inside, model_class, data, source))
    return diagnostics


MAX_GUESSES = 1000
"""Unknown keys of one file that get a "did you mean" (a fuzzy match costs); past that, the
hint lists the keys allowed, so a file of 200,000 unknown keys is answered in seconds."""


def _unknown_key(
    path: YamlPath,
    model_class: type[BaseModel],
    data: Any,
    source: SourceFile,
    starts: list[int],
    *,
    guess: bool,
) -> Diagnostic:
    name = str(path[-1])
    allowed = _allowed_keys(model_class, path[:-1], data)
    split = split_value_hint(path, data, source, starts) if guess else None
    hint = split or (did_you_mean(name, allowed) if allowed and guess else None)
    if hint is None and allowed:
        hint = "allowed keys here: " + ", ".join(allowed)
    return source.diagnostic(
        "WF101", f'unknown key "{name}"{context(path[:-1], data)}', path, hint=hint, key=True
    )


def split_value_hint(
    path: YamlPath, data: Any, source: SourceFile, starts: list[int]
) -> str | None:
    """The hint for a key that is surely the rest of a value cut at a comma.

    `{id: a, title: Safe, well led services}` is valid YAML, but inside {...} a comma ends a
    value: the title is "Safe" and "well led services" becomes a key with no value. A key of
    several words, with no value, right after a comma in a flow mapping is read as that.
    """
    name = path[-1]
    parent = _lookup(data, path[:-1])
    if not isinstance(name, str) or " " not in name or not isinstance(parent, dict):
        return None
    if parent.get(name) is not None:
        return None
    line, col = source.locate(path, key=True)
    if not starts:
        starts.extend([0, *(m.end() for m in re.finditer("\n", source.text))])
    start = starts[line - 1] if line <= len(starts) else 0
    before = source.text[start : start + col - 1].rstrip()
    if not before.endswith(","):
        return None
    keys = list(parent)
    at = keys.index(name)
    while at > 0 and parent[keys[at - 1]] is None and " " in keys[at - 1]:
        at -= 1
    if at == 0 or not isinstance(parent[keys[at - 1]], str):
        return None
    cut, end = keys[at - 1], at
    while end < len(keys) and parent[keys[end]] is None and " " in keys[end]:
        end += 1
    pieces = [parent[cut], *keys[at:end]]
    return (
        f'inside {{...}} a comma ends a value, so `{cut}` stops at "{parent[cut]}" and '
        f'"{name}" is read as a key; put the whole value in quotes: '
        f'{cut}: "{", ".join(pieces)}"'
    )


def _one_error(
    error: Any,
    kind: str,
    path: YamlPath,
    inside: Any,
    model_class: type[BaseModel],
    data: Any,
    source: SourceFile,
) -> Diagnostic:
    where = context(path, data)
    if kind == "missing":
        name = str(error["loc"][-1])
        return source.diagnostic(
            "WF102",
            f'missing required key "{name}"{where}',
            path,
            hint=f"add `{name}:` here",
        )
    value = _lookup(data, path)
    if kind in _TYPE_WORDS:
        quote = kind == "string_type" and isinstance(value, int | float | bool)
        return source.diagnostic(
            "WF103",
            f"{_field(path)} should be {_TYPE_WORDS[kind]}, not {describe(value)}{where}",
            path,
            hint=f'put it in quotes: "{_plain(value)}"' if quote else None,
        )
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), choices) or f"use one of: {', '.join(choices)}"
        return source.diagnostic(
            "WF104", f"{_field(path)} cannot be {_show(value)}{where}", path, hint=hint
        )
    if kind == "string_pattern_mismatch":
        suggestion = _slug(str(value))
        return source.diagnostic(
            "WF104",
            f"{_field(path)} {_show(value)} is not a valid id: use lowercase letters, digits "
            "and hyphens, starting with a letter or digit",
            path,
            hint=f'for example "{suggestion}"' if suggestion else None,
        )
    if kind in ("less_than", "finite_number") or (
        kind == "greater_than" and error.get("ctx", {}).get("gt", 0) < 0
    ):
        what = "is not a finite number" if kind == "finite_number" else "is too large"
        return source.diagnostic(
            "WF104",
            f"{_field(path)} {what} ({_show(value)}){where}; numbers in a plan are finite and "
            "less than 1,000,000,000,000,000",
            path,
            hint="check for a typing slip",
        )
    if kind in ("greater_than_equal", "greater_than"):
        return source.diagnostic(
            "WF104",
            f"{_field(path)} cannot be negative ({_show(value)}){where}",
            path,
            hint="staffing figures are FTE or headcount, 0 or more",
        )
    if kind in ("string_too_short", "too_short"):
        return source.diagnostic("WF104", f"{_field(path)} cannot be empty{where}", path)
    if kind == "value_error":
        message = str(error["msg"]).removeprefix("Value error, ")
        return source.diagnostic("WF104", f"{_field(path)}{where}: {message}", path)
    return source.diagnostic("WF104", f"{_field(path)}{where}: {error['msg']}", path)


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[YamlPath, Any]:
    """The error's location as a path through the data, without pydantic's union tags."""
    path: list[str | int] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str):
            path.append(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int):
            path.append(step)
            node = node[step] if 0 <= step < len(node) else None
        elif node is None:
            break
        # else: a union member's tag such as "list[str]" or "function-before[...]"; skip
    return tuple(path), node


def _lookup(data: Any, path: YamlPath) -> Any:
    node = data
    for step in path:
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return None
    return node


def _allowed_keys(model_class: type[BaseModel], path: YamlPath, data: Any) -> list[str]:
    current: Any = model_class
    for step in path:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(step)
        if info is None:
            return []
        current = _model_in(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_ITEM_NAMES = {
    "actions": "action",
    "milestones": "milestone",
    "themes": "theme",
    "snapshots": "snapshot",
    "teams": "team row",
    "targets": "target",
    "measures": "measure",
    "approvals": "approval",
    "actuals": "actual",
}
_LABEL_KEYS = ("id", "team", "as_of", "by")


def context(path: YamlPath, data: Any) -> str:
    """Where a path points, in words: ' in milestone "m1"', ' in team row "SEND"'."""
    label = ""
    node = data
    for index, step in enumerate(path):
        if isinstance(node, dict):
            node = node.get(step) if isinstance(step, str) else None
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            item = _ITEM_NAMES.get(str(path[index - 1]), "item") if index else "item"
            name = next(
                (node[k] for k in _LABEL_KEYS if isinstance(node, dict) and node.get(k)), None
            )
            label = f' in {item} "{name}"' if name is not None else f" in {item} {step + 1}"
        else:
            break
    return label


def _field(path: YamlPath) -> str:
    names = [step for step in path if isinstance(step, str)]
    return f"`{names[-1]}`" if names else "the file"


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, str):
        return f'text "{value}"' if len(value) <= 40 else "text"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _plain(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def _slug(text: str) -> str:
    out = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in out.split("-") if part)
