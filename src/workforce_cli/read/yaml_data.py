"""From a YAML node tree to plain data that remembers where each value stands.

The walk is a loop over an explicit stack, never a recursion: a file 5,000 levels deep must
get a diagnostic, not a RecursionError. Values follow the YAML 1.2 core schema (`no` and
`on` are text, `80:20` is text, no implicit timestamps); tags outside the core schema,
anchors and aliases, keys that are lists or mappings, duplicate keys and numbers no figure
can be (not finite, or too large to add up) are problems at a line and column. So are two
things libyaml lets through although YAML forbids them: a plain `-`, `?` or `:` as a value,
and continuation lines of a flow collection or quoted text indented no further than their key.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode
from ruamel.yaml.resolver import BaseResolver

from workforce_cli.read.yaml_scalars import WORDS, BadNumber, resolve_plain

YamlPath = tuple[str | int, ...]

MAX_DEPTH = 200
"""Lists and mappings nest at most this deep (the real plans: 6)."""
_CORE = "tag:yaml.org,2002:"
# Tags a plain YAML document may carry: the core schema's own. Their values are still
# resolved from the text by the rules below.
_CORE_TAGS = frozenset(
    _CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "binary")
)
STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG
SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG

_QUOTED = frozenset("'\"")


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """A problem found while reading YAML, at a 1-based line and column."""

    code: str
    message: str
    line: int
    col: int
    hint: str | None = None


class YamlMap(dict[str, Any]):
    """A mapping read from YAML that remembers where each key and value stands.

    `marks` holds two packed positions per key, in key order: the key's, then the value's.
    Recording them during the one walk that builds the data costs a few percent; finding
    them later would cost a second parse of every file with a diagnostic. `order` (each
    key's index) is made the first time a position is looked up.
    """

    __slots__ = ("marks", "order")
    marks: array[int]
    order: dict[str, int]


class YamlSeq(list[Any]):
    """A sequence read from YAML; `marks` holds each item's packed position."""

    __slots__ = ("marks",)
    marks: array[int]


def pack(node: Node) -> int:
    mark = node.start_mark
    return int(mark.line) << 20 | int(mark.column)


def unpack(packed: int) -> tuple[int, int]:
    return (packed >> 20) + 1, (packed & 0xFFFFF) + 1


def mark_of(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def nested_problem(mark: Any) -> YamlProblem:
    """WF011 at a collection nested past MAX_DEPTH (a libyaml or pure-Python mark)."""
    return YamlProblem(
        "WF011",
        f"lists and mappings are nested more than {MAX_DEPTH} deep here",
        mark.line + 1,
        mark.column + 1,
        "a plan nests a few levels deep; this is not a plan, or brackets are unclosed",
    )


def bad_number_problem(value: BadNumber, node: Node) -> YamlProblem:
    shown = value if len(value) <= 24 else value[:20] + "..."
    line, col = mark_of(node)
    return YamlProblem(
        "WF014",
        f"{shown} {value.why}; numbers in a plan are finite and less than 1,000,000,000,000,000",
        line,
        col,
        f'write the real figure; if this is text rather than a number, put it in quotes: "{shown}"',
    )


_Frame = tuple[CollectionNode, Any, "Node | None", int, int]
"""A collection whose container exists but is not filled yet: the node, the container, the
key it stands under, the indentation of the block collection it stands in (-1: none), and
its depth."""


@dataclass(slots=True)
class _Walk:
    aliases: bool
    text: str | None
    lines: list[str] = field(default_factory=list)
    problems: list[YamlProblem] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    aliased: bool = False
    too_deep: bool = False

    def report(self, code: str, message: str, node: Node, hint: str) -> None:
        line, col = mark_of(node)
        self.problems.append(YamlProblem(code, message, line, col, hint))


def to_data(
    node: Node, *, aliases: bool = True, text: str | None = None
) -> tuple[Any, list[YamlProblem]]:
    """Plain Python data (dict, list, str, int, float, bool, None) from a node tree.

    `aliases=False` is for a text with no `*` in it, which cannot hold an alias: the walk
    then skips looking for nodes met twice, a quarter of its time. With `text` (the text the
    tree was composed from), continuation lines of flow collections and quoted text are
    checked for the indentation YAML requires.
    """
    walk = _Walk(aliases, text)
    stack: list[_Frame] = []
    root = _place(walk, node, None, -1, 1, stack)
    while stack:
        collection, container, key_node, indent, depth = stack.pop()
        start = len(stack)
        if isinstance(collection, MappingNode):
            _fill_mapping(walk, collection, container, indent, depth, stack)
        else:
            _fill_sequence(walk, collection, container, key_node, indent, depth, stack)
        # Children were pushed in file order; reversed, they are taken in file order.
        stack[start:] = stack[start:][::-1]
    return root, walk.problems


def _place(
    walk: _Walk,
    node: Node,
    key_node: Node | None,
    indent: int,
    depth: int,
    stack: list[_Frame],
) -> Any:
    """The value of `node`: a scalar's own, or an empty container pushed to be filled."""
    if walk.aliases:
        if id(node) in walk.seen:
            # An alias: the same node met twice. One report per file is enough (a bomb
            # holds thousands), and returning None here keeps the walk from expanding it.
            if not walk.aliased:
                walk.aliased = True
                walk.report(
                    "WF007",
                    "anchors and aliases are not supported in plan files (this reuses the "
                    f"value at line {node.start_mark.line + 1})",
                    key_node or node,
                    "write the value out in full where it is used",
                )
            return None
        walk.seen.add(id(node))
    tag = node.ctag
    # Untagged nodes carry the resolver's own Tag objects: compared by identity first.
    if not (tag is STR_TAG or tag is SEQ_TAG or tag is MAP_TAG) and node.tag not in _CORE_TAGS:
        name = str(node.tag).replace(_CORE, "!!")
        walk.report(
            "WF006",
            f'YAML tag "{name}" is not allowed in plan files',
            node,
            "remove the tag; plan files hold plain text, numbers, lists and mappings",
        )
        return None
    if isinstance(node, ScalarNode):
        return _scalar(walk, node, indent)
    if not isinstance(node, CollectionNode):  # pragma: no cover - a composer makes no other
        raise AssertionError(f"unexpected node {node!r}")
    if node.flow_style and indent >= 0:
        if node.end_mark.line != node.start_mark.line:
            _check_continuation(walk, node, indent, "list or mapping")
        indent = -1  # inside a flow collection: its own lines are checked
    if depth > MAX_DEPTH:
        if not walk.too_deep:
            walk.too_deep = True
            walk.problems.append(nested_problem(node.start_mark))
        return None
    container: YamlMap | YamlSeq = YamlMap() if isinstance(node, MappingNode) else YamlSeq()
    container.marks = array("Q")
    stack.append((node, container, key_node, indent, depth))
    return container


def _scalar(walk: _Walk, node: ScalarNode, indent: int) -> Any:
    style = node.style
    if style:  # quoted or block scalar: always text
        if style in _QUOTED and indent >= 0 and node.end_mark.line != node.start_mark.line:
            _check_continuation(walk, node, indent, "quoted text")
        return node.value
    value = resolve_plain(node.value)
    if type(value) is BadNumber:
        walk.problems.append(bad_number_problem(value, node))
        return None
    if type(value) is str and value in ("-", "?", ":"):
        walk.report(
            "WF004",
            f'YAML syntax error: "{value}" alone is an indicator, not a value',
            node,
            f'put it in quotes: "{value}"',
        )
    return value


def _fill_sequence(
    walk: _Walk,
    node: CollectionNode,
    items: YamlSeq,
    key_node: Node | None,
    indent: int,
    depth: int,
    stack: list[_Frame],
) -> None:
    inner = indent if node.flow_style else node.start_mark.column
    marks = items.marks
    for item in node.value:
        items.append(_place(walk, item, key_node, inner, depth + 1, stack))
        marks.append(pack(item))


def _fill_mapping(
    walk: _Walk,
    node: CollectionNode,
    result: YamlMap,
    indent: int,
    depth: int,
    stack: list[_Frame],
) -> None:
    inner = indent if node.flow_style else node.start_mark.column
    marks = result.marks
    fast = not walk.aliases
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            walk.report(
                "WF013",
                "a key must be plain text, not a list or mapping",
                key_node,
                "write the key as a single word, such as title:",
            )
            continue
        key = key_node.value
        if key in result:
            walk.report(
                "WF005",
                f'duplicate key "{key}" (first defined at line {_first_line(node, key)})',
                key_node,
                "remove one of the two; YAML keeps only one value per key",
            )
            continue
        marks.append(pack(key_node))
        marks.append(pack(value_node))
        if fast and value_node.ctag is STR_TAG and isinstance(value_node, ScalarNode):
            # The common case, inline: an untagged scalar value, most often plain words.
            text = value_node.value
            style = value_node.style
            if style:
                if (
                    style in _QUOTED
                    and inner >= 0
                    and value_node.end_mark.line != value_node.start_mark.line
                ):
                    _check_continuation(walk, value_node, inner, "quoted text")
                result[key] = text
                continue
            if text[:1].isalpha() and text not in WORDS:
                result[key] = text
                continue
        result[key] = _place(walk, value_node, key_node, inner, depth + 1, stack)


def _first_line(node: CollectionNode, key: str) -> int:
    """The line of the first key `key` in a mapping (looked up only for a duplicate)."""
    for key_node, _ in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return int(key_node.start_mark.line) + 1
    raise AssertionError(key)  # pragma: no cover


def _check_continuation(walk: _Walk, node: Node, indent: int, what: str) -> None:
    """YAML requires the lines of a flow collection or quoted text that spans lines to be
    indented further than the block collection it stands in; libyaml does not check."""
    if walk.text is None:
        return
    if not walk.lines:  # split once, for the first text that spans lines
        walk.lines = walk.text.splitlines()
    lines = walk.lines
    first, last = node.start_mark.line, node.end_mark.line
    for number in range(first + 1, min(last + 1, len(lines))):
        line = lines[number]
        content = line.lstrip(" ")
        if not content.strip() or (what != "quoted text" and content.lstrip().startswith("#")):
            continue  # blank lines and (between entries) comments may stand anywhere
        if len(line) - len(content) <= indent:
            walk.problems.append(
                YamlProblem(
                    "WF004",
                    f"YAML syntax error: this line continues the {what} that starts at line "
                    f"{first + 1}, but is not indented further than the key it belongs to",
                    number + 1,
                    len(line) - len(content) + 1,
                    "indent it further than that key, or join it to the line above",
                )
            )
            return


def locate_data(data: Any, root: int, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
    """The position of the value (or key) at `path`, from the positions `to_data` recorded
    (`root`: the root's packed mark). Where the path leads past what the file holds (a
    missing key), the deepest node that exists is the answer."""
    mark, key_mark = root, -1
    node = data
    for step in path:
        if isinstance(node, YamlMap) and isinstance(step, str) and step in node:
            try:
                order = node.order
            except AttributeError:
                order = node.order = {name: i for i, name in enumerate(node)}
            index = 2 * order[step]
            key_mark, mark = node.marks[index], node.marks[index + 1]
            node = node[step]
        elif isinstance(node, YamlSeq) and isinstance(step, int) and 0 <= step < len(node):
            key_mark, mark = -1, node.marks[step]
            node = node[step]
        else:
            break
    return unpack(key_mark if key and key_mark >= 0 else mark)
