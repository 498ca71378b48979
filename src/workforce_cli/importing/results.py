"""What an import found, as plain values: the plan's parts, the column mapping, the problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from workforce_cli.read.csv_rows import CsvRow


@dataclass(frozen=True)
class Problem:
    where: str
    """The source cell: `plan.docx: table 2, row 7, column "Timescale"`."""
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Step:
    """A milestone: a bullet or numbered line of an action, or a numbered sub-row."""

    id: str
    title: str
    cite: str
    due: str = "tbc"
    start: str | None = None
    timescale: str | None = None
    owner: list[str] = field(default_factory=list)
    status: str | None = None
    done_on: str | None = None
    notes: list[str] = field(default_factory=list)
    timescale_where: str = ""
    """A numbered sub-row's own timescale cell, for the problems about it."""


@dataclass
class Item:
    """An action: one row of the table (with its continuation rows)."""

    id: str
    title: str
    cite: str
    theme: str | None = None
    ref: str | None = None
    description: list[str] = field(default_factory=list)
    owner: list[str] = field(default_factory=list)
    timescale: str | None = None
    due: str | None = "tbc"
    start: str | None = None
    status: str | None = None
    done_on: str | None = None
    resources: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    timescales: list[str] = field(default_factory=list)
    """The timescale cell's lines, shared out to the steps once all rows are read."""
    status_note: str | None = None
    """The row's own status cell as a note, for when its milestones have their own."""
    timescale_where: str = ""
    """The timescale cell, for the problems about it."""


@dataclass(frozen=True)
class ThemeOut:
    id: str
    title: str
    cite: str


@dataclass(frozen=True)
class SnapshotOut:
    as_of: str
    unit: str
    rows: list[CsvRow]
    stated: dict[str, str]
    cite: str
    notes: list[str] = field(default_factory=list)
    """What the source states that disagrees with its rows (kept here, not as figures)."""


@dataclass(frozen=True)
class Mapping:
    table: str
    header: str
    field: str | None


@dataclass
class Imported:
    source: str
    themes: list[ThemeOut] = field(default_factory=list)
    actions: list[Item] = field(default_factory=list)
    snapshots: list[SnapshotOut] = field(default_factory=list)
    mapping: list[Mapping] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    """The tables imported, as `table 2` or `sheet "Actions"`."""
    problems: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    """Problems that stop the import (a figure that is not a number)."""
