"""Whatever a table holds, an import either refuses it or writes a plan that validates."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workforce_cli.edit import newplan
from workforce_cli.importing import engine, writer
from workforce_cli.read.tables import Row, Table

HEADER = ("Ref", "Action", "Lead", "Timescale", "Status", "Theme", "Notes")
TEXTS = st.sampled_from(
    [
        "", "", "", "1", "1.1", "1.2", "2", "Audit the workforce", "· Recruit\n· Retain",
        "PRIORITY: RETENTION", "- dash", "# hash", "key: value", "null", "2021", "yes",
        "June 06", "04/05", "31 Feb 2021", "+9 weeks", "Ongoing from now", "From Sept 06",
        "tbc", "Complete", "Done", "In progress", "Amber", "HR; Ops\nLegal,", "'quoted'",
        '"double"', "tab\there", "trailing  ", "  leading", "é ü ’ –", "a\n\nb", "{flow}",
        "[list]", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(*(TEXTS for _ in HEADER), st.booleans()), min_size=1, max_size=8))
def test_an_import_validates_or_is_refused(rows: list[tuple[str, ...]]) -> None:
    table = Table("plan.csv", "table 1", [Row(1, HEADER)])
    for number, (*cells, spans) in enumerate(rows, 2):
        table.rows.append(Row(number, tuple(cells), bool(spans) and bool(cells[0])))
    result = engine.build([table], "plan.csv", engine.Options())
    if result.errors:
        return
    output = Path("plans/plan.yaml")
    text = writer.render(result, "plan", "Plan", None, output)
    errors = [d for d in newplan.problems(output, text) if d.severity == "error"]
    assert errors == [], text


FIGURES = st.sampled_from(["", "", "0", "1", "2.5", "10.09", "87.22", "3.0", "12"])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C", "Total", ""]), *(FIGURES for _ in range(4))),
        min_size=1,
        max_size=6,
    )
)
def test_a_headcount_import_validates_or_is_refused(rows: list[tuple[str, ...]]) -> None:
    header = ("Team", "Permanent", "Agency", "Vacant", "Establishment")
    table = Table("teams.csv", "table 1", [Row(1, header)])
    table.rows += [Row(n, cells) for n, cells in enumerate(rows, 2)]
    result = engine.build([table], "teams.csv", engine.Options(as_of="Mar 2025"))
    if result.errors:
        return
    output = Path("plans/teams.yaml")
    text = writer.render(result, "teams", "Teams", None, output)
    errors = [d for d in newplan.problems(output, text) if d.severity == "error"]
    assert errors == [], text
