"""Writing YAML: change a few values of a plan file and leave every other byte as it was.

Decisions, each for a reason written down:

- Edits are made to the text, at positions taken from the node tree (`yamlio.compose`, libyaml
  through ruamel.yaml's C extension; marks are character offsets into the text). The file is
  never re-serialised. ruamel.yaml's round-trip mode (`YAML(typ="rt")`, with `preserve_quotes`,
  a wide `width` and the file's indentation) does reproduce all five plans byte for byte when
  nothing changes, but its edits do not keep to their lines: deleting `done_on` also deletes
  the full-line comment below it (ruamel attaches it to the deleted key); a key added at the end
  of a mapping lands after the comment that introduces the next item; replacing a value moves
  the end-of-line comment; and a new `2021-11-30` is quoted as a timestamp although plan files
  read it as text. Text edits change exactly the lines they must, keep what no serialiser
  models (comment columns, blank lines, a BOM, mixed line endings), and cost one libyaml parse
  instead of the round-trip loader's twenty-times-slower one.
- Line endings: new lines use the file's own (CRLF if it has any CRLF); untouched lines keep
  theirs byte for byte. A byte-order mark is kept. A file without a final newline still has
  none after a key is added at its very end.
- New keys go where a person would put them: after the key that precedes them in `ORDER`
  (status after due, done_on after status ...), else at the end of the mapping, with the
  indentation of the mapping's own keys; in a flow mapping (`{id: m1, due: Dec 2021}`) as
  `, key: value` in the braces.
- A replaced value keeps its quote style, and the end-of-line comment after it keeps its
  column where the new value leaves room.
- New scalars are plain where plain text reads back as the same string under the loader's
  YAML 1.2 rules (`no` and `2021-11-30` stay plain), otherwise double-quoted (`"2021"`,
  `"Team: A"`), JSON escaping being valid YAML double-quoted escaping.
"""

from __future__ import annotations

import json
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workforce_cli.read import yaml as yamlio
from workforce_cli.read.files import read_file
from workforce_cli.read.yaml import YamlPath

BOM = "\ufeff"

ORDER = (
    "id",
    "title",
    "theme",
    "description",
    "owner",
    "timescale",
    "start",
    "due",
    "status",
    "done_on",
    "revised_due",
    "revision_reason",
)
"""The order of a milestone's keys as plans write them: where a missing key is inserted."""

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_CHARS = set(",[]{}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]")


class EditError(Exception):
    """The file's shape does not allow the edit (the path leads nowhere, or not to a mapping)."""


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    text: str


@dataclass(eq=False)
class Document:
    """A YAML file's text, its node tree and the edits made to it so far."""

    raw: bytes
    text: str
    """The text without its byte-order mark."""
    root: Node
    bom: bool = False
    newline: str = "\n"
    edits: list[Edit] = field(default_factory=list)

    @classmethod
    def parse(cls, raw: bytes) -> Document:
        decoded = raw.decode("utf-8")
        text = decoded.removeprefix(BOM)
        root = yamlio.compose(text)
        if root is None:
            raise EditError("the file is empty")
        newline = "\r\n" if "\r\n" in text else "\n"
        return cls(raw, text, root, decoded.startswith(BOM), newline)

    @classmethod
    def read(cls, path: Path) -> Document:
        return cls.parse(read_file(path))

    def result(self) -> str:
        """The text with every edit applied (without the byte-order mark)."""
        out = self.text
        # Edits at one position keep the order they were made in.
        ordered = sorted(enumerate(self.edits), key=lambda e: (e[1].start, e[0]), reverse=True)
        for _, edit in ordered:
            out = out[: edit.start] + edit.text + out[edit.end :]
        return out

    def encode(self) -> bytes:
        return ((BOM if self.bom else "") + self.result()).encode("utf-8")

    # --- finding nodes -------------------------------------------------------------------

    def node(self, path: YamlPath) -> Node:
        node = self.root
        for step in path:
            if isinstance(node, MappingNode) and isinstance(step, str):
                found = entry(node, step)
                if found is None:
                    raise EditError(f"no key {step!r} at {_show(path)}")
                node = found[1]
            elif isinstance(node, SequenceNode) and isinstance(step, int):
                if not 0 <= step < len(node.value):
                    raise EditError(f"no item {step} at {_show(path)}")
                node = node.value[step]
            else:
                raise EditError(f"{_show(path)} does not lead to a value")
        return node

    def mapping(self, path: YamlPath) -> MappingNode:
        node = self.node(path)
        if not isinstance(node, MappingNode):
            raise EditError(f"{_show(path)} is not a mapping")
        return node

    def line_of(self, node: Node) -> int:
        return int(node.start_mark.line) + 1

    # --- edits ----------------------------------------------------------------------------

    def upsert(self, mapping: MappingNode, values: list[tuple[str, str]]) -> None:
        """Set each key to a scalar: replaced in place if present, else inserted (see ORDER)."""
        present = {k.value for k, _ in mapping.value if isinstance(k, ScalarNode)}
        groups: dict[str | None, list[tuple[str, str]]] = {}
        anchor_of: dict[str, str | None] = {}
        for key, value in values:
            found = entry(mapping, key)
            if found is not None:
                self._replace_scalar(found[1], value, flow=bool(mapping.flow_style))
                continue
            anchor = _anchor(key, present, anchor_of)
            anchor_of[key] = anchor
            groups.setdefault(anchor, []).append((key, value))
        for anchor, items in groups.items():
            self._insert(mapping, anchor, items)

    def remove(self, mapping: MappingNode, key: str) -> None:
        """Delete one key and its value (the whole line in block style)."""
        pairs = mapping.value
        index = next(
            (i for i, (k, _) in enumerate(pairs) if isinstance(k, ScalarNode) and k.value == key),
            None,
        )
        if index is None:
            return
        key_node, value_node = pairs[index]
        if mapping.flow_style:
            if index > 0:
                start = end_of(pairs[index - 1][1])
                end = end_of(value_node)
            else:
                start = key_node.start_mark.index
                end = pairs[1][0].start_mark.index if len(pairs) > 1 else end_of(value_node)
            self.edits.append(Edit(start, end, ""))
            return
        line_start = self.text.rfind("\n", 0, key_node.start_mark.index) + 1
        if self.text[line_start : key_node.start_mark.index].strip():
            # The key shares its line with a "- ": the next key moves up to take its place.
            if index + 1 >= len(pairs):
                raise EditError(f"cannot remove {key!r}, the only key of its mapping")
            self.edits.append(
                Edit(key_node.start_mark.index, pairs[index + 1][0].start_mark.index, "")
            )
            return
        self.edits.append(Edit(line_start, self.line_end(end_of(value_node)), ""))

    def insert_text(self, position: int, text: str) -> None:
        self.edits.append(Edit(position, position, text))

    # --- helpers --------------------------------------------------------------------------

    def _replace_scalar(self, node: Node, value: str, *, flow: bool) -> None:
        if not isinstance(node, ScalarNode) or node.style in ("|", ">"):
            new = scalar(value, flow=flow)
        else:
            new = scalar(value, flow=flow, style=node.style)
        start, end = node.start_mark.index, node.end_mark.index
        if start == end and self.text[start - 1 : start] == ":":  # an empty value: `key:`
            new = " " + new
        # Keep an end-of-line comment in its column when the new value leaves room for it.
        gap = re.match(r"( +)#", self.text[end:])
        if gap and "\n" not in self.text[start:end]:
            spaces = max(1, len(gap.group(1)) + (end - start) - len(new))
            self.edits.append(Edit(start, end + len(gap.group(1)), new + " " * spaces))
        else:
            self.edits.append(Edit(start, end, new))

    def _insert(
        self, mapping: MappingNode, anchor: str | None, items: list[tuple[str, str]]
    ) -> None:
        pairs = mapping.value
        if not pairs:
            raise EditError("cannot add keys to an empty mapping")
        after = entry(mapping, anchor) if anchor is not None else None
        value_node = after[1] if after is not None else pairs[-1][1]
        if mapping.flow_style:
            text = "".join(f", {k}: {scalar(v, flow=True)}" for k, v in items)
            self.insert_text(end_of(value_node), text)
            return
        indent = " " * pairs[0][0].start_mark.column
        lines = [f"{indent}{k}: {scalar(v, flow=False)}" for k, v in items]
        self.insert_lines(self.line_end(end_of(value_node)), lines)

    def insert_lines(self, position: int, lines: list[str]) -> None:
        """Insert whole lines at a line start (or at the end of the text)."""
        nl = self.newline
        if position == len(self.text) and self.text and not self.text.endswith("\n"):
            self.insert_text(position, "".join(nl + line for line in lines))
        else:
            self.insert_text(position, "".join(line + nl for line in lines))

    def line_end(self, position: int) -> int:
        """The start of the line after the one holding the character before `position`."""
        if position > 0 and self.text[position - 1] == "\n":
            return position
        newline = self.text.find("\n", position)
        return len(self.text) if newline < 0 else newline + 1


def entry(mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def end_of(node: Node) -> int:
    """Where a node's own text ends: block collections end at their last descendant."""
    while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return int(node.end_mark.index)


def _anchor(key: str, present: set[str], pending: dict[str, str | None]) -> str | None:
    """The key a missing key goes after: the nearest one before it in ORDER that exists."""
    if key not in ORDER:
        return None
    for before in reversed(ORDER[: ORDER.index(key)]):
        if before in present:
            return before
        if before in pending:
            return pending[before]
    return None


def _show(path: YamlPath) -> str:
    return ".".join(str(step) for step in path) or "the top level"


def scalar(value: str, *, flow: bool, style: str | None = None) -> str:
    """A YAML scalar that reads back as `value` (a string) under the loader's rules."""
    if style == "'" and "\n" not in value and not _CONTROL.search(value):
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or not plain_ok(value, flow=flow):
        return json.dumps(value, ensure_ascii=False)
    return value


def plain_ok(value: str, *, flow: bool) -> bool:
    if not value or value != value.strip() or _CONTROL.search(value) or "\t" in value:
        return False
    if value[0] in _INDICATORS and not (value[0] in "-?:" and len(value) > 1 and value[1] != " "):
        return False
    if ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and (_FLOW_CHARS & set(value) or value[0] in "-?:"):
        return False
    return yamlio.resolve_plain(value) == value and isinstance(yamlio.resolve_plain(value), str)


def indents(root: Node) -> tuple[int, int]:
    """The file's own block indentation: (a nested mapping's indent, a list's dash offset).

    Taken from the first nested block mapping and block list under a mapping key; 2 and 2
    (`key:` / `  - item`) where the file has none.
    """
    mapping = offset = None
    stack: deque[Node] = deque([root])  # breadth first: popleft is O(1), list.pop(0) O(n)
    while stack and (mapping is None or offset is None):
        node = stack.popleft()
        if not isinstance(node, MappingNode) or node.flow_style:
            if isinstance(node, SequenceNode):
                stack.extend(node.value)
            continue
        for key, value in node.value:
            if isinstance(value, MappingNode | SequenceNode) and not value.flow_style:
                if value.start_mark.line == key.start_mark.line:
                    continue  # a compact "- key:" line says nothing about indentation
                step = value.start_mark.column - key.start_mark.column
                if isinstance(value, MappingNode) and mapping is None and step > 0:
                    mapping = step
                if isinstance(value, SequenceNode) and offset is None and step >= 0:
                    offset = step
            stack.append(value)
    return mapping or 2, 2 if offset is None else offset
