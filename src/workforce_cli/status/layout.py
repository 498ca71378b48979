"""Large tables laid out directly, the way rich lays them out, without rich's per-cell work.

`wfplan status` and `overdue` draw one row per milestone: on a national corpus that is
thousands of rows, and rich measures, wraps and renders every cell as a renderable. The
tables here are simple (no-wrap cells of one-style text, one rule under the header, columns
one space apart, the outer edges unpadded), so the same characters and the same colour codes
come from string arithmetic with rich's own cell-width helpers (`cell_len`,
`set_cell_size`) and rich's own column-width sharing (`ratio_distribute`).

`table_lines` returns None where that arithmetic would not be rich's (a column that does not
fit, text with control characters or tabs): the caller then lets rich draw it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich._ratio import ratio_distribute
from rich.cells import cell_len, set_cell_size
from rich.color import ColorSystem
from rich.console import Console, JustifyMethod
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

Paint = Callable[[str, str | None], str]
"""Text in a style (a rich style name, or None for none): ANSI codes or the text itself."""

Cell = tuple[str, str | None]
"""A cell's text and its style."""

HEADER_STYLE = "table.header"
RULE = "─"


@dataclass(frozen=True)
class Column:
    header: str
    ratio: int | None = None
    """Shares the width left by the other columns, cut with "…" (rich's `ratio=`)."""
    right: bool = False


def painter(console: Console, color: bool) -> Paint:
    """How `console` writes text in a style: ANSI codes of the standard colours, or none."""
    if not color:
        return lambda text, style: text
    styles: dict[str, Style] = {}

    def paint(text: str, style: str | None) -> str:
        if style is None:
            return text
        if style not in styles:
            styles[style] = console.get_style(style)
        return styles[style].render(text, color_system=ColorSystem.STANDARD)

    return paint


def segments_text(line: Iterable[Segment], paint: Paint) -> str:
    """A line rich rendered, as its console would write it (colour if `paint` has it)."""
    colour = paint(" ", "bold") != " "
    return "".join(
        style.render(text, color_system=ColorSystem.STANDARD) if colour and style else text
        for text, style, _ in line
    )


def simple(text: str) -> bool:
    """No character rich would treat specially in a one-line cell (tabs, newlines, controls)."""
    return text.isprintable() or all(c >= " " and not "\x7f" <= c <= "\x9f" for c in text)


def _fit(text: str, width: int, right: bool, ellipsis: bool) -> str:
    """The cell's text in exactly `width` cells, as rich's `Text.truncate` / `pad_left` do."""
    if right:
        text = text.rstrip()
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if ellipsis else set_cell_size(text, width)
    if right:
        return " " * (width - length) + text
    return text + " " * (width - length)


def _widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int) -> list[int]:
    """Each column's width including its padding, as rich's Table computes it with
    expand=True, or [] when rich would have to shrink columns (then rich draws the table)."""
    last = len(columns) - 1
    pads = [(0 if i == 0 else 1) + (0 if i == last else 1) for i in range(len(columns))]
    max_width = width - last  # one separator between columns, no outer edges
    fixed = [0] * len(columns)
    for i, column in enumerate(columns):
        if column.ratio is None:
            longest = max((cell_len(row[i][0]) for row in rows), default=0)
            fixed[i] = max(longest, cell_len(column.header)) + pads[i]
            if fixed[i] > max_width:
                return []
    ratios = [c.ratio for c in columns if c.ratio is not None]
    minimum = [1 + 2 for _ in ratios]  # rich's minimum counts both paddings
    flexible = iter(ratio_distribute(max_width - sum(fixed), ratios, minimum))
    widths = [fixed[i] if c.ratio is None else next(flexible) for i, c in enumerate(columns)]
    if sum(widths) != max_width or any(w - p < 1 for w, p in zip(widths, pads, strict=True)):
        return []
    return widths


def table_lines(
    columns: Sequence[Column], rows: Sequence[Sequence[Cell]], width: int, paint: Paint
) -> list[str] | None:
    """The table's lines (no newlines), `width` cells each; None if rich must draw it."""
    if width < 2 * len(columns) or not all(simple(text) for row in rows for text, _ in row):
        return None
    widths = _widths(columns, rows, width)
    if not widths:
        return None
    last = len(columns) - 1
    inner = [w - (0 if i == 0 else 1) - (0 if i == last else 1) for i, w in enumerate(widths)]
    header = []
    for i, column in enumerate(columns):
        if i:
            header.append(" " + paint(" ", HEADER_STYLE))
        cut = column.ratio is not None
        header.append(paint(_fit(column.header, inner[i], column.right, cut), HEADER_STYLE))
        if i < last:
            header.append(paint(" ", HEADER_STYLE))
    lines = ["".join(header), RULE * width]
    shapes = [(inner[i], c.right, c.ratio is not None) for i, c in enumerate(columns)]
    for row in rows:
        cells = [
            paint(_fit(text, w, right, cut), style)
            for (text, style), (w, right, cut) in zip(row, shapes, strict=True)
        ]
        lines.append("   ".join(cells))
    return lines


def rich_table(columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> Table:
    """The same table for rich to draw (where `table_lines` returns None)."""
    from rich import box

    table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False)
    for column in columns:
        if column.ratio is None:
            justify: JustifyMethod = "right" if column.right else "left"
            table.add_column(column.header, no_wrap=True, justify=justify)
        else:
            table.add_column(column.header, ratio=column.ratio, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*(Text(text, style=style or "") for text, style in row))
    return table
