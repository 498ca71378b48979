"""Reading YAML: the only code that parses plan files for reading.

Decisions, each for a reason written down:

- The parse is libyaml's, through ruamel.yaml's C extension (`ruamel.yaml.clib`), composing a
  node tree only. The round-trip loader is twenty times slower and is kept for the commands
  that write files; a corpus of plans must validate in seconds.
- libyaml is a YAML 1.1 parser, and refuses a few YAML 1.2 texts (`{value: 80:20}`, the style
  `wfplan new` writes, is one). A text it refuses is read a second time by ruamel.yaml's
  pure-Python YAML 1.2 parser (`yaml_pure`); only if that refuses it too is it a syntax error,
  reported in libyaml's words, which are the more precise.
- Before either parser sees a text, `yaml_guard` refuses control characters and nesting past
  200 levels (the composers recurse, and libyaml's overflows the C stack); after, a `#` that
  libyaml took for a comment with no space before it.
- Values are built from the nodes in `yaml_data`, with YAML 1.2 core-schema rules: `no` and
  `on` are text, `80:20` is text, and there are no implicit timestamps, so `due: 2025-02-30`
  reaches the date-expression checks as text (every YAML loader would otherwise fail on it
  with a bare ValueError and no position).
- Tags outside the YAML core schema (`!!python/object`, `!custom`) are refused: nothing would
  run, but a tagged value must not slip through as if it were plain data.
- Anchors and aliases are refused: a plan is edited by people who are not YAML experts, and an
  alias bomb composes to a tiny shared tree that only explodes when walked, so the walk stops
  at the first node it meets twice.
- Several documents in one file, and keys that are lists or mappings, are refused as what
  they are (codes of their own), not as syntax errors: they are YAML, but not a plan.
- Duplicate keys are errors (YAML forbids them; libyaml does not check).
"""

from __future__ import annotations

import re
import threading
import warnings
from typing import Any

import _ruamel_yaml
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workforce_cli.read import yaml_guard, yaml_pure
from workforce_cli.read.yaml_data import (
    MAP_TAG,
    SEQ_TAG,
    STR_TAG,
    YamlMap,
    YamlPath,
    YamlProblem,
    YamlSeq,
    locate_data,
    mark_of,
    pack,
    to_data,
)
from workforce_cli.read.yaml_scalars import resolve_plain

__all__ = [
    "YamlFailure",
    "YamlMap",
    "YamlPath",
    "YamlProblem",
    "YamlSeq",
    "compose",
    "locate",
    "locate_data",
    "resolve_plain",
    "root_mark",
    "to_data",
]

SECOND_READING_LIMIT = 256 * 1024
"""Texts longer than this get no second reading: the pure-Python parser reads about 170 KB a
second, and a 2 MiB file with a typo on its last line must still be answered in seconds. Plans
are far smaller (the largest real one is about 30 KB); a longer one that only YAML 1.2 reads
is reported in libyaml's words."""
_NOTHING = re.compile(r"^(?:\s*|(?:\.\.\.|---)[ \t]*)(?:#.*)?$")
_DEFAULT_TAGS = {ScalarNode: STR_TAG, SequenceNode: SEQ_TAG, MappingNode: MAP_TAG}


class _Composer(_ruamel_yaml.CParser):  # type: ignore[misc]
    # No implicit resolvers: every untagged scalar arrives as str and resolution is ours
    # (YAML 1.2 core); libyaml itself only knows YAML 1.1.
    # The parser calls these three for every node. Answering from the node kind alone (with
    # the very Tag objects BaseResolver returns) takes a fifth off the time of a compose.
    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class YamlFailure(Exception):
    """The text is not a YAML document we can read; `problem` says where and why."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def compose(text: str) -> Node | None:
    """The node tree of a single-document YAML text (None for an empty document).

    Raises YamlFailure for a text that cannot be read as one: not YAML 1.2, or YAML that is
    not a plan (several documents, control characters, nesting past 200 levels).
    """
    problem = yaml_guard.control_character(text)
    stack = yaml_guard.composing_stack(text) if problem is None else None
    if stack is None:
        problem = problem or yaml_guard.too_deep(text)
    if problem is not None:
        raise YamlFailure(problem)
    try:
        node: Node | None = (
            _Composer(text).get_single_node() if stack is None else _in_thread(text, stack)
        )
    except MarkedYAMLError as err:
        problem = yaml_guard.too_deep(text) if stack is not None else None
        if problem is not None:
            raise YamlFailure(problem) from None
        node = _second_reading(text, err)
    else:
        problem = yaml_guard.nested_too_deep(node) if stack is not None else None
        if problem is not None:
            raise YamlFailure(problem)
    if node is not None:
        problem = yaml_guard.tight_comment(text, node)
        if problem is not None:
            raise YamlFailure(problem)
    return node


def _in_thread(text: str, stack: int) -> Node | None:
    """`text` composed in a thread with `stack` bytes of stack (`yaml_guard.composing_stack`)."""
    outcome: list[Any] = []

    def compose_it() -> None:
        try:
            outcome.append(_Composer(text).get_single_node())
        except BaseException as err:  # raised again in the calling thread
            outcome.append(err)

    before = threading.stack_size(stack)
    try:
        worker = threading.Thread(target=compose_it, name="wfplan-compose")
        worker.start()
    finally:
        threading.stack_size(before)
    worker.join()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    result: Node | None = outcome[0]
    return result


def _second_reading(text: str, err: MarkedYAMLError) -> Node | None:
    """The tree the YAML 1.2 parser makes of a text libyaml refused (`err`)."""
    if all(_NOTHING.match(line) for line in text.splitlines()):
        return None  # only comments and document markers: an empty file, not an error
    if len(text) > SECOND_READING_LIMIT:
        raise YamlFailure(_syntax_problem(text, err))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return yaml_pure.compose(text)
    except yaml_pure.Refused as refused:
        raise YamlFailure(refused.problem) from None
    except Exception:  # any failure of the second reading leaves libyaml's word
        raise YamlFailure(_syntax_problem(text, err)) from None


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
    if "alias" in problem or "anchor" in problem:
        # Anchors and aliases are refused anyway: the refusal says so, not how it is spelt.
        return YamlProblem(
            "WF007",
            "anchors and aliases are not supported in plan files",
            line,
            col,
            "write the value out in full where it is used",
        )
    if "expected a single document" in problem or "another document" in problem:
        return yaml_pure.several_documents(line, col)
    if "found unexpected ':'" in problem:
        hint = 'put a value holding ":" in quotes, such as "80:20"'
    elif "mapping values are not allowed" in problem:
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
            return mark_of(node) if key_node is None or not key else mark_of(key_node)
        node, key_node = child, child_key
    if key and key_node is not None:
        return mark_of(key_node)
    return mark_of(node)


def root_mark(node: Node) -> int:
    return pack(node)


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
