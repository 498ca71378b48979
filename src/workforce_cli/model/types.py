"""Field types shared by the plan and staffing file models.

Date expressions stay as the text the user wrote: they are resolved by `dates.parse`
in the checks, where the plan's `period.start` (the anchor of relative forms) is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=100)]
Text = Annotated[str, Field(min_length=1)]


def _date_text(value: Any) -> Any:
    # YAML 1.2 reads `by: 2023` as an integer; a bare year is a valid date expression.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


DateText = Annotated[
    str,
    BeforeValidator(_date_text),
    Field(min_length=1),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "minLength": 1}, {"type": "integer"}],
            "description": "A date expression: 2021-02-18, 18/02/2021, Feb 2021, 2021, Q3 2021, "
            "2021/22, Spring 2021, +9 weeks, +5 working days, ongoing, tbc.",
        }
    ),
]


def _one_or_many(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    return value


Owners = Annotated[
    list[Text],
    BeforeValidator(_one_or_many),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}},
            ],
            "description": "One owner, or a list of owners.",
        }
    ),
]

MAX_NUMBER = 10**15
"""Numbers in a plan are smaller than this: any FTE, headcount or sum of money is, and sums
of up to a million of them stay exact and finite (the loader refuses larger numbers as WF014;
the models refuse them in quoted text that pydantic converts)."""
Fte = Annotated[float, Field(ge=0, lt=MAX_NUMBER, allow_inf_nan=False)]
Number = Annotated[float, Field(gt=-MAX_NUMBER, lt=MAX_NUMBER, allow_inf_nan=False)]


class YamlFloat(float):
    """A float that remembers how it was written, when its text says more than its value.

    `87.20` and `87.2` are the same float, but a stated total written `87.20` claims two
    decimals of precision; the loader hands such numbers over as YamlFloat.
    """

    __slots__ = ("text",)
    text: str


_PERCENT = re.compile(r"^\s*(-?\d+(?:\.(\d*))?)\s*%\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as stated in a source document: its value and the decimals it was written to."""

    value: float
    decimals: int

    def __str__(self) -> str:
        return f"{self.value:.{self.decimals}f}"


def _decimals(text: str) -> int:
    _, _, fraction = text.partition(".")
    return len(fraction.rstrip("%").strip())


def figure_from(value: Any, *, percent: bool) -> Figure:
    """Read a stated figure: a number, or (for rates) "13%" / "13.5%"."""
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, int):
        return Figure(float(value), 0)
    if isinstance(value, float):
        text = value.text if isinstance(value, YamlFloat) else repr(value)
        if "e" in text.lower():
            return Figure(float(value), max(0, -int(text.lower().split("e")[1])))
        return Figure(float(value), _decimals(text))
    if isinstance(value, str) and percent:
        match = _PERCENT.match(value)
        if match:
            return Figure(float(match.group(1)), len(match.group(2) or ""))
        raise ValueError(f'"{value}" is not a percentage; write it like "13%" or 13.5')
    raise ValueError("expected a number")


def _stated_count(value: Any) -> Any:
    figure = figure_from(value, percent=False) if not isinstance(value, Figure) else value
    if figure.value < 0:
        raise ValueError(f"a staffing figure must not be negative, not {figure}")
    return figure


def _stated_percent(value: Any) -> Any:
    figure = figure_from(value, percent=True) if not isinstance(value, Figure) else value
    if not 0 <= figure.value <= 100:
        raise ValueError(f"a percentage must be between 0 and 100, not {figure}")
    return figure


def _serialize_figure(figure: Figure) -> float:
    return figure.value


StatedCount = Annotated[
    Figure,
    BeforeValidator(_stated_count),
    PlainSerializer(_serialize_figure),
    WithJsonSchema({"type": "number", "minimum": 0}),
]
StatedPercent = Annotated[
    Figure,
    BeforeValidator(_stated_percent),
    PlainSerializer(_serialize_figure),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": r"^\s*\d+(\.\d*)?\s*%\s*$"},
            ],
            "description": 'A percentage: "13%" or a number 0-100.',
        }
    ),
]
