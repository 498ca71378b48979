"""Inline SVG charts for the HTML report: pure functions from figures to SVG text.

No plotting library: two small charts do not earn a dependency, and hand-made SVG is
deterministic (golden files), tiny, and needs nothing at view time. Each chart carries a
`<title>`, a `<desc>` and `role="img"` with an `aria-label`, so a screen reader hears what
a sighted reader sees; no value is shown by colour alone (every bar segment and point is
written out). The SVG omits `xmlns`: inside HTML it is not needed, and the report must not
contain any URL of its own.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from html import escape


@dataclass(frozen=True, slots=True)
class Box:
    """The plot area inside the SVG: x from left to right, y from top to bottom."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int

    @property
    def x0(self) -> int:
        return self.left

    @property
    def x1(self) -> int:
        return self.width - self.right

    @property
    def y0(self) -> int:
        return self.height - self.bottom

    @property
    def y1(self) -> int:
        return self.top


def _fmt(value: float) -> str:
    """Coordinates to two decimals, without trailing zeros: stable golden files."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _text(value: str) -> str:
    return escape(value, quote=True)


def _open(ident: str, box: Box, title: str, desc: str, css_class: str) -> list[str]:
    return [
        f'<svg class="{css_class}" viewBox="0 0 {box.width} {box.height}" '
        f'width="{box.width}" height="{box.height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" aria-label="{_text(title + ". " + desc)}">',
        f'<title id="{ident}-title">{_text(title)}</title>',
        f'<desc id="{ident}-desc">{_text(desc)}</desc>',
    ]


# --- share over time ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trend:
    """A metric over time, in percent, with its target and projected course."""

    metric: str
    """What is plotted, in words: "Permanent share"."""
    points: Sequence[tuple[date, float]]
    target: float | None = None
    target_by: date | None = None
    projection: Sequence[tuple[date, float]] = ()
    """The projected course (drawn dashed), usually from the last figure's date onwards."""


MAX_LABELLED = 8
"""Up to this many points each has its value written beside it."""

TREND_BOX = Box(width=640, height=300, left=52, right=24, top=20, bottom=44)
NARROW_TREND_BOX = Box(width=360, height=240, left=40, right=12, top=20, bottom=44)
"""The phone drawing: about as wide as a phone's text column, so 11px text stays 11px."""
NARROW_WIDTH = 360


def pair(wide: str, narrow: str) -> str:
    """One chart drawn twice: the stylesheet shows the wide one, or on a phone the narrow one
    (a hidden drawing is out of the accessibility tree too, so it is never read twice)."""
    return f'<div class="chart-wide">\n{wide}\n</div>\n<div class="chart-narrow">\n{narrow}\n</div>'


def _y_range(values: Sequence[float]) -> tuple[float, float]:
    """From a round ten below the lowest value to a round ten above the highest, within 0-100."""
    low = max(0.0, math.floor((min(values) - 5) / 10) * 10)
    high = min(100.0, math.ceil((max(values) + 5) / 10) * 10)
    return low, max(high, low + 10)


def _x_range(dates: Sequence[date]) -> tuple[date, date]:
    first, last = min(dates), max(dates)
    if (last - first).days < 60:
        # one snapshot, or two close together: give the line room on either side
        return first - timedelta(days=90), last + timedelta(days=90)
    return first, last


def _year_ticks(first: date, last: date, most: int = 8) -> list[date]:
    ticks = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
    if len(ticks) > most:
        step = math.ceil(len(ticks) / most)
        ticks = ticks[::step]
    return ticks or [first, last]


@lru_cache(maxsize=1024)
def _month(d: date) -> str:
    # Cached: every chart writes the same few dozen months, each several times.
    return d.strftime("%b %Y")


def trend_chart(trend: Trend, ident: str, box: Box = TREND_BOX) -> str:
    """A line of the metric's values, the target as a line, the projection dashed."""
    if not trend.points:
        raise ValueError("a trend chart needs at least one figure")
    dates = [d for d, _ in trend.points] + [d for d, _ in trend.projection]
    values = [v for _, v in trend.points] + [v for _, v in trend.projection]
    if trend.target is not None:
        values.append(trend.target)
    if trend.target_by is not None:
        dates.append(trend.target_by)
    first, last = _x_range(dates)
    low, high = _y_range(values)
    span = max((last - first).days, 1)

    def x(d: date) -> float:
        return box.x0 + (box.x1 - box.x0) * (d - first).days / span

    def y(v: float) -> float:
        return box.y0 - (box.y0 - box.y1) * (v - low) / (high - low)

    title = f"{trend.metric} over time"
    desc = _trend_desc(trend)
    out = _open(ident, box, title, desc, "chart trend")
    step = 10 if high - low <= 50 else 20
    tick = low
    while tick <= high + 1e-9:
        out.append(
            f'<line class="grid" x1="{box.x0}" x2="{box.x1}" '
            f'y1="{_fmt(y(tick))}" y2="{_fmt(y(tick))}"/>'
            f'<text class="axis" x="{box.x0 - 6}" y="{_fmt(y(tick) + 4)}" '
            f'text-anchor="end">{tick:g}%</text>'
        )
        tick += step
    for d in _year_ticks(first, last, 8 if box.width >= 500 else 5):
        label = str(d.year) if (d.month, d.day) == (1, 1) else _month(d)
        tx = _fmt(x(d))
        out.append(
            f'<line class="tick" x1="{tx}" x2="{tx}" '
            f'y1="{box.y0}" y2="{box.y0 + 5}"/>'
            f'<text class="axis" x="{tx}" y="{box.y0 + 18}" '
            f'text-anchor="middle">{label}</text>'
        )
    out.append(f'<line class="axis-line" x1="{box.x0}" x2="{box.x1}" y1="{box.y0}" y2="{box.y0}"/>')
    if trend.target is not None:
        ty = _fmt(y(trend.target))
        label = f"Target {trend.target:g}%" + (
            f" by {_month(trend.target_by)}" if trend.target_by else ""
        )
        out.append(
            f'<line class="target" x1="{box.x0}" x2="{box.x1}" y1="{ty}" y2="{ty}"/>'
            f'<text class="target-label" x="{box.x1}" y="{_fmt(y(trend.target) - 6)}" '
            f'text-anchor="end">{_text(label)}</text>'
        )
        if trend.target_by is not None:
            tx = _fmt(x(trend.target_by))
            out.append(f'<line class="target-by" x1="{tx}" x2="{tx}" y1="{box.y1}" y2="{box.y0}"/>')
    if trend.projection:
        path = " ".join(f"{_fmt(x(d))},{_fmt(y(v))}" for d, v in trend.projection)
        out.append(f'<polyline class="projection" points="{path}"/>')
    placed = [(_fmt(x(d)), y(v)) for d, v in trend.points]
    path = " ".join(f"{px},{_fmt(py)}" for px, py in placed)
    out.append(f'<polyline class="actual" points="{path}"/>')
    final = len(trend.points) - 1
    for i, ((d, v), (px, yv)) in enumerate(zip(trend.points, placed, strict=True)):
        py = _fmt(yv)
        out.append(
            f'<circle class="point" cx="{px}" cy="{py}" r="4">'
            f"<title>{_month(d)}: {v:.1f}%</title></circle>"
        )
        # Written values collide beyond a handful of points: then only the first and the
        # last are written (every value is in the tooltip, the desc and the report's table).
        if final < MAX_LABELLED or i in (0, final):
            out.append(
                f'<text class="value" x="{px}" y="{_fmt(yv + 18)}" '
                f'text-anchor="middle">{v:.1f}%</text>'
            )
    out.append(
        f'<text class="axis" x="{box.x0}" y="{box.height - 6}">'
        f"{_text(trend.metric)}, {_month(first)} to {_month(last)}</text>"
    )
    out.append("</svg>")
    return "\n".join(out)


def _trend_desc(trend: Trend) -> str:
    parts = [f"{_month(d)}: {v:.1f}%" for d, v in trend.points]
    text = f"{trend.metric}: " + ", ".join(parts) + "."
    if trend.target is not None:
        text += f" Target {trend.target:g}%"
        text += f" by {_month(trend.target_by)}." if trend.target_by else "."
    if trend.projection:
        d, v = trend.projection[-1]
        text += f" Projected (dashed): {v:.1f}% by {_month(d)}."
    return text


# --- RAG counts per theme -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    key: str
    """The rating: red, amber, green, complete or not_rated (the CSS class)."""
    label: str
    """The word shown for it (configurable: some councils say Blue for complete)."""
    count: int


RAG_WIDTH = 640
_ROW = 46
_BAR = 20
_MIN_SEGMENT = 20
_CHAR = 6.2  # average advance of a character at the chart's 11px type
_LINE = 14  # a second line of a theme's name


def rag_chart(
    rows: Sequence[tuple[str, Sequence[Segment]]], ident: str, width: int = RAG_WIDTH
) -> str:
    """One stacked bar per theme; every segment has its count written on it."""
    left, right = 8, 48 if width >= 500 else 32
    keys = _legend_keys(rows)
    places, lines = _legend_places(keys, left, width - 8)
    legend = 10 + 18 * lines
    limit = min(100, int((width - 2 * left) / _CHAR))
    # A theme's name takes one line, or two on a narrow chart (then cut with an ellipsis).
    names = [_wrap(name, limit) for name, _ in rows]
    height = legend + sum(_ROW + _LINE * (len(n) - 1) for n in names) + 8
    box = Box(width, height, left, right, legend, 8)
    most = max((sum(s.count for s in segs) for _, segs in rows), default=0)
    slots = max((sum(1 for s in segs if s.count) for _, segs in rows), default=0)
    # Every non-empty segment is at least wide enough for its number; the rest is to scale.
    unit = (box.x1 - box.x0 - _MIN_SEGMENT * slots) / most if most else 0.0
    title = "Milestones by rating, per theme"
    desc = "; ".join(
        f"{name}: " + (", ".join(f"{s.count} {s.label}" for s in segs if s.count) or "none")
        for name, segs in rows
    )
    out = _open(ident, box, title, desc + ".", "chart ratings")
    for (key, label), (lx, ly) in zip(keys, places, strict=True):
        out.append(
            f'<rect class="seg {key}" x="{_fmt(lx)}" y="{ly + 6}" width="12" height="12" rx="2"/>'
            f'<text class="legend" x="{_fmt(lx + 16)}" y="{ly + 16}">{_text(label)}</text>'
        )
    top = legend
    for (name, segments), shown in zip(rows, names, strict=True):
        for n, line in enumerate(shown):
            y = top + 12 + _LINE * n
            out.append(f'<text class="theme" x="{box.x0}" y="{y}">{_text(line)}</text>')
        bar_y = top + 18 + _LINE * (len(shown) - 1)
        top += _ROW + _LINE * (len(shown) - 1)
        sx = float(box.x0)
        for seg in segments:
            if not seg.count:
                continue
            span = _MIN_SEGMENT + seg.count * unit
            words = f"{seg.count} {seg.label}"
            text = words if len(words) * _CHAR + 8 <= span else str(seg.count)
            out.append(
                f'<g class="seg {seg.key}"><title>{_text(name)}: {seg.count} '
                f"{_text(seg.label)}</title>"
                f'<rect x="{_fmt(sx)}" y="{bar_y}" width="{_fmt(span)}" height="{_BAR}"/>'
                f'<text x="{_fmt(sx + span / 2)}" y="{bar_y + 14}" '
                f'text-anchor="middle">{_text(text)}</text></g>'
            )
            sx += span
        total = sum(s.count for s in segments)
        out.append(f'<text class="total" x="{_fmt(sx + 6)}" y="{bar_y + 14}">{total}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _wrap(name: str, limit: int) -> list[str]:
    if len(name) <= limit:
        return [name]
    if limit >= 100:
        return [name[: limit - 1] + "…"]
    lines = textwrap.wrap(name, limit) or [name[:limit]]
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    if len(lines[-1]) > limit:
        lines[-1] = lines[-1][: limit - 1].rstrip() + "…"
    return lines


def _legend_places(
    keys: Sequence[tuple[str, str]], left: int, right: int
) -> tuple[list[tuple[float, int]], int]:
    """Where each legend entry goes: in a row, wrapping onto a new line when it would not fit."""
    places: list[tuple[float, int]] = []
    lx, line = float(left), 0
    for _, label in keys:
        needed = 16 + len(label) * _CHAR
        if lx > left and lx + needed > right:
            lx, line = float(left), line + 1
        places.append((lx, 18 * line))
        lx += needed + 18
    return places, line + 1


def _legend_keys(rows: Sequence[tuple[str, Sequence[Segment]]]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for _, segments in rows:
        for seg in segments:
            seen.setdefault(seg.key, seg.label)
    return list(seen.items())
