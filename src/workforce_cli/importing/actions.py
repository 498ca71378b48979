"""Rows of an action-plan table -> themes, actions and milestones, with the source's wording.

- A row merged across the table, or whose only filled cell is the first one and reads as a
  heading ("PRIORITY: ...", "Strategic Objective 1: ...", or all in capitals), starts a
  theme; so does a heading just before the table in a document.
- Every other row with a title is an action. Bullets and numbered lines in its title or
  steps cell are its milestones; the other lines of the steps cell are its description.
- A row numbered `1.2` under a row numbered `1` is a milestone of that action; a row with a
  blank title continues the action above it (a table split across pages, a merged cell).
- Owners: the cell split on line breaks and ";", never on a comma inside a job title.
- Timescales: one for all the milestones, one per milestone, or else kept on the action
  with every milestone `tbc`: wfplan never guesses which timescale goes with which step.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workforce_cli.importing import timescales
from workforce_cli.importing.columns import Columns
from workforce_cli.importing.results import Imported, Item, Problem, Step, ThemeOut
from workforce_cli.importing.slugs import Ids, slug
from workforce_cli.read.tables import Row, Table

_BULLET = re.compile(r"^\s*(?:[•·▪◦●○■□➢➤✓*–-]|\d{1,2}[.)]|[a-z][)])\s+")
_REF = re.compile(r"^\s*(\d+(?:\.\d+)*)[.)]?(?:\s+|$)")
_HEADING = re.compile(
    r"^\s*(priority|theme|strategic|objective|recommendation|section|part)\b", re.I
)
_STATUS = {
    "complete": "done", "completed": "done", "done": "done", "achieved": "done",
    "in progress": "in_progress", "ongoing": "in_progress", "on going": "in_progress",
    "on-going": "in_progress", "started": "in_progress", "underway": "in_progress",
    "not started": "not_started", "not yet started": "not_started",
    "blocked": "blocked", "on hold": "blocked",
    "dropped": "dropped", "cancelled": "dropped", "withdrawn": "dropped",
}  # fmt: skip
_EXTRA = ("owner", "timescale", "resources", "links", "notes", "outcome", "status", "rag")
_COLOURS = frozenset({"red", "amber", "green", "blue", "r", "a", "g", "b"})


Cell = Callable[[str], str]
"""A row's text in the column of a field ("" where the table has no such column)."""


class Builder:
    """Reads the rows of one or more tables (joined: one table split across pages)."""

    def __init__(self, result: Imported, ids: Ids) -> None:
        self.result = result
        self.ids = ids
        self.theme: ThemeOut | None = None
        self.item: Item | None = None
        self.themes_by_title: dict[str, ThemeOut] = {}

    def table(self, table: Table, columns: Columns) -> None:
        if table.heading:
            self._start_theme(table.heading, f"{table.source}: heading before {table.label}")
        if columns.index("timescale") is None:
            self.result.problems.append(
                Problem(table.where(), "no timescale column: every step is due tbc")
            )
        for row in table.rows[columns.header_row + 1 :]:
            if not any(row.cells) or columns.repeats_header(row):
                continue
            self._row(table, columns, row)

    def finish(self) -> None:
        for item in self.result.actions:
            _share_timescales(item, self.result.problems)
            for step in item.steps:
                if step.cite == item.cite:
                    step.cite = ""  # the action's comment already names the row
        used = {item.theme for item in self.result.actions}
        self.result.themes[:] = [t for t in self.result.themes if t.id in used]

    def _start_theme(self, text: str, cite: str) -> None:
        title = " ".join(text.split())
        known = self.themes_by_title.get(title.casefold())
        if known is None:
            known = ThemeOut(self.ids.make(slug(title, 3)), title, cite)
            self.themes_by_title[title.casefold()] = known
            self.result.themes.append(known)
        self.theme = known
        self.item = None

    def _row(self, table: Table, columns: Columns, row: Row) -> None:
        def cell(field: str) -> str:
            index = columns.index(field)
            return row.cells[index].strip() if index is not None and index < len(row.cells) else ""

        cite = table.where(row.number)
        filled = [i for i, text in enumerate(row.cells) if text.strip()]
        beyond = [text.strip() for text in row.cells[len(columns.names) :] if text.strip()]
        if beyond:
            shown = ", ".join(f'"{_short(text)}"' for text in beyond)
            message = f"cells beyond the header's columns, not imported: {shown}"
            self.result.problems.append(Problem(cite, message))
        first = row.cells[0].strip() if row.cells else ""
        if row.spans or (filled == [0] and len(columns.fields) > 1 and _looks_like_heading(first)):
            self._start_theme(first, cite)
            return
        theme_text = " ".join(cell("theme").split())
        if theme_text and (self.theme is None or self.theme.title != theme_text):
            self._start_theme(theme_text, cite)
        title, steps = cell("title"), cell("steps")
        ref = cell("ref") or _leading_ref(title)
        item = self.item
        if item is not None and not title and (steps or any(cell(f) for f in _EXTRA)):
            self._continue(item, table, columns, row, cell)
            return
        if not title and not steps:
            return
        if item is not None and ref and item.ref and ref.startswith(item.ref + "."):
            self._sub_row(item, table, columns, row, cell, title)
            return
        lines = _lines(title) or _lines(steps)
        head = [line for line in lines if not _BULLET.match(line)]
        first_line = head[0] if head else _strip_bullet(lines[0])
        item = Item(
            self.ids.make(self._base(first_line, 4)),
            first_line,
            cite,
            theme=self.theme.id if self.theme else None,
            ref=ref or None,
        )
        item.description.extend(head[1:])
        for line in lines:
            if _BULLET.match(line):
                self._add_step(item, _strip_bullet(line), cite)
        if title:
            self._steps(item, steps, cite)
        self._fields(item, table, columns, row, cell)
        self.result.actions.append(item)
        self.item = item

    def _base(self, title: str, count: int) -> str:
        name = slug(title, count)
        if self.theme is None:
            return name
        return f"{self.theme.id.split('-')[0]}-{name}"

    def _add_step(self, item: Item, title: str, cite: str) -> Step:
        prefix = item.id.split("-")[0]
        step = Step(self.ids.make(f"{prefix}-{slug(title, 3)}"), title, cite)
        item.steps.append(step)
        return step

    def _steps(self, item: Item, text: str, cite: str) -> None:
        for line in _lines(text):
            if _BULLET.match(line):
                self._add_step(item, _strip_bullet(line), cite)
            else:
                item.description.append(line)

    def _continue(self, item: Item, table: Table, columns: Columns, row: Row, cell: Cell) -> None:
        self._steps(item, cell("steps"), table.where(row.number))
        self._fields(item, table, columns, row, cell)

    def _sub_row(
        self, item: Item, table: Table, columns: Columns, row: Row, cell: Cell, title: str
    ) -> None:
        cite = table.where(row.number)
        step = self._add_step(item, title, cite)
        step.owner = _owners(cell("owner"))
        if columns.index("timescale") is not None:
            step.timescale_where = _where(table, columns, row, "timescale")
        if timescale := cell("timescale"):
            step.timescale = timescale
            step.due = _due(timescale, table, row, columns, self.result.problems)
        step.status, step.done_on = _status(table, columns, row, cell, self.result.problems)
        step.notes.extend(_notes(columns, row, cell))

    def _fields(self, item: Item, table: Table, columns: Columns, row: Row, cell: Cell) -> None:
        item.owner.extend(o for o in _owners(cell("owner")) if o not in item.owner)
        if not item.timescale_where and columns.index("timescale") is not None:
            item.timescale_where = _where(table, columns, row, "timescale")
        item.timescales.extend(_lines(cell("timescale")))
        if cell("resources"):
            item.resources.append(cell("resources"))
        if cell("links"):
            item.links.append(cell("links"))
        item.notes.extend(_notes(columns, row, cell))
        status, done_on = _status(table, columns, row, cell, self.result.problems)
        if status is not None:
            item.status, item.done_on = status, done_on
            item.status_note = f"{_where_header(columns, 'status')}: {cell('status')}"


def _where(table: Table, columns: Columns, row: Row, field: str) -> str:
    index = columns.index(field)
    return table.where(row.number, columns.header(index) if index is not None else None)


def _where_header(columns: Columns, field: str) -> str:
    index = columns.index(field)
    return columns.header(index) if index is not None else field


def _looks_like_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(_HEADING.match(text)) or (len(letters) > 3 and all(c.isupper() for c in letters))


def _leading_ref(title: str) -> str:
    match = _REF.match(title)
    return match[1] if match else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _strip_bullet(line: str) -> str:
    return _BULLET.sub("", line, count=1).strip()


def _owners(text: str) -> list[str]:
    parts = (_strip_bullet(p).strip().rstrip(",;").strip() for p in re.split(r"[\n;]", text))
    return [p for p in parts if p]


def _due(text: str, table: Table, row: Row, columns: Columns, problems: list[Problem]) -> str:
    found = timescales.read(text)
    if found is None:
        where = _where(table, columns, row, "timescale")
        problems.append(
            Problem(where, f'"{_short(text)}" gives no date the plan can read; due: tbc')
        )
        return "tbc"
    return found.due


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."


def _status(
    table: Table, columns: Columns, row: Row, cell: Cell, problems: list[Problem]
) -> tuple[str | None, str | None]:
    """The status a row's Status cell gives (None: none given) and its done_on."""
    text = cell("status")
    if not text:
        return None, None
    key = " ".join(text.casefold().replace("_", " ").split()).rstrip(".")
    status = _STATUS.get(key)
    where = _where(table, columns, row, "status")
    if status is None:
        if key not in _COLOURS:
            problems.append(
                Problem(where, f'"{_short(text)}" is not a status wfplan knows; kept as a note')
            )
        return None, None
    if status != "done":
        return status, None
    done_on = cell("done_on")
    if done_on and timescales.read(done_on) is not None:
        return status, done_on
    problems.append(
        Problem(where, f'"{text}" gives no date it was done; done_on: tbc (set the date)')
    )
    return status, "tbc"


def _notes(columns: Columns, row: Row, cell: Cell) -> list[str]:
    notes = []
    for field in ("outcome", "rag", "status", "notes"):
        text = cell(field)
        if not text:
            continue
        key = " ".join(text.casefold().split()).rstrip(".")
        if field == "status" and (key in _STATUS):
            continue
        index = columns.index(field)
        header = columns.header(index) if index is not None else field
        notes.append(text if field == "notes" else f"{header}: {text}")
    return notes


def _share_timescales(item: Item, problems: list[Problem]) -> None:
    """Give each milestone its due from the action's timescale lines (see the module doc),
    and the row's status where the milestone has none of its own."""
    if item.steps and item.status is not None:
        if any(step.status is not None for step in item.steps) and item.status_note:
            item.notes.insert(0, item.status_note)  # the milestones have statuses of their own
        for step in item.steps:
            if step.status is None:
                step.status, step.done_on = item.status, item.done_on
        item.status = item.done_on = None
    lines = item.timescales
    if lines:
        item.timescale = "\n".join(lines)
    if not item.steps:
        item.due = _read_or_tbc(item.timescale, item.timescale_where, problems)
        if item.due != "tbc" and item.timescale:
            item.start = (timescales.read(item.timescale) or timescales.Due("")).start
        return
    item.due = None
    shared = [step for step in item.steps if step.timescale is None]  # sub-rows have their own
    if not shared:
        return
    if not lines:
        for step in shared:
            if step.timescale_where:
                problems.append(Problem(step.timescale_where, "no timescale given; due: tbc"))
        if item.timescale_where and any(not step.timescale_where for step in shared):
            problems.append(
                Problem(item.timescale_where, "no timescale given; each step is due tbc")
            )
        return
    if len(lines) == len(shared) > 1:
        item.timescale = None
        for step, line in zip(shared, lines, strict=True):
            found = timescales.read(line)
            step.timescale = line
            step.due = _read_or_tbc(line, item.timescale_where, problems)
            step.start = found.start if found else None
        return
    if len(lines) > 1:
        problems.append(
            Problem(
                item.timescale_where,
                f"{len(lines)} timescales for {len(shared)} steps: which is which is not said; "
                "each step is due tbc",
            )
        )
        due, start = "tbc", None
    else:
        found = timescales.read(lines[0])
        due = _read_or_tbc(lines[0], item.timescale_where, problems)
        start = found.start if found else None
    for step in shared:
        step.due, step.start = due, start


def _read_or_tbc(text: str | None, where: str, problems: list[Problem]) -> str:
    if not text:
        if where:
            problems.append(Problem(where, "no timescale given; due: tbc"))
        return "tbc"
    found = timescales.read(text)
    if found is None:
        problems.append(
            Problem(where, f'"{_short(text)}" gives no date the plan can read; due: tbc')
        )
        return "tbc"
    return found.due
