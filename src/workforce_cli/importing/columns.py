"""Which column of a council's table holds which field: the header row and its names.

Headers are compared ignoring case and punctuation ("Action taken/proposed" is "action taken
proposed"); a header that starts with a known name followed by more words counts as that name
("Section As at February 2021" is a team column). `--map "HEADER=FIELD"` overrides or adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from workforce_cli.read.tables import Row

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "action",
        "actions",
        "task",
        "tasks",
        "objective",
        "objectives",
        "recommendation",
        "recommendations",
        "action taken",
        "actions taken",
        "action taken proposed",
        "proposed action",
        "proposed actions",
        "what we will do",
        "activity",
        "activities",
    ),
    "owner": (
        "lead",
        "leads",
        "lead officer",
        "responsibility",
        "responsible",
        "responsible officer",
        "responsible officers",
        "owner",
        "owners",
        "by whom",
        "who",
        "accountable officer",
        "budget holder",
    ),
    "timescale": (
        "timescale",
        "timescales",
        "by when",
        "when",
        "target date",
        "deadline",
        "deadlines",
        "completion date",
        "due",
        "due date",
        "timeframe",
    ),
    "status": ("status", "progress", "current status", "progress status"),
    "rag": ("rag", "rag status", "rag rating", "brag", "rag rating status"),
    "done_on": ("date completed", "completed on", "date done", "done on"),
    "outcome": (
        "outcome",
        "outcomes",
        "success measure",
        "success measures",
        "success criteria",
        "measure of success",
        "measures of success",
        "expected outcome",
        "expected outcomes",
    ),
    "resources": ("resources", "resource", "resource implications", "costs", "cost", "budget"),
    "notes": ("notes", "note", "comments", "comment", "progress update", "update", "remarks"),
    "links": ("links", "link", "linked to", "links to"),
    "ref": ("no", "ref", "reference", "number", "item", "item no"),
    "theme": ("theme", "priority", "workstream", "strategic priority", "strand"),
    "team": ("team", "teams", "section", "service", "service area", "unit"),
    "permanent": ("permanent", "permanent employees", "permanent staff", "permanent workers"),
    "agency": ("agency", "agency workers", "agency staff", "locum", "locums"),
    "vacant": ("vacant", "vacancies", "vacancy", "vacant posts"),
    "establishment": ("establishment", "funded posts"),
}
ACTION_FIELDS = (
    "title", "steps", "owner", "timescale", "status", "rag", "done_on", "outcome", "resources",
    "notes", "links", "ref", "theme",
)  # fmt: skip
HEADCOUNT_FIELDS = ("team", "permanent", "agency", "vacant", "establishment")
FIELDS = (*ACTION_FIELDS, *HEADCOUNT_FIELDS, "ignore")
_BY_NAME = {name: field for field, names in _SYNONYMS.items() for name in names}
_LONGEST_FIRST = sorted(_BY_NAME, key=len, reverse=True)
HEADER_SEARCH = 5
"""A header is looked for in a table's first rows (a title row may come first)."""


_PUNCTUATION = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def field_of(header: str, overrides: dict[str, str]) -> str | None:
    key = normalise(header)
    if not key:
        return None
    if key in overrides:
        return overrides[key]
    if key in _BY_NAME:
        return _BY_NAME[key]
    for name in _LONGEST_FIRST:
        if key.startswith(name + " "):
            return _BY_NAME[name]
    return None


@dataclass(frozen=True)
class Columns:
    """A table's header: the row it is on, and which column index holds which field."""

    header_row: int
    names: tuple[str, ...]
    """The header cells as written."""
    fields: dict[int, str]
    """Column index -> field; columns with no field are not imported."""

    @property
    def kind(self) -> str:
        present = set(self.fields.values())
        if "team" in present and present & {"permanent", "agency", "vacant"}:
            return "headcount"
        return "actions" if "title" in present else "none"

    @cached_property
    def _by_field(self) -> dict[str, int]:
        return {name: column for column, name in self.fields.items()}

    def index(self, field: str) -> int | None:
        return self._by_field.get(field)

    def header(self, column: int) -> str:
        return self.names[column] if column < len(self.names) else f"column {column + 1}"

    @cached_property
    def signature(self) -> tuple[str, ...]:
        """What makes two tables one table split across pages: the same headers."""
        return tuple(normalise(n) for n in self.names)

    def repeats_header(self, row: Row) -> bool:
        """The header again (a table's next page repeats it)."""
        first = row.cells[0] if row.cells else ""
        if normalise(first) != (self.signature[0] if self.signature else ""):
            return False
        return tuple(normalise(c) for c in row.cells) == self.signature


def find_header(rows: list[Row], overrides: dict[str, str]) -> Columns | None:
    """The first of the first rows that names a title column, or a team and a figure."""
    for position, row in enumerate(rows[:HEADER_SEARCH]):
        fields: dict[int, str] = {}
        for column, text in enumerate(row.cells):
            field = field_of(text, overrides)
            if field is not None and field != "ignore":
                if field == "title" and "title" in fields.values():
                    field = "steps"  # a second title column holds each title's steps
                if field not in fields.values():
                    fields[column] = field
        columns = Columns(position, row.cells, fields)
        if columns.kind != "none" and len(fields) >= 2:
            # A "Service" column in an action plan is not a team; "Notes" in a headcount table
            # is not an action's: each kind keeps its own fields.
            own = HEADCOUNT_FIELDS if columns.kind == "headcount" else ACTION_FIELDS
            kept = {column: field for column, field in fields.items() if field in own}
            return Columns(position, row.cells, kept)
    return None


def parse_map(entries: list[str]) -> dict[str, str]:
    """`--map "HEADER=FIELD"` entries as normalised header -> field; ValueError if malformed."""
    found: dict[str, str] = {}
    for entry in entries:
        header, sep, field = entry.rpartition("=")
        field = field.strip().lower().replace("-", "_")
        if not sep or not normalise(header):
            raise ValueError(f'--map "{entry}": write it as "HEADER=FIELD", such as "Lead=owner"')
        if field not in FIELDS:
            raise ValueError(
                f'--map "{entry}": "{field}" is not a field; the fields are ' + ", ".join(FIELDS)
            )
        found[normalise(header)] = field
    return found
