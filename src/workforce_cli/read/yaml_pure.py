"""The second reading of a text libyaml refuses: ruamel.yaml's pure-Python YAML 1.2 parser.

libyaml implements YAML 1.1, and refuses some YAML 1.2 texts: `{value: 80:20}` (the style
`wfplan new` writes), a `:` right after a quoted key in a flow mapping, a few indentation and
directive forms. ruamel.yaml's Python parser reads those as YAML 1.2 does, but is some twenty
times slower, so it reads only the texts libyaml refused.

Its events are composed into the same node tree libyaml's composer makes, by a loop with its
own stack (ruamel.yaml's composer is recursive), refusing on the way what the plan format
refuses whatever the parser: nesting past MAX_DEPTH, and a second document.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from workforce_cli.read.yaml_data import (
    MAP_TAG,
    MAX_DEPTH,
    SEQ_TAG,
    STR_TAG,
    YamlProblem,
    nested_problem,
)


class Refused(Exception):
    """The text is readable YAML that the plan format refuses; `problem` says where and why."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def several_documents(line: int, col: int) -> YamlProblem:
    return YamlProblem(
        "WF012",
        "more than one YAML document in one file (a second one starts here)",
        line,
        col,
        "put each plan in a file of its own",
    )


too_deep = nested_problem


def _tag(tag: Any, default: Any) -> Any:
    return default if tag is None or tag == "!" else tag


def compose(text: str) -> Node | None:
    """The node tree of the text's one document (None when it holds none).

    Raises ruamel.yaml's MarkedYAMLError where the text is not YAML 1.2, and Refused.
    """
    yaml = YAML(typ="safe", pure=True)
    root: Node | None = None
    documents = 0
    anchors: dict[str, Node] = {}
    # Open collections, each with the key it holds while its value is composed.
    stack: list[list[Any]] = []
    for event in yaml.parse(text):
        node: Node
        kind = type(event)
        if kind is ScalarEvent:
            node = ScalarNode(
                _tag(event.tag, STR_TAG),
                event.value,
                event.start_mark,
                event.end_mark,
                style=event.style,
            )
        elif kind is SequenceStartEvent or kind is MappingStartEvent:
            if len(stack) >= MAX_DEPTH:
                raise Refused(too_deep(event.start_mark))
            node_class = SequenceNode if kind is SequenceStartEvent else MappingNode
            node = node_class(
                _tag(event.tag, SEQ_TAG if kind is SequenceStartEvent else MAP_TAG),
                [],
                event.start_mark,
                event.end_mark,
                flow_style=event.flow_style,
            )
        elif kind is SequenceEndEvent or kind is MappingEndEvent:
            stack.pop()[0].end_mark = event.end_mark
            continue
        elif kind is AliasEvent:
            found = anchors.get(event.anchor)
            if found is None:
                raise Refused(
                    YamlProblem(
                        "WF007",
                        "anchors and aliases are not supported in plan files",
                        event.start_mark.line + 1,
                        event.start_mark.column + 1,
                        "write the value out in full where it is used",
                    )
                )
            node = found
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                mark = event.start_mark
                raise Refused(several_documents(mark.line + 1, mark.column + 1))
            continue
        else:  # stream start and end, document end
            continue
        anchor = getattr(event, "anchor", None)
        if anchor is not None and kind is not AliasEvent:
            anchors[anchor] = node
        if stack:
            _attach(stack[-1], node)
        else:
            root = node
        if kind is SequenceStartEvent or kind is MappingStartEvent:
            stack.append([node, None])
    return root


def _attach(parent: list[Any], node: Node) -> None:
    collection = parent[0]
    if isinstance(collection, SequenceNode):
        collection.value.append(node)
    elif parent[1] is None:
        parent[1] = node
    else:
        collection.value.append((parent[1], node))
        parent[1] = None
