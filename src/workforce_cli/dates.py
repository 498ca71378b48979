"""Date expressions: the words a plan uses for "when", read into windows of days.

Every ``due``, ``revised_due``, ``by``, ``as_of``, ``on`` and ``done_on`` is a date expression
(docs/dates.md). :func:`parse` reads one into a :class:`DateExpr`, whose
:meth:`~DateExpr.window` is the ``[start, end]`` of days it names. UK conventions throughout:
slashes and dots are day first, financial years run April to March, two-digit years are 20YY.
Case, surrounding whitespace and a trailing full stop are ignored; so are the prefixes "by",
"end", "end of", "by the end of" and the like, which name the same window as the bare form.
Nothing is guessed: text that matches none of the forms is an error, never a best effort.

Short pairs are where UK writing is genuinely unclear, so two numbers of one or two digits
joined by "/" or "." are read like this:

* first number 1-12: ambiguous, an error giving both unambiguous spellings. ``04/05`` is April
  2005 or the financial year 2004/05; ``06/09`` is June 2009 or 6 September; ``03/21`` is March
  2021 or a mistyped financial year.
* otherwise, both two digits and the second above 12 or following the first: a financial year
  (``21/22`` is 2021/22, ``00/01`` is 2000/01); a second that does not follow is impossible.
* anything else (``25/12``, a day without its year): unrecognised.

A four-digit year removes the doubt: ``2004/05`` is a financial year, ``2005-04`` (ISO) and
``04/2005`` are April 2005, and an ``FY`` prefix always means a financial year.
"""

import calendar
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Literal

from dateutil.relativedelta import relativedelta

Kind = Literal["fixed", "relative", "ongoing", "undetermined"]
Unit = Literal["days", "weeks", "months", "years", "working days"]

# Not calendar.month_name: that follows the process locale, and plans are written in English.
_NAMES = "January February March April May June July August September October November December"
_MONTH_NAMES = _NAMES.split()
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS |= {name[:3].lower(): i for i, name in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_SEASON_BY_MONTH = {month: name.title() for name, month in _SEASONS.items()}
_KEYWORDS: dict[str, Kind] = dict.fromkeys(("ongoing", "on-going", "on going"), "ongoing")
_KEYWORDS |= dict.fromkeys(
    ("tbc", "tbd", "to be confirmed", "to be determined", "unable to determine"), "undetermined"
)
_UNITS: dict[str, Unit] = {
    **dict.fromkeys(("d", "day", "days"), "days"),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks"), "weeks"),
    **dict.fromkeys(("m", "mth", "mths", "month", "months"), "months"),
    **dict.fromkeys(("y", "yr", "yrs", "year", "years"), "years"),
    **dict.fromkeys(("working day", "working days"), "working days"),
}
_SHIFT: dict[Unit, Callable[[date, int], date]] = {
    "days": lambda d, n: d + timedelta(days=n),
    "weeks": lambda d, n: d + timedelta(weeks=n),
    "months": lambda d, n: d + relativedelta(months=n),
    "years": lambda d, n: d + relativedelta(years=n),
    "working days": lambda d, n: add_working_days(d, n),
}
_FORMS_HINT = (
    "use a day (18 Feb 2021, 18/02/2021), month (Feb 2021), year (2021), quarter (Q3 2021), "
    "financial year (2021/22), season (Spring 2021), relative (+9 weeks, +5 working days), "
    "ongoing or tbc"
)
_CALENDAR_HINT = "dates run from year 1 to 9999"


@dataclass(frozen=True, slots=True)
class Window:
    start: date
    end: date  # a deadline is met if done by `end`; an as-of date is `end`


class DateError(ValueError):
    """A date expression that cannot be read.

    ``kind`` is "unrecognised", "ambiguous" or "impossible"; ``str(err)`` is one sentence that
    quotes the text, and ``hint`` says how to put it right.
    """

    kind: str
    text: str
    hint: str

    def __init__(self, kind: str, text: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.kind, self.text, self.hint = kind, text, hint


class NeedsAnchor(DateError):
    """A relative expression ("+9 weeks") used where there is no start date to count from."""

    def __init__(self, text: str) -> None:
        super().__init__(
            "relative-without-start",
            text,
            f"{_quote(text)} is relative to the plan's start, which is not given",
            'set the plan\'s period.start, or write a fixed date such as "18 Feb 2021"',
        )


@dataclass(frozen=True, slots=True)
class DateExpr:
    text: str  # exactly as written (str(int) for a bare YAML integer year)
    kind: Kind
    _window: Window | None = None
    _offset: tuple[int, Unit] | None = None

    def window(self, anchor: date | None = None) -> Window | None:
        """Fixed: its window. Relative: the single day ``anchor + offset``, and NeedsAnchor
        without an anchor. Ongoing and undetermined: None."""
        if self._offset is None:
            return self._window
        if anchor is None:
            raise NeedsAnchor(self.text)
        amount, unit = self._offset
        try:
            day = _SHIFT[unit](anchor, amount)
        except (OverflowError, ValueError):
            raise _error("impossible", self.text, "runs off the calendar", _CALENDAR_HINT) from None
        return Window(day, day)

    @property
    def is_relative(self) -> bool:
        return self.kind == "relative"


def _quote(text: str) -> str:
    text = text.strip()
    # A whole paragraph pasted into `due` would drown the message; the line number finds it.
    return json.dumps(text if len(text) <= 60 else text[:57] + "...", ensure_ascii=False)


def _error(kind: str, text: str, predicate: str, hint: str) -> DateError:
    return DateError(kind, text, f"{_quote(text)} {predicate}", hint)


def _impossible(text: str, what: str, why: str) -> DateError:
    return _error("impossible", text, f"names a {what} that does not exist", why)


def _year(text: str, digits: str) -> int:
    if len(digits) == 2:
        return 2000 + int(digits)
    if digits == "0000":
        raise _impossible(text, "year", "there is no year 0")
    return int(digits)


def _span(text: str, what: str, year: int, month: int, months: int) -> Window:
    """`months` whole months from the 1st of (year, month); month may run past December."""
    first = year * 12 + month - 1
    last = first + months - 1
    if last >= 10000 * 12:
        raise _impossible(text, what, _CALENDAR_HINT)
    (y0, m0), (y1, m1) = divmod(first, 12), divmod(last, 12)
    return Window(date(y0, m0 + 1, 1), date(y1, m1 + 1, calendar.monthrange(y1, m1 + 1)[1]))


def _month(text: str, year: int, month: int) -> Window:
    if not 1 <= month <= 12:
        raise _impossible(text, "month", f"there is no month {month}: months run from 1 to 12")
    return _span(text, "month", year, month, 1)


def _day(text: str, year: int, month: int, day: int) -> Window:
    last = _month(text, year, month).end.day
    if not 1 <= day <= last:
        raise _impossible(text, "day", f"{_MONTH_NAMES[month - 1]} {year} has {last} days")
    return Window(date(year, month, day), date(year, month, day))


def _financial_year(text: str, first: str, second: str) -> int:
    start = _year(text, first)
    follows = (start + 1) % 100 if len(second) == 2 else start + 1
    if int(second) != follows:
        spelling = f"{start:04d}/{(start + 1) % 100:02d}"
        why = f'a financial year runs from April to the next March, so it is written "{spelling}"'
        raise _impossible(text, "financial year", why)
    return start


def _iso_month(text: str, m: re.Match[str]) -> Window:
    year, month = _year(text, m["y"]), int(m["m"])
    if month > 12 and month == (year + 1) % 100:
        why = f'there is no month {month}; for the financial year write "{year}/{month:02d}"'
        raise _impossible(text, "month", why)
    return _month(text, year, month)


def _short_pair(text: str, m: re.Match[str]) -> Window:
    a, b = int(m["a"]), int(m["b"])
    if 1 <= a <= 12:
        as_month = f"{_MONTH_NAMES[a - 1]} {2000 + b}"
        fy = f"{2000 + a}/{(a + 1) % 100:02d}"
        if b == a + 1:
            other, fix = f"the financial year {fy}", f'"{fy}" for the financial year {fy}'
        elif 1 <= b <= 12:
            other = f"{a} {_MONTH_NAMES[b - 1]}"
            fix = f'add the year for {other} ("{a:02d}/{b:02d}/YYYY")'
        else:
            other, fix = f"a financial year starting in {2000 + a}", f'"{fy}" for that year'
        raise _error(
            "ambiguous",
            text,
            f"is ambiguous: it could mean {as_month} or {other}",
            f'write "{_MONTH_NAMES[a - 1][:3]} {2000 + b}" for {as_month}, or {fix}',
        )
    if len(m["a"]) == len(m["b"]) == 2 and (b > 12 or b == (a + 1) % 100):
        return _fy(text, m)
    raise _unrecognised(text)


def _quarter(text: str, m: re.Match[str]) -> Window:
    quarter = int(m["q"])
    if not 1 <= quarter <= 4:
        raise _impossible(text, "quarter", "quarters run from Q1 to Q4")
    if "a" in m.re.groupindex:  # a financial quarter: Q1 is April to June
        return _span(text, "quarter", _financial_year(text, m["a"], m["b"]), 3 * quarter + 1, 3)
    return _span(text, "quarter", _year(text, m["y"]), 3 * quarter - 2, 3)


def _fy(text: str, m: re.Match[str]) -> Window:
    return _span(text, "financial year", _financial_year(text, m["a"], m["b"]), 4, 12)


_Handler = Callable[[str, re.Match[str]], Window]
_Y = r"(?P<y>\d{4}|\d{2})"
_MON = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_FY_PAIR = r"(?P<a>\d{4}|\d{2}) ?[/-] ?(?P<b>\d{4}|\d{2})"
_FORMS: list[tuple[str, _Handler]] = [
    (r"(?P<y>\d{4})", lambda t, m: _span(t, "year", _year(t, m["y"]), 1, 12)),
    (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
        lambda t, m: _day(t, _year(t, m["y"]), int(m["m"]), int(m["d"])),
    ),
    (
        r"(?P<d>\d{1,2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)" + _Y,
        lambda t, m: _day(t, _year(t, m["y"]), int(m["m"]), int(m["d"])),
    ),
    (
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ -]?(?:of )?{_MON}[ -]?,? ?'?{_Y}",
        lambda t, m: _day(t, _year(t, m["y"]), _MONTHS[m["mon"]], int(m["d"])),
    ),
    (r"(?P<y>\d{4})-(?P<m>\d{1,2})", _iso_month),
    (r"(?P<m>\d{1,2})[/.](?P<y>\d{4})", lambda t, m: _month(t, _year(t, m["y"]), int(m["m"]))),
    (rf"{_MON},?[ -]?'?{_Y}", lambda t, m: _month(t, _year(t, m["y"]), _MONTHS[m["mon"]])),
    (r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})", _short_pair),
    (r"(?P<a>\d{4})/(?P<b>\d{4}|\d{2})", _fy),
    (r"(?:the )?(?:fy ?|financial year )" + _FY_PAIR, _fy),
    (r"q(?P<q>\d)[ -]?" + _Y, _quarter),
    (r"(?P<y>\d{4}) ?-? ?q(?P<q>\d)", _quarter),
    (r"q(?P<q>\d)[ -]?(?:fy ?)?" + _FY_PAIR, _quarter),
    (
        r"(?P<s>spring|summer|autumn|winter)[ -]?'?" + _Y,
        lambda t, m: _span(t, "season", _year(t, m["y"]), _SEASONS[m["s"]], 3),
    ),
]
_PATTERNS = [(re.compile(pattern, re.ASCII), handler) for pattern, handler in _FORMS]
_PREFIX = re.compile(r"(?:by (?:the )?end(?: of)?|by|(?:the )?end(?: of)?) ", re.ASCII)
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_RELATIVE = re.compile(rf"(?:\+ ?|(?:in|within)(?: the)?(?: next)? )(\d+) ?({_UNIT_RE})", re.ASCII)


def _unrecognised(text: str) -> DateError:
    return _error("unrecognised", text, "is not a recognised date", _FORMS_HINT)


@lru_cache(maxsize=16384)
def parse(text: str | int) -> DateExpr:
    """Read a date expression; raise DateError if it cannot be read one way only."""
    text = str(text) if isinstance(text, int) else text
    s = " ".join(text.lower().split()).rstrip(".").rstrip()
    if kind := _KEYWORDS.get(s):
        return DateExpr(text, kind)
    if relative := _RELATIVE.fullmatch(s):
        digits, unit = relative[1], _UNITS[relative[2]]
        if len(digits) > 4:
            raise _error("impossible", text, "is too far ahead", f"offsets run up to 9999 {unit}")
        return DateExpr(text, "relative", _offset=(int(digits), unit))
    if prefix := _PREFIX.match(s):
        s = s[prefix.end() :]
    for pattern, handler in _PATTERNS:
        if match := pattern.fullmatch(s):
            return DateExpr(text, "fixed", _window=handler(text, match))
    raise _unrecognised(text)


def resolve_as_of(text: str | int, anchor: date | None = None) -> date:
    """The day an as-of expression stands for: the end of its window."""
    expr = parse(text)
    window = expr.window(anchor)
    if window is None:
        hint = 'give a day, month, quarter or year, such as "18 Feb 2021" or "Feb 2021"'
        raise _error("impossible", expr.text, "is not a date, so nothing can be as of it", hint)
    return window.end


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (before it if negative); `start` itself does
    not count. Weekends and England and Wales bank holidays are skipped; in years the
    `holidays` package does not cover (before 1872, after 2100) only weekends are."""
    step, day, left = timedelta(days=1 if days >= 0 else -1), start, abs(days)
    while left:
        day += step
        if day.weekday() < 5 and day not in _bank_holidays(day.year):
            left -= 1
    return day


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    import holidays  # here, not at the top: slow to import and only working days need it

    # Wales shares England's bank holidays, including one-offs such as 19 September 2022.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def format_window(w: Window) -> str:
    """The natural way to write a window in a report: "3 Jun 2002", "Q3 2021", "2021/22"."""
    start, end = w.start, w.end
    if start == end:
        return _day_text(start)
    if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        year = f"{start.year:04d}"
        if months == 1:
            return _month_text(start)
        if months == 3 and start.month % 3 == 1:
            return f"Q{start.month // 3 + 1} {year}"
        if months == 3 and start.month in _SEASON_BY_MONTH:
            return f"{_SEASON_BY_MONTH[start.month]} {year}"
        if months == 12 and start.month == 1:
            return year
        if months == 12 and start.month == 4:
            return f"{year}/{(start.year + 1) % 100:02d}"
        return f"{_month_text(start)} to {_month_text(end)}"
    return f"{_day_text(start)} to {_day_text(end)}"


def _day_text(d: date) -> str:
    return f"{d.day} {_month_text(d)}"


def _month_text(d: date) -> str:
    return f"{_MONTH_NAMES[d.month - 1][:3]} {d.year:04d}"
