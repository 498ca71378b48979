"""`wfplan report`'s committee sections: the headline's reason, exceptions (blocked with the
blocker), by lead, counts that agree, resolved due dates, and the Markdown report as the
HTML report's twin. Portfolio, --since and provenance: test_report_changes.py.

Golden files: tests/golden/report/ (`WFPLAN_REGEN_GOLDEN=1` rewrites them; review the diff).
"""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

from tests.conftest import PLANS, SEEDS, Run, write
from tests.diffrepo import PLAN
from tests.test_report import parse_html

BLOCKED = """\
wfplan: 1
id: blocked
title: "Blocked & chased"
period: {start: 2021-01-01}
actions:
  - id: panel
    title: Set up the recruitment panel
    owner: Head of Service
    due: 2021-09-30
  - id: adverts
    title: Place the adverts
    owner: [HR Resourcing Team, Head of Service]
    depends_on: [panel]
    milestones:
      - id: advert-copy
        title: Advert copy agreed
        due: 2021-06-20
        status: blocked
      - id: advert-live
        title: Advert live
        due: 2021-12-31
        status: blocked
        notes: Waiting for the job evaluation
  - id: induction
    title: Induction pack
    due: 2021-05-01
    owner: Principal Social Worker
    status: blocked
    notes: "No budget until the\\nnew financial year"
  - id: review
    title: Review
    due: Q3 2021
"""


def section(text: str, start: str, end: str) -> list[str]:
    return text[text.index(start) : text.index(end)].splitlines()


def test_blocked_milestones_are_listed_with_their_blocker(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "blocked.yaml", BLOCKED)
    result = run("report", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stderr) == (0, "")
    assert section(result.stdout, "### Blocked", "### Due in the next")[2:7] == [
        "| Milestone | Lead | Due | Blocker | RAG |",
        "|---|---|---|---|---|",
        "| Advert copy agreed (in: Place the adverts) | HR Resourcing Team, Head of Service "
        "| 20 Jun 2021 | Waiting on Set up the recruitment panel (panel) | **Red** |",
        "| Advert live (in: Place the adverts) | HR Resourcing Team, Head of Service "
        "| 31 Dec 2021 | Waiting on Set up the recruitment panel (panel) | **Amber** |",
        "| Induction pack | Principal Social Worker | 1 May 2021 "
        "| No budget until the new financial year | **Red** |",
    ]
    html = parse_html(run("report", "--as-of", "2021-06-10", "-f", "html").stdout)
    headings = [h.text for h in html.iter("h3")]
    assert headings[:4] == ["Overdue", "Blocked", "Due in the next 28 days", "Other actions"]
    blockers = [td.text for td in html.iter("td") if td.get("data-label") == "Blocker"]
    assert blockers[-1] == "No budget until the new financial year"


@pytest.mark.parametrize(
    ("plan", "as_of", "headline"),
    [
        (
            BLOCKED,
            "2021-06-10",
            "**Red**: 1 milestone overdue (40 days late); 1 blocked and due within 28 days.",
        ),
        (BLOCKED, "2021-01-10", "**Amber**: 3 blocked."),
        (PLAN, "2021-06-10", "**Amber**: 1 milestone due within 28 days."),
        (PLAN, "2021-01-10", "**Green**: nothing overdue, blocked or due within 28 days."),
        (
            PLAN,
            "2022-01-10",
            "**Red**: 2 milestones overdue, the oldest by 194 days.",
        ),
    ],
)
def test_the_headline_gives_the_reason_for_the_rating(
    workdir: Path, run: Run, plan: str, as_of: str, headline: str
) -> None:
    write(workdir / "plans" / "p.yaml", plan)
    lines = run("report", "--as-of", as_of).stdout.splitlines()
    assert lines[lines.index("## Headline") + 2] == headline


def test_targets_are_rated_apart_and_shown_beside_the_plans_rating(workdir: Path, run: Run) -> None:
    # Green on its milestones, while its only staffing target is at risk: both are said.
    write(workdir / "plans" / "p.yaml", PLAN)
    text = run("report", "--as-of", "2021-04-10").stdout
    start = text.index("## Headline")
    assert text[start : text.index("## Exceptions")].splitlines()[2:7] == [
        "**Green**: nothing overdue, blocked or due within 28 days.",
        "",
        "Staffing target (rated apart from the plan): 1 at risk.",
        "",
        "0 of 4 milestones complete; none overdue.",
    ]
    assert "- **The plan's rating and its targets.** The plan's rating comes from its " in text


def test_by_lead_lists_what_to_chase(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "blocked.yaml", BLOCKED)
    text = run("report", "--as-of", "2021-06-10").stdout
    rows = [
        line
        for line in section(text, "## By lead", "## The full plan")
        if line.startswith("| ") and "---" not in line
    ]
    assert rows == [
        "| Lead | Open | Overdue | Blocked | Due soon | To chase |",
        "| Principal Social Worker | 1 | 1 | 1 | 0 | **Red** Induction pack — 40 days late |",
        "| Head of Service | 3 | 0 | 2 | 1 | **Red** Advert copy agreed — blocked; "
        "**Amber** Advert live — blocked |",
        "| HR Resourcing Team | 2 | 0 | 2 | 1 | **Red** Advert copy agreed — blocked; "
        "**Amber** Advert live — blocked |",
        "| No lead named | 1 | 0 | 0 | 0 |  |",
    ]


def leading(text: str) -> int:
    number = re.match(r"\d+", text)
    assert number is not None, text
    return int(number.group())


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_counts_agree_milestones_in_actions(run: Run, seed: str) -> None:
    html = run("report", PLANS / f"{seed}.yaml", "-f", "html", "--as-of", SEEDS[seed]).stdout
    root = parse_html(html)
    counts = root.find(".//ul[@class='counts']")
    assert counts is not None
    items = ["".join(li.itertext()) for li in counts.iter("li")]
    whole = re.fullmatch(r"(\d+)milestones in all, in (\d+) actions?", items[-1])
    assert whole is not None
    total, actions = int(whole.group(1)), int(whole.group(2))
    # each rating's count, then the total: the ratings add up to it
    assert sum(leading(item) for item in items[:-1]) == total
    captions = [
        c.text or ""
        for c in root.iter("caption")
        if re.search(r": \d+ actions?, \d+ milestones?$", c.text or "")
    ]
    found = [re.search(r": (\d+) actions?, (\d+) milestones?$", c) for c in captions]
    assert sum(int(m.group(1)) for m in found if m) == actions
    assert sum(int(m.group(2)) for m in found if m) == total


def test_due_columns_show_the_resolved_date_with_the_sources_words(run: Run) -> None:
    seed = "scottish-executive-2002"
    root = parse_html(
        run("report", PLANS / f"{seed}.yaml", "-f", "html", "--as-of", SEEDS[seed]).stdout
    )
    due = next(td for td in root.iter("td") if td.get("data-label") == "Due")
    assert [(s.get("class"), s.text) for s in due] == [
        ("date", "3 Jun 2002"),
        ("words", "in the next 9 weeks"),
    ]
    md = run("report", PLANS / f"{seed}.yaml", "--as-of", SEEDS[seed]).stdout
    assert "| 3 Jun 2002 (in the next 9 weeks) | 59 | **Red** |" in md


def test_a_revised_deadline_shows_both_dates(workdir: Path, run: Run) -> None:
    revised = PLAN.replace(
        "        due: Mar 2022\n",
        "        due: Mar 2022\n        revised_due: 2022-06-30\n"
        "        revision_reason: Members' meeting moved\n",
    )
    write(workdir / "plans" / "p.yaml", revised)
    md = run("report", "--as-of", "2022-06-10").stdout
    assert "| 30 Jun 2022; was 31 Mar 2022 (Mar 2022) | 20 | **Amber** |" in md
    root = parse_html(run("report", "--as-of", "2022-06-10", "-f", "html").stdout)
    row = next(tr for tr in root.iter("tr") if (tr.findtext("th") or "") == "Report to members")
    due = next(td for td in row.iter("td") if td.get("data-label") == "Due")
    assert "".join(due.itertext()) == "30 Jun 2022was 31 Mar 2022 (Mar 2022)"


def headings_html(text: str) -> list[tuple[int, str]]:
    root = parse_html(text)
    return [
        (int(e.tag[1]), "".join(e.itertext()).strip())
        for e in root.iter()
        if e.tag in ("h1", "h2", "h3", "h4")
    ]


def headings_md(text: str) -> list[tuple[int, str]]:
    found = []
    for line in text.splitlines():
        m = re.match(r"(#{1,4}) (.*)", line)
        if m:
            found.append((len(m.group(1)), re.sub(r"\\(.)", r"\1", m.group(2))))
    return found


@pytest.mark.parametrize("seed", [*sorted(SEEDS), "all plans"])
def test_markdown_is_the_twin_of_the_html(run: Run, seed: str) -> None:
    if seed == "all plans":
        args: tuple[str | Path, ...] = (PLANS, "--as-of", "2006-04-01")
    else:
        args = (PLANS / f"{seed}.yaml", "--as-of", SEEDS[seed])
    html = run("report", *args, "-f", "html").stdout
    md = run("report", *args, "-f", "md").stdout
    # the same sections, at the same levels, in the same order
    assert headings_md(md) == headings_html(html)
    assert len(headings_md(md)) > 8


@pytest.mark.parametrize("seed", [*sorted(SEEDS), "all plans"])
def test_html_parses_without_a_single_html5_error(run: Run, seed: str) -> None:
    if seed == "all plans":
        args: tuple[str | Path, ...] = (PLANS, "--as-of", "2006-04-01")
    else:
        args = (PLANS / f"{seed}.yaml", "--as-of", SEEDS[seed])
    html = run("report", *args, "-f", "html").stdout
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(html)  # raises on the first parse error
    assert parser.errors == []
    ids = [e.get("id") for e in parse_html(html).iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "an id used twice"
