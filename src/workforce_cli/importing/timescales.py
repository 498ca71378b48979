"""A timescale as a council wrote it -> the `due` (and `start`) the date grammar reads in it.

The wording is always kept as `timescale`; `due` is only what the text itself states:

1. the whole text is a date expression (`June 06`, `04/12/2006`, `Spring 05`, `Ongoing`);
2. it begins with "ongoing" or "on-going" (`Ongoing from now`): no deadline, `ongoing`;
3. `From X`, X a date: work starts at X and has no end (`start: X`, `due: ongoing`);
4. it ends with `by X`, X a date (`Links done by Jan 06`): due X; with `From Y` in front
   (`From April 05 to be completed by Dec 05`), it starts at Y;
5. its first sentence is a date (`March 2006. Progress reports at regular intervals`).

Anything else is `tbc`, and the row is listed so that someone sets the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workforce_cli import dates

_ONGOING = re.compile(r"^on-?\s?going\b", re.I)
_FROM = re.compile(r"^from\s+(?P<start>.+?)\s*$", re.I)
_FROM_BY = re.compile(r"^from\s+(?P<start>.+?)\s+(?:to\s+be\s+\w+\s+)?by\s+(?P<due>.+?)\s*$", re.I)
_BY = re.compile(r"\bby\s+(?P<due>[^.;,]+?)\s*\.?$", re.I)


@dataclass(frozen=True)
class Due:
    due: str
    start: str | None = None
    rule: str = "whole"
    """Which rule read it: whole, ongoing, from, by, sentence."""


def _readable(text: str) -> bool:
    try:
        expr = dates.parse(text)
    except dates.DateError:
        return False
    # Relative forms ("within 5 working days") count from a plan start the table never gives.
    return not expr.is_relative


def read(text: str) -> Due | None:
    """The due date a timescale states, or None (then the step is `tbc`)."""
    text = " ".join(text.split())
    if not text:
        return None
    if _readable(text):
        return Due(text)
    if _ONGOING.match(text):
        return Due("ongoing", rule="ongoing")
    if (m := _FROM_BY.match(text)) and _readable(m["start"]) and _readable(m["due"]):
        return Due(m["due"], m["start"], rule="by")
    if (m := _FROM.match(text)) and _readable(m["start"]):
        return Due("ongoing", m["start"], rule="from")
    if (m := _BY.search(text)) and _readable(m["due"]):
        return Due(m["due"], rule="by")
    first = re.split(r"(?<=\.)\s", text, maxsplit=1)[0].rstrip(".")
    if first != text and _readable(first):
        return Due(first, rule="sentence")
    return None
