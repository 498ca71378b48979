"""Reading YAML: the only code that parses plan files for reading.

Decisions, each for a reason written down:

- The parse is libyaml's, through ruamel.yaml's C extension (`ruamel.yaml.clib`), composing a
  node tree only. The round-trip loader is twenty times slower and is kept for the commands
  that write files; a corpus of plans must validate in seconds.
- Values are built from the nodes here, with YAML 1.2 core-schema rules: `no` and `on` are
  text, `80:20` is text, and there are no implicit timestamps, so `due: 2025-02-30` reaches
  the date-expression checks as text (every YAML loader would otherwise fail on it with a
  bare ValueError and no position).
- Tags outside the YAML core schema (`!!python/object`, `!custom`) are refused: nothing would
  run, but a tagged value must not slip through as if it were plain data.
- Anchors and aliases are refused: a plan is edited by people who are not YAML experts, and an
  alias bomb composes to a tiny shared tree that only explodes when walked, so the walk stops
  at the first node it meets twice.
- Duplicate keys are errors (YAML forbids them; libyaml does not check).
- Line and column of every node are not kept: finding them costs a second compose of just the
  files that have problems (see `locate`), which is cheaper than recording them for every node
  of every clean file.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any

import _ruamel_yaml
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import BaseResolver

from workforce_cli.model.types import YamlFloat

YamlPath = tuple[str | int, ...]

_CORE = "tag:yaml.org,2002:"
# Tags a plain YAML document may carry: the core schema's own. Their values are still
# resolved from the text by the rules below.
_CORE_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "binary")
)

_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_WORDS = _NULLS | _TRUE | _FALSE
"""Plain scalars starting with a letter that are not text."""
_SPECIAL = re.compile(r"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")
_SPECIAL_FLOATS = {
    ".inf": float("inf"),
    "+.inf": float("inf"),
    "-.inf": float("-inf"),
    ".nan": float("nan"),
}


_STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG
_SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
_MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG
_DEFAULT_TAGS = {ScalarNode: _STR_TAG, SequenceNode: _SEQ_TAG, MappingNode: _MAP_TAG}


class _Composer(_ruamel_yaml.CParser, BaseResolver):  # type: ignore[misc]
    # BaseResolver has no implicit resolvers, so every untagged scalar arrives as str and
    # resolution is ours (YAML 1.2 core); libyaml itself only knows YAML 1.1.
    def __init__(self, text: str) -> None:
        _ruamel_yaml.CParser.__init__(self, text)
        BaseResolver.__init__(self)

    # The parser calls these three for every node. With no implicit or path resolvers,
    # BaseResolver's answer depends on the node kind alone; answering it directly (with the
    # very Tag objects BaseResolver returns) takes a fifth off the time of a compose.
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A problem found while reading YAML, at a 1-based line and column."""

    code: str
    message: str
    line: int
    col: int
    hint: str | None = None


class YamlFailure(Exception):
    """The text is not a YAML document we can read; `problem` says where and why."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class YamlMap(dict[str, Any]):
    """A mapping read from YAML that remembers where each key and value stands.

    `marks` holds two packed positions per key, in key order: the key's, then the value's.
    Recording them during the one walk that builds the data costs a few percent; finding
    them later would cost a second parse of every file with a diagnostic.
    """

    __slots__ = ("marks",)
    marks: array[int]


class YamlSeq(list[Any]):
    """A sequence read from YAML; `marks` holds each item's packed position."""

    __slots__ = ("marks",)
    marks: array[int]


def _pack(node: Node) -> int:
    mark = node.start_mark
    return int(mark.line) << 20 | int(mark.column)


def _unpack(packed: int) -> tuple[int, int]:
    return (packed >> 20) + 1, (packed & 0xFFFFF) + 1


def compose(text: str) -> Node | None:
    """The node tree of a single-document YAML text (None for an empty document)."""
    try:
        node: Node | None = _Composer(text).get_single_node()
    except MarkedYAMLError as err:
        raise YamlFailure(_syntax_problem(text, err)) from None
    return node


def _syntax_problem(text: str, err: MarkedYAMLError) -> YamlProblem:
    mark = err.problem_mark or err.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = (err.problem or "").strip()
    context = (err.context or "").strip()
    message = f"{problem} {context}".strip() if context else problem
    hint: str | None = None
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "tab" in problem or "\t" in here[: max(col, 1)]:
        return YamlProblem(
            "WF004",
            "a tab is used for indentation",
            line,
            here.find("\t") + 1 if "\t" in here else col,
            "indent with spaces; YAML does not allow tabs for indentation",
        )
    if "undefined alias" in problem:
        return YamlProblem(
            "WF007",
            "anchors and aliases are not supported in plan files",
            line,
            col,
            "write the value out in full where it is used",
        )
    if "expected a single document" in problem or "another document" in problem:
        return YamlProblem(
            "WF004",
            "more than one YAML document (---) in one file",
            line,
            col,
            "put each plan in a file of its own",
        )
    if "mapping values are not allowed" in problem:
        hint = 'a value containing ": " must be quoted, or a key is indented wrongly'
    elif "expected <block end>" in message or "did not find expected key" in message:
        hint = "check the indentation of this line against the lines above it"
    elif "found unexpected end of stream" in message:
        hint = "a quote or bracket opened earlier is never closed"
    opened = err.context_mark
    if opened is not None and mark is not None and opened.line != mark.line:
        message = f"{message} (it starts at line {opened.line + 1})"
        hint = hint or "a bracket or quote that opens there is not closed where it should be"
    return YamlProblem("WF004", f"YAML syntax error: {message}", line, col, hint)


@dataclass(slots=True)
class _Walk:
    aliases: bool
    problems: list[YamlProblem] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    aliased: bool = False


def to_data(node: Node, *, aliases: bool = True) -> tuple[Any, list[YamlProblem]]:
    """Plain Python data (dict, list, str, int, float, bool, None) from a node tree.

    `aliases=False` is for a text with no `*` in it, which cannot hold an alias: the walk
    then skips looking for nodes met twice, a quarter of its time.
    """
    walk = _Walk(aliases)
    return _value(node, walk), walk.problems


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _value(node: Node, walk: _Walk, key_node: Node | None = None) -> Any:
    if walk.aliases:
        if id(node) in walk.seen:
            # An alias: the same node met twice. One report per file is enough (a bomb
            # holds thousands), and returning None here keeps the walk from expanding it.
            if not walk.aliased:
                walk.aliased = True
                line, col = _mark(key_node or node)
                walk.problems.append(
                    YamlProblem(
                        "WF007",
                        "anchors and aliases are not supported in plan files (this reuses the "
                        f"value at line {node.start_mark.line + 1})",
                        line,
                        col,
                        "write the value out in full where it is used",
                    )
                )
            return None
        walk.seen.add(id(node))
    tag = node.ctag
    # Untagged nodes carry the resolver's own Tag objects: compared by identity first.
    untagged = tag is _STR_TAG or tag is _SEQ_TAG or tag is _MAP_TAG
    if not untagged and node.tag not in _CORE_TAGS:
        line, col = _mark(node)
        name = str(node.tag)
        walk.problems.append(
            YamlProblem(
                "WF006",
                f'YAML tag "{name.replace(_CORE, "!!")}" is not allowed in plan files',
                line,
                col,
                "remove the tag; plan files hold plain text, numbers, lists and mappings",
            )
        )
        return None
    if isinstance(node, ScalarNode):
        if node.style:  # quoted or block scalar: always text
            return node.value
        return resolve_plain(node.value)
    if isinstance(node, SequenceNode):
        items = YamlSeq([_value(item, walk, key_node) for item in node.value])
        items.marks = array("Q", [_pack(item) for item in node.value])
        return items
    if isinstance(node, MappingNode):
        return _mapping(node, walk)
    raise AssertionError(f"unexpected node {node!r}")  # pragma: no cover


def _mapping(node: MappingNode, walk: _Walk) -> YamlMap:
    result = YamlMap()
    marks = result.marks = array("Q")
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            line, col = _mark(key_node)
            walk.problems.append(
                YamlProblem(
                    "WF004",
                    "a key must be plain text, not a list or mapping",
                    line,
                    col,
                    "write the key as a single word, such as title:",
                )
            )
            continue
        key = key_node.value
        if key in result:
            line, col = _mark(key_node)
            walk.problems.append(
                YamlProblem(
                    "WF005",
                    f'duplicate key "{key}" (first defined at line {_first_line(node, key)})',
                    line,
                    col,
                    "remove one of the two; YAML keeps only one value per key",
                )
            )
            continue
        marks.append(_pack(key_node))
        marks.append(_pack(value_node))
        if not walk.aliases and value_node.ctag is _STR_TAG and isinstance(value_node, ScalarNode):
            # The common case, inline: an untagged scalar value, most often plain words.
            text = value_node.value
            if value_node.style or (text[:1].isalpha() and text not in _WORDS):
                result[key] = text
            else:
                result[key] = resolve_plain(text)
        else:
            result[key] = _value(value_node, walk, key_node)
    return result


def _first_line(node: MappingNode, key: str) -> int:
    """The line of the first key `key` in a mapping (looked up only for a duplicate)."""
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return int(key_node.start_mark.line) + 1
    raise AssertionError(key)  # pragma: no cover


def resolve_plain(text: str) -> Any:
    """A plain scalar's value under the YAML 1.2 core schema."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0].isdigit() or text[0] in "+-.":
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            value = float(text)
            # `87.20` claims more precision than the float's repr shows; keep its text.
            if text[-1] == "0" and "." in text:
                kept = YamlFloat(value)
                kept.text = text
                return kept
            return value
        if _OCT.match(text):
            return int(text[2:], 8)
        if _HEX.match(text):
            return int(text[2:], 16)
        if _SPECIAL.match(text):
            return _SPECIAL_FLOATS[text.lower()]
    return text


def locate(root: Node | None, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
    """The 1-based line and column of the node at `path` (or of its key, with `key=True`).

    Where the path leads past what the file holds (a missing key), the deepest node that
    exists is the answer: for a missing key, the mapping that should hold it.
    """
    if root is None:
        return 1, 1
    node = root
    key_node: Node | None = None
    for step in path:
        child, child_key = _child(node, step)
        if child is None:
            return _mark(node) if key_node is None or not key else _mark(key_node)
        node, key_node = child, child_key
    if key and key_node is not None:
        return _mark(key_node)
    return _mark(node)


def locate_data(data: Any, root: int, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
    """`locate`, answered from the positions `to_data` recorded (`root`: the root's mark)."""
    mark, key_mark = root, -1
    node = data
    for step in path:
        if isinstance(node, YamlMap) and isinstance(step, str) and step in node:
            index = 2 * list(node).index(step)
            key_mark, mark = node.marks[index], node.marks[index + 1]
            node = node[step]
        elif isinstance(node, YamlSeq) and isinstance(step, int) and 0 <= step < len(node):
            key_mark, mark = -1, node.marks[step]
            node = node[step]
        else:
            break
    return _unpack(key_mark if key and key_mark >= 0 else mark)


def root_mark(node: Node) -> int:
    return _pack(node)


def _child(node: Node, step: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode):
        found: tuple[Node | None, Node | None] = (None, None)
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == str(step):
                found = (value_node, key_node)
        return found
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], None
    return None, None
