"""`wfplan status` output: text (rich), JSON and Markdown, each a function of the report.

`FORMATS` is the registry whose keys are the `--format` choices. Renderers return a string
and never print. Text is drawn by rich, imported only when text is asked for: JSON and
Markdown runs do not pay for it. Every output states the as-of date.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from workforce_cli.output import day, plural, visible
from workforce_cli.status.engine import MilestoneStatus, Options, PlanStatus, StatusReport

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from workforce_cli.status.layout import Cell, Column, Paint

STYLES = {
    "red": "bold red",
    "amber": "bold yellow",
    "green": "bold green",
    "complete": "bold blue",
    "not_rated": "dim",
}
NO_OWNER = "—"


@dataclass(frozen=True)
class Terminal:
    """Where text goes: whether it may use colour, and how wide it is."""

    color: bool = False
    width: int = 100

    @classmethod
    def detect(cls, stream: TextIO) -> Terminal:
        """Colour only on a terminal, never with NO_COLOR (no-color.org), in CI logs or on a
        dumb terminal; FORCE_COLOR asks for it anyway. Width: COLUMNS, the terminal, or 100."""
        env = os.environ
        color = stream.isatty() and not env.get("CI") and env.get("TERM") != "dumb"
        color = (color or bool(env.get("FORCE_COLOR"))) and not env.get("NO_COLOR")
        return cls(color, shutil.get_terminal_size((100, 24)).columns)


def days_text(m: MilestoneStatus) -> str:
    """How the deadline stands: "59 days late", "due today", "blocked, due in 3 days"."""
    if m.days_overdue is not None:
        text = f"{plural(m.days_overdue, 'day')} late"
    elif m.days_until_due == 0:
        text = "due today"
    elif m.days_until_due is not None:
        text = f"due in {plural(m.days_until_due, 'day')}"
    else:
        text = "no deadline"
    return f"blocked, {text}" if m.blocked else text


def due_text(m: MilestoneStatus) -> str:
    return (
        f"{day(m.due_date, 'no deadline')} (revised)"
        if m.revised_due is not None
        else day(m.due_date, "no deadline")
    )


def owners_text(m: MilestoneStatus) -> str:
    # Owners may contain commas ("Head of Service, Safeguarding"), so they are joined by ";".
    return "; ".join(m.owners) or NO_OWNER


def heading(options: Options) -> str:
    return (
        f"Status as of {day(options.as_of)} (due soon: within "
        f"{plural(options.due_within, 'day')}; red: more than "
        f"{plural(options.red_after, 'day')} overdue)"
    )


def counts_text(plan: PlanStatus, options: Options) -> str:
    counts = plan.counts(options.due_within)
    parts = []
    for rating in ("complete", "red", "amber", "green", "not_rated"):
        part = f"{options.label(rating)} {counts[rating]}"
        if rating == "complete" and counts["complete_late"]:
            part += f" ({counts['complete_late']} late)"
        if rating == "not_rated":
            why = [f"{counts[k]} {k}" for k in ("ongoing", "undetermined", "dropped") if counts[k]]
            part += f" ({', '.join(why)})" if why else ""
        parts.append(part)
    return " · ".join(parts)


def _nothing_due(options: Options) -> str:
    return f"Nothing overdue, blocked or due within {plural(options.due_within, 'day')}."


# --- text ---------------------------------------------------------------------------------


def render_text(report: StatusReport, terminal: Terminal) -> str:
    return text_heading(report.options, terminal) + "".join(
        plan_text(plan, report.options, terminal) for plan in report.plans
    )


def text_heading(options: Options, terminal: Terminal) -> str:
    """The line above the plans' panels in text."""
    out = io.StringIO()
    text_console(terminal, out).print(heading(options), markup=False)
    return finish(out, terminal)


def plan_text(plan: PlanStatus, options: Options, terminal: Terminal) -> str:
    """One plan's panel in text: each plan's is laid out alone (in the worker process that
    rated it, for a large repository), and the text is the heading and the panels in order."""
    from workforce_cli.status.layout import painter

    out = io.StringIO()
    console = text_console(terminal, out)
    lines = _panel_lines(plan, options, console, painter(console, terminal.color), terminal.width)
    if lines is None:
        console.print(_panel(plan, options))
    else:
        out.write("".join(line + "\n" for line in lines))
    return finish(out, terminal)


def finish(out: io.StringIO, terminal: Terminal) -> str:
    """The captured text; without colour, no trailing spaces (rich pads tables to width)."""
    text = out.getvalue()
    if terminal.color:
        return text
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def text_console(terminal: Terminal, out: io.StringIO) -> Console:
    """A rich console writing to `out`: colour only if the terminal allows it."""
    from rich.console import Console

    return Console(
        file=out,
        color_system="standard" if terminal.color else None,
        force_terminal=terminal.color,
        no_color=not terminal.color,
        width=terminal.width,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def _preamble(plan: PlanStatus, options: Options) -> list[RenderableType]:
    """The lines above a plan's table: who, the counts, its targets."""
    from rich.text import Text

    # Plan text goes in as Text, never as markup: "[Janet Ainscow]" is a name, not a style.
    # Control characters are shown escaped (`visible`): plan text never drives the terminal.
    who = " · ".join(visible(x) for x in (plan.organisation, plan.id, plan.file) if x)
    summary = Text.assemble(
        (visible(options.label(plan.rating)), STYLES[plan.rating]),
        f"  {plan.progress_text}  ",
        visible(counts_text(plan, options)),
    )
    parts: list[RenderableType] = [Text(who, style="dim"), summary]
    parts.extend(Text(f"Target: {visible(target.summary)}") for target in plan.targets)
    parts.extend(Text(f"Measure: {visible(m.summary)}") for m in plan.measures_shown)
    if plan.measures_blank:
        parts.append(Text(f"Measures with no figures yet: {', '.join(plan.measures_blank)}"))
    return parts


def _columns() -> tuple[Column, ...]:
    from workforce_cli.status.layout import Column

    return (
        Column("RAG"),
        Column("Due"),
        Column("Days"),
        Column("Milestone", ratio=3),
        Column("Owner", ratio=1),
    )


def _rows(plan: PlanStatus, options: Options) -> list[tuple[Cell, ...]]:
    return [
        (
            (visible(options.label(m.rating)), STYLES[m.rating]),
            (due_text(m), None),
            (days_text(m), None),
            (visible(f"{m.id}: {m.title}"), None),
            (visible(owners_text(m)), None),
        )
        for m in plan.attention
    ]


def _panel_lines(
    plan: PlanStatus, options: Options, console: Console, paint: Paint, width: int
) -> list[str] | None:
    """The plan's panel as rich draws it, its table laid out directly (`layout`); None where
    rich must draw it (a narrow terminal, a title with control characters)."""
    from rich.cells import cell_len, set_cell_size
    from rich.console import Group
    from rich.text import Text

    from workforce_cli.status.layout import segments_text, simple, table_lines

    inner = width - 4
    if inner < 16 or not plan.title or not simple(plan.title):
        return None
    parts = _preamble(plan, options)
    table: list[str] = []
    if plan.attention:
        parts.append(Text(""))
        laid_out = table_lines(_columns(), _rows(plan, options), inner, paint)
        if laid_out is None:
            return None
        table = laid_out
    else:
        parts.append(Text(_nothing_due(options)))
    title = f" {plan.title} "
    if cell_len(title) > inner:
        title = set_cell_size(title, inner)
    lines = ["╭─" + title + "─" * (inner - cell_len(title)) + "─╮"]
    rendered = console.render_lines(Group(*parts), console.options.update_width(inner))
    lines.extend(f"│ {segments_text(line, paint)} │" for line in rendered)
    lines.extend(f"│ {line} │" for line in table)
    lines.append("╰" + "─" * (width - 2) + "╯")
    return lines


def _panel(plan: PlanStatus, options: Options) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    from workforce_cli.status.layout import rich_table

    parts = _preamble(plan, options)
    if plan.attention:
        parts.extend([Text(""), rich_table(_columns(), _rows(plan, options))])
    else:
        parts.append(Text(_nothing_due(options)))
    title = Text(visible(plan.title))
    return Panel(Group(*parts), title=title, title_align="left", box=box.ROUNDED)


# --- JSON ---------------------------------------------------------------------------------


def render_json(report: StatusReport, terminal: Terminal) -> str:
    return dump_json(report.to_dict())


def dump_json(value: Any) -> str:
    """Indented JSON, except that an object or list of scalars and lists of scalars (a
    milestone, the counts) is written on one line. Readable and diff-friendly, and fast: the
    one-line parts use the C encoder, which `indent=` would switch off."""
    out: list[str] = []
    _dump(value, "", out)
    return "".join(out) + "\n"


def _scalar(value: Any) -> bool:
    return not isinstance(value, dict | list)


def _flat(value: Any) -> bool:
    """No objects inside, and lists inside hold only scalars (a milestone's owners)."""
    items = value.values() if isinstance(value, dict) else value
    return all(_scalar(v) or (isinstance(v, list) and all(map(_scalar, v))) for v in items)


def _dump(value: Any, indent: str, out: list[str]) -> None:
    if not isinstance(value, dict | list) or not value or _flat(value):
        out.append(json.dumps(value, ensure_ascii=False))
        return
    inner = indent + "  "
    is_dict = isinstance(value, dict)
    out.append("{\n" if is_dict else "[\n")
    items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
    for i, (key, item) in enumerate(items):
        out.append(f"{',' if i else ''}\n{inner}" if i else inner)
        if is_dict:
            out.append(json.dumps(key, ensure_ascii=False) + ": ")
        _dump(item, inner, out)
    out.append(f"\n{indent}{'}' if is_dict else ']'}")


# --- Markdown -----------------------------------------------------------------------------


def render_markdown(report: StatusReport, terminal: Terminal) -> str:
    from workforce_cli.output import md

    o = report.options
    lines = [f"# {heading(o)}", ""]
    for plan in report.plans:
        lines += [f"## {md(plan.title)}: {md(o.label(plan.rating))}", ""]
        who = [md(plan.organisation)] if plan.organisation else []
        who += [f"`{plan.id}`", f"progress {plan.progress_text}"]
        lines += [" · ".join(who), ""]
        counts = plan.counts(o.due_within)
        lines += [
            "| " + " | ".join(md(o.label(r)) for r in _COUNTED) + " |",
            "|" + "---:|" * len(_COUNTED),
            "| " + " | ".join(str(counts[r]) for r in _COUNTED) + " |",
            "",
        ]
        lines += [f"- Target: {md(t.summary)}" for t in plan.targets]
        lines += [f"- Measure: {md(m.summary)}" for m in plan.measures_shown]
        if plan.measures_blank:
            blank = ", ".join(f"`{m}`" for m in plan.measures_blank)
            lines.append(f"- Measures with no figures yet: {blank}")
        lines += [""] if plan.targets or plan.measures else []
        if plan.attention:
            lines += ["| RAG | Due | Days | Milestone | Owner |", "|---|---|---|---|---|"]
            lines += [
                f"| {md(o.label(m.rating))} | {due_text(m)} | {days_text(m)} "
                f"| {md(m.title)} (`{m.id}`) | {md(owners_text(m))} |"
                for m in plan.attention
            ]
        else:
            lines.append(_nothing_due(o))
        lines.append("")
        lines += _apart_markdown(plan)
    return "\n".join(lines).rstrip("\n") + "\n"


_COUNTED = ("complete", "red", "amber", "green", "not_rated")


def _apart_markdown(plan: PlanStatus) -> list[str]:
    """Not rated, by reason; undetermined and dropped ones by id, since someone must act."""
    lines = []
    for reason in ("undetermined", "dropped", "ongoing"):
        apart = plan.apart(reason)
        if not apart:
            continue
        if reason == "ongoing":
            lines.append(f"- Ongoing (no deadline): {len(apart)}")
        else:
            ids = ", ".join(f"`{m.id}`" for m in apart)
            lines.append(f"- {reason.capitalize()}: {len(apart)} ({ids})")
    return ["Not rated:", "", *lines, ""] if lines else []


Renderer = Callable[[StatusReport, Terminal], str]
FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}
