"""Checks on a YAML text that keep the parser safe, and catch what libyaml lets through.

Before parsing:

- Characters YAML does not allow in a text (NUL and the other control characters but tab,
  line feed and carriage return; DEL; the C1 controls but NEL; U+FFFE, U+FFFF) are refused
  at their line and column. libyaml stops on them with an error of its reader that carries no
  position the rest of the program expects.
- Nesting deeper than MAX_DEPTH is refused before anything is composed: the composers are
  recursive (libyaml's, through ruamel.yaml.clib, overflows the C stack near 27,000 levels
  and the process dies with a segmentation fault). A cheap scan bounds the depth from above
  (block nesting from the leading indentation and indicators of each line, flow nesting from
  a running count of brackets); only a text whose bound is over the limit, or that holds so
  many brackets that the count could be misled by brackets inside quotes, is parsed once
  more, event by event (libyaml's parser keeps its own stack, no recursion), to find the
  first collection past the limit. What a misled count lets through is still far from the
  composer's limit, and the walk to data refuses it (see yaml_data).
  A text with many brackets whose count shows no deep nesting and that has no long leading
  runs (a large plan: owners in `[...]`, staffing rows in `{...}`) nests at most one level per
  opening bracket beyond its block levels. Parsing it once more cost as much as composing it,
  so it is composed in a thread with a stack deep enough for every bracket
  (`composing_stack`), and its depth is checked on the tree (`nested_too_deep`). The event
  scan is left for a text libyaml refuses (which error comes first, nesting or syntax, must
  not change), and for one of more than MAX_COMPOSED_BRACKETS: libyaml's time grows with the
  square of the flow nesting (it rechecks every open level at each token), and brackets
  inside quotes could hide that much nesting from the count, where the scan stops at 201.

After parsing: a `#` that libyaml took for a comment although nothing separates it from what
comes before (YAML requires a space), found from the text and the scalars' extents.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from operator import sub

import _ruamel_yaml
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent
from ruamel.yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from workforce_cli.read.yaml_data import MAX_DEPTH, YamlProblem, nested_problem

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_LONG_LEAD = re.compile(rf"[ \t?:-]{{{MAX_DEPTH // 4}}}")
# libyaml breaks lines at CR, NEL and the Unicode line and paragraph separators too.
_LONG_LEAD_LINE = re.compile(rf"[\n\r\x85\u2028\u2029][ \t?:-]{{{MAX_DEPTH // 4}}}")
_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
SAFE_BRACKETS = 5000
"""With fewer brackets than this, no misreading of the count can reach the composer's limit."""
STACK_PER_LEVEL = 2048
"""C stack a composing thread allows per level of nesting: libyaml's composer, through
ruamel.yaml.clib, takes 300 to 400 bytes a level (8 MiB overflow between 20,000 and 30,000)."""
MAX_COMPOSED_BRACKETS = 15_000
"""The most opening brackets of a text composed without the scan (the plan of 120,000
milestones, 19.6 MB, has 12,382): all of them nested, hidden from the count by quotes, cost
libyaml about 2.5 s before the tree check refuses them (20,000: 4.5 s)."""
_HASH = re.compile("#")
_COMMENT = re.compile(r"(?:^|(?<=\s))#", re.MULTILINE)

_NAMES = {
    "\x00": "NUL",
    "\x07": "BEL",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\x1b": "ESC",
    "\x7f": "DEL",
}


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - start + 1


def control_character(text: str) -> YamlProblem | None:
    found = _CONTROL.search(text)
    if found is None:
        return None
    char = found.group()
    name = f"U+{ord(char):04X}" + (f" ({_NAMES[char]})" if char in _NAMES else "")
    line, col = position(text, found.start())
    return YamlProblem(
        "WF010",
        f"control character {name} in the file; YAML text cannot hold it",
        line,
        col,
        "delete it (it is invisible in most editors; it often comes from a copy and paste or "
        'a binary file); in double-quoted text write it as an escape such as "\\t"',
    )


def may_be_too_deep(text: str) -> bool:
    """False when the text surely nests no deeper than MAX_DEPTH (cheap; see the module).

    Block collections nest by indentation or by indicators at a line's start (`- - a`): each
    level takes at least half a column of that leading run, so a text whose lines all start
    with fewer than MAX_DEPTH / 4 such characters nests blocks at most half the limit deep.
    Flow collections nest by brackets, which are counted (a count that brackets inside quoted
    text can mislead, hence the second condition).
    """
    if _LONG_LEAD.match(text) or _LONG_LEAD_LINE.search(text):
        return True
    opening = text.count("[") + text.count("{")
    if opening <= MAX_DEPTH // 2:
        return False
    if opening >= SAFE_BRACKETS:
        return True
    return _rise(text) > MAX_DEPTH // 2


def _rise(text: str) -> int:
    """The deepest flow nesting the brackets show, counted as if none were inside quotes."""
    prefix = list(accumulate(map(_STEP.__getitem__, _BRACKETS.sub("", text))))
    lows = accumulate(prefix, min, initial=0)
    next(lows)
    return max(map(sub, prefix, lows), default=0)


def composing_stack(text: str) -> int | None:
    """The stack size of a thread that composes `text` safely whatever its nesting, for a text
    that only its count of brackets keeps `may_be_too_deep` from clearing; else None."""
    if _LONG_LEAD.match(text) or _LONG_LEAD_LINE.search(text):
        return None  # block nesting is not bounded by the brackets
    opening = text.count("[") + text.count("{")
    if not SAFE_BRACKETS <= opening <= MAX_COMPOSED_BRACKETS or _rise(text) > MAX_DEPTH // 2:
        return None  # `may_be_too_deep` decides, or the count shows deep nesting: scan
    # Block levels are fewer than MAX_DEPTH without a long leading run; each flow level
    # needs an opening bracket.
    return (opening + MAX_DEPTH) * STACK_PER_LEVEL + 1024 * 1024


def too_deep(text: str) -> YamlProblem | None:
    """A problem at the first collection nested past MAX_DEPTH, if the text has one."""
    if not may_be_too_deep(text):
        return None
    parser = _ruamel_yaml.CParser(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return nested_problem(event.start_mark)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except MarkedYAMLError:
        return None  # a syntax error comes first; composing reports it
    return None


def nested_too_deep(root: Node | None) -> YamlProblem | None:
    """`too_deep`'s problem, found on a composed tree: the first collection in document order
    nested past MAX_DEPTH (a collection an alias repeats counts where its anchor is)."""
    stack: list[tuple[Node, int]] = [(root, 1)] if isinstance(root, CollectionNode) else []
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return nested_problem(node.start_mark)
        depth += 1
        if isinstance(node, MappingNode):
            for key, value in reversed(node.value):  # popped in document order
                if isinstance(value, CollectionNode):
                    stack.append((value, depth))
                if isinstance(key, CollectionNode):
                    stack.append((key, depth))
        else:
            stack.extend((c, depth) for c in reversed(node.value) if isinstance(c, CollectionNode))
    return None


def tight_comment(text: str, root: Node) -> YamlProblem | None:
    """A `#` right after a value, quote or bracket that libyaml read as a comment."""
    if "#" not in text:
        return None
    candidates = [
        m.start() for m in _HASH.finditer(text) if m.start() and not text[m.start() - 1].isspace()
    ]
    if not candidates:
        return None
    starts, ends = _scalar_extents(text, root)

    def in_scalar(index: int) -> bool:
        inside = bisect.bisect_right(starts, index) - 1
        return inside >= 0 and index < ends[inside]

    for index in candidates:
        if in_scalar(index):
            continue
        line_start = text.rfind("\n", 0, index) + 1
        before = _COMMENT.finditer(text, line_start, index)
        if any(not in_scalar(m.start()) for m in before):
            continue  # inside a comment
        line, col = position(text, index)
        return YamlProblem(
            "WF004",
            "YAML syntax error: a comment needs a space before its #",
            line,
            col,
            "put a space before the #; if the # belongs to the value, put the value in quotes",
        )
    return None


def _scalar_extents(text: str, root: Node) -> tuple[list[int], list[int]]:
    """Start and end character indexes of every scalar, sorted (scalars do not overlap)."""
    extents: list[tuple[int, int]] = []
    stack: list[Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            start = node.start_mark.index
            if node.style in ("|", ">"):  # the header line may hold a comment
                start = text.find("\n", start) + 1 or len(text)
            extents.append((start, node.end_mark.index))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    extents.sort()
    return [s for s, _ in extents], [e for _, e in extents]
