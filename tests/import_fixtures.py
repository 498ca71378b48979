"""Word and spreadsheet files for the `wfplan import` tests, built from the seed documents' tables.

The text of every cell is the source documents' own (Rochdale's 2005 action plan, Leeds's 2006
recommendation table, Dudley's 2021 strategic objectives and Appendix A), laid out as the
councils' tables were: header rows, priority rows merged across the table, bullets in cells,
a table broken across pages. The files are written by python-docx, openpyxl and odfpy at test
time, so nothing binary is committed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl

Cells = Sequence[str]

ROCHDALE_HEADER = ("Objective", "Actions", "Lead", "Timescale", "Resources", "Links")
WFC = "Workforce Champion working with appropriate identified persons within each partner agency"
TIME = "Time allocation within partner services by appropriate manager"
# A row of one string is a priority row; bullets are the source's "· ".
ROCHDALE: list[Cells] = [
    ("PRIORITY: \n\nREFORM & REMODELLING",),
    (
        "To focus on workforce excellence to ensure improved outcomes for children and young "
        "people and their families and carers",
        "· To appoint a workforce champion to work across partner agencies\n\n"
        "· To establish a timetable and reporting mechanism to the CSF’s Executive\n\n"
        "· To be responsible with identified individuals for the implementation of the "
        "workforce strategy\n\n"
        "· Each partner agency to identify a person who is empowered to focus on the "
        "development of the Children’s Workforce.",
        "Appointment by the CSF executive",
        "June 06",
        "Contributions from each partnership agency or use of TDA workforce remodelling grant",
        "The Children’s Workforce Strategy",
    ),
    (
        "To align the Children’s Workforce to the development of extended schools and services "
        "within Rochdale",
        "· To use imaginative approaches to raise the profile and attractiveness of work with "
        "children and young people and families locally as a rewarding career\n\n"
        "· To employ strategies to secure a diverse and representative workforce, including "
        "voluntary and community  groups which contributes successfully to the national "
        "extended schools/services agenda targets for Rochdale\n\n"
        "· To help raise awareness within partner agencies of the co-ordinated development of "
        "extended schools and services as an essential and  positive way forward to the full "
        "delivery of the ECM agenda",
        WFC,
        "On-going from appointment of workforce champion",
        TIME,
        "The Children’s Workforce Strategy ‘Every Child Matters’",
    ),
    (
        "To collate and use good practice examples of integrated working to inform and progress "
        "future workforce development requirements",
        "· To facilitate exchange of good practice methodologies\n\n"
        "· To promote and lead the ‘change’ agenda, supporting and challenging change within "
        "partner agencies to create a united children’s workforce\n\n"
        "· To seek commonality of skills and knowledge in the childrens’ workforce\n\n"
        "· To seek clarity in opportunities for employee progression and exchange  between "
        "partner services at all levels",
        WFC,
        "From Sept 06",
        TIME,
        "The Children’s Workforce Strategy\n\n‘Every Child Matters’",
    ),
    (
        "To have a recruitment process that meets the needs of the CSF service in line with "
        "revised Local Authority Corporate and Health guidelines",
        "· All recruitment for posts within the service are under a single banner with "
        "consistent recruitment packs\n\n"
        "· Development of generic material for recruitment packs & review existing packs\n\n"
        "· Review LA  recruitment processes and develop framework within which all services "
        "operate according to service needs\n\n"
        "· Review recruitment processes in Health to reflect KSF and key competencies",
        "All Personnel Teams responsible for recruitment\n\nJanet Ainscow\n\nExisting groups "
        "chaired by Nadine Jolly in LA and KSF group in health by Gayle Holmes",
        "From April 05 to be completed by Dec 05\n\nAs above\n\nMarch 2006. Progress reports "
        "at regular intervals",
        "Funding for materials; someone to co-ordinate\n\nTime",
        "‘Every Child Matters’",
    ),
    (
        "To build on & integrate current recruitment initiatives",
        "· Collate information & review current initiatives in each service\n\n"
        "· Targeted recruitment fairs\n\n"
        "· Co-ordinate recruitment fairs that currently exist within the different services\n\n"
        "· Develop PR & marketing materials to support initiatives\n\n"
        "· Extend  LA Current Enquiry Database across the whole service linked to Core "
        "Competencies",
        "HRS group for Children, Schools & Families\n\nAll Personnel / HR Teams responsible for "
        "recruitment\n\nJanet Ainscow,\n\nSue Maymon\n\nPersonnel / HR Teams & support from "
        "Marketing\n\nJanet Ainscow; Child Care Information Service",
        "Ongoing from now",
        "Funding for updated materials\n\nCost of fairs\n\nIdentified budget",
        "Issues around integrating these developments with the Health Service",
    ),
    ("PRIORITY: INDUCTION",),
    (
        "To develop a common induction for Children, Schools & Families",
        "· To develop an induction toolkit for use within services to include:\n\n"
        "· To facilitate quarterly joint induction sessions under CSFs banner\n\n"
        "· Training required for people who deliver induction sessions\n\n"
        "· Develop welcome packs for new starters",
        "Project group to co-ordinate (to be identified)\n\nAll services to co-host events",
        "Finished by Jan 06 to go live April 06\n\nAttempt to trial materials in intervening "
        "period",
        "Resource need to be clarified",
        "",
    ),
    ("PRIORITY: RETENTION",),
    (
        "To provide a range of initiatives that support the newly appointed and established "
        "staff to maximize potential and job satisfaction",
        "· All staff to have a personal development review at least once a year\n\n"
        "· Pay and rewards to be looked at to support parity",
        "Line Managers\n\nPay & Review team within the Council; ‘Agenda for Change’ teams "
        "within Health",
        "End March 06\n\nUnable to determine (see comments)",
        "",
        "",
    ),
    ("PRIORITY: DEVELOPMENT",),
    (
        "To develop structures and processes that support the development of managers and "
        "staff across Children, Schools & Families",
        "· Identify current providers of training that will support new agenda\n\n"
        "· Establish a training sub group to develop and co-ordinate a training strategy to "
        "progress issues identified above",
        "Each Head of Service to identify key personnel to be included.  Sue Adamson to "
        "co-ordinate",
        "Spring 05\n\nIdentification at Exec March 05.  Strategy developed by Autumn 05",
        "",
        "",
    ),
]

LEEDS_HEADER = ("Recommendation", "Action taken/proposed", "Responsibility", "Timescale")
VARLEY = "Peter Varley – Senior Human Resources Manager"
GRIFFIN = "Tony Griffin – Head of Children's Service Transformation"
REC1 = (
    "Recommendation 1. That the Chief Social Services Officer considers adopting similar "
    "practices to those introduced by the Youth Service to carry out induction programmes "
    "whilst awaiting CRB clearance."
)
REC2 = (
    "Recommendation 2. That the Chief Social Services Officer considers the potential for "
    "developing job rotation and secondment opportunities."
)
REC3 = (
    "Recommendation 3. That the Director of Children's Services, in conjunction with the "
    "Director of Legal Services, considers how to appropriately challenge the unnecessary "
    "prolonging of care orders."
)
# The first page; the table goes on (with its header repeated) on the next page.
LEEDS_PAGE_1: list[Cells] = [
    (
        REC1,
        "It is considered that this practice could not be applied for the benefit of "
        "Children's Social Worker recruitment for several reasons:\n"
        "However the department feels that the recent practices that have already been put in "
        "place to keep applicants interested and engaged in the recruitment process should be "
        "further developed.",
        VARLEY,
        "",
    ),
    (
        "",
        "Further developments have been introduced into the recruitment process and updated as "
        "follows:-\n"
        "1. Improved communication between HR/Service Area Managers and recommended candidates "
        "on the progress of the various parts of the vetting process.\n"
        "2. HR to assess starting salaries in parallel to the other stages in the recruitment "
        "process to minimise potential disputes with recommended candidates following them "
        "receiving the formal offer of employment letter which is the final part in the "
        "process.",
        "",
        "",
    ),
]
LEEDS_PAGE_2: list[Cells] = [
    (
        "",
        "4. HR to prepare offer of employment letters in advance.\n"
        "5. Upon receipt of acceptance of post and confirmation of start date, send Training "
        "and Development information letter explaining training dates and programmes.\n"
        "PV 04/12/2006",
        "",
        "",
    ),
    (
        REC2,
        "The work on the structure and nature of social work teams is continuing as part of the "
        "department's Transformation Programme.",
        GRIFFIN,
        "",
    ),
    (
        REC3,
        "How to appropriately challenge the unnecessary prolongation of Care Orders.",
        f"{GRIFFIN}\nJohn Colman – Head of Service Delivery",
        "",
    ),
]

DUDLEY_OBJECTIVES = [
    (
        "Strategic Objective 1: To provide a customer focused, first class, cost effective "
        "recruitment service we will:",
        [
            "Develop a streamlined recruitment process with clear roles and responsibilities "
            "for Human Resources and recruiting managers by utilising the outcomes of the "
            "Social Care Express Pilot.",
            "Create a more engaging and dynamic Recruitment Processes which inspires applicants "
            "to choose Dudley",
            "Consider extending the recruitment methods including social media",
        ],
    ),
    (
        "Strategic Objective 2: To build employee engagement and retain key employees within "
        "the Council we will:",
        [
            "Provide regular quality supervision, with the emphasis on reflective practice",
            "Conduct, report and learn from exit interviews",
        ],
    ),
    (
        "Strategic Objective 3: To offer and develop our existing workforce various "
        "development opportunities we will:",
        ["Refresh our Management Development Programme"],
    ),
]
DUDLEY_HEADCOUNT_HEADER = (
    "Section As at February 2021",
    "Permanent Employees",
    "Agency Workers",
    "Vacancies",
)
DUDLEY_HEADCOUNT: list[Cells] = [
    ("Children in Care & Resources", "22.31", "1", "2.69"),
    ("Children and Young People's Safeguarding", "0", "0", "0"),
    ("Children's Services Business Support", "0", "0", "0"),
    ("Children's Social Care", "44.41", "26.5", "10.09"),
    ("Dudley Performing Arts", "", "", ""),
    ("Education Outcomes", "", "", ""),
    ("Family Solutions", "20.5", "0", "0"),
    ("Management Team", "0", "0", "0"),
    ("SEND", "", "", ""),
    ("Total", "87.22", "27.5", "12.78"),
]


def _fill(cell: Any, text: str, bullets_as_lists: bool = False) -> None:
    """Write a cell's paragraphs; with `bullets_as_lists`, "· " lines become Word list items."""
    paragraphs = text.split("\n")
    cell.text = ""
    first = cell.paragraphs[0]
    for i, line in enumerate(paragraphs):
        paragraph = first if i == 0 else cell.add_paragraph()
        if bullets_as_lists and line.startswith("· "):
            paragraph.text = line[2:]
            paragraph.style = "List Bullet"
        else:
            paragraph.text = line


def _docx_table(
    document: Any, header: Cells, rows: Sequence[Cells], *, merge_headings: bool, lists: bool
) -> Any:
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for values in rows:
        row = table.add_row()
        if len(values) == 1:
            target = row.cells[0]
            if merge_headings:
                target = target.merge(row.cells[-1])
            _fill(target, values[0])
            continue
        for cell, text in zip(row.cells, values, strict=True):
            _fill(cell, text, lists)
    return table


def rochdale_docx(path: Path) -> Path:
    """Rochdale's action plan: the first priority row written in its first cell only (as in
    the source), the others merged across the table; one objective's bullets as Word lists."""
    document = docx.Document()
    document.add_paragraph("Rochdale Children, Schools & Families Workforce Strategy")
    table = _docx_table(document, ROCHDALE_HEADER, ROCHDALE[:1], merge_headings=False, lists=False)
    for values in ROCHDALE[1:]:
        row = table.add_row()
        if len(values) == 1:
            _fill(row.cells[0].merge(row.cells[-1]), values[0])
            continue
        lists = values[0].startswith("To focus")
        for cell, text in zip(row.cells, values, strict=True):
            _fill(cell, text, lists)
    document.save(str(path))
    return path


def leeds_docx(path: Path, *, vertical_merge: bool = False, repeat_header: bool = True) -> Path:
    """Leeds's table, broken across two pages (the header repeated on the second, unless
    `repeat_header` is false)."""
    document = docx.Document()
    document.add_paragraph("Proposed Action Plan")
    first = _docx_table(document, LEEDS_HEADER, LEEDS_PAGE_1, merge_headings=False, lists=False)
    if vertical_merge:  # Recommendation 1's cell merged down over its continuation row
        first.cell(1, 0).merge(first.cell(2, 0))
    document.add_paragraph("")
    second = _docx_table(document, LEEDS_HEADER, LEEDS_PAGE_2, merge_headings=False, lists=False)
    if not repeat_header:
        second._tbl.remove(second.rows[0]._tr)
    document.save(str(path))
    return path


def dudley_docx(path: Path) -> Path:
    """Dudley's strategic objectives (a heading, then a table, for each), its approval
    table, and Appendix A with the totals row."""
    document = docx.Document()
    document.add_heading("4. How We Will Achieve Our Strategic Objectives", level=1)
    for heading, actions in DUDLEY_OBJECTIVES:
        document.add_heading(heading, level=2)
        rows = [(action, "", "") for action in actions]
        _docx_table(
            document, ("Action", "Lead", "Timescale"), rows, merge_headings=False, lists=False
        )
    approvals = [("Directorate Leadership Team (DLT)", "18 February 2021")]
    _docx_table(document, ("Approved by:", "Date"), approvals, merge_headings=False, lists=False)
    document.add_heading("APPENDIX A", level=1)
    _docx_table(
        document, DUDLEY_HEADCOUNT_HEADER, DUDLEY_HEADCOUNT, merge_headings=False, lists=False
    )
    document.save(str(path))
    return path


def _number(text: str) -> object:
    if not text:
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def workbook_xlsx(path: Path, rows: int = 0) -> Path:
    """A workbook of three sheets: "Action plan" (a title row above the header, a row
    merged across the sheet, empty rows, a RAG column), "Appendix A" (Dudley's figures as
    numbers) and "Notes" (no table). With `rows`, the action sheet has that many actions."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.append(["Workforce action plan 2021-2023"])
    sheet.append(["Ref", "Action", "Responsible officer", "By when", "Status", "RAG"])
    sheet.append(["Strategic Objective 1: recruitment"])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=6)
    if rows:
        for n in range(1, rows + 1):
            sheet.append([str(n), f"Action number {n}", "HR Resourcing Team", "Dec 2022", "", ""])
    else:
        sheet.append(
            ["1", "Attend at least three to four Job events, either internal or external, a year",
             "HR Resourcing Team", "Ongoing", "In progress", "Green"]
        )  # fmt: skip
        sheet.append([])
        sheet.append(
            ["1.1", "Job event at the Civic Centre", "HR Resourcing Team", "18/03/2022",
             "Complete", "Blue"]
        )  # fmt: skip
        sheet.append(
            ["2", "Complete a recruitment video", "Head of Service; Communications Team",
             "Q3 2022", "Not started", "Amber"]
        )  # fmt: skip
        sheet.append([])
        sheet.append(["3", "Refresh our Management Development Programme", "", "soon", "", "Red"])
    figures = book.create_sheet("Appendix A")
    figures.append(list(DUDLEY_HEADCOUNT_HEADER))
    for team, *values in DUDLEY_HEADCOUNT:
        figures.append([team, *(_number(v) for v in values)])
    book.create_sheet("Notes").append(["Figures from the HR system, February 2021."])
    book.save(str(path))
    return path


def headcount_ods(path: Path) -> Path:
    """Dudley's Appendix A as an OpenDocument spreadsheet."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Appendix A")
    for values in [DUDLEY_HEADCOUNT_HEADER, *DUDLEY_HEADCOUNT]:
        row = TableRow()
        for text in values:
            number = _number(text) if text and text[0].isdigit() else None
            if number is not None:
                cell = TableCell(valuetype="float", value=str(number))
            else:
                cell = TableCell(valuetype="string") if text else TableCell()
            if text:
                cell.addElement(P(text=text))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path
