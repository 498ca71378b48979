"""Ids made from titles: short, lowercase, stable for the same table, unique within the plan."""

from __future__ import annotations

import re
import unicodedata

_STOP = frozenset(
    """a an and are as at be by for from in into is it its of on or our so that the their this
    to we will with within all each""".split()  # noqa: SIM905
)
_GENERIC = frozenset(
    "priority theme strategic objective recommendation section part area".split()  # noqa: SIM905
)
MAX = 40


def words(text: str) -> list[str]:
    text = text.replace("'", "").replace("’", "")  # children's -> childrens, one word
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", ascii_text.lower())


def slug(text: str, count: int) -> str:
    """The first `count` significant words; a heading's "Strategic Objective 1" is `so1`."""
    found = words(text)
    out: list[str] = []
    initials = ""
    for word in found:
        if word in _GENERIC and not out:
            initials += word[0]
            continue
        if initials and word.isdigit() and not out:
            out.append(initials + word)
            initials = ""
            continue
        if word in _STOP:
            continue
        out.append(word)
        if len(out) == count:
            break
    if not out:
        out = [w for w in found if w not in _STOP][:count] or found[:count] or ["item"]
    text = "-".join(out)
    return text[:MAX].rstrip("-")


class Ids:
    """Hands out ids, adding -2, -3 ... to one already given."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base[: MAX - 3]}-{n}"
        self.taken.add(candidate)
        return candidate
