"""Plain scalars under the YAML 1.2 core schema, and the numbers a plan can hold.

`no` and `on` are text, `80:20` is text, and there are no implicit timestamps, so
`due: 2025-02-30` reaches the date-expression checks as text. A number is refused (as a
BadNumber, which the walk to data reports) where no figure can be it: `.inf` and `.nan`,
10^15 or more (sums of such figures lose whole units, then overflow to infinity), or written
with more than 100 characters (Python refuses to convert an integer of 4,300 digits).
"""

from __future__ import annotations

import math
import re
from typing import Any

from workforce_cli.model.types import MAX_NUMBER, YamlFloat

MAX_NUMBER_TEXT = 100
"""A number written with more characters than this is refused before it is converted."""

_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
WORDS = _NULLS | _TRUE | _FALSE
"""Plain scalars starting with a letter that are not text."""
_SPECIAL = re.compile(r"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")


class BadNumber(str):
    """A plain scalar that is a number no plan can hold; `why` says what is wrong with it."""

    why: str


def _bad(text: str, why: str) -> BadNumber:
    bad = BadNumber(text)
    bad.why = why
    return bad


def resolve_plain(text: str) -> Any:
    """A plain scalar's value under the YAML 1.2 core schema.

    A number a plan cannot hold (`.inf`, `.nan`, 10^15 or more, more than 100 characters)
    comes back as a BadNumber: its text, with the reason.
    """
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text[0].isdigit() or text[0] in "+-.":
        if _INT.match(text) or _FLOAT.match(text) or _OCT.match(text) or _HEX.match(text):
            if len(text) > MAX_NUMBER_TEXT:
                return _bad(text, f"is written with {len(text):,} characters")
            return _number(text)
        if _SPECIAL.match(text):
            return _bad(
                text, "is not a number (NaN)" if text.lower().endswith("nan") else "is infinite"
            )
    return text


def _number(text: str) -> Any:
    value: int | float
    if _INT.match(text):
        value = int(text)
    elif _FLOAT.match(text):
        value = float(text)
        if not math.isfinite(value):
            return _bad(text, "is too large")
        # `87.20` claims more precision than the float's repr shows; keep its text.
        if text[-1] == "0" and "." in text:
            kept = YamlFloat(value)
            kept.text = text
            value = kept
    else:
        value = int(text[2:], 8 if text[1] == "o" else 16)
    if abs(value) >= MAX_NUMBER:
        return _bad(text, "is too large")
    return value
