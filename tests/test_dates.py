"""Date expressions: every form in docs/dates.md, the errors, and properties over all dates."""

import calendar
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from workforce_cli.dates import (
    DateError,
    DateExpr,
    NeedsAnchor,
    Window,
    add_working_days,
    format_window,
    parse,
    resolve_as_of,
)

D = date
FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July"]
FULL_MONTHS += ["August", "September", "October", "November", "December"]
MONTHS = [name[:3] for name in FULL_MONTHS]
ANY_DATE = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))

FIXED = [
    # days: slashes and dots are always day first
    ("2021-02-18", D(2021, 2, 18), D(2021, 2, 18)),
    ("18/02/2021", D(2021, 2, 18), D(2021, 2, 18)),
    ("18/2/21", D(2021, 2, 18), D(2021, 2, 18)),
    ("18.2.21", D(2021, 2, 18), D(2021, 2, 18)),
    ("18.02.2021", D(2021, 2, 18), D(2021, 2, 18)),
    ("18 Feb 2021", D(2021, 2, 18), D(2021, 2, 18)),
    ("18 February 2021", D(2021, 2, 18), D(2021, 2, 18)),
    ("18th March 2005", D(2005, 3, 18), D(2005, 3, 18)),
    ("17th Mar 05", D(2005, 3, 17), D(2005, 3, 17)),
    ("1st Jan 2022", D(2022, 1, 1), D(2022, 1, 1)),
    ("18-Feb-2021", D(2021, 2, 18), D(2021, 2, 18)),
    ("04/12/2006", D(2006, 12, 4), D(2006, 12, 4)),
    ("29/02/2024", D(2024, 2, 29), D(2024, 2, 29)),
    # months
    ("2021-02", D(2021, 2, 1), D(2021, 2, 28)),
    ("Feb 2021", D(2021, 2, 1), D(2021, 2, 28)),
    ("February 2021", D(2021, 2, 1), D(2021, 2, 28)),
    ("Feb 2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("Sept 2006", D(2006, 9, 1), D(2006, 9, 30)),
    ("Sept 06", D(2006, 9, 1), D(2006, 9, 30)),
    ("Sep 06", D(2006, 9, 1), D(2006, 9, 30)),
    ("Feb-21", D(2021, 2, 1), D(2021, 2, 28)),
    ("June 06", D(2006, 6, 1), D(2006, 6, 30)),
    ("02/2021", D(2021, 2, 1), D(2021, 2, 28)),
    ("Apr 2002", D(2002, 4, 1), D(2002, 4, 30)),
    ("Dec 2021", D(2021, 12, 1), D(2021, 12, 31)),
    ("end March 06", D(2006, 3, 1), D(2006, 3, 31)),
    ("End March 06", D(2006, 3, 1), D(2006, 3, 31)),
    ("end of March 2006", D(2006, 3, 1), D(2006, 3, 31)),
    ("by Dec 05", D(2005, 12, 1), D(2005, 12, 31)),
    ("by end Dec 05", D(2005, 12, 1), D(2005, 12, 31)),
    ("by end of Dec 05", D(2005, 12, 1), D(2005, 12, 31)),
    ("by the end of December 2005", D(2005, 12, 1), D(2005, 12, 31)),
    ("the end of Dec 05", D(2005, 12, 1), D(2005, 12, 31)),
    ("by Sept 05", D(2005, 9, 1), D(2005, 9, 30)),
    # years
    ("2021", D(2021, 1, 1), D(2021, 12, 31)),
    ("by 2023", D(2023, 1, 1), D(2023, 12, 31)),
    ("by the end of 2023", D(2023, 1, 1), D(2023, 12, 31)),
    # calendar quarters
    ("2021-Q3", D(2021, 7, 1), D(2021, 9, 30)),
    ("Q3 2021", D(2021, 7, 1), D(2021, 9, 30)),
    ("Q3 21", D(2021, 7, 1), D(2021, 9, 30)),
    ("Q1 2024", D(2024, 1, 1), D(2024, 3, 31)),
    ("Q4 2021", D(2021, 10, 1), D(2021, 12, 31)),
    ("by end of Q2 2021", D(2021, 4, 1), D(2021, 6, 30)),
    # financial years and their quarters
    ("2021/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("2021/2022", D(2021, 4, 1), D(2022, 3, 31)),
    ("FY2021/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("FY 2021/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("FY21/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("FY 2021-22", D(2021, 4, 1), D(2022, 3, 31)),
    ("FY04/05", D(2004, 4, 1), D(2005, 3, 31)),
    ("21/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("99/00", D(2099, 4, 1), D(2100, 3, 31)),
    ("2023/24", D(2023, 4, 1), D(2024, 3, 31)),
    ("1999/00", D(1999, 4, 1), D(2000, 3, 31)),
    ("by end of 2021/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("Q1 2021/22", D(2021, 4, 1), D(2021, 6, 30)),
    ("Q2 2021/22", D(2021, 7, 1), D(2021, 9, 30)),
    ("Q3 2021/22", D(2021, 10, 1), D(2021, 12, 31)),
    ("Q4 2021/22", D(2022, 1, 1), D(2022, 3, 31)),
    ("Q4 FY23/24", D(2024, 1, 1), D(2024, 3, 31)),
    ("Q1 04/05", D(2004, 4, 1), D(2004, 6, 30)),
    # seasons
    ("Spring 05", D(2005, 3, 1), D(2005, 5, 31)),
    ("Summer 2021", D(2021, 6, 1), D(2021, 8, 31)),
    ("Autumn 05", D(2005, 9, 1), D(2005, 11, 30)),
    ("by Autumn 05", D(2005, 9, 1), D(2005, 11, 30)),
    ("Winter 2021", D(2021, 12, 1), D(2022, 2, 28)),
    ("Winter 2023", D(2023, 12, 1), D(2024, 2, 29)),
    # case, whitespace and a trailing full stop do not matter
    ("FEB 2021", D(2021, 2, 1), D(2021, 2, 28)),
    ("q3 2021", D(2021, 7, 1), D(2021, 9, 30)),
    ("SPRING 05", D(2005, 3, 1), D(2005, 5, 31)),
    ("fy2021/22", D(2021, 4, 1), D(2022, 3, 31)),
    ("  18 Feb 2021. ", D(2021, 2, 18), D(2021, 2, 18)),
    ("End  of\tMarch 2006.", D(2006, 3, 1), D(2006, 3, 31)),
    (2021, D(2021, 1, 1), D(2021, 12, 31)),
]


@pytest.mark.parametrize(("text", "start", "end"), FIXED, ids=[str(case[0]) for case in FIXED])
def test_fixed_forms(text: str | int, start: date, end: date) -> None:
    expr = parse(text)
    assert (expr.kind, expr.is_relative, expr.text) == ("fixed", False, str(text))
    assert expr.window() == Window(start, end)
    assert expr.window(D(1999, 1, 1)) == Window(start, end)  # an anchor changes nothing


RELATIVE = [
    ("+9w", D(2002, 4, 1), D(2002, 6, 3)),
    ("+9 weeks", D(2002, 4, 1), D(2002, 6, 3)),
    ("+1 week", D(2002, 4, 1), D(2002, 4, 8)),
    ("in the next 9 weeks", D(2002, 4, 1), D(2002, 6, 3)),
    ("In the next 9 weeks.", D(2002, 4, 1), D(2002, 6, 3)),
    ("within 9 weeks", D(2002, 4, 1), D(2002, 6, 3)),
    ("+9m", D(2002, 4, 1), D(2003, 1, 1)),
    ("+9 months", D(2002, 4, 1), D(2003, 1, 1)),
    ("in the next 9 months", D(2002, 4, 1), D(2003, 1, 1)),
    ("+1m", D(2021, 1, 31), D(2021, 2, 28)),
    ("+1m", D(2024, 1, 31), D(2024, 2, 29)),
    ("+10d", D(2021, 2, 18), D(2021, 2, 28)),
    ("+10 days", D(2021, 2, 18), D(2021, 2, 28)),
    ("+1y", D(2024, 2, 29), D(2025, 2, 28)),
    ("+2 years", D(2021, 2, 18), D(2023, 2, 18)),
    ("+0 days", D(2021, 2, 18), D(2021, 2, 18)),
    # Monday 4 December 2006 (Leeds): five working days is the next Monday
    ("+5 working days", D(2006, 12, 4), D(2006, 12, 11)),
    ("within 5 working days", D(2006, 12, 4), D(2006, 12, 11)),
    ("in the next 5 working days", D(2006, 12, 4), D(2006, 12, 11)),
    # Thursday before Easter 2024: Good Friday and Easter Monday are bank holidays
    ("+2 working days", D(2024, 3, 28), D(2024, 4, 3)),
    ("+1 working day", D(2024, 12, 24), D(2024, 12, 27)),
]


@pytest.mark.parametrize(("text", "anchor", "day"), RELATIVE)
def test_relative_forms(text: str, anchor: date, day: date) -> None:
    expr = parse(text)
    assert (expr.kind, expr.is_relative) == ("relative", True)
    assert expr.window(anchor) == Window(day, day)


@pytest.mark.parametrize("text", ["+9w", "in the next 9 months", "+5 working days"])
def test_relative_without_anchor_needs_one(text: str) -> None:
    with pytest.raises(NeedsAnchor) as caught:
        parse(text).window()
    assert isinstance(caught.value, DateError)
    assert caught.value.kind == "relative-without-start"
    assert caught.value.text == text
    assert str(caught.value) == f'"{text}" is relative to the plan\'s start, which is not given'
    assert caught.value.hint == (
        'set the plan\'s period.start, or write a fixed date such as "18 Feb 2021"'
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ongoing", "ongoing"),
        ("Ongoing", "ongoing"),
        ("on-going", "ongoing"),
        ("On going.", "ongoing"),
        ("tbc", "undetermined"),
        ("TBC", "undetermined"),
        ("tbd", "undetermined"),
        ("to be confirmed", "undetermined"),
        ("Unable to determine", "undetermined"),
    ],
)
def test_open_ended(text: str, kind: str) -> None:
    expr = parse(text)
    assert (expr.kind, expr.is_relative) == (kind, False)
    assert expr.window() is None
    assert expr.window(D(2021, 1, 1)) is None


FORMS = (
    "use a day (18 Feb 2021, 18/02/2021), month (Feb 2021), year (2021), quarter (Q3 2021), "
    "financial year (2021/22), season (Spring 2021), relative (+9 weeks, +5 working days), "
    "ongoing or tbc"
)
EXACT_ERRORS = [
    (
        "04/05",
        "ambiguous",
        '"04/05" is ambiguous: it could mean April 2005 or the financial year 2004/05',
        'write "Apr 2005" for April 2005, or "2004/05" for the financial year 2004/05',
    ),
    (
        "06/09",
        "ambiguous",
        '"06/09" is ambiguous: it could mean June 2009 or 6 September',
        'write "Jun 2009" for June 2009, or add the year for 6 September ("06/09/YYYY")',
    ),
    (
        "31 Feb 2021",
        "impossible",
        '"31 Feb 2021" names a day that does not exist',
        "February 2021 has 28 days",
    ),
    (
        "2021-02-30",
        "impossible",
        '"2021-02-30" names a day that does not exist',
        "February 2021 has 28 days",
    ),
    (
        "2021-13",
        "impossible",
        '"2021-13" names a month that does not exist',
        "there is no month 13: months run from 1 to 12",
    ),
    (
        "2021/23",
        "impossible",
        '"2021/23" names a financial year that does not exist',
        'a financial year runs from April to the next March, so it is written "2021/22"',
    ),
    (
        "Q5 2021",
        "impossible",
        '"Q5 2021" names a quarter that does not exist',
        "quarters run from Q1 to Q4",
    ),
    ("soonish", "unrecognised", '"soonish" is not a recognised date', FORMS),
    (" Soon-ish ", "unrecognised", '"Soon-ish" is not a recognised date', FORMS),
]


@pytest.mark.parametrize(("text", "kind", "message", "hint"), EXACT_ERRORS)
def test_error_messages(text: str, kind: str, message: str, hint: str) -> None:
    with pytest.raises(DateError) as caught:
        parse(text)
    assert (caught.value.kind, caught.value.text, str(caught.value)) == (kind, text, message)
    assert caught.value.hint == hint


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("01/02", "ambiguous"),
        ("12/13", "ambiguous"),
        ("3.21", "ambiguous"),
        ("30/02/2021", "impossible"),
        ("29 Feb 2023", "impossible"),
        ("0/1/2021", "impossible"),
        ("2021-00", "impossible"),
        ("13/2021", "impossible"),
        ("2021-22", "impossible"),  # looks like a financial year, reads as month 22
        ("21/23", "impossible"),
        ("FY2021/2023", "impossible"),
        ("Q0 2021", "impossible"),
        ("Q5 2021/22", "impossible"),
        ("0000", "impossible"),
        ("Winter 9999", "impossible"),
        ("+99999 days", "impossible"),
        ("", "unrecognised"),
        ("   ", "unrecognised"),
        ("25/12", "unrecognised"),  # a day without its year
        ("2021-2023", "unrecognised"),
        ("from Sept 06", "unrecognised"),
        ("next week", "unrecognised"),
        ("-9w", "unrecognised"),
        ("18 Febuary 2021", "unrecognised"),
        ("Fall 2021", "unrecognised"),
        ("٢٠٢١", "unrecognised"),  # Arabic-Indic digits are not years
        ("2021\nextra", "unrecognised"),
        (-2021, "unrecognised"),
        (20211, "unrecognised"),
    ],
)
def test_error_kinds(text: str | int, kind: str) -> None:
    with pytest.raises(DateError) as caught:
        parse(text)
    assert caught.value.kind == kind
    assert str(caught.value).startswith('"')  # always quotes what was written


def test_long_text_is_shortened_in_the_message() -> None:
    with pytest.raises(DateError) as caught:
        parse("to be agreed with the partners " * 10)
    assert len(str(caught.value)) < 100
    assert caught.value.text == "to be agreed with the partners " * 10


def test_offset_past_the_calendar_is_impossible() -> None:
    with pytest.raises(DateError) as caught:
        parse("+9999 years").window(D(2021, 1, 1))
    assert caught.value.kind == "impossible"


def test_parse_is_cached() -> None:
    assert parse("Feb 2021") is parse("Feb 2021")
    assert parse(2021) == parse("2021")


def test_holidays_is_imported_only_when_needed() -> None:
    code = "import sys, workforce_cli.dates; print('holidays' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Feb 2021", None, D(2021, 2, 28)),
        ("18/02/2021", None, D(2021, 2, 18)),
        ("2021/22", None, D(2022, 3, 31)),
        (2023, None, D(2023, 12, 31)),
        ("+9w", D(2002, 4, 1), D(2002, 6, 3)),
    ],
)
def test_resolve_as_of(text: str | int, anchor: date | None, expected: date) -> None:
    assert resolve_as_of(text, anchor) == expected


@pytest.mark.parametrize("text", ["ongoing", "tbc"])
def test_resolve_as_of_needs_a_date(text: str) -> None:
    with pytest.raises(DateError) as caught:
        resolve_as_of(text)
    assert caught.value.kind == "impossible"
    assert str(caught.value) == f'"{text}" is not a date, so nothing can be as of it'


def test_resolve_as_of_relative_without_anchor() -> None:
    with pytest.raises(NeedsAnchor):
        resolve_as_of("+9w")


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2024, 3, 28), 2, D(2024, 4, 3)),
        (D(2024, 3, 28), 0, D(2024, 3, 28)),
        (D(2021, 2, 19), 1, D(2021, 2, 22)),  # Friday to Monday
        (D(2022, 9, 16), 1, D(2022, 9, 20)),  # the Queen's funeral was a bank holiday
        (D(2024, 4, 3), -2, D(2024, 3, 28)),
        (D(2024, 12, 24), 3, D(2024, 12, 31)),
    ],
)
def test_add_working_days(start: date, days: int, expected: date) -> None:
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("window", "text"),
    [
        (Window(D(2002, 6, 3), D(2002, 6, 3)), "3 Jun 2002"),
        (Window(D(2006, 3, 1), D(2006, 3, 31)), "Mar 2006"),
        (Window(D(2021, 1, 1), D(2021, 12, 31)), "2021"),
        (Window(D(2021, 7, 1), D(2021, 9, 30)), "Q3 2021"),
        (Window(D(2021, 4, 1), D(2022, 3, 31)), "2021/22"),
        (Window(D(1999, 4, 1), D(2000, 3, 31)), "1999/00"),
        (Window(D(2005, 3, 1), D(2005, 5, 31)), "Spring 2005"),
        (Window(D(2023, 12, 1), D(2024, 2, 29)), "Winter 2023"),
        (Window(D(2021, 1, 1), D(2023, 12, 31)), "Jan 2021 to Dec 2023"),
        (Window(D(2021, 2, 18), D(2023, 12, 31)), "18 Feb 2021 to 31 Dec 2023"),
    ],
)
def test_format_window(window: Window, text: str) -> None:
    assert format_window(window) == text


# Properties -------------------------------------------------------------------------------


def day_spellings(d: date) -> list[str]:
    mon, month = MONTHS[d.month - 1], FULL_MONTHS[d.month - 1]
    spellings = [
        d.isoformat(),
        f"{d.day:02d}/{d.month:02d}/{d.year:04d}",
        f"{d.day}/{d.month}/{d.year:04d}",
        f"{d.day:02d}.{d.month:02d}.{d.year:04d}",
        f"{d.day} {mon} {d.year:04d}",
        f"{d.day} {month.upper()} {d.year:04d}",
    ]
    if 2000 <= d.year <= 2099:
        spellings += [f"{d.day}.{d.month}.{d.year % 100:02d}", f"{d.day} {mon} {d.year % 100:02d}"]
    return spellings


@given(ANY_DATE)
@example(D(2024, 2, 29))
@example(D(2005, 3, 17))
def test_every_day_spelling_names_that_day(d: date) -> None:
    for text in day_spellings(d):
        assert parse(text).window() == Window(d, d), text


@given(st.integers(1, 9999), st.integers(1, 12))
@example(2024, 2)
@example(2100, 2)
def test_every_month_spelling_names_the_whole_month(year: int, month: int) -> None:
    last = D(year, month, calendar.monthrange(year, month)[1])
    mon, full = MONTHS[month - 1], FULL_MONTHS[month - 1]
    spellings = [f"{year:04d}-{month:02d}", f"{mon} {year:04d}", f"{full} {year:04d}"]
    spellings += [
        f"{month:02d}/{year:04d}",
        f"end of {full} {year:04d}",
        f"by {mon.lower()}-{year:04d}",
    ]
    if 2000 <= year <= 2099:
        spellings += [f"{mon}-{year % 100:02d}", f"by the end of {full} {year % 100:02d}"]
    for text in spellings:
        assert parse(text).window() == Window(D(year, month, 1), last), text


@given(st.integers(1, 9998))
@example(2023)
def test_financial_years_run_april_to_march(year: int) -> None:
    for text in (f"{year:04d}/{(year + 1) % 100:02d}", f"FY{year:04d}/{year + 1:04d}"):
        window = parse(text).window()
        assert window is not None
        assert window.start == D(year, 4, 1)
        assert (window.end - window.start).days + 1 == (366 if calendar.isleap(year + 1) else 365)


def fixed_expressions() -> st.SearchStrategy[str]:
    """Valid fixed expressions of every family, including the prefixes."""
    year = st.integers(1, 9998).map(lambda y: f"{y:04d}")
    yy = st.integers(0, 99).map(lambda y: f"{y:02d}")
    any_year = year | yy
    month = st.sampled_from(MONTHS + FULL_MONTHS + ["Sept"])
    quarter = st.integers(1, 4).map(str)
    prefix = st.sampled_from(["", "by ", "end ", "end of ", "by the end of ", "the end of "])
    fy = st.integers(0, 98).map(lambda y: f"{y:02d}/{y + 1:02d}") | st.integers(1, 9998).map(
        lambda y: f"{y:04d}/{(y + 1) % 100:02d}"
    )
    forms = st.one_of(
        ANY_DATE.map(lambda d: d.strftime("%d/%m/") + f"{d.year:04d}"),
        st.builds(lambda m, y: f"{m} {y}", month, any_year),
        year,
        st.builds(lambda q, y: f"Q{q} {y}", quarter, any_year),
        st.builds(lambda y, q: f"{y}-Q{q}", year, quarter),
        fy.filter(lambda t: not 1 <= int(t[:2]) <= 12 or len(t) > 5),
        st.builds(lambda q, t: f"Q{q} FY{t}", quarter, fy),
        st.builds(
            lambda s, y: f"{s} {y}", st.sampled_from(["Spring", "Summer", "Autumn"]), any_year
        ),
        st.builds(lambda y: f"Winter {y}", st.integers(1, 9998).map(lambda y: f"{y:04d}")),
    )
    return st.builds(lambda p, f: p + f, prefix, forms)


@given(fixed_expressions())
def test_fixed_windows_are_ordered_and_format_back_to_themselves(text: str) -> None:
    window = parse(text).window()
    assert window is not None
    assert window.start <= window.end
    assert parse(format_window(window)).window() == window


@given(st.sampled_from([r[0] for r in RELATIVE]), ANY_DATE.filter(lambda d: d.year < 9000))
def test_relative_windows_are_single_days_on_or_after_the_anchor(text: str, anchor: date) -> None:
    window = parse(text).window(anchor)
    assert window is not None
    assert anchor <= window.start == window.end


DATEISH = st.text(alphabet="0123456789/.-+ ' qfyQFYthndrsbeoaugpmwkiclvjz", max_size=24)


@given(st.text() | DATEISH | st.integers())
@example("\x00")
@example("9" * 5000)
@example("+" + "9" * 5000 + " days")
def test_parse_raises_only_date_errors(text: str | int) -> None:
    try:
        expr = parse(text)
    except DateError as err:
        assert err.kind in {"unrecognised", "ambiguous", "impossible"}
        assert str(err) and err.hint
        return
    assert isinstance(expr, DateExpr)
    try:
        window = expr.window(D(2021, 2, 18))
    except DateError as err:
        assert err.kind == "impossible"
        return
    assert window is None or window.start <= window.end


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)), st.integers(1, 30))
def test_working_days_land_on_working_days(start: date, days: int) -> None:
    end = add_working_days(start, days)
    assert end.weekday() < 5
    assert end > start
    assert add_working_days(start, days - 1) < end
    assert end - start <= timedelta(days=days * 2 + 7)
