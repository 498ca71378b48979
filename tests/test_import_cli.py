"""`wfplan import`: the seed documents' own tables become plans that agree with `plans/`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests import import_fixtures as fixtures
from tests.conftest import PLANS, Run, write

ROCHDALE_AS_OF = "2006-04-01"


def _milestones(run: Run, path: Path | str, as_of: str) -> dict[str, dict[str, Any]]:
    result = run("status", path, "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.stdout
    plan = json.loads(result.stdout)["plans"][0]
    return {m["title"]: m for m in plan["milestones"]}


def test_rochdale_priorities_match_the_hand_encoded_plan(run: Run, workdir: Path) -> None:
    fixtures.rochdale_docx(workdir / "rochdale.docx")
    result = run(
        "import", "rochdale.docx", "--id", "rochdale-imported", "--title", "Workforce Strategy",
        "--organisation", "Rochdale Children, Schools & Families",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr == (
        'wfplan: warning: rochdale.docx: table 1, row 6, column "Timescale": 3 timescales for 4 '
        "steps: which is which is not said; each step is due tbc\n"
        'wfplan: warning: rochdale.docx: table 1, row 9, column "Timescale": 2 timescales for 4 '
        "steps: which is which is not said; each step is due tbc\n"
        'wfplan: warning: rochdale.docx: table 1, row 11, column "Timescale": "Unable to '
        'determine (see comments)" gives no date the plan can read; due: tbc\n'
    )
    assert result.stdout == (
        "created plans/rochdale-imported.yaml: plan rochdale-imported from rochdale.docx "
        "(table 1): 4 themes, 8 actions, 28 milestones, 0 staffing snapshots\n"
        "columns:\n"
        '  table 1: "Objective" -> title\n'
        '  table 1: "Actions" -> steps\n'
        '  table 1: "Lead" -> owner\n'
        '  table 1: "Timescale" -> timescale\n'
        '  table 1: "Resources" -> resources\n'
        '  table 1: "Links" -> links\n'
        "check it with `wfplan validate`\n"
    )
    imported = _milestones(run, "plans/rochdale-imported.yaml", ROCHDALE_AS_OF)
    hand = _milestones(run, PLANS / "rochdale-csf-2005.yaml", ROCHDALE_AS_OF)
    assert set(imported) <= set(hand)  # every step kept the source's wording
    keys = ("status", "rating", "not_rated", "due_date")
    undetermined = {t for t, m in imported.items() if m["not_rated"] == "undetermined"}
    for title, milestone in imported.items():
        if title not in undetermined:
            assert [milestone[k] for k in keys] == [hand[title][k] for k in keys], title
    # Where the source's timescales do not pair with its bullets, the step waits for a date
    # (the rows listed above) instead of a guess; the one "Unable to determine" agrees.
    assert sorted(imported[t]["id"] for t in undetermined) == [
        "induction-develop-induction-toolkit",
        "induction-develop-welcome-packs",
        "induction-facilitate-quarterly-joint",
        "induction-training-required-people",
        "reform-development-generic-material",
        "reform-recruitment-posts-service",
        "reform-review-la-recruitment",
        "reform-review-recruitment-processes",
        "retention-pay-rewards-looked",
    ]
    assert hand["Pay and rewards to be looked at to support parity"]["not_rated"] == (
        "undetermined"
    )
    assert len(imported) - len(undetermined) == 19
    counts = json.loads(
        run(
            "status", "plans/rochdale-imported.yaml", "--as-of", ROCHDALE_AS_OF, "--format", "json"
        ).stdout
    )["plans"][0]["counts"]
    assert (counts["red"], counts["green"], counts["ongoing"]) == (3, 4, 12)
    validate = run("validate", "plans/rochdale-imported.yaml")
    assert validate.exit_code == 0
    assert "0 errors, 9 warnings" in validate.stdout


def test_rochdale_file_cites_its_rows_and_keeps_the_wording(run: Run, workdir: Path) -> None:
    fixtures.rochdale_docx(workdir / "rochdale.docx")
    result = run("import", "rochdale.docx", "--title", "Workforce Strategy", "--dry-run")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith(
        "# yaml-language-server: $schema=../schemas/plan.schema.json\n"
        "# Imported by `wfplan import` from rochdale.docx (table 1). Titles, owners and\n"
    )
    assert (
        "  # rochdale.docx: table 1, row 6\n"
        "  - id: reform-have-recruitment-process-meets\n"
        "    theme: reform-remodelling\n"
        "    title: To have a recruitment process that meets the needs of the CSF service in "
        "line with revised Local Authority Corporate and Health guidelines\n"
        "    owner:\n"
        "      - All Personnel Teams responsible for recruitment\n"
        "      - Janet Ainscow\n"
        "      - Existing groups chaired by Nadine Jolly in LA and KSF group in health by Gayle "
        "Holmes\n"
        "    timescale: |-\n"
        "      From April 05 to be completed by Dec 05\n"
        "      As above\n"
        "      March 2006. Progress reports at regular intervals\n"
    ) in text
    # Several owners in one cell: split on lines and ";", a trailing comma dropped.
    assert (
        "    owner:\n"
        "      - HRS group for Children, Schools & Families\n"
        "      - All Personnel / HR Teams responsible for recruitment\n"
        "      - Janet Ainscow\n"
        "      - Sue Maymon\n"
        "      - Personnel / HR Teams & support from Marketing\n"
        "      - Child Care Information Service\n"
    ) in text
    assert (
        "      - id: reform-facilitate-exchange-good\n"
        "        title: To facilitate exchange of good practice methodologies\n"
        "        start: Sept 06\n"
        "        due: ongoing\n"
    ) in text
    assert not (workdir / "plans").exists()  # a dry run writes nothing


def test_leeds_table_split_across_pages(run: Run, workdir: Path) -> None:
    fixtures.leeds_docx(workdir / "leeds.docx")
    result = run("import", "leeds.docx", "--title", "Leeds", "--dry-run")
    assert result.exit_code == 0
    assert result.stderr == (
        'wfplan: warning: leeds.docx: table 1, row 2, column "Timescale": no timescale given; '
        "each step is due tbc\n"
        'wfplan: warning: leeds.docx: table 2, row 3, column "Timescale": no timescale given; '
        "due: tbc\n"
        'wfplan: warning: leeds.docx: table 2, row 4, column "Timescale": no timescale given; '
        "due: tbc\n"
    )
    text = result.stdout
    # The header repeated on the second page is not a row; rows with a blank recommendation
    # continue Recommendation 1 across the page break.
    assert "  - id: r1-chief-social-services\n" in text
    assert text.count("    milestones:\n") == 1
    assert text.count("      - id: r1-") == 4
    assert (
        "      # leeds.docx: table 2, row 2\n"
        "      - id: r1-hr-prepare-offer\n"
        "        title: HR to prepare offer of employment letters in advance.\n"
        "        due: tbc\n"
    ) in text
    assert (
        "    owner:\n"
        "      - Tony Griffin – Head of Children's Service Transformation\n"
        "      - John Colman – Head of Service Delivery\n"
    ) in text
    merged = fixtures.leeds_docx(workdir / "merged.docx", vertical_merge=True)
    again = run("import", merged, "--title", "Leeds", "--id", "leeds", "--dry-run")
    assert again.stdout == text.replace("from leeds.docx", "from merged.docx").replace(
        "# leeds.docx", "# merged.docx"
    ).replace("Imported from leeds.docx", "Imported from merged.docx")


def test_a_page_without_the_header_continues_the_table(run: Run, workdir: Path) -> None:
    fixtures.leeds_docx(workdir / "leeds.docx")
    fixtures.leeds_docx(workdir / "bare.docx", repeat_header=False)
    repeated = run("import", "leeds.docx", "--title", "Leeds", "--dry-run")
    bare = run("import", "bare.docx", "--title", "Leeds", "--id", "leeds", "--dry-run")
    assert bare.exit_code == 0
    # Its rows are one up (no header row), and the cells cited say so.
    assert bare.stdout == repeated.stdout.replace("leeds.docx", "bare.docx").replace(
        "table 2, row 2", "table 2, row 1"
    ).replace("table 2, row 3", "table 2, row 2").replace("table 2, row 4", "table 2, row 3")
    assert bare.stderr.splitlines()[0] == (
        "wfplan: warning: bare.docx: table 2: no header row: read as the rest of table 1 (the "
        "same columns)"
    )


def test_leeds_owners_and_titles_match_the_hand_encoded_plan(run: Run, workdir: Path) -> None:
    """Leeds's Timescale column is empty in the source, so no rating can be compared: the
    recommendations, steps and responsibilities can."""
    fixtures.leeds_docx(workdir / "leeds.docx")
    assert run("import", "leeds.docx", "--title", "Leeds").exit_code == 0
    imported = _milestones(run, "plans/leeds.yaml", "2007-05-20")
    hand_result = run("status", PLANS / "leeds-scrutiny-2006.yaml", "--format", "json",
                      "--as-of", "2007-05-20")  # fmt: skip
    hand = json.loads(hand_result.stdout)["plans"][0]
    hand_titles = {m["title"]: m for m in hand["milestones"]}
    steps = [t for t in imported if t in hand_titles]
    assert steps == [
        "Improved communication between HR/Service Area Managers and recommended candidates on "
        "the progress of the various parts of the vetting process.",
        "HR to assess starting salaries in parallel to the other stages in the recruitment "
        "process to minimise potential disputes with recommended candidates following them "
        "receiving the formal offer of employment letter which is the final part in the "
        "process.",
        "HR to prepare offer of employment letters in advance.",
        "Upon receipt of acceptance of post and confirmation of start date, send Training and "
        "Development information letter explaining training dates and programmes.",
    ]
    for title in steps:
        assert imported[title]["owners"] == hand_titles[title]["owners"]
        assert imported[title]["not_rated"] == "undetermined"
    validate = run("validate", "plans/leeds.yaml")
    assert validate.exit_code == 0


def test_leeds_day_first_dates_from_a_csv_export(run: Run, workdir: Path) -> None:
    write(
        workdir / "leeds.csv",
        "Recommendation;Action taken/proposed;Responsibility;Timescale\n"
        f'"{fixtures.REC1}";"HR to prepare offer of employment letters in advance.";'
        f"{fixtures.VARLEY};04/12/2006\n",
    )
    assert run("import", "leeds.csv", "--title", "Leeds").exit_code == 0
    (milestone,) = _milestones(run, "plans/leeds.yaml", "2006-12-05").values()
    assert (milestone["due"], milestone["due_date"], milestone["days_overdue"]) == (
        "04/12/2006",
        "2006-12-04",  # 4 December, not 12 April
        1,
    )
    assert milestone["owners"] == [fixtures.VARLEY]


def test_dudley_objectives_and_appendix_a(run: Run, workdir: Path) -> None:
    fixtures.dudley_docx(workdir / "dudley.docx")
    result = run("import", "dudley.docx", "--id", "dudley", "--title", "Workforce Development "
                 "Strategy 2021-2023", "--organisation", "Dudley MBC")  # fmt: skip
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "wfplan: warning: dudley.docx: table 4: no header row naming an action (Action, "
        "Objective, Recommendation, Task) or a team and its figures (Team, Permanent, Agency, "
        "Vacant); not imported"
    )
    assert result.stdout.splitlines()[0] == (
        "created plans/dudley.yaml: plan dudley from dudley.docx (table 1, table 2, table 3, "
        "table 5): 3 themes, 6 actions, 0 milestones, 1 staffing snapshot"
    )
    imported = _milestones(run, "plans/dudley.yaml", "2021-12-10")
    hand = _milestones(run, PLANS / "dudley-csc-2021.yaml", "2021-12-10")
    assert set(imported) <= set(hand)
    assert len(imported) == 6
    for title, milestone in imported.items():
        # The strategy gives no owner, date or status: the import invents none. (The hand
        # encoding reads "ongoing" or "by the end of the strategy, 2023" from the prose.)
        assert milestone["status"] == hand[title]["status"] == "not_started"
        assert (milestone["rating"], milestone["not_rated"]) == ("not_rated", "undetermined")
        assert milestone["owners"] == hand[title]["owners"] == []
        assert milestone["theme_title"].endswith(hand[title]["theme_title"] + " we will:")
    staffing = run("staffing", "plans/dudley.yaml", "--format", "json", "--as-of", "2021-12-10")
    hand_staffing = run(
        "staffing", PLANS / "dudley-csc-2021.yaml", "--format", "json", "--as-of", "2021-12-10"
    )
    mine = json.loads(staffing.stdout)["plans"][0]["snapshots"][0]
    theirs = json.loads(hand_staffing.stdout)["plans"][0]["snapshots"][0]
    for key in ("date", "teams", "total"):
        assert mine[key] == theirs[key], key
    assert (mine["total"]["permanent"], mine["total"]["permanent_share"]) == (87.22, 76.03)
    assert mine["total"]["missing_teams"] == [
        "Dudley Performing Arts",
        "Education Outcomes",
        "SEND",
    ]
    assert run("validate", "plans/dudley.yaml").exit_code == 0
    text = (workdir / "plans" / "dudley.yaml").read_text("utf-8")
    assert (
        "    # dudley.docx: table 5\n"
        "    - as_of: February 2021\n"
        "      teams:\n"
        "        - {team: Children in Care & Resources, permanent: 22.31, agency: 1, "
        "vacant: 2.69}\n"
    ) in text
    assert "        - {team: Dudley Performing Arts}\n" in text
    assert "      stated_totals: {permanent: 87.22, agency: 27.5, vacant: 12.78}\n" in text


WORKBOOK_PLAN = """\
# yaml-language-server: $schema=../schemas/plan.schema.json
# Imported by `wfplan import` from book.xlsx (sheet "Action plan"). Titles, owners and
# timescales are the source's words; check each due, owner and status against it.
wfplan: 1
id: book
title: Workforce action plan
organisation: Dudley MBC
notes: "Imported from book.xlsx: sheet \\"Action plan\\"."

themes:
  # book.xlsx: sheet "Action plan", row 3
  - id: so1-recruitment
    title: "Strategic Objective 1: recruitment"

actions:
  # book.xlsx: sheet "Action plan", row 4
  - id: so1-attend-least-three-four
    theme: so1-recruitment
    title: Attend at least three to four Job events, either internal or external, a year
    owner: HR Resourcing Team
    timescale: Ongoing
    notes: |-
      Status: In progress
      RAG: Green
    milestones:
      # book.xlsx: sheet "Action plan", row 6
      - id: so1-job-event-civic
        title: Job event at the Civic Centre
        owner: HR Resourcing Team
        timescale: 18/03/2022
        notes: "RAG: Blue"
        due: 18/03/2022
        status: done
        done_on: tbc
  # book.xlsx: sheet "Action plan", row 7
  - id: so1-complete-recruitment-video
    theme: so1-recruitment
    title: Complete a recruitment video
    owner:
      - Head of Service
      - Communications Team
    timescale: Q3 2022
    notes: "RAG: Amber"
    due: Q3 2022
    status: not_started
  # book.xlsx: sheet "Action plan", row 9
  - id: so1-refresh-management-development-programme
    theme: so1-recruitment
    title: Refresh our Management Development Programme
    timescale: soon
    notes: "RAG: Red"
    due: tbc
"""


def test_workbook_sheet_header_on_the_second_row(run: Run, workdir: Path) -> None:
    fixtures.workbook_xlsx(workdir / "book.xlsx")
    result = run(
        "import", "book.xlsx", "--sheet", "Action plan", "--title", "Workforce action plan",
        "--organisation", "Dudley MBC", "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout == WORKBOOK_PLAN
    assert result.stderr == (
        'wfplan: warning: book.xlsx: sheet "Action plan", row 6, column "Status": "Complete" '
        "gives no date it was done; done_on: tbc (set the date)\n"
        'wfplan: warning: book.xlsx: sheet "Action plan", row 9, column "By when": "soon" gives '
        "no date the plan can read; due: tbc\n"
    )


def test_workbook_all_sheets_json(run: Run, workdir: Path) -> None:
    fixtures.workbook_xlsx(workdir / "book.xlsx")
    result = run("import", "book.xlsx", "--title", "Plan", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["file"] == "plans/book.yaml"
    assert document["tables"] == ['sheet "Action plan"', 'sheet "Appendix A"']
    assert document["actions"] == [
        "so1-attend-least-three-four",
        "so1-complete-recruitment-video",
        "so1-refresh-management-development-programme",
    ]
    assert document["milestones"] == ["so1-job-event-civic"]
    assert document["snapshots"] == ["February 2021"]
    assert document["mapping"][:2] == [
        {"table": 'sheet "Action plan"', "header": "Ref", "field": "ref"},
        {"table": 'sheet "Action plan"', "header": "Action", "field": "title"},
    ]
    assert document["problems"][0] == {
        "where": 'book.xlsx: sheet "Notes"',
        "message": "no header row naming an action (Action, Objective, Recommendation, Task) "
        "or a team and its figures (Team, Permanent, Agency, Vacant); not imported",
    }
    assert "yaml" not in document
    assert run("validate", "plans/book.yaml").exit_code == 0


def test_ods_headcount_needs_a_date(run: Run, workdir: Path) -> None:
    path = fixtures.headcount_ods(workdir / "figures.ods")
    # The ODS header is Dudley's own, which states the date; a plain header does not.
    result = run("import", path, "--title", "Figures", "--dry-run")
    assert result.exit_code == 0
    assert "    - as_of: February 2021\n" in result.stdout
    write(workdir / "teams.csv", "Team,Permanent,Agency,Vacant\nAssessment,20,4,2\nTotal,20,4,2\n")
    result = run("import", "teams.csv", "--title", "Figures")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: teams.csv: table 1: the headcount table does not say the date of its "
        "figures; give it with --as-of (such as --as-of 'Feb 2021')\n"
    )
    result = run("import", "teams.csv", "--title", "Figures", "--as-of", "Mar 2025", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "staffing:\n"
        "  unit: fte\n"
        "  snapshots:\n"
        "    # teams.csv: table 1\n"
        "    - as_of: Mar 2025\n"
        "      teams:\n"
        "        - {team: Assessment, permanent: 20, agency: 4, vacant: 2}\n"
        "      stated_totals: {permanent: 20, agency: 4, vacant: 2}\n"
    )


def test_bad_figures_stop_the_import(run: Run, workdir: Path) -> None:
    write(
        workdir / "teams.csv",
        "Team,Permanent,Agency,Vacant\nAssessment,20,n/a,2\nFostering,-3,0,1\n",
    )
    result = run("import", "teams.csv", "--as-of", "Mar 2025", "--title", "T")
    assert result.exit_code == 1
    assert result.stderr == (
        'wfplan: error: teams.csv: table 1, row 2, column "Agency": "n/a" is not a number\n'
        'wfplan: error: teams.csv: table 1, row 3, column "Permanent": "-3" is negative; '
        "staffing figures are 0 or more\n"
        "wfplan: nothing written\n"
    )
    assert not (workdir / "plans").exists()


def test_map_overrides_a_header(run: Run, workdir: Path) -> None:
    write(workdir / "plan.csv", "Task,Officer,When\nAudit the workforce,Pat Smithies,June 05\n")
    plain = run("import", "plan.csv", "--title", "T", "--dry-run")
    assert "owner:" not in plain.stdout
    mapped = run(
        "import", "plan.csv", "--title", "T", "--dry-run", "--map", "officer=owner",
        "--map", "Nothing=notes",
    )  # fmt: skip
    assert mapped.exit_code == 0
    assert (
        "    title: Audit the workforce\n"
        "    owner: Pat Smithies\n"
        "    timescale: June 05\n"
        "    due: June 05\n"
    ) in mapped.stdout
    assert mapped.stderr == 'wfplan: warning: plan.csv: --map: no column is headed "nothing"\n'
    bad = run("import", "plan.csv", "--map", "Officer=boss")
    assert bad.exit_code == 2
    assert bad.stderr.startswith(
        'wfplan: error: --map "Officer=boss": "boss" is not a field; the fields are title, steps,'
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--sheet", "Staff"), '--sheet: no sheet named "Staff"; the sheets: "Action plan", '
         '"Appendix A", "Notes"'),
        (("--table", "4"), "--table 4: the file has 3 table(s), numbered from 1"),
        (("--table", "3"), 'book.xlsx: sheet "Notes": no header row naming an action'),
        (("--id", "Book Plan"), '"Book Plan" is not a valid plan id'),
    ],
)  # fmt: skip
def test_choosing_tables_and_ids(
    run: Run, workdir: Path, args: tuple[str, ...], message: str
) -> None:
    fixtures.workbook_xlsx(workdir / "book.xlsx")
    result = run("import", "book.xlsx", *args)
    assert result.exit_code == (1 if args[0] == "--table" and args[1] == "3" else 2)
    assert result.stderr.startswith(f"wfplan: error: {message}")


def test_never_overwrites_without_force(run: Run, workdir: Path) -> None:
    write(workdir / "plan.csv", "Action,Lead,Timescale\nAudit,HR,June 05\n")
    existing = write(workdir / "plans" / "plan.yaml", "# mine\n")
    result = run("import", "plan.csv", "--title", "T")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: plans/plan.yaml already exists; choose another --output, or --force to "
        "replace it\n"
    )
    assert existing.read_text("utf-8") == "# mine\n"
    forced = run("import", "plan.csv", "--title", "T", "--force")
    assert forced.exit_code == 0
    assert existing.read_text("utf-8").startswith("# yaml-language-server:")
    other = run("import", "plan.csv", "--title", "T", "--output", "plans/other.yaml")
    assert other.exit_code == 2
    assert other.stderr == (
        'wfplan: error: plan id "plan" is already used by plans/plan.yaml; choose another --id\n'
    )


def test_unreadable_and_unsupported_files(run: Run, workdir: Path) -> None:
    result = run("import", "missing.docx")
    assert result.exit_code == 2
    assert result.stderr == "wfplan: error: cannot read missing.docx: No such file or directory\n"
    write(workdir / "notes.txt", "hello")
    result = run("import", "notes.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: notes.txt: cannot import a .txt; wfplan imports .docx, .xlsx, .ods and "
        ".csv files\n"
    )
    write(workdir / "empty.csv", "Just a line of text\n")
    result = run("import", "empty.csv")
    assert result.exit_code == 1
    assert result.stderr.startswith("wfplan: error: empty.csv: table 1: no header row naming")


def test_without_the_import_extras(
    run: Run, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    fixtures.workbook_xlsx(workdir / "book.xlsx")
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    result = run("import", "book.xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: reading spreadsheet (.xlsx, .ods) files needs the import extras, which "
        "are not installed: pip install 'wfplan[import]'\n"
    )


def test_theme_column_statuses_and_completion_dates(run: Run, workdir: Path) -> None:
    write(
        workdir / "plan.csv",
        "Action,Lead,Timescale,Status,Date completed,Theme\n"
        "Audit,HR,June 05,Complete,30/06/2005,Recruitment\n"
        "Review,HR;Ops,Dec 05,Done,,Recruitment\n"
        "Launch,,Q1 2006,Delayed,,Retention\n"
        ",,,,,\n"
        "Mentoring,Line Managers,End March 06,In progress,,Retention,see minutes\n",
    )
    result = run("import", "plan.csv", "--title", "T", "--dry-run")
    assert result.exit_code == 0
    assert result.stderr == (
        'wfplan: warning: plan.csv: table 1, row 3, column "Status": "Done" gives no date it '
        "was done; done_on: tbc (set the date)\n"
        'wfplan: warning: plan.csv: table 1, row 4, column "Status": "Delayed" is not a status '
        "wfplan knows; kept as a note\n"
        "wfplan: warning: plan.csv: table 1, row 6: cells beyond the header's columns, not "
        'imported: "see minutes"\n'
    )
    assert result.stdout.split("actions:\n")[1] == (
        "  # plan.csv: table 1, row 2\n"
        "  - id: recruitment-audit\n"
        "    theme: recruitment\n"
        "    title: Audit\n"
        "    owner: HR\n"
        "    timescale: June 05\n"
        "    due: June 05\n"
        "    status: done\n"
        "    done_on: 30/06/2005\n"
        "  # plan.csv: table 1, row 3\n"
        "  - id: recruitment-review\n"
        "    theme: recruitment\n"
        "    title: Review\n"
        "    owner:\n"
        "      - HR\n"
        "      - Ops\n"
        "    timescale: Dec 05\n"
        "    due: Dec 05\n"
        "    status: done\n"
        "    done_on: tbc\n"
        "  # plan.csv: table 1, row 4\n"
        "  - id: retention-launch\n"
        "    theme: retention\n"
        "    title: Launch\n"
        "    timescale: Q1 2006\n"
        '    notes: "Status: Delayed"\n'
        "    due: Q1 2006\n"
        "  # plan.csv: table 1, row 6\n"
        "  - id: retention-mentoring\n"
        "    theme: retention\n"
        "    title: Mentoring\n"
        "    owner: Line Managers\n"
        "    timescale: End March 06\n"
        "    due: End March 06\n"
        "    status: in_progress\n"
    )


def test_headcount_unit_and_an_unused_as_of(run: Run, workdir: Path) -> None:
    write(
        workdir / "teams.csv",
        "Service,Permanent headcount,Agency headcount,Vacant posts\n"
        "Assessment,20,4,\n"
        "Fostering,,,\n",
    )
    result = run("import", "teams.csv", "--title", "T", "--as-of", "Q1 2025", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "staffing:\n"
        "  unit: headcount\n"
        "  snapshots:\n"
        "    # teams.csv: table 1\n"
        "    - as_of: Q1 2025\n"
        "      teams:\n"
        "        - {team: Assessment, permanent: 20, agency: 4}\n"
        "        - {team: Fostering}\n"
    )
    write(workdir / "plan.csv", "Action,Timescale\nAudit,June 05\n")
    result = run("import", "plan.csv", "--title", "T", "--as-of", "Q1 2025", "--dry-run")
    assert result.stderr == "wfplan: warning: plan.csv: --as-of: no headcount table was imported\n"


def test_numbered_sub_rows_under_a_theme_column(run: Run, workdir: Path) -> None:
    write(
        workdir / "plan.csv",
        "Theme,Ref,Action,Timescale\n"
        "Recruitment,1,Job events,\n"
        "Recruitment,1.1,Spring fair,Spring 2022\n"
        "Recruitment,1.2,Autumn fair,\n"
        "Retention,2,Exit interviews,Ongoing\n",
    )
    result = run("import", "plan.csv", "--title", "T", "--dry-run")
    assert result.exit_code == 0
    assert result.stderr == (
        'wfplan: warning: plan.csv: table 1, row 4, column "Timescale": no timescale given; '
        "due: tbc\n"
    )
    assert result.stdout.split("actions:\n")[1] == (
        "  # plan.csv: table 1, row 2\n"
        "  - id: recruitment-job-events\n"
        "    theme: recruitment\n"
        "    title: Job events\n"
        "    milestones:\n"
        "      # plan.csv: table 1, row 3\n"
        "      - id: recruitment-spring-fair\n"
        "        title: Spring fair\n"
        "        timescale: Spring 2022\n"
        "        due: Spring 2022\n"
        "      # plan.csv: table 1, row 4\n"
        "      - id: recruitment-autumn-fair\n"
        "        title: Autumn fair\n"
        "        due: tbc\n"
        "  # plan.csv: table 1, row 5\n"
        "  - id: retention-exit-interviews\n"
        "    theme: retention\n"
        "    title: Exit interviews\n"
        "    timescale: Ongoing\n"
        "    due: Ongoing\n"
    )


def test_totals_the_rows_contradict_are_kept_as_notes(run: Run, workdir: Path) -> None:
    write(
        workdir / "teams.csv",
        "Team,Permanent,Agency,Vacant,Establishment\n"
        "Assessment,20,4,2,26\n"
        "Fostering,10,1,1,13\n"
        "Total,31,5.0,3,\n",
    )
    result = run("import", "teams.csv", "--as-of", "Mar 2025", "--title", "T")
    assert result.exit_code == 0
    assert result.stderr == (
        'wfplan: warning: teams.csv: table 1, row 3, column "Establishment": establishment 13 '
        "is not permanent + agency + vacant (12); kept as a note\n"
        'wfplan: warning: teams.csv: table 1, row 4, column "Permanent": the permanent total 31 '
        "does not match: the rows add up to 30.00; kept as a note\n"
    )
    assert (
        (workdir / "plans" / "teams.yaml")
        .read_text("utf-8")
        .endswith(
            "        - {team: Assessment, permanent: 20, agency: 4, vacant: 2, establishment: 26}\n"
            "        - {team: Fostering, permanent: 10, agency: 1, vacant: 1}\n"
            "      stated_totals: {agency: 5.0, vacant: 3}\n"
            "      notes: |-\n"
            '        "Fostering": establishment stated as 13.\n'
            "        Total permanent stated as 31 (teams.csv: table 1, row 4).\n"
        )
    )
    assert run("validate", "plans/teams.yaml").exit_code == 0


def test_refused_import_as_json(run: Run, workdir: Path) -> None:
    write(workdir / "teams.csv", "Team,Permanent,Agency\nAssessment,20,4\nAssessment,3,1\n")
    result = run("import", "teams.csv", "--as-of", "Mar 2025", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert (document["file"], document["errors"]) == (
        None,
        [
            {
                "where": 'teams.csv: table 1, row 3, column "Team"',
                "message": '"Assessment" is already on row 2',
            }
        ],
    )
    assert "yaml" not in document
    assert not (workdir / "plans").exists()
