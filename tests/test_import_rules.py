"""The import's reading rules, one by one: timescales, headers, ids (importing/)."""

from __future__ import annotations

import pytest

from workforce_cli.importing import timescales
from workforce_cli.importing.columns import field_of, find_header, parse_map
from workforce_cli.importing.slugs import Ids, slug
from workforce_cli.read.tables import Row


@pytest.mark.parametrize(
    ("text", "due", "start", "rule"),
    [
        ("June 06", "June 06", None, "whole"),
        ("04/12/2006", "04/12/2006", None, "whole"),
        ("Spring 05", "Spring 05", None, "whole"),
        ("Ongoing", "Ongoing", None, "whole"),
        ("Unable to determine", "Unable to determine", None, "whole"),
        ("On-going from appointment of workforce champion", "ongoing", None, "ongoing"),
        ("Ongoing. Builds on current work done", "ongoing", None, "ongoing"),
        ("From Sept 06", "ongoing", "Sept 06", "from"),
        ("From April 05 to be completed by Dec 05", "Dec 05", "April 05", "by"),
        ("Links done by Jan 06", "Jan 06", None, "by"),
        ("Some already completed.  Explore gaps & resolve by Sept 05", "Sept 05", None, "by"),
        ("March 2006. Progress reports at regular intervals", "March 2006", None, "sentence"),
    ],
)
def test_timescales_that_state_a_date(text: str, due: str, start: str | None, rule: str) -> None:
    assert timescales.read(text) == timescales.Due(due, start, rule)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "As above",
        "Finished by Jan 06 to go live April 06",  # two dates: which one is the deadline?
        "within 5 working days",  # relative: the table gives no start to count from
        "Unable to determine (see comments)",
        "04/05",  # ambiguous: April 2005, or 2004/05?
        "soon",
    ],
)
def test_timescales_that_do_not(text: str) -> None:
    assert timescales.read(text) is None


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Action taken/proposed", "title"),
        ("OBJECTIVE", "title"),
        ("Responsible Officer", "owner"),
        ("By whom?", "owner"),
        ("By when", "timescale"),
        ("Target date", "timescale"),
        ("Completion date", "timescale"),
        ("RAG status", "rag"),
        ("Progress", "status"),
        ("Success measures", "outcome"),
        ("Section As at February 2021", "team"),
        ("Permanent Employees", "permanent"),
        ("Vacancies", "vacant"),
        ("Comments", "notes"),
        ("Budget holder", "owner"),
        ("Page", None),
        ("", None),
    ],
)
def test_headers(header: str, field: str | None) -> None:
    assert field_of(header, {}) == field


def test_map_overrides_and_adds() -> None:
    overrides = parse_map(["Lead officer (interim)=owner", "Lead = ignore"])
    assert overrides == {"lead officer interim": "owner", "lead": "ignore"}
    assert field_of("Lead Officer (interim)", overrides) == "owner"
    assert field_of("Lead", overrides) == "ignore"
    with pytest.raises(ValueError, match='write it as "HEADER=FIELD"'):
        parse_map(["owner"])


def test_header_on_a_later_row_and_a_second_title_column() -> None:
    rows = [
        Row(1, ("Workforce action plan", "", "")),
        Row(2, ("Objective", "Actions", "Lead")),
    ]
    columns = find_header(rows, {})
    assert columns is not None
    assert (columns.header_row, columns.fields, columns.kind) == (
        1,
        {0: "title", 1: "steps", 2: "owner"},
        "actions",
    )
    assert find_header([Row(1, ("Approved by:", "Date"))], {}) is None


def test_ids_are_short_slugs_and_unique() -> None:
    assert slug("PRIORITY: REFORM & REMODELLING", 3) == "reform-remodelling"
    assert slug("Strategic Objective 2: To build employee engagement", 3) == "so2-build-employee"
    assert slug("Recommendation 3. That the Director of Children's Services", 3) == (
        "r3-director-childrens"
    )
    assert slug("To be responsible with identified individuals", 3) == (
        "responsible-identified-individuals"
    )
    assert len(slug("x" * 80, 3)) == 40
    ids = Ids()
    assert [ids.make("audit"), ids.make("audit"), ids.make("audit")] == [
        "audit",
        "audit-2",
        "audit-3",
    ]


def test_each_kind_of_table_keeps_its_own_fields() -> None:
    actions = find_header([Row(1, ("Service", "Action", "Lead"))], {})
    assert actions is not None and actions.fields == {1: "title", 2: "owner"}
    headcount = find_header([Row(1, ("Team", "Permanent", "Agency", "Notes"))], {})
    assert headcount is not None and headcount.kind == "headcount"
    assert headcount.fields == {0: "team", 1: "permanent", 2: "agency"}
