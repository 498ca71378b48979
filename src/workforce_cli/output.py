"""The shared output kit: figures, percentages, days and Markdown escaping, one spelling each."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from workforce_cli.dates import Window, format_window

# Characters that Markdown (GitHub-flavoured) or an HTML renderer of it would act on.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Only at the start of a cell or list item would these open a heading, a list or a quote.
_MD_LEADING = re.compile(r"^(#|[-+=](?=\s|$)|\d+(?=[.)](?:\s|$)))")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_SPACE = re.compile(r"\s+")
# An @ that GitHub or GitLab would turn into a mention (of a user, a team or a group): at the
# start of a word and followed by a name. An address (jo@example.org) is left alone.
_MENTION = re.compile(r"(?<![\w.+-])@(?=[\w-])")
WORD_JOINER = "\u2060"
# Words of ASCII letters, digits and punctuation that Markdown leaves alone, one space apart:
# text that none of the substitutions below would change (most plan text is like this).
_MD_PLAIN = re.compile(r"[A-Za-z0-9,.;:'\"()!?/%+=#-]+(?: [A-Za-z0-9,.;:'\"()!?/%+=#-]+)*")


def md(value: object) -> str:
    """Plan text made safe for a Markdown table cell or paragraph.

    Newlines become spaces (a newline would end the table row), `|` is escaped (it would
    start a new cell), and Markdown or HTML syntax is backslash-escaped so that
    `<script>` shows as text and `*` stays an asterisk; `@name` does not mention anyone.
    None becomes an empty string.
    """
    if value is None:
        return ""
    text = str(value)
    if not _MD_PLAIN.fullmatch(text):
        text = visible(_SPACE.sub(" ", text).strip())
        text = _MD_SPECIAL.sub(r"\\\1", text)
        text = _ENTITY.sub(r"\\&", text)
        # "@" and an invisible word joiner: shown as "@name", but no longer a mention that
        # pings someone from a pull-request comment (an entity, &#64;, would still mention).
        text = _MENTION.sub("@" + WORD_JOINER, text)
    match = _MD_LEADING.match(text)
    if match and match.group(1)[0].isdigit():
        return text[: match.end()] + "\\" + text[match.end() :]
    return "\\" + text if match else text


def percent(value: float | None, places: int = 2) -> str:
    """A percentage as the engines give it (76.03) -> "76.03%"; None -> "n/a"."""
    if value is None:
        return "n/a"
    return f"{value:.{places}f}%"


def number(value: float | None, places: int = 2) -> str:
    """A figure as a table shows it: 87.22, 27.5, 1 (no trailing zeros); None -> "n/a"."""
    if value is None:
        return "n/a"
    text = f"{value:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def signed(value: float | None, places: int = 2) -> str:
    """A change: +2.5, -1, 0; None -> "n/a"."""
    if value is None:
        return "n/a"
    text = number(abs(value), places)
    if text == "0":
        return "0"
    return ("+" if value > 0 else "\u2212") + text


def days(value: int, *, signed: bool = False) -> str:
    """A number of days: "1 day", "59 days"; signed, as a change: "+1 day", "-3 days"."""
    shown = f"{value:+d}" if signed else str(value)
    return f"{shown} day" if abs(value) == 1 else f"{shown} days"


def day(value: date | None, missing: str = "") -> str:
    """A day as the plans write it: 3 Jun 2002 (never the locale's month names)."""
    return format_window(Window(value, value)) if value else missing


def long_date(value: date | None) -> str:
    """A day as a committee paper writes it: 31 March 2022."""
    return f"{value.day} {value:%B %Y}" if value else ""


def iso(value: date | None) -> str | None:
    """A day in JSON: "2002-06-03", or null."""
    return value.isoformat() if value else None


def plural(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


# --- terminal text ---------------------------------------------------------------------------

# C0 controls, DEL, C1 controls (U+009B is a one-character CSI), the Unicode line and paragraph
# separators, and the bidirectional overrides that make text read other than it is stored.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_BUT_NEWLINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(value: object) -> str:
    """Plan text for a terminal: control characters shown as escapes (`\\x1b`, `\\n`).

    An escape sequence in a title could clear the screen, set the window title or draw a
    hyperlink that lies; a newline could start a line that CI reads as a command
    (`::warning ...`). Shown escaped, the text is what the file holds, on one line.
    """
    return _CONTROL.sub(_escape, str(value))


def visible_lines(text: str) -> str:
    """A whole rendered text with every control character but the line ends escaped: the
    net under `visible`, for text a renderer built from many pieces."""
    return _CONTROL_BUT_NEWLINE.sub(_escape, text)


# --- GitHub workflow commands ---------------------------------------------------------------


def github_data(text: str) -> str:
    # GitHub workflow commands: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


# GitHub shows at most 10 error, 10 warning and 10 notice annotations of a step and drops
# the rest without a word (docs.github.com: "Workflow commands", annotation limits).
GITHUB_CAP = 10
GithubLevel = Literal["error", "warning", "notice"]
_LEVELS: tuple[GithubLevel, ...] = ("error", "warning", "notice")


@dataclass(frozen=True, slots=True)
class Annotation:
    """One GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`)."""

    level: GithubLevel
    file: str
    line: int
    column: int
    title: str
    message: str

    def command(self) -> str:
        where = (
            f"file={github_property(self.file)},line={self.line},col={self.column},"
            f"title={github_property(self.title)}"
        )
        return f"::{self.level} {where}::{github_data(self.message)}"


def github_commands(annotations: Iterable[Annotation], rest: str) -> list[str]:
    """The commands GitHub will show: most severe first, each level capped, then one notice
    with the count of those left out (`rest` says where to read them all)."""
    by_level: dict[str, list[Annotation]] = {level: [] for level in _LEVELS}
    for annotation in annotations:
        by_level[annotation.level].append(annotation)
    kept = [*by_level["error"][:GITHUB_CAP], *by_level["warning"][:GITHUB_CAP]]
    dropped = sum(max(0, len(by_level[level]) - GITHUB_CAP) for level in ("error", "warning"))
    notices = by_level["notice"]
    room = GITHUB_CAP - 1 if dropped or len(notices) > GITHUB_CAP else GITHUB_CAP
    kept += notices[:room]
    dropped += max(0, len(notices) - room)
    lines = [a.command() for a in kept]
    if dropped:
        message = (
            f"{plural(dropped, 'more finding')} not shown: GitHub shows {GITHUB_CAP} errors, "
            f"{GITHUB_CAP} warnings and {GITHUB_CAP} notices per step; {rest}"
        )
        lines.append(f"::notice title=wfplan::{github_data(message)}")
    return lines


# --- CSV --------------------------------------------------------------------------------------

# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?\Z")

Cell = str | int | float | None


def csv_cell(value: Cell) -> str:
    """One cell as every CSV output writes it: None is blank; numbers stay numbers; text that
    a spreadsheet would run as a formula gets a leading apostrophe ('=1+2 shows as =1+2).

    Text that is exactly a number (a formatted figure such as "-1.50") is left as it is: a
    spreadsheet reads it as that number and nothing else.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    if value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """A whole CSV file (RFC 4180, lines ending in \\n): the header, then the rows.

    Cells by `csv_cell`; a cell holding a comma, a quote, CR or LF is quoted (Python's csv
    module would leave a lone CR bare, which ends the row in a spreadsheet).
    """
    lines = [",".join(_quoted(h) for h in header)]
    lines.extend(",".join(_quoted(csv_cell(c)) for c in row) for row in rows)
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
